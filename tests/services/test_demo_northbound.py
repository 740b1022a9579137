"""The demo schedules NORTHBOUND: the story's rules hold on the saved board, read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from daybreak.services import demo_northbound
from daybreak.services.boards import day_summaries, evaluate_board
from daybreak.services.demo import DemoContext
from daybreak.services.projects import load_production


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoContext:
    out = tmp_path_factory.mktemp("northbound")
    ctx = DemoContext(out=out, project=out / "unused.daybreak")
    saved = demo_northbound.SOLVE_SECONDS
    demo_northbound.SOLVE_SECONDS = 6.0
    try:
        demo_northbound.step_northbound(ctx)
    finally:
        demo_northbound.SOLVE_SECONDS = saved
    return ctx


def test_the_saved_plan_honors_the_story(demo: DemoContext) -> None:
    """Stunt on day 1 in Norway, the booked actor only after his other films, no broken rule."""
    production = load_production(demo.out / "northbound.daybreak")
    board = production.board("Optimized")
    strips = production.strips()
    days = board.days
    dated = day_summaries(production, board)
    stunt_sets = {strips[s].set_name for s in days[0] if s in strips}
    assert "FJORD CLIFF - RAMP" in stunt_sets
    assert dated[0]["date"] == "2027-09-06"

    marc = next(e for e in production.elements if e.name == "MARC DELAUNAY")
    for day, summary in zip(days, dated, strict=True):
        works = any(marc in strips[s].cast for s in day if s in strips)
        if works:
            assert date.fromisoformat(summary["date"]) > date(2027, 9, 24)

    panel = evaluate_board(production, board)
    assert panel["feasible"] is True and panel["violations"] == []


def test_the_summary_prints_the_evaluators_cost_and_a_lower_bound(demo: DemoContext) -> None:
    production = load_production(demo.out / "northbound.daybreak")
    panel = evaluate_board(production, production.board("Optimized"))
    text = "\n".join(demo.lines)
    assert f"{panel['total']:,.0f} EUR" in text
    for term in ("cast_hold", "company_moves", "shoot_days", "location_days"):
        assert term in text
    bound_line = next(line for line in demo.lines if "lower bound" in line)
    bound = float(bound_line.split()[2].replace(",", ""))
    assert 0 < bound <= panel["total"]
    written = {Path(p).name for p in demo.written}
    assert {"northbound.daybreak", "dood.pdf", "callsheet-day1.pdf"} <= written

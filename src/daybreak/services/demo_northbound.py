"""The demo's own production, NORTHBOUND: scheduled by the engine, then its paperwork.

It tells our users' story (see `data/demo/northbound.toml`): the shoot opens in Norway in
September with the pinned stunt, one actor is booked elsewhere until late September, the
train-carriage set comes early and late in the script, the remote camp lodges the crew.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from daybreak.engine.problem import ProblemData
from daybreak.errors import DaybreakError
from daybreak.reports.generate import write_report
from daybreak.services.demo_production import northbound
from daybreak.services.projects import save_production
from daybreak.services.scheduling import schedule_board

if TYPE_CHECKING:
    from daybreak.services.demo import DemoContext

SOLVE_SECONDS = 20.0
STUNT_SET = "FJORD CLIFF - RAMP"
BOOKED_ACTOR = "MARC DELAUNAY"


def _money(value: float, currency: str) -> str:
    return f"{value:,.0f} {currency}"


def step_northbound(ctx: DemoContext) -> None:
    """Scheduling NORTHBOUND (our own demo film) with the optimizer."""
    production = northbound()
    started = time.perf_counter()
    outcome = schedule_board(production, time_limit=SOLVE_SECONDS, board_name="Optimized")
    seconds = time.perf_counter() - started
    if outcome.board is None or outcome.evaluation is None:
        raise DaybreakError(
            "the demo production could not be scheduled: " + "; ".join(outcome.result.explanation)
        )
    project = ctx.out / "northbound.daybreak"
    for stale in (project, project.with_name(project.name + "-wal")):
        stale.unlink(missing_ok=True)
    save_production(project, production, create=True)
    ctx.written.append(project)

    record = outcome.record
    data = outcome.data
    currency = data.costs.currency
    days = record["days"]
    ctx.lines.append(
        f"Scheduled {production.name!r} ({len(data.scene_ids)} scenes, {len(data.cast)} cast) "
        f"in {seconds:.1f} s: {record['status']}, {len(days)} shoot days, "
        f"{days[0]['date']} to {days[-1]['date']}"
    )
    for term, value in record["cost"].items():
        ctx.lines.append(f"  {term:<14}{_money(value, currency):>20}")
    bound = record["lower_bound"]
    if bound is not None:
        gap = record["gap"]
        ctx.lines.append(
            f"  lower bound   {_money(bound, currency):>20}"
            + (f"  (the plan is within {gap:.1%} of the best possible)" if gap else "")
        )
    ctx.lines.extend(_story_checks(outcome.data, days))

    folder = ctx.out / "northbound"
    reports = (("dood", "pdf", None), ("callsheet", "pdf", 1), ("oneliner", "pdf", None))
    for kind, fmt, day in reports:
        name = f"{kind}-day{day}" if day else kind
        out = write_report(production, outcome.board, kind, fmt, folder / f"{name}.{fmt}", day=day)
        ctx.written.append(out)


def _story_checks(data: ProblemData, days: list[dict[str, Any]]) -> list[str]:
    """Lines showing the plan honors the story's hard rules, read back from the plan."""
    by_id = {scene_id: s for s, scene_id in enumerate(data.scene_ids)}
    lines: list[str] = []
    first = days[0]
    first_sets = sorted({data.set_names[data.set_of[by_id[i]]] for i in first["ids"]})
    lines.append(f"  day 1 ({first['date']}): {', '.join(first_sets)}")
    actor = next((c for c, cast in enumerate(data.cast) if BOOKED_ACTOR in cast.name), None)
    if actor is not None:
        worked = [
            str(day["date"])
            for day in days
            if any(actor in data.scene_cast[by_id[i]] for i in day["ids"])
        ]
        if worked:
            lines.append(f"  {BOOKED_ACTOR}: first work day {worked[0]} (booked elsewhere before)")
    return lines

"""Scenarios and compare on NORTHBOUND: push the start, lose a performer, a second unit."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from daybreak.domain import Board, Production
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.services.board_compare import main_view, placements, second_unit_section
from daybreak.services.boards import evaluate_board
from daybreak.services.demo_production import northbound
from daybreak.services.scenarios import compare_boards, make_scenario, scenes_of_category
from daybreak.services.scheduling import schedule_board

SECONDS = 2.0
LOST = ("ELENA VOSS", date(2027, 9, 20), date(2027, 10, 19))


@pytest.fixture(scope="module")
def planned() -> Production:
    production = northbound()
    assert schedule_board(production, time_limit=3, board_name="Plan").board is not None
    return production


@pytest.fixture()
def production(planned: Production) -> Production:
    return copy.deepcopy(planned)


def assert_rules_hold(production: Production, board: Board) -> None:
    """Every hard rule holds, checked from a fresh compile of the main unit."""
    view = main_view(board)
    data = compile_problem(production, view, days=len(view.days))
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    ev = evaluate(data, Schedule.of([[index[s] for s in day] for day in view.days]))
    assert ev.feasible, [v.message for v in ev.violations]


def test_push_two_weeks(production: Production) -> None:
    plan = production.board("Plan")
    before = copy.deepcopy(plan)
    old_dates = production.board_calendar(plan).shoot_dates(len(plan.days))  # type: ignore[union-attr]
    outcome = make_scenario(production, "Plan", push_weeks=2, time_limit=SECONDS, name="Pushed")
    board = outcome.board
    assert production.board("Pushed") is board
    assert board.calendar_id != plan.calendar_id
    diff = outcome.record["comparison"]["difference"]
    assert diff["start_days"] >= 14
    if outcome.record["method"] == "unchanged":  # same days, later dates
        assert diff["wrap_days"] >= 14
    assert_rules_hold(production, board)
    # the original board keeps its days and its dates
    assert plan == before
    assert production.board_calendar(plan).shoot_dates(len(plan.days)) == old_dates  # type: ignore[union-attr]
    moved = {m["id"] for m in outcome.record["moves"]}
    assert moved == {
        sid
        for sid, (u, d, _) in placements(production, board).items()
        if placements(production, plan)[sid][:2] != (u, d)
    }


def test_lose_a_performer_for_a_month(production: Production) -> None:
    outcome = make_scenario(production, "Plan", lose=[LOST], time_limit=SECONDS)
    board = outcome.board
    elena = next(e for e in production.cast if e.name == "ELENA VOSS")
    scenes = {s.id: s for s in production.scenes}
    worked = {
        date.fromisoformat(when)
        for sid, (_, _, when) in placements(production, board).items()
        if elena.id in scenes[sid].element_ids
    }
    assert worked
    assert not [d for d in worked if LOST[1] <= d <= LOST[2]]
    assert outcome.record["broken_before"]  # she was on the plan in those dates
    assert_rules_hold(production, board)
    # a what-if: the performer's availability is not changed
    assert not elena.availability.unavailable


def test_second_unit_for_the_stunts(production: Production) -> None:
    stunts = set(scenes_of_category(production, "Stunts", "--second-unit-category"))
    outcome = make_scenario(production, "Plan", second_unit_category="Stunts", time_limit=SECONDS)
    board = outcome.board
    su = second_unit_section(board)
    assert su is not None and su.name == "Second Unit"
    assert {s for day in su.days for s in day} == stunts
    assert not stunts & {s for day in board.days for s in day}
    eighths = sum(s.eighths for s in production.scenes if s.id in stunts)
    cmp = outcome.record["comparison"]
    assert cmp["b"]["main_unit_eighths"] == cmp["a"]["main_unit_eighths"] - eighths
    assert cmp["b"]["eighths"] == cmp["a"]["eighths"]
    unit = cmp["b"]["second_unit"]
    assert unit["shoot_days"] == cmp["b"]["second_unit_days"] > 0
    assert unit["terms"]["shoot_days"] == unit["daily_cost"] * unit["shoot_days"]
    assert unit["daily_cost"] == pytest.approx(0.4 * production.costs.shoot_day)
    assert cmp["b"]["terms"]["second_unit"] == pytest.approx(unit["total"])
    assert cmp["b"]["feasible"], cmp["b"]["violations"]  # nobody on both units at once
    assert_rules_hold(production, board)


def test_compare_matches_evaluate_board(production: Production) -> None:
    pushed = make_scenario(production, "Plan", push_weeks=2, time_limit=SECONDS).board
    result = compare_boards(production, "Plan", pushed.name)
    for side, board in (("a", production.board("Plan")), ("b", pushed)):
        panel = evaluate_board(production, board)
        summary = result[side]
        assert summary["total"] == pytest.approx(panel["total"])
        assert summary["terms"] == pytest.approx(panel["terms"])
        assert summary["days"] == panel["counts"]["shoot_days"]
        for p in panel["performers"]:
            assert summary["performers"][p["name"]] == {
                "work_days": len(p["work_days"]),
                "hold_days": len(p["hold_days"]),
            }
    a, b = result["a"], result["b"]
    diff = result["difference"]
    assert diff["total"] == pytest.approx(b["total"] - a["total"])
    wrap = date.fromisoformat(a["wrap"]) + timedelta(days=diff["wrap_days"])
    assert wrap.isoformat() == b["wrap"]
    before, after = placements(production, production.board("Plan")), placements(production, pushed)
    redated = [sid for sid, (_, _, when) in after.items() if before[sid][2] != when]
    assert diff["strips_on_different_dates"] == len(redated)


@pytest.mark.parametrize(
    ("kwargs", "option"),
    [
        ({"push_weeks": -1}, "--push-weeks"),
        ({"lose": [("NOBODY", date(2027, 9, 1), date(2027, 9, 2))]}, "--lose"),
        ({"lose": [("ELENA VOSS", date(2027, 9, 9), date(2027, 9, 2))]}, "--lose"),
        ({"second_unit": ["999"]}, "--second-unit"),
        ({"second_unit_category": "Dragons"}, "--second-unit-category"),
        ({"name": "Plan"}, "--name"),
        ({"time_limit": 0}, "--time-limit"),
    ],
)
def test_bad_input_names_the_option(
    production: Production, kwargs: dict[str, object], option: str
) -> None:
    count = len(production.boards)
    with pytest.raises(DaybreakError) as info:
        make_scenario(production, "Plan", **kwargs)  # type: ignore[arg-type]
    assert info.value.where == option
    assert len(production.boards) == count

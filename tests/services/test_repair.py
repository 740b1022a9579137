"""The acceptance test of issue 7: replay a realistic shoot of NORTHBOUND with repairs.

Schedule the demo film, log days, add a reshoot, lose a performer for ten days mid-shoot,
then stop for a six-week hiatus. After each repair: every shot day is unchanged, every
hard rule holds (the evaluator run again on a fresh compile), the moves are reported and
are no more than a from-scratch re-solve would change.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from daybreak.domain import Board, Production, ShotStatus
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.repair import plan_changes, scratch_plan
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.services.demo_production import northbound
from daybreak.services.repair import Disruptions, RepairOutcome, repair_board, shoot_dates
from daybreak.services.scheduling import schedule_board
from daybreak.services.shooting import DayEntry, log_day

SECONDS = 2.0


def log_days(production: Production, board: Board, first: int, last: int) -> None:
    """Log days first..last of the board as shot in full."""
    for k in range(first, last + 1):
        entries = [DayEntry(s, ShotStatus.COMPLETE) for s in board.days[k - 1]]
        log_day(production, board, k, entries)


def check(before: Production, outcome: RepairOutcome, shot_days: int) -> None:
    """Shot days unchanged, every hard rule holds, moves counted and no more than needed."""
    source = before.board(outcome.record["source_board"])
    board = outcome.board
    assert board is not None, outcome.record["violations"]
    assert outcome.record["frozen_days"] == shot_days
    assert board.days[:shot_days] == source.days[:shot_days]
    # the shot days keep their dates
    old_dates = shoot_dates(before, source, shot_days)
    assert shoot_dates(outcome.production, board, shot_days) == old_dates
    # every hard rule holds, checked again from a fresh compile of the new board
    data = compile_problem(outcome.production, board, days=len(board.days))
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    schedule = Schedule.of([[index[s] for s in day] for day in board.days])
    ev = evaluate(data, schedule)
    assert ev.feasible, [v.message for v in ev.violations]
    assert ev.total == pytest.approx(outcome.result.evaluation.total)
    # the moves reported are the plan's real changes
    old = Schedule.of([[index[s] for s in day if s in index] for day in source.days])
    moved, distance = plan_changes(old, schedule)
    assert outcome.record["moved_scenes"] == moved == len(outcome.record["moves"])
    assert outcome.record["distance_days"] == distance
    # each scene that the disruption broke had to move; no more than a re-solve changes
    broken = {
        outcome.data.scene_ids[s]
        for v in outcome.result.before.violations
        if v.rule == "availability"
        for s in v.scenes
    }
    assert broken <= {m["id"] for m in outcome.record["moves"]}
    frozen = {d: list(outcome.result.schedule.days[d]) for d in range(shot_days)}
    scratch = scratch_plan(outcome.data, frozen, time_limit=SECONDS)
    assert scratch is not None
    known = {sid: i for i, sid in enumerate(outcome.data.scene_ids)}
    old_new = Schedule.of([[known[s] for s in day if s in known] for day in source.days])
    assert moved <= plan_changes(old_new, scratch)[0]


def test_replay_a_shoot_with_reshoot_lost_performer_and_hiatus() -> None:
    production = northbound()
    planned = schedule_board(production, time_limit=SECONDS, board_name="Plan")
    assert planned.board is not None
    plan = planned.board

    # week one shot as planned; nothing broke: the repair moves nothing
    log_days(production, plan, 1, 5)
    calm = repair_board(production, Disruptions(), time_limit=SECONDS)
    assert calm.record["method"] == "unchanged" and calm.record["moved_scenes"] == 0
    assert calm.board is not None and calm.board.days == plan.days[: len(calm.board.days)]

    # the director wants the train carriage again: a new strip, placed, nothing shot moves
    outcome = repair_board(
        production, Disruptions(reshoot=["7"]), time_limit=SECONDS, board_name="R1"
    )
    check(production, outcome, 5)
    assert [m["scene"] for m in outcome.record["added"]] == ["7R"]
    production = outcome.production
    r1 = production.board("R1")

    # week two shot; then the busiest performer of the next ten days is out for ten days
    log_days(production, r1, 6, 10)
    dates = shoot_dates(production, r1, len(r1.days))
    # from October: the cliff scenes (permit: September only) are not part of this case
    later = [d for d in range(10, len(dates)) if r1.days[d]]
    start = dates[next((d for d in later if dates[d] >= date(2027, 10, 1)), later[0])]
    window = [d for d in range(10, len(dates)) if dates[d] <= start + timedelta(days=9)]
    counts: dict[str, int] = {}
    for d in window:
        for scene_id in r1.days[d]:
            for member in production.strip(scene_id).cast:
                counts[member.name] = counts.get(member.name, 0) + 1
    lost = max(counts, key=lambda name: counts[name])
    out = f"{lost}:{start}..{start + timedelta(days=9)}"
    outcome = repair_board(
        production, Disruptions.parse(unavailable=[out]), time_limit=SECONDS, board_name="R2"
    )
    assert outcome.result.before.violations  # it broke the plan
    assert outcome.record["moved_scenes"] >= 1
    check(production, outcome, 10)
    production = outcome.production
    r2 = production.board("R2")

    # two more days, then a six-week hiatus from October (the cliff permit ends with
    # September, so what is left there must be shot before): later days change date
    log_days(production, r2, 11, 12)
    last_shot = shoot_dates(production, r2, 12)[-1]
    first = max(last_shot + timedelta(days=1), date(2027, 10, 4))
    hiatus = f"{first}..{first + timedelta(weeks=6, days=-1)}"
    outcome = repair_board(
        production, Disruptions.parse(hiatus=hiatus), time_limit=SECONDS, board_name="R3"
    )
    check(production, outcome, 12)
    if len(r2.days) > 12:
        assert outcome.record["dates_shifted"] > 0
    r3 = outcome.production.board("R3")
    new_dates = shoot_dates(outcome.production, r3, len(r3.days))
    assert not [d for d in new_dates if first <= d < first + timedelta(weeks=6)]
    # previous boards stay, the log is inherited through the repairs
    names = [b.name for b in outcome.production.boards]
    assert names[:2] == ["Script Order", "Plan"] and names[-3:] == ["R1", "R2", "R3"]


@pytest.fixture(scope="module")
def shooting() -> Production:
    production = northbound()
    planned = schedule_board(production, time_limit=SECONDS, board_name="Plan")
    assert planned.board is not None
    log_days(production, planned.board, 1, 3)
    return production


def test_not_shot_and_partial_scenes_go_back_into_the_plan(shooting: Production) -> None:
    production = copy.deepcopy(shooting)  # the module's plan stays as logged for the others
    plan = production.board("Plan")
    k = next(k for k in (3, 2, 1) if plan.days[k - 1])
    day3 = plan.days[k - 1]
    entries = [DayEntry(s, ShotStatus.COMPLETE) for s in day3[1:]]
    scene = production.scene(day3[0])
    if len(day3) > 1:
        entries.append(DayEntry(day3[0], ShotStatus.NOT_SHOT))
    else:
        entries = [DayEntry(day3[0], ShotStatus.PARTIAL, eighths_done=1)]
    log_day(production, plan, k, entries)
    outcome = repair_board(production, Disruptions(), time_limit=SECONDS)
    board = outcome.board
    assert board is not None
    if len(day3) > 1:
        assert day3[0] not in board.days[k - 1]
        moved = {m["id"]: m for m in outcome.record["moves"]}
        assert moved[day3[0]]["from_day"] == k and moved[day3[0]]["to_day"] > 3
    else:
        rest = [s for s in outcome.production.scenes if s.number == f"{scene.number}PT"]
        assert rest and rest[0].eighths == scene.eighths - 1


@pytest.mark.parametrize(
    ("changes", "option"),
    [
        ({"unavailable": ["NOBODY:2027-10-01..2027-10-02"]}, "--unavailable"),
        ({"unavailable": ["KIRA:2027-10-05..2027-10-01"]}, "--unavailable"),
        ({"unavailable": ["KIRA"]}, "--unavailable"),
        ({"unavailable": ["KIRA:2027-09-06..2027-09-07"]}, "--unavailable"),
        ({"location_lost": ["Atlantis:2027-10-01"]}, "--location-lost"),
        ({"hiatus": "2027-09-07..2027-09-30"}, "--hiatus"),
        ({"hiatus": "next week"}, "--hiatus"),
        ({"reshoot": ["999"]}, "--reshoot"),
        ({"add_scenes": ["7"]}, "--add-scene"),
    ],
)
def test_bad_input_names_the_option(
    shooting: Production, changes: dict[str, object], option: str
) -> None:
    with pytest.raises(DaybreakError) as caught:
        repair_board(shooting, Disruptions.parse(**changes), time_limit=1)  # type: ignore[arg-type]
    assert caught.value.where == option


def test_cutting_a_shot_scene_is_refused_and_nothing_changes(shooting: Production) -> None:
    first = next(day[0] for day in shooting.board("Plan").days[:3] if day)  # logged as shot
    boards = len(shooting.boards)
    with pytest.raises(DaybreakError) as caught:
        repair_board(shooting, Disruptions(cut=[first]), time_limit=1)
    assert caught.value.where == "--cut"
    assert len(shooting.boards) == boards
    with pytest.raises(DaybreakError) as caught:
        repair_board(shooting, Disruptions(), stability_weight=-1, time_limit=1)
    assert caught.value.where == "--stability-weight"


def test_cut_and_location_available(shooting: Production) -> None:
    plan = shooting.board("Plan")
    later = plan.days[-1][0]
    camp = "Preikestolen ramp camp, Rogaland"
    outcome = repair_board(
        shooting,
        Disruptions.parse(cut=[later], location_available=[f"{camp}:2027-10-04..2027-10-08"]),
        time_limit=1,
    )
    assert outcome.board is not None
    assert later not in {s for day in outcome.board.days for s in day}
    assert outcome.board.boneyard is not None and later in outcome.board.boneyard.strip_ids
    place = next(e for e in outcome.production.elements if e.name == camp)
    assert place.works_on(date(2027, 10, 5)) and place.works_on(date(2027, 9, 20))
    assert not place.works_on(date(2027, 10, 12))

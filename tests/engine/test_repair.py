"""The engine's repair: frozen days kept, rules honoured, few moves, counted exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.problem import ProblemData, ResourceData
from daybreak.engine.repair import plan_changes, repair, scratch_plan
from daybreak.engine.schedule import Schedule
from daybreak.engine.solve import solve
from daybreak.services.demo_production import northbound

FROZEN = 4
# Per scene moved and per day it moves. At the default weight a repair may move more
# scenes when that saves more money (by design); with moves this dear it must move no
# more than a plan re-solved from scratch does.
MOVE_WEIGHT = 1_000_000


@pytest.fixture(scope="module")
def planned() -> tuple[ProblemData, Schedule]:
    production = northbound()
    data = compile_problem(production, production.board())
    result = solve(data, time_limit=2.0, seed=1)
    assert result.schedule is not None
    return data, result.schedule


def lose(data: ProblemData, cast: int, days: range) -> ProblemData:
    """The problem with performer ``cast`` out on these days (as compile would make it)."""
    r = len(data.resources)
    resource = ResourceData(data.cast[cast].name, "cast", tuple(days), ("unavailable",) * len(days))
    res = tuple(
        data.scene_resources[s] + ((r,) if cast in data.scene_cast[s] else ())
        for s in range(data.num_scenes)
    )
    allowed = tuple(
        tuple(d for d in data.allowed[s] if not (cast in data.scene_cast[s] and d in days))
        for s in range(data.num_scenes)
    )
    return replace(
        data, resources=(*data.resources, resource), scene_resources=res, allowed=allowed
    )


def busiest(data: ProblemData, schedule: Schedule, days: range) -> int:
    counts = [0] * data.num_cast
    for d in days:
        for s in schedule.days[d]:
            for c in data.scene_cast[s]:
                counts[c] += 1
    return max(range(data.num_cast), key=lambda c: counts[c])


def test_plan_changes_counts_moves_and_days() -> None:
    old = Schedule.of([[0, 1], [2], [3]])
    new = Schedule.of([[0], [2, 1], [], [3], [4]])
    assert plan_changes(old, new) == (2, 2)  # 1 and 3 moved one day each; 4 is new


def test_nothing_broke_nothing_moves(planned: tuple[ProblemData, Schedule]) -> None:
    data, schedule = planned
    result = repair(data, schedule, range(FROZEN), time_limit=2.0)
    assert result.method == "unchanged" and result.moved_scenes == 0
    assert result.schedule.days[: len(schedule.days)] == schedule.days
    assert result.cost_delta["total"] == 0


def test_lost_performer_repaired_with_few_moves(planned: tuple[ProblemData, Schedule]) -> None:
    data, schedule = planned
    window = range(FROZEN, FROZEN + 8)
    cast = busiest(data, schedule, window)
    disrupted = lose(data, cast, window)
    result = repair(
        disrupted, schedule, range(FROZEN), stability_weight=MOVE_WEIGHT, time_limit=2.0
    )
    assert result.schedule.days[:FROZEN] == schedule.days[:FROZEN]
    ev = evaluate(disrupted, result.schedule)  # checked again, independently
    assert ev.feasible, [v.message for v in ev.violations]
    assert result.evaluation.total == ev.total
    broken = {s for d in window for s in schedule.days[d] if cast in data.scene_cast[s]}
    moved = {m.scene for m in result.moves}
    assert broken and broken <= moved
    assert (result.moved_scenes, result.distance) == plan_changes(schedule, result.schedule)
    assert result.stability_cost == MOVE_WEIGHT * (result.moved_scenes + result.distance)
    assert result.objective == pytest.approx(ev.total + result.stability_cost)
    delta = result.cost_delta
    assert delta["total"] == pytest.approx(result.objective - result.before.total)
    frozen = {d: list(schedule.days[d]) for d in range(FROZEN)}
    scratch = scratch_plan(disrupted, frozen, time_limit=2.0)
    assert scratch is not None
    scratch_moved, scratch_distance = plan_changes(schedule, scratch)
    assert result.moved_scenes <= scratch_moved
    assert result.moved_scenes + result.distance <= scratch_moved + scratch_distance
    record = result.to_dict(disrupted)
    assert record["moved_scenes"] == len(record["moves"]) == result.moved_scenes
    assert all(m["from_day"] != m["to_day"] for m in record["moves"])


def test_a_scene_taken_off_a_frozen_day_moves_and_counts(
    planned: tuple[ProblemData, Schedule],
) -> None:
    data, schedule = planned
    day = next(d for d in range(FROZEN) if len(schedule.days[d]) > 1)
    missed = schedule.days[day][-1]
    shot = {d: [s for s in schedule.days[d] if s != missed] for d in range(FROZEN)}
    result = repair(data, schedule, range(FROZEN), shot=shot, time_limit=1.0)
    assert result.feasible
    assert [list(d) for d in result.schedule.days[:FROZEN]] == [shot[d] for d in range(FROZEN)]
    move = next(m for m in result.moves if m.scene == missed)
    assert move.from_day == day and move.to_day is not None and move.to_day >= FROZEN


def test_a_new_scene_is_placed_not_counted_as_moved(
    planned: tuple[ProblemData, Schedule],
) -> None:
    data, schedule = planned
    last = max(s for day in schedule.days for s in day)
    without = Schedule.of([[s for s in day if s != last] for day in schedule.days])
    result = repair(data, without, range(FROZEN), time_limit=1.0)
    assert result.feasible
    assert [m.scene for m in result.added] == [last]
    assert result.added[0].from_day is None and result.added[0].to_day is not None

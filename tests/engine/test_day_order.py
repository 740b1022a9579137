"""Tests of the exact day-order polish: the windowed subset DP and its use on schedules."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from daybreak.engine.compile import compile_problem
from daybreak.engine.day_order import reorder_days
from daybreak.engine.evaluate import evaluate
from daybreak.engine.generator import generate_production
from daybreak.engine.problem import BEFORE, ProblemData
from daybreak.engine.schedule import Schedule
from daybreak.engine.solve import solve
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.subset_dp import subset_dp


def window_cost(inst: TalentInstance, order: tuple[int, ...], started: int, pending: int) -> int:
    """Idle cost of ``order`` when ``started`` actors are on from the start and ``pending``
    ones to the end (each actor waits on every day between its first and last presence
    that is not one of its scenes)."""
    n = inst.num_scenes
    total = 0
    for a, mask in enumerate(inst.actor_scenes):
        at = [k for k, s in enumerate(order) if mask >> s & 1]
        first = 0 if started >> a & 1 else (at[0] if at else None)
        last = n - 1 if pending >> a & 1 else (at[-1] if at else None)
        if first is None or last is None:
            continue
        for k in range(first, last + 1):
            s = order[k]
            if not mask >> s & 1:
                total += inst.durations[s] * inst.costs[a]
    return total


@st.composite
def windows(draw: st.DrawFn) -> tuple[TalentInstance, int, int, list[int]]:
    n = draw(st.integers(1, 6))
    m = draw(st.integers(1, 4))
    masks = tuple(draw(st.integers(0, (1 << n) - 1)) for _ in range(m))
    costs = tuple(draw(st.integers(0, 9)) for _ in range(m))
    durations = tuple(draw(st.integers(0, 3)) for _ in range(n))
    started = draw(st.integers(0, (1 << m) - 1))
    pending = draw(st.integers(0, (1 << m) - 1))
    allowed = [draw(st.integers(0, (1 << n) - 1)) for _ in range(n)]
    return TalentInstance(durations, costs, masks), started, pending, allowed


@settings(max_examples=300, deadline=None)
@given(windows())
def test_windowed_subset_dp_matches_enumeration(
    case: tuple[TalentInstance, int, int, list[int]],
) -> None:
    """With actors on before/after the window and positions restricted, the DP finds the
    cheapest allowed order, or says there is none, exactly as enumeration does."""
    inst, started, pending, allowed = case
    n = inst.num_scenes
    feasible = [
        order
        for order in itertools.permutations(range(n))
        if all(allowed[s] >> k & 1 for k, s in enumerate(order))
    ]
    solved = subset_dp(inst, started=started, pending=pending, allowed_at=allowed)
    if not feasible:
        assert solved is None
        return
    assert solved is not None
    idle, order = solved
    assert all(allowed[s] >> k & 1 for k, s in enumerate(order))
    assert idle == window_cost(inst, tuple(order), started, pending)
    assert idle == min(window_cost(inst, o, started, pending) for o in feasible)


def order_only_problem() -> ProblemData:
    """A generated feature whose day order matters for holds only (no turnaround rest,
    no precedence, no drops), so the DP's choice is the evaluator's."""
    data = compile_problem(generate_production("feature", seed=3))
    return replace(
        data,
        turnaround_hours=0.0,
        rules=tuple(r for r in data.rules if r.kind != BEFORE),
        cast=tuple(replace(c, allow_drop=False) for c in data.cast),
    )


def test_reordering_undoes_a_shuffled_week_and_keeps_every_rule() -> None:
    """Days 1-7 and 8-14 of a solved plan swapped: the polish brings the plan back to no
    more than its original cost, honouring every rule (pins and availability included)."""
    data = order_only_problem()
    solved = solve(data, time_limit=3.0, seed=1)
    assert solved.schedule is not None
    original = evaluate(data, solved.schedule)
    days = [list(day) for day in solved.schedule.days]
    first = min(d for d, day in enumerate(days) if day)
    shuffled_days = (
        days[:first] + days[first + 7 : first + 14] + days[first : first + 7] + days[first + 14 :]
    )
    shuffled = evaluate(data, Schedule.of(shuffled_days))
    polished_schedule, polished = reorder_days(data, Schedule.of(shuffled_days), shuffled)
    assert polished == evaluate(data, polished_schedule)
    assert polished.feasible
    assert polished.total <= original.total + 1e-6
    if shuffled.feasible:
        assert polished.total <= shuffled.total
    assert sorted(s for day in polished_schedule.days for s in day) == list(range(data.num_scenes))
    assert shuffled.counts["hold_days"] > original.counts["hold_days"]  # the shuffle hurt


def test_reordering_never_makes_a_plan_worse() -> None:
    """On the full feature (turnaround, precedence and all) the polish keeps or lowers the
    cost of a solved plan and keeps every rule."""
    data = compile_problem(generate_production("feature", seed=2))
    solved = solve(data, time_limit=3.0, seed=2)
    assert solved.schedule is not None
    before = evaluate(data, solved.schedule)
    after_schedule, after = reorder_days(data, solved.schedule, before)
    assert after.feasible and after.total <= before.total
    assert after == evaluate(data, after_schedule)

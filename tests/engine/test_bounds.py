"""The relaxation bound: hold days a performer's days off force, checked by brute force."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from daybreak.domain import CostWeights, WorkRules
from daybreak.engine.bounds import relaxation_bound, unavoidable_holds
from daybreak.engine.compile import compile_problem
from tests.engine.test_evaluate import MONDAY, S, Tiny, tiny_production
from tests.engine.test_solve import brute_force


@settings(max_examples=300, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=14), st.integers(0, 10))
def test_unavoidable_holds_is_the_fewest_blocked_days_of_any_long_enough_span(
    blocked: list[bool], work_days: int
) -> None:
    """Against every span [a, b]: the fewest blocked days among spans with enough free days."""
    n = len(blocked)
    spans = [
        sum(blocked[a : b + 1])
        for a in range(n)
        for b in range(a, n)
        if (b - a + 1) - sum(blocked[a : b + 1]) >= work_days
    ]
    expected = min(spans) if spans and work_days > 1 else 0
    assert unavoidable_holds(blocked, work_days) == expected


RATE = 700.0


@pytest.mark.parametrize(
    ("off", "holds"),
    [([], 0), ([1, 3], 2), ([1], 0), ([2], 1)],
    ids=["free", "tue-thu", "tue", "wed"],
)
def test_days_off_inside_the_span_raise_the_bound_and_it_stays_valid(
    off: list[int], holds: int
) -> None:
    """ANNA needs three full days out of Mon-Fri. Off Tuesday and Thursday, her span is the
    whole week with two holds; off Tuesday only, Wed-Fri has none; off Wednesday, any three
    free days straddle it. The bound rises by exactly those holds and never passes the
    brute-force optimum."""
    scenes = [S(str(i), f"SET{i}", ("ANNA",), eighths=16) for i in range(1, 4)]
    unavailable = {"ANNA": [MONDAY + timedelta(days=d) for d in off]}
    base = compile_problem(tiny_production(scenes, Tiny(rates={"ANNA": RATE}), days=5))
    data = compile_problem(
        tiny_production(scenes, Tiny(rates={"ANNA": RATE}, unavailable=unavailable), days=5)
    )
    assert relaxation_bound(data) - relaxation_bound(base) == pytest.approx(RATE * holds)
    optimum = brute_force(data)
    assert relaxation_bound(data) <= optimum + 1e-6
    # the holds are real: the cheapest plan costs at least that much more than without
    # the days off (more, when the longer shoot also pays its extra days)
    assert optimum - brute_force(base) >= RATE * holds - 1e-6


@pytest.mark.parametrize("mix", [False, True])
def test_day_and_night_scenes_of_a_performer_need_separate_days_unless_they_mix(
    mix: bool,
) -> None:
    """ANNA's day scene and night scene (4/8 each) fit one day by pages, but not by working
    pattern: the bound counts two work days (and two shoot days) when day and night may not
    mix, and stays below the brute-force optimum either way."""
    scenes = [S("1", "HOUSE", ("ANNA",), eighths=4), S("2", "HOUSE", ("ANNA",), 4, night=True)]
    rules = WorkRules(
        max_eighths_per_day=16, max_days=3, allow_day_night_mix=mix, turnaround_hours=0.0
    )
    one_pattern = [S("1", "HOUSE", ("ANNA",), eighths=4), S("2", "HOUSE", ("ANNA",), eighths=4)]
    rates = Tiny(rates={"ANNA": RATE})
    data = compile_problem(tiny_production(scenes, rates, days=3, work_rules=rules))
    same = compile_problem(tiny_production(one_pattern, rates, days=3, work_rules=rules))
    # apart, ANNA works one more day and the unit shoots one more day
    extra = 0.0 if mix else RATE * data.costs.work_weight + data.costs.shoot_day
    assert relaxation_bound(data) - relaxation_bound(same) == pytest.approx(extra)
    assert relaxation_bound(data) <= brute_force(data) + 1e-6


@st.composite
def tiny_cases(draw: st.DrawFn) -> tuple[list[S], CostWeights, bool]:
    """Four scenes over three sets, two locations, three performers, day or night."""
    scenes = [
        S(
            str(i + 1),
            draw(st.sampled_from(["HOUSE", "YARD", "SHOP"])),
            tuple(draw(st.sets(st.sampled_from(["ANNA", "BEN", "CARL"]), max_size=2))),
            eighths=draw(st.integers(2, 12)),
            night=draw(st.booleans()),
            location=draw(st.sampled_from([None, "TOWN", "PARK"])),
        )
        for i in range(4)
    ]
    costs = CostWeights(
        shoot_day=float(draw(st.sampled_from([0, 100, 1000]))),
        company_move=float(draw(st.sampled_from([0, 50, 400]))),
        extra={"set_change": float(draw(st.sampled_from([0, 10, 300])))},
    )
    return scenes, costs, draw(st.booleans())


@settings(max_examples=40, deadline=None)
@given(tiny_cases())
def test_bound_never_passes_the_brute_force_optimum(
    case: tuple[list[S], CostWeights, bool],
) -> None:
    """On random tiny productions (every cost weight, moves capped or not, patterns mixed
    or not) the relaxation bound stays at or below the cheapest feasible schedule."""
    scenes, costs, mix = case
    rules = WorkRules(
        max_eighths_per_day=16, max_days=3, allow_day_night_mix=mix, max_company_moves_per_day=1
    )
    data = compile_problem(tiny_production(scenes, days=3, costs=costs, work_rules=rules))
    optimum = brute_force(data)
    if optimum < float("inf"):
        assert relaxation_bound(data) <= optimum + 1e-6

"""solve(): optimum on tiny instances (checked by brute force), named infeasibility, bounds."""

from __future__ import annotations

import itertools
import math
from datetime import date

import pytest

from daybreak.domain import CostWeights, RuleKind, WorkRules
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.explain import explain_holds, explain_infeasible, precheck
from daybreak.engine.generator import generate_production
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule, Status
from daybreak.engine.solve import solve
from tests.engine.test_evaluate import MONDAY, S, Tiny, tiny_production


def brute_force(data: ProblemData) -> float:
    """The cheapest feasible schedule by trying every day assignment and day order."""
    best = math.inf
    n, days = data.num_scenes, data.num_days
    for assignment in itertools.product(range(days), repeat=n):
        if any(assignment[s] not in data.allowed[s] for s in range(n)):
            continue
        groups = [[s for s in range(n) if assignment[s] == d] for d in range(days)]
        for orders in itertools.product(*(itertools.permutations(g) for g in groups)):
            ev = evaluate(data, Schedule.of([list(o) for o in orders]))
            if ev.feasible:
                best = min(best, ev.total)
    return best


TINY = [
    S("1", "KITCHEN", ("ANNA", "BEN"), eighths=6),
    S("2", "GARDEN", ("BEN",), eighths=5, location="PARK"),
    S("3", "KITCHEN", ("ANNA",), eighths=6),
    S("4", "STREET", ("CARL", "ANNA"), eighths=4, night=True, location="TOWN"),
    S("5", "GARDEN", ("CARL",), eighths=7, location="PARK"),
]


@pytest.mark.parametrize(
    "extra",
    [
        Tiny(rates={"ANNA": 900.0, "BEN": 300.0, "CARL": 500.0}),
        Tiny(
            rates={"ANNA": 900.0},
            unavailable={"BEN": [MONDAY]},
            rules=[(RuleKind.BEFORE, ["3", "1"], None, None)],
        ),
        Tiny(
            rules=[(RuleKind.SAME_DAY, ["2", "5"], None, None), (RuleKind.PIN_DAY, ["4"], 3, None)]
        ),
    ],
)
def test_tiny_optimum_matches_brute_force(extra: Tiny) -> None:
    """On 5 scenes and 3 days the solver proves the optimum that brute force finds."""
    prod = tiny_production(TINY, extra, eighths_per_day=16, days=3)
    data = compile_problem(prod)
    expected = brute_force(data)
    result = solve(data, time_limit=5.0, seed=1)
    assert result.status is Status.OPTIMAL
    assert result.objective == pytest.approx(expected)
    assert result.lower_bound == pytest.approx(expected)
    assert result.schedule is not None and evaluate(data, result.schedule).feasible


def test_not_enough_days_is_explained() -> None:
    """More pages than the days can hold: INFEASIBLE, saying how many days are needed."""
    prod = tiny_production([S(str(i), "A", eighths=16) for i in range(1, 5)], days=3)
    result = solve(compile_problem(prod), time_limit=2.0)
    assert result.status is Status.INFEASIBLE
    assert any("need at least 4 shoot days" in line for line in result.explanation)


def test_performer_and_location_never_together() -> None:
    """A scene needing MARY and Oslo, never available on the same day, is named."""
    prod = tiny_production(
        [S("41", "FJORD", ("MARY",), location="OSLO"), S("2", "B")],
        Tiny(
            unavailable={"MARY": [date(2027, 3, 2), date(2027, 3, 3)]},
            window={"OSLO": (date(2027, 3, 2), date(2027, 3, 3))},
        ),
    )
    result = solve(compile_problem(prod), time_limit=2.0)
    assert result.status is Status.INFEASIBLE
    assert "scene 41 needs MARY and OSLO, never available on the same day" in result.explanation


def test_pinned_scenes_exceed_a_day() -> None:
    """Two scenes pinned to one day that cannot hold both."""
    prod = tiny_production(
        [S("1", "A", eighths=12), S("2", "B", eighths=12)],
        Tiny(rules=[(RuleKind.PIN_DAY, ["1"], 1, None), (RuleKind.PIN_DATE, ["2"], None, MONDAY)]),
    )
    result = solve(compile_problem(prod), time_limit=2.0)
    assert result.status is Status.INFEASIBLE
    assert any(
        "can only be shot on day 1" in line and "more than" in line for line in result.explanation
    )


def test_before_cycle() -> None:
    """A before B, B before C, C before A: the cycle is named."""
    prod = tiny_production(
        [S("1", "A"), S("2", "B"), S("3", "C")],
        Tiny(
            rules=[
                (RuleKind.BEFORE, ["1", "2"], None, None),
                (RuleKind.BEFORE, ["2", "3"], None, None),
                (RuleKind.BEFORE, ["3", "1"], None, None),
            ]
        ),
    )
    reasons = precheck(compile_problem(prod))
    assert any("cycle" in r and "scene 1" in r for r in reasons)


def test_cp_sat_assumptions_name_the_clash() -> None:
    """A chain of three BEFORE steps on three days with a night scene in the middle: the
    pre-checks pass, CP-SAT names the rules that clash."""
    prod = tiny_production(
        [S("1", "A"), S("2", "B"), S("3", "C"), S("4", "D")],
        Tiny(
            rules=[
                (RuleKind.BEFORE, ["1", "2"], None, None),
                (RuleKind.BEFORE, ["2", "3"], None, None),
                (RuleKind.BEFORE, ["3", "4"], None, None),
            ]
        ),
        days=3,
    )
    data = compile_problem(prod)
    assert precheck(data) == []
    result = solve(data, time_limit=5.0)
    assert result.status is Status.INFEASIBLE
    text = " ".join(result.explanation)
    assert "scene 1 before scenes 2" in text and "scene 3 before scenes 4" in text
    assert explain_infeasible(data, seconds=2.0)


def test_every_rule_kind_is_honoured() -> None:
    """A generated production with every rule kind: the schedule honours all of them."""
    data = compile_problem(generate_production("small", seed=4))
    kinds = {r.kind for r in data.rules}
    assert {"pin_day", "pin_date", "not_before", "not_after", "before", "same_day"} <= kinds
    result = solve(data, time_limit=4.0, seed=2)
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert result.schedule is not None
    ev = evaluate(data, result.schedule)
    assert ev.feasible, [v.message for v in ev.violations]
    assert result.objective == pytest.approx(ev.total)
    assert result.lower_bound <= ev.total + 1e-6


def test_progress_and_warm_start() -> None:
    """The progress callback reports (elapsed, best, bound); a warm start is accepted."""
    data = compile_problem(generate_production("small", seed=5))
    seen: list[tuple[float, float | None, float]] = []
    first = solve(data, time_limit=1.5, seed=1, progress_callback=lambda *a: seen.append(a))
    assert seen and all(
        bound <= (best if best is not None else math.inf) + 1e-6 for _, best, bound in seen
    )
    assert first.schedule is not None
    again = solve(data, time_limit=1.0, seed=2, warm_start=first.schedule, exact=False)
    assert again.objective is not None and first.objective is not None
    assert again.objective <= first.objective + 1e-6


def test_large_problem_improves_and_bound_is_valid() -> None:
    """A tentpole-sized production: a feasible schedule and a bound below its cost."""
    data = compile_problem(generate_production("tentpole", seed=1))
    result = solve(data, time_limit=8.0, seed=1)
    assert result.status is Status.FEASIBLE
    assert result.objective is not None and result.lower_bound <= result.objective


def test_hold_explanations() -> None:
    """Hold days come with their cost and a reason."""
    prod = tiny_production(
        [
            S("1", "A", ("ANNA",), eighths=16),
            S("2", "B", ("BOB",), eighths=16),
            S("3", "C", ("ANNA",), eighths=16),
        ],
        Tiny(
            rules=[
                (RuleKind.PIN_DAY, ["2"], 2, None),
                (RuleKind.BEFORE, ["1", "2"], None, None),
                (RuleKind.BEFORE, ["2", "3"], None, None),
            ]
        ),
        costs=CostWeights(shoot_day=0.0),
        work_rules=WorkRules(max_eighths_per_day=16, max_days=3),
    )
    data = compile_problem(prod)
    result = solve(data, time_limit=3.0)
    assert result.schedule is not None
    lines = explain_holds(data, evaluate(data, result.schedule))
    assert (
        len(lines) == 1
        and lines[0].startswith("ANNA: 1 hold days")
        and "not avoided because" in lines[0]
    )

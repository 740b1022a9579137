"""Tests of movie-shoot scheduling: objective, exact optima, bounds on large instances."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from daybreak.engine.mssp import MsspInstance, solve_mssp
from daybreak.engine.mssp.heuristic import MsspEvaluator, anneal, greedy_order
from daybreak.engine.talent.instance import TalentInstance
from daybreak.importers.talent_formats import read_mssp

SHARED_MSSP = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks" / "talent" / "mssp-rastion"
)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "talent"
COMPUTED_OPTIMA = {"movie5": 9, "movie10": 128, "movie12": 43, "movie15": 910, "movie20": 774}


def _shared() -> Path:
    if not SHARED_MSSP.is_dir():
        pytest.skip(f"corpus test: {SHARED_MSSP.resolve()} is absent on this machine")
    return SHARED_MSSP


def brute_force(inst: MsspInstance) -> int:
    """Minimum objective over all precedence-feasible orders."""
    return min(
        inst.cost(p) for p in itertools.permutations(range(inst.num_scenes)) if inst.is_feasible(p)
    )


def test_objective_counts_idle_days_and_location_returns() -> None:
    """Idle cost as in talent scheduling; a location costs once per return to it."""
    tal = TalentInstance.from_matrix([[1, 0, 1], [0, 1, 0]], [5, 1], [1, 2, 1])
    inst = MsspInstance(tal, (7, 3), (0, 1, 0), ((1, 2),))
    # order 0,1,2: actor 0 waits 2 days (cost 10); location 0 is left and revisited (7)
    assert inst.idle_cost([0, 1, 2]) == 10
    assert inst.location_cost([0, 1, 2]) == 7
    assert inst.cost([0, 1, 2]) == 17
    assert not inst.is_feasible([0, 2, 1])
    assert brute_force(inst) == solve_mssp(inst).cost == 0  # order 2,1,3 waits for nobody


def test_numpy_evaluator_agrees_with_the_instance() -> None:
    """The vectorised evaluator used by annealing gives the instance's own cost parts."""
    inst = read_mssp(FIXTURES / "movie_tiny.txt")
    ev = MsspEvaluator(inst)
    import numpy as np

    for p in itertools.islice(itertools.permutations(range(inst.num_scenes)), 50):
        parts = ev.parts(np.array(p, dtype=np.int64))
        assert parts == (inst.idle_cost(p), inst.location_cost(p))


def test_tiny_fixture_exact_optimum_matches_brute_force() -> None:
    """The hand-made 6-scene file solves to the brute-force optimum, proven."""
    inst = read_mssp(FIXTURES / "movie_tiny.txt")
    res = solve_mssp(inst)
    assert res.status == "OPTIMAL"
    assert res.cost == brute_force(inst) == res.lower_bound
    assert inst.is_feasible(res.order)
    assert res.cost == res.idle_cost + res.location_cost


def test_annealing_respects_precedences() -> None:
    """Annealing never returns an order that breaks a precedence."""
    inst = read_mssp(FIXTURES / "movie_tiny.txt")
    order, cost = anneal(inst, greedy_order(inst), time_budget=0.1, seed=2)
    assert inst.is_feasible(order)
    assert cost == inst.cost(order)


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "optimum"), sorted(COMPUTED_OPTIMA.items()))
def test_small_movie_instances_reach_the_computed_optimum(name: str, optimum: int) -> None:
    """movie5..movie20 are solved to OPTIMAL with the optimum listed in SOURCES.md."""
    inst = read_mssp(_shared() / f"{name}.txt")
    res = solve_mssp(inst)
    assert (res.cost, res.status, res.lower_bound) == (optimum, "OPTIMAL", optimum)
    assert inst.cost(res.order) == optimum
    assert inst.is_feasible(res.order)


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["movie30", "movie50", "movie100", "movie300"])
def test_large_movie_instances_give_bound_below_cost(name: str) -> None:
    """With a short limit, larger instances return a feasible order and lower bound <= cost."""
    inst = read_mssp(_shared() / f"{name}.txt")
    res = solve_mssp(inst, 3.0)
    assert inst.is_feasible(res.order)
    assert sorted(res.order) == list(range(inst.num_scenes))
    assert inst.cost(res.order) == res.cost
    assert 0 <= res.lower_bound <= res.cost
    assert res.seconds < 12.0

"""Tests of the exact talent-scheduling solver, its reductions, bounds and heuristics."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.talent_suite import TALENT_OPTIMA
from hypothesis import given, settings
from hypothesis import strategies as st

from daybreak.engine.talent.bounds import mask_cost_function, on_actor_bound
from daybreak.engine.talent.dominance import allowed_moves, blockers
from daybreak.engine.talent.generator import random_instance
from daybreak.engine.talent.heuristic import greedy_order, local_search
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.preprocess import reduce_instance
from daybreak.engine.talent.solver import solve_talent
from daybreak.engine.talent.subset_dp import subset_dp
from daybreak.importers.talent_formats import read_talent

SHARED_TALENT = Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks" / "talent"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "talent"

# total-cost optima from SOURCES.md of the shared folder (one table, kept by the benchmark)
PUBLISHED = TALENT_OPTIMA


def brute_force(inst: TalentInstance) -> int:
    """Minimum total cost over all scene orders (tiny instances only)."""
    return min(inst.total_cost(p) for p in itertools.permutations(range(inst.num_scenes)))


def tiny() -> TalentInstance:
    """The minizinc-benchmarks `tiny` instance: 4 scenes, 3 actors."""
    return TalentInstance.from_matrix(
        [[1, 0, 1, 0], [1, 1, 0, 1], [0, 1, 1, 0]], [1, 2, 3], [1, 2, 3, 1]
    )


def test_tiny_instance_by_hand_and_brute_force() -> None:
    """The solver proves the brute-force optimum (29) of a 4-scene instance."""
    inst = tiny()
    # by hand, order 1,2,3,4 (days 0-1, 1-3, 3-6, 6-7): actor 1 is paid days 0..6 (6 x 1),
    # actor 2 days 0..7 (7 x 2), actor 3 days 1..6 (5 x 3)
    assert inst.total_cost([0, 1, 2, 3]) == 6 + 14 + 15
    assert brute_force(inst) == 29
    res = solve_talent(inst, time_limit=None)
    assert (res.cost, res.status, res.lower_bound) == (29, "OPTIMAL", 29)
    assert res.idle_cost == 29 - inst.working_cost
    assert inst.total_cost(res.order) == res.cost
    assert sorted(res.order) == [0, 1, 2, 3]


@st.composite
def small_instances(draw: st.DrawFn) -> TalentInstance:
    """Random instances of 1 to 7 scenes and 1 to 5 actors, zero costs/durations allowed."""
    n = draw(st.integers(1, 7))
    m = draw(st.integers(1, 5))
    masks = tuple(draw(st.integers(0, (1 << n) - 1)) for _ in range(m))
    costs = tuple(draw(st.integers(0, 9)) for _ in range(m))
    durations = tuple(draw(st.integers(0, 4)) for _ in range(n))
    return TalentInstance(durations, costs, masks)


@pytest.mark.parametrize("method", ["astar", "subsets"])
@settings(max_examples=150, deadline=None)
@given(inst=small_instances())
def test_random_small_instances_match_brute_force(inst: TalentInstance, method: str) -> None:
    """On random instances of at most 7 scenes both exact methods prove the brute force."""
    res = solve_talent(inst, time_limit=None, heuristic_time=0.0, method=method)
    assert res.status == "OPTIMAL"
    assert res.cost == brute_force(inst) == res.lower_bound
    assert inst.total_cost(res.order) == res.cost


@settings(max_examples=150, deadline=None)
@given(small_instances(), st.data())
def test_on_actor_bound_never_exceeds_the_remaining_optimum(
    inst: TalentInstance, data: st.DataObject
) -> None:
    """After any prefix, the lower bound is at most the best idle cost still to come."""
    n = inst.num_scenes
    prefix = data.draw(st.permutations(range(n)))[: data.draw(st.integers(0, n))]
    rest = [s for s in range(n) if s not in prefix]
    base = inst.idle_cost(list(prefix) + rest)
    best = min(inst.idle_cost(list(prefix) + list(p)) for p in itertools.permutations(rest))
    # idle already caused by the prefix: evaluate with the remaining scenes' order fixed
    done = 0
    scheduled = 0
    sa, acts, d, c = inst.scene_actors, inst.actor_scenes, inst.durations, inst.costs
    mc = mask_cost_function(c)
    for s in prefix:
        on = 0
        for a in range(inst.num_actors):
            if acts[a] & scheduled and acts[a] & ~scheduled & ((1 << n) - 1):
                on |= 1 << a
        done += d[s] * mc(on & ~sa[s])
        scheduled |= 1 << s
    remaining = ((1 << n) - 1) & ~scheduled
    on = sum(1 << a for a in range(inst.num_actors) if acts[a] & scheduled and acts[a] & remaining)
    assert base >= best
    assert done + on_actor_bound(remaining, on, sa, d, c, mc) <= best


@settings(max_examples=100, deadline=None)
@given(small_instances())
def test_reduction_keeps_the_optimum(inst: TalentInstance) -> None:
    """Reducing an instance keeps its optimal idle cost, and expanded orders cost the same."""
    red = reduce_instance(inst)
    best_idle = brute_force(inst) - inst.working_cost
    if red.reduced is None:
        assert best_idle == 0
        assert inst.idle_cost(red.expand([])) == 0
        return
    r = red.reduced
    assert brute_force(r) - r.working_cost == best_idle
    for order in itertools.islice(itertools.permutations(range(r.num_scenes)), 20):
        assert inst.idle_cost(red.expand(order)) == r.idle_cost(order)


def test_reduction_glues_identical_scenes_and_drops_single_scene_actors() -> None:
    """Scenes with equal casts become one scene; one-scene actors disappear."""
    inst = TalentInstance.from_matrix(
        [[1, 1, 0, 1], [1, 1, 1, 0], [0, 0, 0, 1]], [3, 2, 7], [1, 2, 3, 4]
    )
    red = reduce_instance(inst)
    assert red.reduced is not None
    assert red.reduced.num_actors == 2
    assert (0, 1) in red.groups
    assert red.reduced.durations[red.groups.index((0, 1))] == 3


def test_time_limit_returns_feasible_order_and_valid_bound() -> None:
    """With almost no time the solver still returns an order and a bound below its cost."""
    inst = random_instance(30, 8, seed=3, density=0.3)
    res = solve_talent(inst, time_limit=0.3)
    assert sorted(res.order) == list(range(30))
    assert inst.total_cost(res.order) == res.cost
    assert inst.working_cost <= res.lower_bound <= res.cost
    assert res.status in ("OPTIMAL", "FEASIBLE")
    assert res.seconds < 3.0


@pytest.mark.parametrize("seed", range(6))
def test_subset_dp_and_astar_agree_on_medium_instances(seed: int) -> None:
    """On 11-14 scene instances (too many to enumerate) the two exact methods agree."""
    inst = random_instance(11 + seed % 4, 5 + seed, seed=seed, density=0.35)
    by_dp = solve_talent(inst, time_limit=None, heuristic_time=0.0, method="subsets")
    by_astar = solve_talent(inst, time_limit=None, heuristic_time=0.0, method="astar")
    assert by_dp.status == by_astar.status == "OPTIMAL"
    assert by_dp.cost == by_astar.cost == inst.total_cost(by_dp.order)
    assert by_dp.cost > inst.working_cost  # the instances do have idle time to fight


def test_subset_dp_past_its_deadline_returns_nothing() -> None:
    """A deadline already passed stops the DP; the solver then keeps its heuristic order."""
    inst = random_instance(14, 6, seed=2, density=0.35)
    assert subset_dp(inst, deadline=time.perf_counter() - 1.0) is None
    solved = subset_dp(inst)
    assert solved is not None
    assert solved[0] == solve_talent(inst, method="astar").idle_cost
    res = solve_talent(inst, time_limit=0.0, heuristic_time=0.0, method="subsets")
    assert res.status == "FEASIBLE"
    assert res.lower_bound == inst.working_cost <= res.cost == inst.total_cost(res.order)


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, astar or subsets"):
        solve_talent(tiny(), method="dp")


def test_subset_dp_refuses_instances_it_cannot_hold() -> None:
    """Too many scenes (memory) or actors (64-bit sets): a clear error, not a crash."""
    many_scenes = random_instance(30, 8, seed=1, density=0.3)
    with pytest.raises(ValueError, match="at most 24 scenes, not 25"):
        solve_talent(many_scenes, method="subsets")
    many_actors = TalentInstance((1, 1, 1), tuple([1] * 65), tuple([0b011] * 65))
    with pytest.raises(ValueError, match="at most 64 actors, not 65"):
        subset_dp(many_actors)


def test_heuristic_gives_a_permutation_no_worse_than_greedy() -> None:
    """Local search returns a permutation whose cost is at most the greedy order's."""
    inst = random_instance(12, 6, seed=1)
    start = greedy_order(inst)
    order, cost = local_search(inst, start, time_budget=0.05)
    assert sorted(order) == list(range(12))
    assert cost == inst.total_cost(order) <= inst.total_cost(start)


def test_generator_is_reproducible() -> None:
    """The same seed gives the same instance; every actor has at least two scenes."""
    a = random_instance(31, 8, seed=7)
    assert a == random_instance(31, 8, seed=7)
    assert a != random_instance(31, 8, seed=8)
    assert all(mask.bit_count() >= 2 for mask in a.actor_scenes)


@pytest.mark.parametrize(("name", "optimum"), [("tiny.dzn", 29), ("small2", 56), ("film-10", 352)])
def test_fixture_instances_solve_to_their_optimum(name: str, optimum: int) -> None:
    """The fixture copies of published instances solve to their published optimum."""
    res = solve_talent(read_talent(FIXTURES / name), time_limit=30)
    assert (res.cost, res.status) == (optimum, "OPTIMAL")


@pytest.mark.corpus
@pytest.mark.parametrize(("relpath", "optimum"), sorted(PUBLISHED.items()))
def test_public_instances_solve_to_the_published_optimum(relpath: str, optimum: int) -> None:
    """Every public instance is solved to OPTIMAL with exactly the published total cost."""
    if not SHARED_TALENT.is_dir():
        pytest.skip(f"corpus test: {SHARED_TALENT.resolve()} is absent on this machine")
    inst = read_talent(SHARED_TALENT / relpath)
    res = solve_talent(inst, time_limit=120)
    assert res.status == "OPTIMAL"
    assert res.cost == res.lower_bound == optimum
    assert inst.total_cost(res.order) == optimum


def _on_actors(inst: TalentInstance, scheduled: int) -> int:
    """Actors who worked in ``scheduled`` and still have a scene outside it."""
    rest = ((1 << inst.num_scenes) - 1) & ~scheduled
    acts = inst.actor_scenes
    return sum(1 << a for a in range(inst.num_actors) if acts[a] & scheduled and acts[a] & rest)


def _completions(inst: TalentInstance, moves: Callable[[int, int], int]) -> list[int]:
    """Least idle cost still to come from every set of shot scenes, using only ``moves``."""
    n = inst.num_scenes
    full = (1 << n) - 1
    mc = mask_cost_function(inst.costs)
    best = [0] * (1 << n)
    for done in range(full - 1, -1, -1):
        on = _on_actors(inst, done)
        q = moves(full & ~done, on)
        options = []
        while q:
            low = q & -q
            q ^= low
            s = low.bit_length() - 1
            options.append(inst.durations[s] * mc(on & ~inst.scene_actors[s]) + best[done | low])
        best[done] = min(options)
    return best


@settings(max_examples=200, deadline=None)
@given(small_instances())
def test_dominance_rules_keep_the_optimum_from_every_state(inst: TalentInstance) -> None:
    """From every set of shot scenes, the moves the rules allow still reach the optimum."""
    table = blockers(inst.scene_actors, inst.durations)
    every = _completions(inst, lambda rem, on: rem)
    kept = _completions(inst, lambda rem, on: allowed_moves(rem, on, inst.scene_actors, table))
    assert kept == every

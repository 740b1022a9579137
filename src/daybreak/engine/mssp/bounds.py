"""Root lower bounds for movie-shoot (and talent) instances too large to solve exactly.

Split the actors into disjoint groups. The idle cost of a group's actors in any order is
at least the optimum of the talent instance that keeps only that group (other actors,
locations and precedences dropped: a relaxation), and idle costs of different actors
add up, so the sum of the groups' lower bounds bounds the whole idle cost. Location
costs are bounded below by zero. Several groupings are tried; the best sum is kept.
"""

from __future__ import annotations

import random
import time

from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.solver import solve_talent


def group_idle_bound(
    inst: TalentInstance,
    *,
    group_size: int = 4,
    deadline: float | None = None,
    tries: int = 4,
    seed: int = 0,
) -> int:
    """Best (largest) sum over actor groupings of the groups' exact idle lower bounds."""
    rng = random.Random(seed)
    m = inst.num_actors
    actors = [a for a in range(m) if inst.actor_scenes[a] & (inst.actor_scenes[a] - 1)]
    best = 0
    memo: dict[frozenset[int], int] = {}
    for attempt in range(tries):
        if deadline is not None and time.perf_counter() > deadline:
            break
        groups = _groups(inst, actors, group_size, rng if attempt else None)
        total = 0
        for group in groups:
            key = frozenset(group)
            if key not in memo:
                memo[key] = _group_bound(inst, group, deadline)
            total += memo[key]
        best = max(best, total)
    return best


def _group_bound(inst: TalentInstance, group: list[int], deadline: float | None) -> int:
    if len(group) < 2:
        return 0
    sub = TalentInstance(
        inst.durations,
        tuple(inst.costs[a] for a in group),
        tuple(inst.actor_scenes[a] for a in group),
    )
    limit = None if deadline is None else max(0.0, deadline - time.perf_counter())
    res = solve_talent(sub, time_limit=limit)
    return res.lower_bound - sub.working_cost


def _groups(
    inst: TalentInstance, actors: list[int], size: int, rng: random.Random | None
) -> list[list[int]]:
    """Greedy groups of co-stars (by shared days); with ``rng``, randomised seeds."""
    shared: dict[tuple[int, int], int] = {}
    for i in actors:
        for j in actors:
            if i < j:
                both = inst.actor_scenes[i] & inst.actor_scenes[j]
                days = sum(inst.durations[s] for s in range(inst.num_scenes) if both >> s & 1)
                shared[i, j] = shared[j, i] = days
    left = list(actors)
    if rng is not None:
        rng.shuffle(left)
    else:
        left.sort(key=lambda a: -inst.costs[a])
    groups: list[list[int]] = []
    while left:
        group = [left.pop(0)]
        while len(group) < size and left:
            nxt = max(
                left,
                key=lambda a: sum(shared[a, g] * min(inst.costs[a], inst.costs[g]) for g in group),
            )
            left.remove(nxt)
            group.append(nxt)
        groups.append(group)
    return groups

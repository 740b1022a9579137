"""Heuristic movie-shoot scheduling: a greedy start improved by simulated annealing.

Moves take a block of 1 to 4 consecutive scenes and insert it elsewhere, or swap two
scenes; moves that break a precedence are rejected. Every candidate is evaluated in full
with numpy (actor spans from the start times, location visits from the location
sequence), so the evaluator is the objective itself. Deterministic for a given seed and
number of moves; the time budget only cuts the run short.
"""

from __future__ import annotations

import math
import random
import time

import numpy as np
import numpy.typing as npt

from daybreak.engine.mssp.instance import MsspInstance
from daybreak.engine.talent.bounds import mask_cost_function

IntArray = npt.NDArray[np.int64]


class MsspEvaluator:
    """Vectorised objective of a movie-shoot instance."""

    def __init__(self, inst: MsspInstance) -> None:
        tal = inst.talent
        n, m = tal.num_scenes, tal.num_actors
        self.n = n
        used = [a for a in range(m) if tal.actor_scenes[a]]
        self.incidence = np.array(
            [[bool(tal.actor_scenes[a] >> s & 1) for s in range(n)] for a in used], dtype=bool
        ).reshape(len(used), n)
        self.costs = np.array([tal.costs[a] for a in used], dtype=np.int64)
        self.durations = np.array(tal.durations, dtype=np.int64)
        self.locations = np.array(inst.scene_location, dtype=np.int64)
        self.location_costs = np.array(inst.location_costs, dtype=np.int64)
        self.working = tal.working_cost
        self.big = int(self.durations.sum()) + 1
        pairs = np.array(inst.precedences, dtype=np.int64).reshape(-1, 2)
        self.before, self.after = pairs[:, 0], pairs[:, 1]

    def parts(self, order: IntArray) -> tuple[int, int]:
        """(idle cost, location cost) of ``order``."""
        d = self.durations[order]
        ends = np.cumsum(d)
        start = np.empty(self.n, dtype=np.int64)
        end = np.empty(self.n, dtype=np.int64)
        start[order] = ends - d
        end[order] = ends
        first = np.where(self.incidence, start, self.big).min(axis=1)
        last = np.where(self.incidence, end, 0).max(axis=1)
        idle = int((self.costs * (last - first)).sum()) - self.working
        seq = self.locations[order]
        heads = np.empty(self.n, dtype=bool)
        heads[0] = True
        np.not_equal(seq[1:], seq[:-1], out=heads[1:])
        runs = np.bincount(seq[heads], minlength=len(self.location_costs))
        loc = int((self.location_costs * np.maximum(runs - 1, 0)).sum())
        return idle, loc

    def cost(self, order: IntArray) -> int:
        """The objective of ``order``."""
        idle, loc = self.parts(order)
        return idle + loc

    def feasible(self, order: IntArray) -> bool:
        """True when ``order`` respects every precedence."""
        if not len(self.before):
            return True
        pos = np.empty(self.n, dtype=np.int64)
        pos[order] = np.arange(self.n)
        return bool((pos[self.before] < pos[self.after]).all())


def greedy_order(inst: MsspInstance) -> list[int]:
    """Shoot, among the scenes whose predecessors are done, the cheapest next one.

    Cost of a step: waiting on-actors plus a revisit charge; ties favour the current
    location and then the scene freeing the most on actors.
    """
    tal = inst.talent
    n = tal.num_scenes
    sa, acts, d = tal.scene_actors, tal.actor_scenes, tal.durations
    mc = mask_cost_function(tal.costs)
    full = (1 << n) - 1
    scheduled = 0
    on = 0
    last = -1
    visited: set[int] = set()
    order: list[int] = []
    for _ in range(n):
        cands: list[tuple[int, int, int]] = []
        for s in range(n):
            if scheduled >> s & 1 or inst.predecessors[s] & ~scheduled:
                continue
            loc = inst.scene_location[s]
            step = d[s] * mc(on & ~sa[s])
            if loc != last and loc in visited:
                step += inst.location_costs[loc]
            cands.append((step, 0 if loc == last else 1, s))
        top = min(cands)[:2]
        best: tuple[int, int, int, int] | None = None
        for step, away, s in cands:
            if (step, away) != top:
                continue
            rem = full & ~(scheduled | 1 << s)
            on2 = 0
            for a in range(tal.num_actors):
                if (on | sa[s]) >> a & 1 and acts[a] & rem:
                    on2 |= 1 << a
            key = (step, away, mc(on2), s)
            if best is None or key < best:
                best = key
        assert best is not None
        s = best[3]
        scheduled |= 1 << s
        rem = full & ~scheduled
        on = 0
        for a in range(tal.num_actors):
            if acts[a] & scheduled and acts[a] & rem:
                on |= 1 << a
        last = inst.scene_location[s]
        visited.add(last)
        order.append(s)
    return order


def anneal(
    inst: MsspInstance,
    start: list[int],
    *,
    time_budget: float,
    seed: int = 0,
    max_moves: int | None = None,
) -> tuple[list[int], int]:
    """Simulated annealing from ``start``; return the best order found and its cost."""
    ev = MsspEvaluator(inst)
    rng = random.Random(seed)
    n = ev.n
    cur = np.array(start, dtype=np.int64)
    cur_cost = ev.cost(cur)
    best, best_cost = cur.copy(), cur_cost
    if n < 2:
        return best.tolist(), best_cost
    t0 = time.perf_counter()
    # initial temperature: a typical uphill step from a short random sample
    deltas = []
    for _ in range(30):
        cand = _neighbour(cur, rng, n)
        if ev.feasible(cand):
            delta = ev.cost(cand) - cur_cost
            if delta > 0:
                deltas.append(delta)
    temp0 = max(1.0, float(np.mean(deltas)) if deltas else 1.0)
    temp_end = 0.01 * temp0 if temp0 > 1.0 else 0.05
    moves = 0
    temp = temp0
    while True:
        moves += 1
        if max_moves is not None and moves > max_moves:
            break
        if moves & 63 == 0:
            frac = (time.perf_counter() - t0) / time_budget if time_budget > 0 else 1.0
            if max_moves is not None:
                frac = max(frac, moves / max_moves)
            if frac >= 1.0:
                break
            temp = temp0 * (temp_end / temp0) ** frac
        cand = _neighbour(cur, rng, n)
        if not ev.feasible(cand):
            continue
        cost = ev.cost(cand)
        delta = cost - cur_cost
        if delta <= 0 or rng.random() < math.exp(-delta / temp):
            cur, cur_cost = cand, cost
            if cost < best_cost:
                best, best_cost = cand.copy(), cost
    return best.tolist(), best_cost


def _neighbour(order: IntArray, rng: random.Random, n: int) -> IntArray:
    if rng.random() < 0.2:
        i, j = rng.randrange(n), rng.randrange(n)
        out = order.copy()
        out[i], out[j] = out[j], out[i]
        return out
    k = min(n - 1, rng.choice((1, 1, 1, 2, 3, 4)))
    i = rng.randrange(n - k + 1)
    block = order[i : i + k]
    rest = np.concatenate((order[:i], order[i + k :]))
    j = rng.randrange(len(rest) + 1)
    return np.concatenate((rest[:j], block, rest[j:]))

"""Upper bounds for talent scheduling: a look-ahead greedy order improved by local search.

The local search uses insertion moves (take one scene out, put it back elsewhere) with
first improvement, then random block-move perturbations while time remains (an iterated
local search). It is deterministic for a given seed.
"""

from __future__ import annotations

import random
import time

from daybreak.engine.talent.bounds import mask_cost_function, on_actor_bound
from daybreak.engine.talent.instance import TalentInstance


class OrderEvaluator:
    """Fast total-cost evaluation of scene orders of one instance."""

    def __init__(self, inst: TalentInstance) -> None:
        self.inst = inst
        self.durations = inst.durations
        self.actor_lists = [
            (inst.costs[a], [s for s in range(inst.num_scenes) if mask >> s & 1])
            for a, mask in enumerate(inst.actor_scenes)
            if mask
        ]

    def cost(self, order: list[int]) -> int:
        """Total cost of ``order`` (a permutation of the scenes)."""
        d = self.durations
        start = [0] * len(order)
        end = [0] * len(order)
        t = 0
        for s in order:
            start[s] = t
            t += d[s]
            end[s] = t
        total = 0
        for c, scenes in self.actor_lists:
            total += c * (max([end[s] for s in scenes]) - min([start[s] for s in scenes]))
        return total


def greedy_order(inst: TalentInstance) -> list[int]:
    """Build an order scene by scene, choosing the smallest idle step plus lower bound.

    Above 40 scenes the look-ahead bound is replaced by the cost of the actors left on
    (quadratic instead of cubic time).
    """
    n = inst.num_scenes
    look_ahead = n <= 40
    full = (1 << n) - 1
    sa, d, c = inst.scene_actors, inst.durations, inst.costs
    mc = mask_cost_function(c)
    scheduled = 0
    on = 0
    order: list[int] = []
    for _ in range(n):
        best: tuple[int, int, int] | None = None
        q = full & ~scheduled
        while q:
            low = q & -q
            q ^= low
            s = low.bit_length() - 1
            step = d[s] * mc(on & ~sa[s])
            s2 = scheduled | low
            rem = full & ~s2
            on2 = 0
            cand = on | sa[s]
            while cand:
                b = cand & -cand
                cand ^= b
                if inst.actor_scenes[b.bit_length() - 1] & rem:
                    on2 |= b
            key = step + (on_actor_bound(rem, on2, sa, d, c, mc) if look_ahead else mc(on2))
            if best is None or key < best[0]:
                best = (key, s, on2)
        assert best is not None
        _, s, on = best
        scheduled |= 1 << s
        order.append(s)
    return order


def local_search(
    inst: TalentInstance,
    order: list[int],
    *,
    time_budget: float = 0.2,
    seed: int = 0,
    evaluator: OrderEvaluator | None = None,
) -> tuple[list[int], int]:
    """Improve ``order`` by insertion moves and perturbations; return (order, total cost)."""
    ev = evaluator or OrderEvaluator(inst)
    rng = random.Random(seed)
    deadline = time.perf_counter() + time_budget
    cur = list(order)
    cur_cost = ev.cost(cur)
    best, best_cost = list(cur), cur_cost
    n = len(cur)
    if n < 3:
        return best, best_cost
    while True:
        improved = True
        while improved and time.perf_counter() < deadline:
            improved = False
            for i in range(n):
                if time.perf_counter() >= deadline:
                    break
                s = cur[i]
                rest = cur[:i] + cur[i + 1 :]
                for j in range(n):
                    if j == i:
                        continue
                    cand = [*rest[:j], s, *rest[j:]]
                    cc = ev.cost(cand)
                    if cc < cur_cost:
                        cur, cur_cost, improved = cand, cc, True
                        break
                if improved:
                    break
        if cur_cost < best_cost:
            best, best_cost = list(cur), cur_cost
        if time.perf_counter() >= deadline:
            return best, best_cost
        # perturb the best: move a random block somewhere else
        cur = list(best)
        i = rng.randrange(n)
        k = rng.randint(1, max(1, n // 4))
        block = cur[i : i + k]
        del cur[i : i + k]
        j = rng.randrange(len(cur) + 1)
        cur[j:j] = block
        cur_cost = ev.cost(cur)

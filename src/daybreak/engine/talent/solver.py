"""Exact talent scheduling: best-first (A*) search over the set of shot scenes.

Following Garcia de la Banda, Stuckey & Chu (2011), the idle cost of shooting scene
``s`` next depends only on the set ``S`` already shot: the on actors ``O`` (worked
already, still have scenes left) not in ``s`` wait for ``d_s`` days. So the problem is a
shortest path over subsets of scenes. The search is A* with

* the safe reductions of :mod:`preprocess`,
* the on-actor lower bound of :mod:`bounds` (admissible, so the first goal popped is
  optimal and the smallest open key is a valid lower bound at any time),
* the dominance rule: if some remaining scene needs exactly the on actors, shoot it
  next (moving it to the front never increases any actor's span),
* an upper bound from :mod:`heuristic` to prune every state whose key reaches it,
* memoisation: each subset is kept with its cheapest known prefix only.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass

from daybreak.engine.talent.bounds import mask_cost_function, on_actor_bound
from daybreak.engine.talent.heuristic import OrderEvaluator, greedy_order, local_search
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.preprocess import reduce_instance

OPTIMAL = "OPTIMAL"
FEASIBLE = "FEASIBLE"


@dataclass(frozen=True)
class TalentResult:
    """The answer of :func:`solve_talent`. ``order`` holds 0-based scene indices."""

    order: tuple[int, ...]
    cost: int
    idle_cost: int
    lower_bound: int
    status: str
    seconds: float
    nodes: int

    @property
    def gap(self) -> float:
        """Relative gap between cost and lower bound (0.0 when proven optimal)."""
        return 0.0 if self.cost == 0 else (self.cost - self.lower_bound) / self.cost


def solve_talent(
    instance: TalentInstance,
    *,
    time_limit: float | None = None,
    heuristic_time: float | None = None,
) -> TalentResult:
    """Solve ``instance`` to proven optimality, or return the best order when time runs out.

    ``time_limit`` bounds the wall time in seconds (``None``: no limit). The returned
    ``lower_bound`` is valid in every case; ``status`` is ``"OPTIMAL"`` when
    ``cost == lower_bound`` was proven, ``"FEASIBLE"`` otherwise.
    """
    t0 = time.perf_counter()
    deadline = None if time_limit is None else t0 + time_limit
    work = instance.working_cost
    red = reduce_instance(instance)
    inst = red.reduced
    if inst is None:
        order = red.expand([])
        cost = instance.total_cost(order)
        return TalentResult(
            tuple(order), cost, cost - work, cost, OPTIMAL, time.perf_counter() - t0, 0
        )

    ev = OrderEvaluator(inst)
    budget = heuristic_time
    if budget is None:
        budget = min(0.05 + 0.002 * inst.num_scenes**2, 0.5)
        if time_limit is not None:
            budget = min(budget, time_limit / 4)
    ub_order, ub_total = local_search(inst, greedy_order(inst), time_budget=budget, evaluator=ev)
    red_work = inst.working_cost
    ub = ub_total - red_work  # idle cost of the reduced instance
    best_order = ub_order
    idle_lb, nodes, found = _astar(inst, ub, deadline)
    if found is not None:
        best_order = found
        ub = inst.idle_cost(found)
    order = red.expand(best_order)
    cost = instance.total_cost(order)
    idle = cost - work
    assert idle == ub, "reduction changed the cost"
    lb_idle = min(idle_lb, idle)
    status = OPTIMAL if lb_idle >= idle else FEASIBLE
    return TalentResult(
        tuple(order),
        cost,
        idle,
        work + lb_idle,
        status,
        time.perf_counter() - t0,
        nodes,
    )


def _astar(
    inst: TalentInstance, ub: int, deadline: float | None
) -> tuple[int, int, list[int] | None]:
    """A* on idle cost. Return (lower bound on idle, expanded nodes, order if better than ub).

    When the search completes without finding an order cheaper than ``ub``, the lower
    bound returned is ``ub`` (the heuristic order is optimal).
    """
    n = inst.num_scenes
    full = (1 << n) - 1
    sa = inst.scene_actors
    acts = inst.actor_scenes
    d = inst.durations
    c = inst.costs
    mc = mask_cost_function(c)
    h0 = 0
    heap: list[tuple[int, int, int, int, int]] = [(h0, 0, 0, 0, 0)]  # f, -depth, g, S, on
    best_g: dict[int, int] = {0: 0}
    parent: dict[int, tuple[int, int]] = {}
    nodes = 0
    pop = heapq.heappop
    push = heapq.heappush
    while heap:
        f, negdepth, g, scheduled, on = pop(heap)
        if f >= ub:
            return ub, nodes, None
        if g > best_g[scheduled]:
            continue
        if scheduled == full:
            order: list[int] = []
            s_cur = scheduled
            while s_cur:
                prev, s = parent[s_cur]
                order.append(s)
                s_cur = prev
            order.reverse()
            return g, nodes, order
        nodes += 1
        if deadline is not None and nodes & 255 == 0 and time.perf_counter() > deadline:
            return min(f, ub), nodes, None
        remaining = full & ~scheduled
        forced = -1
        if on:
            q = remaining
            while q:
                low = q & -q
                q ^= low
                if sa[low.bit_length() - 1] == on:
                    forced = low.bit_length() - 1
                    break
        cands = remaining if forced < 0 else 1 << forced
        depth = negdepth - 1
        while cands:
            low = cands & -cands
            cands ^= low
            s = low.bit_length() - 1
            g2 = g + d[s] * mc(on & ~sa[s])
            if g2 >= ub:
                continue
            s2 = scheduled | low
            old = best_g.get(s2)
            if old is not None and old <= g2:
                continue
            best_g[s2] = g2
            rem2 = remaining ^ low
            on2 = 0
            cand = on | sa[s]
            while cand:
                b = cand & -cand
                cand ^= b
                if acts[b.bit_length() - 1] & rem2:
                    on2 |= b
            f2 = g2 + on_actor_bound(rem2, on2, sa, d, c, mc)
            if f2 >= ub:
                continue
            parent[s2] = (scheduled, s)
            push(heap, (f2, depth, g2, s2, on2))
    return ub, nodes, None

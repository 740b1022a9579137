"""Exact talent scheduling: best-first (A*) search over the set of shot scenes.

Following Garcia de la Banda, Stuckey & Chu (2011), the idle cost of shooting scene
``s`` next depends only on the set ``S`` already shot: the on actors ``O`` (worked
already, still have scenes left) not in ``s`` wait for ``d_s`` days. So the problem is a
shortest path over subsets of scenes. Up to :data:`subset_dp.MAX_SCENES` scenes (after
reduction) every subset is solved outright by the vectorised DP of :mod:`subset_dp`;
larger instances use A* with

* the safe reductions of :mod:`preprocess`,
* the on-actor lower bound of :mod:`bounds` (admissible, so the first goal popped is
  optimal and the smallest open key is a valid lower bound at any time),
* the dominance rules of :mod:`dominance`: a remaining scene that needs exactly the on
  actors is shot next, and a scene subsumed by a remaining scene whose other actors are
  all on is not shot yet,
* an upper bound from :mod:`heuristic` to prune every state whose key reaches it,
* memoisation: each subset is kept with its cheapest known prefix only,
* lazy bounds: a child enters the heap with ``max(0, h(parent) - step)`` (admissible,
  since ``h*(parent) <= step + h*(child)``) and gets its own bound when first popped.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass

from daybreak.engine.talent.bounds import OnActorBound, mask_cost_function
from daybreak.engine.talent.dominance import allowed_moves, blockers
from daybreak.engine.talent.heuristic import OrderEvaluator, greedy_order, local_search
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.preprocess import reduce_instance
from daybreak.engine.talent.subset_dp import MAX_SCENES, subset_dp

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
    """A* nodes expanded, or the states of the subset DP."""

    @property
    def gap(self) -> float:
        """Relative gap between cost and lower bound (0.0 when proven optimal)."""
        return 0.0 if self.cost == 0 else (self.cost - self.lower_bound) / self.cost


def solve_talent(
    instance: TalentInstance,
    *,
    time_limit: float | None = None,
    heuristic_time: float | None = None,
    method: str = "auto",
) -> TalentResult:
    """Solve ``instance`` to proven optimality, or return the best order when time runs out.

    ``time_limit`` bounds the wall time in seconds (``None``: no limit). The returned
    ``lower_bound`` is valid in every case; ``status`` is ``"OPTIMAL"`` when
    ``cost == lower_bound`` was proven, ``"FEASIBLE"`` otherwise. ``method`` picks the
    exact search: ``"subsets"`` (the DP over every subset), ``"astar"``, or ``"auto"``
    (the DP up to :data:`~daybreak.engine.talent.subset_dp.MAX_SCENES` reduced scenes).
    """
    if method not in ("auto", "astar", "subsets"):
        raise ValueError(f"method must be auto, astar or subsets, not {method!r}")
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
        budget = min(0.02 + 0.0002 * inst.num_scenes**2, 0.25)
        if time_limit is not None:
            budget = min(budget, time_limit / 4)
    ub_order, ub_total = local_search(inst, greedy_order(inst), time_budget=budget, evaluator=ev)
    red_work = inst.working_cost
    ub = ub_total - red_work  # idle cost of the reduced instance
    best_order = ub_order
    small = inst.num_scenes <= MAX_SCENES and inst.num_actors <= 64
    if method == "subsets" or (method == "auto" and small):
        idle_lb, found, nodes = _by_subsets(inst, ub, deadline)
    else:
        search = _Search(inst, deadline)
        idle_lb, found = search.astar(inst, ub)
        nodes = search.nodes
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


def _by_subsets(
    inst: TalentInstance, ub: int, deadline: float | None
) -> tuple[int, list[int] | None, int]:
    """Idle lower bound, a cheaper order than ``ub`` if any, and states visited.

    When the deadline passes first only the trivial bound (no idle time) is known.
    """
    solved = subset_dp(inst, deadline)
    if solved is None:
        return 0, None, 0
    idle, order = solved
    return idle, (order if idle < ub else None), 1 << inst.num_scenes


class _Search:
    """One A* run; counts expanded nodes and remembers whether time ran out."""

    def __init__(self, inst: TalentInstance, deadline: float | None) -> None:
        self.deadline = deadline
        self.mask_cost = mask_cost_function(inst.costs)
        self.nodes = 0
        self.timed_out = False

    def astar(self, inst: TalentInstance, ub: int) -> tuple[int, list[int] | None]:
        """A* on idle cost: (lower bound on the optimum idle, order if cheaper than ``ub``).

        When the search completes without an order cheaper than ``ub``, the bound
        returned is ``ub`` itself (the given upper bound is optimal).
        """
        n = inst.num_scenes
        full = (1 << n) - 1
        sa = inst.scene_actors
        acts = inst.actor_scenes
        d = inst.durations
        mc = self.mask_cost
        bound = OnActorBound(sa, d, inst.costs)
        table = blockers(sa, d)
        deadline = self.deadline
        # Lazy A*: a child enters the heap with the admissible estimate
        # max(0, h(parent) - step) and gets its real bound when first popped.
        # Entries: f, -depth, g, h, scheduled, on, exact-h flag.
        heap: list[tuple[int, int, int, int, int, int, bool]] = [(0, 0, 0, 0, 0, 0, True)]
        best_g: dict[int, int] = {0: 0}
        h_cache: dict[int, int] = {}
        parent: dict[int, tuple[int, int]] = {}
        pop = heapq.heappop
        push = heapq.heappush
        while heap:
            f, negdepth, g, h, scheduled, on, exact = pop(heap)
            if f >= ub:
                return ub, None
            if g > best_g[scheduled]:
                continue
            remaining = full & ~scheduled
            if not exact:
                h2 = h_cache.get(scheduled)
                if h2 is None:
                    h2 = bound(remaining, on)
                    h_cache[scheduled] = h2
                if h2 > h:
                    if g + h2 < ub:
                        push(heap, (g + h2, negdepth, g, h2, scheduled, on, True))
                    continue
                h = h2
            if scheduled == full:
                order: list[int] = []
                s_cur = scheduled
                while s_cur:
                    prev, s = parent[s_cur]
                    order.append(s)
                    s_cur = prev
                order.reverse()
                return g, order
            self.nodes += 1
            if deadline is not None and (self.timed_out or time.perf_counter() > deadline):
                self.timed_out = True
                return min(f, ub), None
            cands = allowed_moves(remaining, on, sa, table)
            depth = negdepth - 1
            while cands:
                low = cands & -cands
                cands ^= low
                s = low.bit_length() - 1
                step = d[s] * mc(on & ~sa[s])
                g2 = g + step
                if g2 >= ub:
                    continue
                s2 = scheduled | low
                old = best_g.get(s2)
                if old is not None and old <= g2:
                    continue
                best_g[s2] = g2
                hc = h_cache.get(s2)
                if hc is None:
                    hc = h - step if h > step else 0
                    exact_child = False
                else:
                    exact_child = True
                f2 = g2 + hc
                if f2 >= ub:
                    continue
                rem2 = remaining ^ low
                on2 = 0
                cand = on | sa[s]
                while cand:
                    b = cand & -cand
                    cand ^= b
                    if acts[b.bit_length() - 1] & rem2:
                        on2 |= b
                parent[s2] = (scheduled, s)
                push(heap, (f2, depth, g2, hc, s2, on2, exact_child))
        return ub, None

"""`solve_mssp`: exact A* for small movie shoots, annealing plus lower bounds for large."""

from __future__ import annotations

import time
from dataclasses import dataclass

from daybreak.engine.mssp.bounds import group_idle_bound
from daybreak.engine.mssp.exact import MsspSearch
from daybreak.engine.mssp.heuristic import anneal, greedy_order
from daybreak.engine.mssp.instance import MsspInstance
from daybreak.engine.talent.solver import solve_talent

OPTIMAL = "OPTIMAL"
FEASIBLE = "FEASIBLE"

EXACT_MAX_SCENES = 40
"""Above this many scenes the A* search is not even tried."""
DEFAULT_LARGE_TIME = 20.0
"""Time limit (s) used for instances above 24 scenes when none is given."""


@dataclass(frozen=True)
class MsspResult:
    """The answer of :func:`solve_mssp`; ``order`` holds 0-based scene indices."""

    order: tuple[int, ...]
    cost: int
    idle_cost: int
    location_cost: int
    lower_bound: int
    status: str
    seconds: float
    nodes: int

    @property
    def gap(self) -> float:
        """Relative gap (cost - lower bound) / cost; 0.0 when proven optimal."""
        return 0.0 if self.cost == 0 else (self.cost - self.lower_bound) / self.cost


def solve_mssp(
    instance: MsspInstance, time_limit: float | None = None, *, seed: int = 0
) -> MsspResult:
    """Best order found for ``instance`` with a valid lower bound and a status.

    Up to 24 scenes with no ``time_limit`` the A* search runs to completion (proven
    optimum). Otherwise the time is split: half for annealing (the upper bound), the
    rest for lower bounds: A* on the instance itself (up to 40 scenes), the exact talent
    solver on the relaxation without locations and precedences (its proven bound on the
    idle cost), and the grouped-actor bound; the largest is kept.
    """
    t0 = time.perf_counter()
    n = instance.num_scenes
    limit = time_limit
    if limit is None and n > 24:
        limit = DEFAULT_LARGE_TIME
    deadline = None if limit is None else t0 + limit
    if n <= 24:
        heur_budget = min(0.2, 0.01 * n) if limit is None else min(0.2, 0.01 * n, 0.2 * limit)
    else:
        heur_budget = 0.5 * (limit or DEFAULT_LARGE_TIME)
    start = greedy_order(instance)
    order, cost = anneal(instance, start, time_budget=heur_budget, seed=seed)
    lower = 0
    nodes = 0
    if n <= EXACT_MAX_SCENES:
        search = MsspSearch(instance, deadline if n <= 24 else _split(deadline, 0.5))
        lb, found = search.run(cost)
        nodes = search.nodes
        if found is not None:
            order, cost = found, instance.cost(found)
        lower = max(lower, min(lb, cost))
    if lower < cost and n > 24:
        # relaxation: drop locations and precedences, bound the talent problem left
        left = None if deadline is None else max(0.0, 0.5 * (deadline - time.perf_counter()))
        relaxed = solve_talent(instance.talent, time_limit=left)
        lower = max(lower, relaxed.lower_bound - instance.talent.working_cost)
    if lower < cost:
        lower = max(lower, group_idle_bound(instance.talent, deadline=deadline, seed=seed))
    assert instance.is_feasible(order)
    idle = instance.idle_cost(order)
    loc = instance.location_cost(order)
    assert idle + loc == cost
    lower = min(lower, cost)
    return MsspResult(
        tuple(order),
        cost,
        idle,
        loc,
        lower,
        OPTIMAL if lower >= cost else FEASIBLE,
        time.perf_counter() - t0,
        nodes,
    )


def _split(deadline: float | None, share: float) -> float | None:
    """A deadline ``share`` of the way from now to ``deadline``."""
    if deadline is None:
        return None
    now = time.perf_counter()
    return now + share * max(0.0, deadline - now)

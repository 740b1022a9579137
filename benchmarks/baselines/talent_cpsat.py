"""A straightforward position-based CP-SAT model of talent scheduling (the baseline).

``x[s, p]``: scene ``s`` is shot at position ``p`` (an assignment). For each actor,
``f[a, p]`` (a scene of ``a`` at a position <= p) and ``g[a, p]`` (at a position >= p)
are monotone 0/1 sequences; the actor is on set at position ``p`` when both hold and is
then paid the duration of the scene at ``p``. No symmetry breaking, no dominance, no
custom bounds: this is what a modeller writes first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from daybreak.engine.talent.instance import TalentInstance


@dataclass(frozen=True)
class CpSatOutcome:
    """Best order (0-based, or None), its total cost, the proven bound, status, seconds."""

    order: list[int] | None
    cost: int | None
    bound: int
    status: str
    seconds: float


def solve_cpsat(inst: TalentInstance, time_limit: float = 30.0, workers: int = 1) -> CpSatOutcome:
    """Solve ``inst`` with CP-SAT within ``time_limit`` seconds."""
    t0 = time.perf_counter()
    n, m = inst.num_scenes, inst.num_actors
    d = inst.durations
    model = cp_model.CpModel()
    x = {(s, p): model.NewBoolVar(f"x{s}_{p}") for s in range(n) for p in range(n)}
    for s in range(n):
        model.AddExactlyOne(x[s, p] for p in range(n))
    for p in range(n):
        model.AddExactlyOne(x[s, p] for s in range(n))
    dmax = max(d)
    dur = []
    for p in range(n):
        v = model.NewIntVar(0, dmax, f"dur{p}")
        model.Add(v == sum(d[s] * x[s, p] for s in range(n)))
        dur.append(v)
    terms = []
    for a in range(m):
        scenes = [s for s in range(n) if inst.actor_scenes[a] >> s & 1]
        if not scenes:
            continue
        has = [sum(x[s, p] for s in scenes) for p in range(n)]
        f = [model.NewBoolVar(f"f{a}_{p}") for p in range(n)]
        g = [model.NewBoolVar(f"g{a}_{p}") for p in range(n)]
        for p in range(n):
            model.Add(f[p] >= has[p])
            model.Add(g[p] >= has[p])
            if p > 0:
                model.Add(f[p] >= f[p - 1])
                model.Add(f[p] <= f[p - 1] + has[p])
            else:
                model.Add(f[p] <= has[p])
            if p < n - 1:
                model.Add(g[p] >= g[p + 1])
                model.Add(g[p] <= g[p + 1] + has[p])
            else:
                model.Add(g[p] <= has[p])
            on = model.NewBoolVar(f"on{a}_{p}")
            model.Add(on >= f[p] + g[p] - 1)
            w = model.NewIntVar(0, dmax, f"w{a}_{p}")
            model.Add(w >= dur[p] - dmax * (1 - on))
            terms.append(inst.costs[a] * w)
    model.Minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.Solve(model)
    seconds = time.perf_counter() - t0
    name = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE"}.get(status, "UNKNOWN")
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        order = sorted(range(n), key=lambda s: next(p for p in range(n) if solver.Value(x[s, p])))
        cost = inst.total_cost(order)
        return CpSatOutcome(order, cost, int(solver.BestObjectiveBound()), name, seconds)
    return CpSatOutcome(None, None, int(solver.BestObjectiveBound()), name, seconds)

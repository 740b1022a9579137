"""Use cases for benchmark files: read a talent or movie-shoot file, solve, report a dict.

The dicts are what the CLI prints with ``--json`` and what an API would return: scene
numbers are 1-based there, as in the files' own numbering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from daybreak.engine.mssp.solver import solve_mssp
from daybreak.engine.talent.solver import solve_talent
from daybreak.importers.talent_formats import read_mssp, read_talent


def solve_talent_file(path: str | Path, *, time_limit: float | None = None) -> dict[str, Any]:
    """Read a talent-scheduling file and solve it (exactly, unless time runs out).

    Keys: ``order`` (1-based scenes), ``cost`` (every actor paid from first to last
    scene), ``idle_cost``, ``lower_bound``, ``status``, ``seconds``, plus ``instance``,
    ``scenes``, ``actors`` and ``nodes`` for context.
    """
    inst = read_talent(path)
    res = solve_talent(inst, time_limit=time_limit)
    return {
        "instance": inst.name or Path(path).stem,
        "scenes": inst.num_scenes,
        "actors": inst.num_actors,
        "order": [s + 1 for s in res.order],
        "cost": res.cost,
        "idle_cost": res.idle_cost,
        "lower_bound": res.lower_bound,
        "status": res.status,
        "seconds": round(res.seconds, 4),
        "nodes": res.nodes,
    }


def solve_mssp_file(
    path: str | Path, *, time_limit: float | None = None, seed: int = 0
) -> dict[str, Any]:
    """Read a movie-shoot file and solve it; a talent file is one free location.

    Keys as :func:`solve_talent_file` plus ``location_cost``; here ``cost`` is the
    movie-shoot objective (actor idle cost plus location revisit cost) and
    ``lower_bound`` bounds it.
    """
    inst = read_mssp(path)
    res = solve_mssp(inst, time_limit, seed=seed)
    return {
        "instance": inst.name or Path(path).stem,
        "scenes": inst.num_scenes,
        "actors": inst.talent.num_actors,
        "locations": len(inst.location_costs),
        "order": [s + 1 for s in res.order],
        "cost": res.cost,
        "idle_cost": res.idle_cost,
        "location_cost": res.location_cost,
        "lower_bound": res.lower_bound,
        "status": res.status,
        "seconds": round(res.seconds, 4),
        "nodes": res.nodes,
    }

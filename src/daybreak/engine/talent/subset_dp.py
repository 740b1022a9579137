"""Exact talent scheduling by dynamic programming over every subset, vectorised in numpy.

The idle cost of shooting scene ``s`` after the set ``Q`` depends on ``Q`` alone
(Garcia de la Banda, Stuckey & Chu 2011): the on actors ``A(Q) & A(R)`` (worked already,
with scenes left in ``R``, the scenes not in ``Q``) that are not in ``s`` wait ``d_s``
days. So ``f(Q) = min over s in R of d_s * cost(on(Q) & ~a(s)) + f(Q | s)`` with
``f(all) = 0``, and ``f(empty)`` is the optimum idle cost.

With ``n`` scenes that is ``2**n`` states and ``n * 2**(n-1)`` transitions. Where the
A* search has to evaluate its bound node by node in Python, this touches every state but
in whole numpy arrays, layer by layer (states with ``k`` scenes shot need only those with
``k + 1``). Up to about twenty scenes it is the faster exact method whatever the actors,
and its time does not depend on how tight a bound is: Shaw2020 (20 scenes, 19 actors
after reduction, 13-17 on set at once) takes a fraction of a second where A* needs
seconds. Memory is about 30 bytes a state, so the solver uses it only for small ``n``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from daybreak.engine.talent.instance import TalentInstance

MAX_SCENES = 20
"""Largest (reduced) instance solved this way: 2**20 states, about 30 MB."""

LARGEST = 24
"""Refused above this many scenes: 2**24 states would already take about 500 MB."""

_CHUNK = 16  # actor-cost lookup tables cover 16 actors each (65,536 entries)


def subset_dp(
    inst: TalentInstance,
    deadline: float | None = None,
    *,
    started: int = 0,
    pending: int = 0,
    allowed_at: list[int] | None = None,
) -> tuple[int, list[int]] | None:
    """The optimum idle cost of ``inst`` and an order attaining it (0-based scenes).

    Returns ``None`` when ``deadline`` (a ``time.perf_counter()`` value) passes first, or
    when no order honours ``allowed_at``. For a window of a longer sequence, ``started``
    are the actors who worked before it and ``pending`` those who work after it (both
    bitmasks over actors; they are on from the window's start, or to its end), and
    ``allowed_at[s]`` is the bitmask of the positions scene ``s`` may take.
    Instances with more than 64 actors (actor sets are 64-bit words) or more than
    :data:`LARGEST` scenes are refused with ``ValueError``.
    """
    n = inst.num_scenes
    if inst.num_actors > 64:
        raise ValueError(f"subset DP handles at most 64 actors, not {inst.num_actors}")
    if n > LARGEST:
        raise ValueError(f"subset DP handles at most {LARGEST} scenes, not {n}")
    size = 1 << n
    full = size - 1
    on = _on_actors(inst, started, pending)
    allowed = allowed_at if allowed_at is not None else [full] * n
    weight = _weight_function(inst.costs)
    layers = _layers(n)
    inf = np.int64(1) << np.int64(60)
    f = np.full(size, inf, dtype=np.int64)
    f[full] = 0
    choice = np.full(size, -1, dtype=np.int8)
    not_in = [~np.uint64(a) for a in inst.scene_actors]
    for k in range(n - 1, -1, -1):
        if deadline is not None and time.perf_counter() > deadline:
            return None
        states = layers[k]
        on_here = on[states]
        best = np.full(len(states), inf, dtype=np.int64)
        best_scene = np.full(len(states), -1, dtype=np.int8)
        for s in range(n):
            if not allowed[s] >> k & 1:
                continue  # scene s may not be the (k+1)-th
            pos = np.flatnonzero((states >> s) & 1 == 0)
            if pos.size == 0:
                continue
            nxt = states[pos] | (1 << s)
            cand = f[nxt] + inst.durations[s] * weight(on_here[pos] & not_in[s])
            better = cand < best[pos]
            improved = pos[better]
            best[improved] = cand[better]
            best_scene[improved] = s
        f[states] = best
        choice[states] = best_scene
    if f[0] >= inf:
        return None
    order: list[int] = []
    shot = 0
    while shot != full:
        s = int(choice[shot])
        order.append(s)
        shot |= 1 << s
    return int(f[0]), order


def _on_actors(inst: TalentInstance, started: int, pending: int) -> npt.NDArray[np.uint64]:
    """``on[Q]``: actors with a scene in ``Q`` (or started) and one outside it (or pending)."""
    n = inst.num_scenes
    worked = np.zeros(1 << n, dtype=np.uint64)
    for s, actors in enumerate(inst.scene_actors):
        worked[1 << s : 1 << (s + 1)] = worked[: 1 << s] | np.uint64(actors)
    # the complement of Q is full - Q, i.e. the same array read backwards
    on: npt.NDArray[np.uint64] = (worked | np.uint64(started)) & (worked[::-1] | np.uint64(pending))
    return on


def _layers(n: int) -> list[npt.NDArray[np.int64]]:
    """The states of each size: ``layers[k]`` holds every subset with ``k`` scenes."""
    count = np.zeros(1 << n, dtype=np.int8)
    for s in range(n):
        count[1 << s : 1 << (s + 1)] = count[: 1 << s] + 1
    by_size = np.argsort(count, kind="stable").astype(np.int64)
    edges = np.searchsorted(count[by_size], np.arange(n + 2))
    return [by_size[edges[k] : edges[k + 1]] for k in range(n + 1)]


def _weight_function(
    costs: tuple[int, ...],
) -> Callable[[npt.NDArray[np.uint64]], npt.NDArray[np.int64]]:
    """Vectorised daily cost of actor sets, by 16-actor lookup tables."""
    tables = []
    index = np.arange(1 << _CHUNK)
    for start in range(0, len(costs), _CHUNK):
        table = np.zeros(1 << _CHUNK, dtype=np.int64)
        for a in range(start, min(len(costs), start + _CHUNK)):
            table[(index >> (a - start)) & 1 == 1] += costs[a]
        tables.append(table)
    low = np.uint64((1 << _CHUNK) - 1)

    def weight(masks: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
        total = np.zeros(len(masks), dtype=np.int64)
        for c, table in enumerate(tables):
            total += table[((masks >> np.uint64(_CHUNK * c)) & low).astype(np.int64)]
        return total

    return weight

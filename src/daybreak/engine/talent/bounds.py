"""Lower bounds on the idle cost still to come, given the scenes already shot.

The state is the set ``Q`` of scenes not yet shot and the set ``O`` of *on* actors:
actors who already worked and still have scenes in ``Q``. Every on actor stays on set
from now until the end of their last scene, so their remaining cost is ``c_a * T_a``
(``T_a`` the end of their last scene, time measured from now).

Split every scene ``s`` into pieces, one for each on actor ``a`` in it, of length
``d_s * c_a / C_s`` (``C_s`` the cost of the on actors in ``s``). Ordering actors by
Smith's rule (shortest weighted processing time first) on these pieces bounds
``sum c_a T_a`` from below; within one scene all its on actors are paid for the whole
scene, which adds back ``d_s * (C_s - sum c_a^2 / C_s) / 2`` per scene; subtracting the
working cost of the on actors leaves a bound on their idle cost:

    sum_a c_a * (sum of P_b for b up to a in Smith order) - sum_s d_s (C_s + sum c_a^2 / C_s) / 2

This is the formula of the relaxation bound in the talent-scheduling example of the
``ddo`` solver (Gillard et al., MIT licence; reimplemented here, not copied), in the
line of Garcia de la Banda, Stuckey & Chu (2011) and Qin et al. (2016). The tests check
it against exhaustive enumeration of every completion on random small states, and the
result is rounded up only after subtracting a small tolerance for float error.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence


def mask_cost_function(costs: Sequence[int]) -> Callable[[int], int]:
    """Return ``f(mask) -> sum of costs[a] for a in mask`` using 12-bit lookup tables."""
    m = len(costs)
    chunk = 12
    tables: list[list[int]] = []
    for base in range(0, max(m, 1), chunk):
        width = min(chunk, m - base) if m else 0
        table = [0] * (1 << width)
        for mask in range(1, 1 << width):
            b = mask & -mask
            table[mask] = table[mask ^ b] + costs[base + b.bit_length() - 1]
        tables.append(table)
    if len(tables) == 1:
        return tables[0].__getitem__
    if len(tables) == 2:
        low, high = tables
        low_mask = (1 << chunk) - 1

        def cost2(mask: int) -> int:
            return low[mask & low_mask] + high[mask >> chunk]

        return cost2
    full = (1 << chunk) - 1

    def cost(mask: int) -> int:
        total = 0
        for table in tables:
            if not mask:
                break
            total += table[mask & full]
            mask >>= chunk
        return total

    return cost


def on_actor_bound(
    remaining: int,
    on: int,
    scene_actors: Sequence[int],
    durations: Sequence[int],
    costs: Sequence[int],
    mask_cost: Callable[[int], int],
) -> int:
    """Lower bound on the idle cost of the on actors over the ``remaining`` scenes."""
    if not on:
        return 0
    ratio: dict[int, float] = {}
    lb = 0.0
    q = remaining
    while q:
        low = q & -q
        q ^= low
        s = low.bit_length() - 1
        here = scene_actors[s] & on
        if not here:
            continue
        d = durations[s]
        c = mask_cost(here)
        if c == 0:
            continue
        x = d / c
        sq = 0
        while here:
            b = here & -here
            here ^= b
            a = b.bit_length() - 1
            ca = costs[a]
            sq += ca * ca
            ratio[a] = ratio.get(a, 0.0) + x
        lb -= d * (c + sq / c) / 2
    if len(ratio) <= 1:
        return 0
    items = sorted(ratio.items(), key=lambda kv: kv[1])
    done = 0.0
    for a, r in items:
        c = costs[a]
        done += r * c
        lb += c * done
    return max(0, math.ceil(lb - 1e-7 * (1.0 + done * done)))


class OnActorBound:
    """:func:`on_actor_bound` for one instance, with per-scene results memoised.

    For a scene and its set of on actors the split duration and the in-scene correction
    never change, so they are computed once; the search calls this many times per node.
    """

    def __init__(
        self, scene_actors: Sequence[int], durations: Sequence[int], costs: Sequence[int]
    ) -> None:
        self.scene_actors = list(scene_actors)
        self.durations = list(durations)
        self.costs = list(costs)
        self.mask_cost = mask_cost_function(costs)
        self.cache: list[dict[int, tuple[float, float, tuple[int, ...]]]] = [
            {} for _ in scene_actors
        ]

    def _scene(self, s: int, here: int) -> tuple[float, float, tuple[int, ...]]:
        c = self.mask_cost(here)
        d = self.durations[s]
        members = []
        sq = 0
        m = here
        while m:
            b = m & -m
            m ^= b
            a = b.bit_length() - 1
            members.append(a)
            sq += self.costs[a] * self.costs[a]
        if c == 0:
            entry: tuple[float, float, tuple[int, ...]] = (0.0, 0.0, ())
        else:
            entry = (d / c, d * (c + sq / c) / 2, tuple(members))
        self.cache[s][here] = entry
        return entry

    def __call__(self, remaining: int, on: int) -> int:
        """Lower bound on the idle cost of the ``on`` actors over the ``remaining`` scenes."""
        if not on or on & (on - 1) == 0:
            return 0
        sa = self.scene_actors
        cache = self.cache
        ratio: dict[int, float] = {}
        lb = 0.0
        q = remaining
        while q:
            low = q & -q
            q ^= low
            s = low.bit_length() - 1
            here = sa[s] & on
            if not here:
                continue
            entry = cache[s].get(here)
            if entry is None:
                entry = self._scene(s, here)
            x, corr, members = entry
            lb -= corr
            for a in members:
                ratio[a] = ratio.get(a, 0.0) + x
        if len(ratio) <= 1:
            return 0
        costs = self.costs
        done = 0.0
        for a, r in sorted(ratio.items(), key=lambda kv: kv[1]):
            c = costs[a]
            done += r * c
            lb += c * done
        return max(0, math.ceil(lb - 1e-7 * (1.0 + done * done)))

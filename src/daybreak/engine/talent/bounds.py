"""Lower bounds on the idle cost still to come, given the scenes already shot.

The state is the set ``Q`` of scenes not yet shot and the set ``O`` of *on* actors:
actors who already worked and still have scenes in ``Q``. Every on actor stays on set
from now until the end of their last scene, so their remaining cost is ``c_a * T_a``
(``T_a`` the end of their last scene, time measured from now).

Split every scene ``s`` into pieces, one for each on actor ``a`` in it, of length
``d_s * c_a / C_s`` (``C_s`` the cost of the on actors in ``s``). Actor ``a``'s last
piece ends no later than ``T_a``, so ``sum c_a T_a`` is at least the optimum of a
single-machine weighted-completion-time problem on these pieces, which Smith's rule
(shortest weighted processing time first) solves even with pre-emption. Subtracting the
working cost of the on actors leaves a lower bound on their idle cost. This is the
bound used for talent scheduling by Garcia de la Banda, Stuckey & Chu (2011) and by
Qin et al. (2016), computed here with exact integer-safe rounding.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence


def mask_cost_function(costs: Sequence[int]) -> Callable[[int], int]:
    """Return ``f(mask) -> sum of costs[a] for a in mask`` using two lookup tables."""
    m = len(costs)
    low_bits = min(m, 12)
    high_bits = m - low_bits
    low = [0] * (1 << low_bits)
    for mask in range(1, 1 << low_bits):
        b = mask & -mask
        low[mask] = low[mask ^ b] + costs[b.bit_length() - 1]
    if high_bits == 0:
        return low.__getitem__
    high = [0] * (1 << high_bits)
    for mask in range(1, 1 << high_bits):
        b = mask & -mask
        high[mask] = high[mask ^ b] + costs[low_bits + b.bit_length() - 1]
    low_mask = (1 << low_bits) - 1

    def cost(mask: int) -> int:
        return low[mask & low_mask] + high[mask >> low_bits]

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
    work = 0
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
        work += d * c
        x = d / c
        while here:
            b = here & -here
            here ^= b
            a = b.bit_length() - 1
            ratio[a] = ratio.get(a, 0.0) + x
    if len(ratio) <= 1:
        return 0
    items = sorted(ratio.items(), key=lambda kv: kv[1])
    done = 0.0
    total = 0.0
    for a, r in items:
        c = costs[a]
        done += r * c
        total += c * done
    lb = total - work
    return max(0, math.ceil(lb - 1e-7 * (1.0 + abs(total))))

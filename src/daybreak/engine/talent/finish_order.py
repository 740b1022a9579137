"""Exact idle cost of the *on* actors alone, by dynamic programming over their finishing order.

State: ``Q`` the scenes not yet shot, ``O`` the on actors (worked already, have scenes in
``Q``), ``R_a`` the scenes of ``Q`` actor ``a`` is in. From now on, every on actor is paid
from now until the end ``C_a`` of their last scene, and their work is fixed, so the idle
cost still to come of the on actors is ``sum_a c_a C_a - sum_a c_a d(R_a)``.

Forget the other actors (they only add cost) and scenes with no on actor (shot at the
end, they delay nobody in ``O``). Given the order ``a_1, a_2, ...`` in which the on
actors finish, ``C_{a_k} >= d(R_{a_1} ∪ ... ∪ R_{a_k})`` (all those scenes are shot by
then), and shooting the union of ``R_{a_1}``, then the new scenes of ``R_{a_2}``, and so on
meets every one of these with equality. So the least idle cost of the on actors is

    min over orders of  sum_k c_{a_k} d(R_{a_1} ∪ ... ∪ R_{a_k})  -  sum_a c_a d(R_a),

a lower bound on the idle cost still to come (the idle of the others is ``>= 0``). It is
computed exactly by a DP over the set ``U`` of actors finished first:
``F(U ∪ {a}) = min F(U) + c_a d(R_U ∪ R_a)``. Two exact shortcuts: actors with the same
``R_a`` finish together (one actor, costs added), and when ``R_a ⊊ R_b`` some optimal
order finishes ``a`` before ``b`` (moving ``a`` to just before ``b`` ends ``a`` no later and
changes no other union), so ``b`` is only added once every such ``a`` is in ``U``. The
result dominates :class:`~daybreak.engine.talent.bounds.OnActorBound`, which relaxes the
same on-actor problem; when more than ``max_actors`` distinct on actors remain the DP
is skipped and the caller keeps the cheaper bound.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from daybreak.engine.talent.bounds import mask_cost_function


class FinishOrderBound:
    """The exact on-actor idle cost above, for one instance."""

    def __init__(
        self,
        scene_actors: Sequence[int],
        durations: Sequence[int],
        costs: Sequence[int],
        max_actors: int = 10,
    ) -> None:
        self.costs = list(costs)
        self.duration = mask_cost_function(list(durations))
        self.max_actors = max_actors
        acts = [0] * len(costs)
        for s, mask in enumerate(scene_actors):
            m = mask
            while m:
                b = m & -m
                m ^= b
                acts[b.bit_length() - 1] |= 1 << s
        self.actor_scenes = acts
        self.memo: dict[tuple[tuple[int, int], ...], int] = {}

    def __call__(self, remaining: int, on: int) -> int | None:
        """The bound, or ``None`` when there are more than ``max_actors`` distinct on actors."""
        acts = self.actor_scenes
        costs = self.costs
        merged: dict[int, int] = {}
        m = on
        while m:
            b = m & -m
            m ^= b
            a = b.bit_length() - 1
            rest = acts[a] & remaining
            merged[rest] = merged.get(rest, 0) + costs[a]
        k = len(merged)
        if k <= 1:
            return 0
        if k > self.max_actors:
            return None
        key = tuple(sorted(merged.items()))
        value = self.memo.get(key)
        if value is None:
            value = _finish_order_dp(list(key), self.duration)
            self.memo[key] = value
        return value


def _finish_order_dp(actors: list[tuple[int, int]], dur: Callable[[int], int]) -> int:
    """``min sum c d(union of prefix) - sum c d(R)`` over orders of ``(R, c)`` pairs."""
    k = len(actors)
    work = 0
    moves: list[tuple[int, int, int, int]] = []
    for i, (ri, ci) in enumerate(actors):
        work += ci * dur(ri)
        before = 0
        for j, (rj, _) in enumerate(actors):
            if j != i and rj & ri == rj:
                before |= 1 << j
        moves.append((1 << i, ri, ci, before))
    size = 1 << k
    inf = 1 << 62
    best = [inf] * size
    union = [0] * size
    best[0] = 0
    for u in range(size - 1):
        f = best[u]
        if f == inf:
            continue
        un = union[u]
        for bit, ri, ci, before in moves:
            if u & bit or before & ~u:
                continue  # done already, or a proper subset of its scenes is not
            v = u | bit
            nu = un | ri
            val = f + ci * dur(nu)
            if val < best[v]:
                best[v] = val
                union[v] = nu
    return best[size - 1] - work

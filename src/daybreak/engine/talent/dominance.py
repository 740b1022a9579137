"""Dominance rules for the search over sets of shot scenes.

State: the set ``S`` of shot scenes, ``Q`` the rest, ``O`` the *on* actors (worked in
``S``, still have scenes in ``Q``); ``A(s)`` is the actor set of scene ``s``.

**Equal cast.** If some ``s`` in ``Q`` has ``A(s) == O``, some optimal completion starts
with ``s``: moving ``s`` to the front never lengthens any actor's span.

**Subsumed scene** (in the line of Garcia de la Banda, Stuckey & Chu 2011). Scene ``i``
with ``d_i > 0`` is *blocked* when some other ``j`` in ``Q`` has

    A(i) ⊊ A(j) ⊆ O ∪ A(i)

(after ``i`` every actor of ``j`` would be on). Claim: some optimal completion starts
with an unblocked scene. Take an optimal completion ``i X j Y`` with ``i`` blocked, ``j``
a blocker of ``i`` whose ``A(j)`` is inclusion-maximal among the blockers. Let ``B1`` be
the actors outside ``A(j)`` that started in ``S`` and end in ``X``, and ``B2`` those
outside ``A(j)`` whose first scene is in ``X`` and last in ``Y``. Compare two orders:

* ``X j i Y``: actors of ``A(i)`` keep their end (``i`` now ends where ``j`` ended) and
  start no earlier; an actor outside ``A(i)`` with a scene in ``S`` and last in ``X j``
  ends ``d_i`` earlier (this includes ``B1``); only actors starting in ``X j`` and
  ending in ``Y`` get ``d_i`` longer, and those are exactly ``B2`` (an actor of
  ``A(j) - A(i)`` is on, so started in ``S``). Change ``<= d_i (c(B2) - c(B1))``.
* ``j i X Y``: actors of ``A(j)`` are all on after ``S`` or in ``i``, so their start is
  unchanged and their end does not grow; ``B1`` gets ``d_j`` longer, ``B2`` ``d_j``
  shorter, everyone else is unchanged. (``i j X Y`` costs this too, and swapping the
  adjacent ``i j`` to ``j i`` lengthens nobody: ``A(i) ⊆ A(j)``, and an actor of
  ``A(j) - A(i)`` started in ``S``.) Change ``<= d_j (c(B1) - c(B2))``.

If ``c(B1) > c(B2)`` the first order is strictly cheaper (``d_i > 0``): impossible. So
``j i X Y`` is optimal too, and ``j`` is unblocked: a blocker ``j'`` of ``j`` would have
``A(i) ⊊ A(j) ⊊ A(j') ⊆ O ∪ A(j) ⊆ O ∪ A(i)``, so it would block ``i`` and contradict
the maximality of ``A(j)``. A forced scene ``s`` (equal cast) is never blocked: a
blocker would have ``A(s) ⊊ A(j) ⊆ O ∪ A(s) = A(s)``. Both rules
only keep, at every state, some first move of an optimal completion, so by induction
on ``|Q|`` the restricted search still finds the optimum.
"""

from __future__ import annotations

from collections.abc import Sequence


def blockers(
    scene_actors: Sequence[int], durations: Sequence[int]
) -> list[tuple[tuple[int, int], ...]]:
    """``out[i]``: ``(1 << j, A(j))`` for every ``j`` with ``A(i) ⊊ A(j)`` (none if ``d_i = 0``)."""
    out: list[tuple[tuple[int, int], ...]] = []
    for i, ai in enumerate(scene_actors):
        if durations[i] <= 0:
            out.append(())
            continue
        out.append(
            tuple(
                (1 << j, aj)
                for j, aj in enumerate(scene_actors)
                if j != i and ai & aj == ai and aj != ai
            )
        )
    return out


def allowed_moves(
    remaining: int,
    on: int,
    scene_actors: Sequence[int],
    table: Sequence[tuple[tuple[int, int], ...]],
) -> int:
    """Bitmask of the scenes of ``remaining`` that the two rules let the search shoot next."""
    q = remaining
    while on and q:
        low = q & -q
        q ^= low
        if scene_actors[low.bit_length() - 1] == on:
            return low
    out = 0
    q = remaining
    while q:
        low = q & -q
        q ^= low
        i = low.bit_length() - 1
        cover = on | scene_actors[i]
        for bit, aj in table[i]:
            if remaining & bit and not aj & ~cover:
                break
        else:
            out |= low
    return out

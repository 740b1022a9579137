"""Seeded random talent-scheduling instances, in the style of the random sets of
Garcia de la Banda, Stuckey & Chu (2011): every actor appears in a random subset of the
scenes (at least two), every scene has at least one actor, costs and durations are
small random integers.
"""

from __future__ import annotations

import random

from daybreak.engine.talent.instance import TalentInstance


def random_instance(
    num_scenes: int,
    num_actors: int,
    *,
    seed: int,
    density: float = 0.3,
    max_cost: int = 20,
    max_duration: int = 4,
) -> TalentInstance:
    """A reproducible random instance: the same arguments always give the same instance."""
    if num_scenes < 2 or num_actors < 1:
        raise ValueError("need at least two scenes and one actor")
    rng = random.Random(seed)
    masks = [0] * num_actors
    for a in range(num_actors):
        for s in range(num_scenes):
            if rng.random() < density:
                masks[a] |= 1 << s
        while masks[a].bit_count() < 2:
            masks[a] |= 1 << rng.randrange(num_scenes)
    covered = 0
    for mask in masks:
        covered |= mask
    for s in range(num_scenes):
        if not covered >> s & 1:
            masks[rng.randrange(num_actors)] |= 1 << s
    costs = tuple(rng.randint(1, max_cost) for _ in range(num_actors))
    durations = tuple(rng.randint(1, max_duration) for _ in range(num_scenes))
    return TalentInstance(
        durations, costs, tuple(masks), name=f"random-{num_scenes}x{num_actors}-s{seed}"
    )

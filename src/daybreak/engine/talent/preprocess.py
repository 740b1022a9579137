"""Safe reductions of a talent instance (Garcia de la Banda, Stuckey & Chu 2011, section 3).

Every reduction keeps the minimum idle cost unchanged and maps any order of the reduced
instance back to an order of the original with the same idle cost:

* an actor in at most one scene is never idle: drop them (their cost is fixed);
* actors with identical scene sets act as one actor whose cost is the sum;
* a scene with no (remaining) actor costs nothing when shot first;
* scenes with identical actor sets are shot consecutively in some optimal order
  (exchange argument), so they are glued into one scene whose duration is the sum.

Rules are applied until none changes the instance. Subsumed (subset) scenes are *not*
merged: that is not safe in general.
"""

from __future__ import annotations

from dataclasses import dataclass

from daybreak.engine.talent.instance import TalentInstance


@dataclass(frozen=True)
class Reduction:
    """A reduced instance and the map back to the original scenes."""

    original: TalentInstance
    reduced: TalentInstance | None
    """``None`` when every scene was removed (all actors fixed-cost)."""
    free_scenes: tuple[int, ...]
    """Original scenes with no actor left: shot first, they cost no idle time."""
    groups: tuple[tuple[int, ...], ...]
    """``groups[r]``: the original scenes glued into reduced scene ``r``."""

    def expand(self, order: list[int] | tuple[int, ...]) -> list[int]:
        """Map an order of the reduced scenes to an order of the original scenes."""
        out = list(self.free_scenes)
        for r in order:
            out.extend(self.groups[r])
        return out


def reduce_instance(inst: TalentInstance) -> Reduction:
    """Apply the safe reductions until a fixed point; see the module docstring."""
    groups: list[tuple[int, ...]] = [(s,) for s in range(inst.num_scenes)]
    durations = list(inst.durations)
    actor_masks = list(inst.actor_scenes)
    costs = list(inst.costs)
    free: list[int] = []
    changed = True
    while changed:
        changed = False
        # 1. actors in at most one scene, and actors with zero cost
        keep = [i for i, m in enumerate(actor_masks) if m & (m - 1) and costs[i] > 0]
        if len(keep) != len(actor_masks):
            changed = True
            actor_masks = [actor_masks[i] for i in keep]
            costs = [costs[i] for i in keep]
        # 2. actors with identical scene sets
        by_mask: dict[int, int] = {}
        new_masks: list[int] = []
        new_costs: list[int] = []
        for m, c in zip(actor_masks, costs, strict=True):
            if m in by_mask:
                new_costs[by_mask[m]] += c
                changed = True
            else:
                by_mask[m] = len(new_masks)
                new_masks.append(m)
                new_costs.append(c)
        actor_masks, costs = new_masks, new_costs
        # 3./4. scenes without actors; scenes with identical actor sets
        n = len(groups)
        scene_sets = [0] * n
        for a, m in enumerate(actor_masks):
            for s in range(n):
                if m >> s & 1:
                    scene_sets[s] |= 1 << a
        index_of: dict[int, int] = {}
        new_groups: list[tuple[int, ...]] = []
        new_durations: list[int] = []
        old_to_new: list[int] = [-1] * n
        for s in range(n):
            key = scene_sets[s]
            if key == 0:
                free.extend(groups[s])
                changed = True
                continue
            if key in index_of:
                r = index_of[key]
                new_groups[r] = new_groups[r] + groups[s]
                new_durations[r] += durations[s]
                changed = True
            else:
                r = len(new_groups)
                index_of[key] = r
                new_groups.append(groups[s])
                new_durations.append(durations[s])
            old_to_new[s] = r
        remapped = []
        for m in actor_masks:
            r_mask = 0
            for s in range(n):
                if m >> s & 1:
                    r_mask |= 1 << old_to_new[s]
            remapped.append(r_mask)
        actor_masks = remapped
        groups, durations = new_groups, new_durations
    if not groups:
        return Reduction(inst, None, tuple(free), ())
    reduced = TalentInstance(
        tuple(durations), tuple(costs), tuple(actor_masks), name=inst.name + " (reduced)"
    )
    return Reduction(inst, reduced, tuple(free), tuple(groups))

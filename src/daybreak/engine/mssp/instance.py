"""The movie-shoot scheduling instance: talent scheduling plus locations and precedences.

Objective (the simplified Movie Shoot Scheduling Problem of Bomsdorf & Derigs 2008 as
used by the Hexaly/LocalSolver example): the idle cost of the actors (each actor paid
``c_a`` per day from the start of their first scene to the end of their last, minus the
days they work) plus, for every location, its cost times the number of times the shoot
comes back to it (visits beyond the first). Precedence ``(a, b)``: scene ``a`` is shot
before scene ``b``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from daybreak.engine.talent.instance import TalentInstance, check_order


@dataclass(frozen=True)
class MsspInstance:
    """An immutable, validated movie-shoot scheduling instance (0-based indices)."""

    talent: TalentInstance
    location_costs: tuple[int, ...]
    scene_location: tuple[int, ...]
    precedences: tuple[tuple[int, int], ...] = ()
    name: str = ""
    predecessors: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """``predecessors[s]``: bitmask of the scenes that must come before scene ``s``."""

    def __post_init__(self) -> None:
        n = self.talent.num_scenes
        if len(self.scene_location) != n:
            raise ValueError(f"{len(self.scene_location)} scene locations for {n} scenes")
        nl = len(self.location_costs)
        for s, loc in enumerate(self.scene_location):
            if not 0 <= loc < nl:
                raise ValueError(f"scene {s + 1}: location {loc} outside 0..{nl - 1}")
        for loc, c in enumerate(self.location_costs):
            if c < 0:
                raise ValueError(f"location {loc}: cost must be non-negative")
        preds = [0] * n
        for a, b in self.precedences:
            if not (0 <= a < n and 0 <= b < n) or a == b:
                raise ValueError(f"precedence ({a}, {b}) does not name two distinct scenes")
            preds[b] |= 1 << a
        # reject cycles: repeatedly take scenes whose predecessors are all taken
        done = 0
        progress = True
        while progress:
            progress = False
            for s in range(n):
                if not done >> s & 1 and preds[s] & ~done == 0:
                    done |= 1 << s
                    progress = True
        if done != (1 << n) - 1:
            raise ValueError("the precedences contain a cycle")
        object.__setattr__(self, "predecessors", tuple(preds))

    @classmethod
    def from_talent(cls, talent: TalentInstance) -> MsspInstance:
        """A movie-shoot instance with one free location and no precedences."""
        return cls(talent, (0,), (0,) * talent.num_scenes, (), talent.name)

    @property
    def num_scenes(self) -> int:
        """Number of scenes."""
        return self.talent.num_scenes

    def is_feasible(self, order: list[int] | tuple[int, ...]) -> bool:
        """True when ``order`` respects every precedence."""
        seen = 0
        for s in order:
            if self.predecessors[s] & ~seen:
                return False
            seen |= 1 << s
        return True

    def location_cost(self, order: list[int] | tuple[int, ...]) -> int:
        """Cost of coming back to locations already left."""
        check_order(order, self.num_scenes)
        visited: set[int] = set()
        last = -1
        cost = 0
        for s in order:
            loc = self.scene_location[s]
            if loc != last:
                if loc in visited:
                    cost += self.location_costs[loc]
                visited.add(loc)
                last = loc
        return cost

    def idle_cost(self, order: list[int] | tuple[int, ...]) -> int:
        """Idle cost of the actors."""
        return self.talent.idle_cost(order)

    def cost(self, order: list[int] | tuple[int, ...]) -> int:
        """The objective: actor idle cost plus location revisit cost."""
        return self.idle_cost(order) + self.location_cost(order)

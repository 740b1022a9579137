"""The talent-scheduling instance: scenes with durations, actors with daily costs.

Scenes and actors are 0-based. ``actor_scenes[a]`` is a bitmask over scenes (bit ``s``
set when actor ``a`` appears in scene ``s``); the transposed masks are derived once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TalentInstance:
    """An immutable, validated talent-scheduling instance.

    ``durations[s]`` is the length of scene ``s`` in days, ``costs[a]`` the daily cost of
    actor ``a`` and ``actor_scenes[a]`` the bitmask of the scenes actor ``a`` appears in.
    """

    durations: tuple[int, ...]
    costs: tuple[int, ...]
    actor_scenes: tuple[int, ...]
    name: str = ""
    scene_actors: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.durations)
        if n == 0:
            raise ValueError("an instance needs at least one scene")
        if len(self.costs) != len(self.actor_scenes):
            raise ValueError(
                f"{len(self.costs)} actor costs but {len(self.actor_scenes)} actor scene sets"
            )
        for s, d in enumerate(self.durations):
            if not isinstance(d, int) or d < 0:
                raise ValueError(f"scene {s + 1}: duration must be a non-negative integer")
        for a, c in enumerate(self.costs):
            if not isinstance(c, int) or c < 0:
                raise ValueError(f"actor {a + 1}: cost must be a non-negative integer")
        full = (1 << n) - 1
        for a, mask in enumerate(self.actor_scenes):
            if not isinstance(mask, int) or mask < 0 or mask & ~full:
                raise ValueError(f"actor {a + 1}: scene set refers to scenes outside 1..{n}")
        masks = [0] * n
        for a, mask in enumerate(self.actor_scenes):
            m = mask
            while m:
                low = m & -m
                masks[low.bit_length() - 1] |= 1 << a
                m ^= low
        object.__setattr__(self, "scene_actors", tuple(masks))

    @classmethod
    def from_matrix(
        cls,
        matrix: list[list[int]] | tuple[tuple[int, ...], ...],
        costs: list[int] | tuple[int, ...],
        durations: list[int] | tuple[int, ...],
        name: str = "",
    ) -> TalentInstance:
        """Build an instance from an actor x scene 0/1 matrix."""
        masks = []
        for row in matrix:
            if len(row) != len(durations):
                raise ValueError(f"matrix row has {len(row)} entries, expected {len(durations)}")
            masks.append(sum(1 << s for s, v in enumerate(row) if v))
        return cls(tuple(durations), tuple(costs), tuple(masks), name)

    @property
    def num_scenes(self) -> int:
        """Number of scenes."""
        return len(self.durations)

    @property
    def num_actors(self) -> int:
        """Number of actors."""
        return len(self.costs)

    @property
    def working_cost(self) -> int:
        """The fixed part of any schedule: every actor paid for the scenes they are in."""
        return sum(
            self.durations[s] * self.costs[a]
            for a, mask in enumerate(self.actor_scenes)
            for s in range(self.num_scenes)
            if mask >> s & 1
        )

    def total_cost(self, order: list[int] | tuple[int, ...]) -> int:
        """Total cost of a scene order: each actor paid from their first to last scene day."""
        check_order(order, self.num_scenes)
        start = [0] * self.num_scenes
        t = 0
        for s in order:
            start[s] = t
            t += self.durations[s]
        total = 0
        for a, mask in enumerate(self.actor_scenes):
            if not mask:
                continue
            first = None
            last = 0
            m = mask
            while m:
                low = m & -m
                s = low.bit_length() - 1
                m ^= low
                b = start[s]
                e = b + self.durations[s]
                first = b if first is None or b < first else first
                last = e if e > last else last
            assert first is not None
            total += self.costs[a] * (last - first)
        return total

    def idle_cost(self, order: list[int] | tuple[int, ...]) -> int:
        """Cost of the days actors wait on set: total cost minus the working cost."""
        return self.total_cost(order) - self.working_cost


def check_order(order: list[int] | tuple[int, ...], n: int) -> None:
    """Raise ``ValueError`` unless ``order`` is a permutation of ``0..n-1``."""
    if sorted(order) != list(range(n)):
        raise ValueError(f"order is not a permutation of the {n} scenes")

"""Units: scenes that must be shot on the same day, moved as one block by the solvers.

SAME_DAY rules merge scenes into one unit exactly. A KEEP_TOGETHER chain that fits in a
day is merged too (for the heuristic; a restriction), and its order is kept inside the
unit. ``chains`` lists KEEP_TOGETHER chains as unit sequences for the exact model, which
relaxes them to "each next scene on the same or the next day".
"""

from __future__ import annotations

from dataclasses import dataclass

from daybreak.engine.problem import KEEP_TOGETHER, SAME_DAY, ProblemData


@dataclass(frozen=True, slots=True)
class Unit:
    """Scenes shot together, in this order; their load, night flags and allowed days."""

    scenes: tuple[int, ...]
    eighths: int
    minutes: int
    night: bool
    mixed: bool
    cast: frozenset[int]
    sets: tuple[int, ...]
    places: tuple[int, ...]
    allowed: frozenset[int]


@dataclass(frozen=True, slots=True)
class Units:
    """The units of a problem and the unit of each scene."""

    units: tuple[Unit, ...]
    unit_of: tuple[int, ...]
    merged_chains: bool


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def build_units(data: ProblemData, *, merge_chains: bool) -> Units:
    """Group scenes into units (see module docstring)."""
    n = data.num_scenes
    parent = list(range(n))
    min_cap = min((c for c in data.capacity_eighths if c is not None), default=None)
    merged = False
    order_hint: dict[int, tuple[int, int]] = {}
    for r, rule in enumerate(data.rules):
        chain = rule.kind == KEEP_TOGETHER
        if rule.kind == SAME_DAY or chain:
            if chain:
                total = sum(data.eighths[s] for s in rule.scenes)
                if not merge_chains or (min_cap is not None and total > min_cap):
                    continue
                merged = True
                for i, s in enumerate(rule.scenes):
                    order_hint.setdefault(s, (r, i))
            root = _find(parent, rule.scenes[0])
            for s in rule.scenes[1:]:
                other = _find(parent, s)
                if other != root:
                    parent[other] = root
    groups: dict[int, list[int]] = {}
    for s in range(n):
        groups.setdefault(_find(parent, s), []).append(s)
    units: list[Unit] = []
    unit_of = [0] * n
    for members in groups.values():
        members.sort(key=lambda s: order_hint.get(s, (1 << 30, s)))
        allowed = frozenset(data.allowed[members[0]])
        for s in members[1:]:
            allowed &= frozenset(data.allowed[s])
        nights = {data.night[s] for s in members}
        sets: list[int] = []
        places: list[int] = []
        for s in members:
            if data.set_of[s] not in sets:
                sets.append(data.set_of[s])
            if data.place_of[s] >= 0 and data.place_of[s] not in places:
                places.append(data.place_of[s])
        cast: set[int] = set()
        for s in members:
            cast.update(data.scene_cast[s])
        for s in members:
            unit_of[s] = len(units)
        units.append(
            Unit(
                scenes=tuple(members),
                eighths=sum(data.eighths[s] for s in members),
                minutes=sum(data.minutes[s] for s in members),
                night=True in nights,
                mixed=len(nights) > 1,
                cast=frozenset(cast),
                sets=tuple(sets),
                places=tuple(places),
                allowed=allowed,
            )
        )
    return Units(tuple(units), tuple(unit_of), merged)

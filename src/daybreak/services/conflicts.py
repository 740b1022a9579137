"""Clashes across productions: one registry entry booked by two boards on the same dates.

For each pair of productions (each on its newest dated board, or the board asked for) and
each registry entry both book, the clash lists the overlapping dates and how many shoot
days would need to move to clear it:

``a_days_to_move`` is the fewest of the entry's work days on board A that must move to
other dates so that the work days that stay — with the hold days between them and the
travel days around them, as the evaluator counts them (drop rules included) — no longer
touch any date B books. The days that stay are a stretch of consecutive work days, less
those falling on B's dates. For a location, it is the number of A's shoot days there on
dates B uses it. ``b_days_to_move`` is the same from B's side; ``days_to_move`` is the
smaller: moving that many days on one board, the other left as it is, clears the clash
(assuming the moved days find free dates).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from daybreak.domain.registry import RegistryKind
from daybreak.services.bookings import BoardBookings, Booking, project_bookings
from daybreak.store import Store


@dataclass(frozen=True, slots=True)
class Conflict:
    talent_id: str
    name: str
    kind: RegistryKind
    a: Booking
    b: Booking
    overlap: tuple[date, ...]
    a_days_to_move: int
    b_days_to_move: int

    @property
    def days_to_move(self) -> int:
        return min(self.a_days_to_move, self.b_days_to_move)

    def record(self) -> dict[str, Any]:
        def side(booking: Booking, moves: int) -> dict[str, Any]:
            return {
                "production_id": booking.production_id,
                "production": booking.production,
                "board_id": booking.board_id,
                "board": booking.board,
                "element": booking.element,
                "dates": [d.isoformat() for d in booking.dates],
                "work_dates": [d.isoformat() for d in booking.work_dates],
                "days_to_move": moves,
            }

        return {
            "entry_id": self.talent_id,
            "entry": self.name,
            "kind": self.kind.value,
            "a": side(self.a, self.a_days_to_move),
            "b": side(self.b, self.b_days_to_move),
            "overlap": [d.isoformat() for d in self.overlap],
            "days_to_move": self.days_to_move,
        }


def days_to_move(side: BoardBookings, booking: Booking, other: set[date]) -> int:
    """The fewest work days of ``booking`` to move so it misses the ``other`` dates."""
    if booking.kind is RegistryKind.LOCATION:
        return sum(1 for d in booking.work_dates if d in other)
    c = side.cast_index(booking.element_id)
    if c is None:
        return 0
    dates = side.dates()
    perf = next(p for p in side.evaluation.performers if p.cast == c)
    work = list(perf.work_days)
    best = 0
    for i in range(len(work)):
        for j in range(i, len(work)):
            keep = [d for d in work[i : j + 1] if dates[d] not in other]
            if len(keep) > best and not side.paid_dates(c, keep) & other:
                best = len(keep)
    return len(work) - best


def clashes(sides: Mapping[str, BoardBookings], names: Mapping[str, str]) -> list[Conflict]:
    """Every clash between two of the boards (each pair of productions once)."""
    found: list[Conflict] = []
    for pa, pb in itertools.combinations(sorted(sides), 2):
        a_side, b_side = sides[pa], sides[pb]
        for a in a_side.bookings:
            for b in b_side.bookings:
                if a.talent_id != b.talent_id:
                    continue
                overlap = sorted(set(a.dates) & set(b.dates))
                if not overlap:
                    continue
                found.append(
                    Conflict(
                        talent_id=a.talent_id,
                        name=names.get(a.talent_id, a.element),
                        kind=a.kind,
                        a=a,
                        b=b,
                        overlap=tuple(overlap),
                        a_days_to_move=days_to_move(a_side, a, set(b.dates)),
                        b_days_to_move=days_to_move(b_side, b, set(a.dates)),
                    )
                )
    found.sort(key=lambda c: (c.a.production, c.b.production, c.name))
    return found


def find_conflicts(
    store: Store, production: str | None = None, boards: Mapping[str, str] | None = None
) -> list[Conflict]:
    """Clashes across the project's productions; with ``production``, those involving it."""
    from daybreak.store.registry import registry_entries

    names = {e.id: e.name for e in registry_entries(store)}
    found = clashes(project_bookings(store, boards), names)
    if production is not None:
        pid = store.resolve(production)
        found = [c for c in found if pid in (c.a.production_id, c.b.production_id)]
    return found


def conflicts_record(conflicts: list[Conflict]) -> dict[str, Any]:
    return {
        "conflicts": [c.record() for c in conflicts],
        "count": len(conflicts),
        "overlap_days": sum(len(c.overlap) for c in conflicts),
        "days_to_move": sum(c.days_to_move for c in conflicts),
    }

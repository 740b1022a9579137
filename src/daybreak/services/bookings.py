"""Bookings: the dates a linked performer or location is taken by one production's board.

A performer linked to the registry is booked on every date the evaluator pays them on the
board: work days, hold days (unpaid drop gaps are free) and their travel days — the
``travel_days`` calendar dates just before the first and just after the last work day. A
linked location is booked on the shoot days a strip is shot there. A booking on one
production is an unavailability on every other production of the project: before a
production is compiled for scheduling, :func:`with_bookings` adds those dates to a copy of
its elements' availability (the stored production never holds them).
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from daybreak.domain import Board, DateRange, Production
from daybreak.domain.registry import RegistryKind
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import Evaluation, evaluate, performer_days
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.services.registry import registry_kind
from daybreak.store import Store


@dataclass(frozen=True, slots=True)
class Booking:
    """One linked element's dates on one board. ``work_dates``: shoot days it works."""

    talent_id: str
    kind: RegistryKind
    production_id: str
    production: str
    board_id: str
    board: str
    element_id: str
    element: str
    dates: tuple[date, ...]
    work_dates: tuple[date, ...]


@dataclass(slots=True)
class BoardBookings:
    """Every booking of one production's board, with the compiled problem behind them."""

    production: Production
    board: Board
    data: ProblemData
    evaluation: Evaluation
    bookings: list[Booking] = field(default_factory=list)

    def dates(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.data.dates]

    def cast_index(self, element_id: str) -> int | None:
        return next((c for c, m in enumerate(self.data.cast) if m.element_id == element_id), None)

    def paid_dates(self, cast: int, work: list[int]) -> set[date]:
        """The dates a performer is paid for if they work on these day indices (sorted)."""
        days = performer_days(self.data, cast, work)
        if days.first_day is None or days.last_day is None:
            return set()
        dates = self.dates()
        paid = {dates[d] for d in (*days.work_days, *days.hold_days)}
        travel = self.data.cast[cast].travel_days
        for k in range(1, travel + 1):
            paid.add(dates[days.first_day] - timedelta(days=k))
            paid.add(dates[days.last_day] + timedelta(days=k))
        return paid


def dated_board(production: Production, board: str | None = None) -> Board | None:
    """The board named, else the newest board with shoot days on a dated calendar."""
    if board is not None:
        return production.board(board)
    for candidate in reversed(production.boards):
        calendar = production.board_calendar(candidate)
        if candidate.days and calendar is not None and calendar.start is not None:
            return candidate
    return None


def board_bookings(production: Production, board: Board) -> BoardBookings:
    """The bookings of every registry-linked cast member and location on the board."""
    days = board.days
    if not days:
        raise DaybreakError(f"board {board.name!r} has no shoot days", where="--board")
    data = compile_problem(production, board, days=len(days))
    if data.num_days < len(days):
        raise DaybreakError(
            f"board {board.name!r} has {len(days)} shoot days, its calendar only "
            f"{data.num_days} (see the wrap date)",
            source=production.name,
        )
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    schedule = Schedule.of([[index[s] for s in day if s in index] for day in days])
    result = BoardBookings(production, board, data, evaluate(data, schedule))
    dates = result.dates()
    strips = production.strips()
    for element in production.elements:
        if element.talent_id is None:
            continue
        kind = registry_kind(production, element)
        if kind is RegistryKind.CAST:
            c = result.cast_index(element.id)
            if c is None:
                continue
            perf = next(p for p in result.evaluation.performers if p.cast == c)
            work = tuple(dates[d] for d in perf.work_days)
            booked = result.paid_dates(c, list(perf.work_days))
        elif kind is RegistryKind.LOCATION:
            used = [
                d
                for d, day in enumerate(days)
                if any(s in strips and strips[s].place_id == element.id for s in day)
            ]
            work = tuple(dates[d] for d in used)
            booked = set(work)
        else:
            continue
        if not booked:
            continue
        result.bookings.append(
            Booking(
                talent_id=element.talent_id,
                kind=kind,
                production_id=production.id,
                production=production.name,
                board_id=board.id,
                board=board.name,
                element_id=element.id,
                element=element.label,
                dates=tuple(sorted(booked)),
                work_dates=work,
            )
        )
    return result


def project_bookings(
    store: Store,
    boards: Mapping[str, str] | None = None,
    *,
    exclude: Collection[str] = (),
) -> dict[str, BoardBookings]:
    """Bookings of every production with a dated board, by production id.

    ``boards`` maps a production (id or name) to the board to use instead of its newest
    dated board; ``exclude`` leaves productions (ids) out.
    """
    chosen = {store.resolve(p): b for p, b in (boards or {}).items()}
    found: dict[str, BoardBookings] = {}
    for summary in store.productions():
        if summary.id in exclude:
            continue
        production = store.load(summary.id)
        board = dated_board(production, chosen.get(summary.id))
        if board is None:
            continue
        try:
            found[summary.id] = board_bookings(production, board)
        except DaybreakError as exc:
            raise DaybreakError(
                f"board {board.name!r}: {exc.message}", source=production.name, where=exc.where
            ) from None
    return found


def with_bookings(production: Production, bookings: Iterable[Booking]) -> Production:
    """A copy of the production whose linked elements are unavailable on the dates other
    productions booked them. The production passed in is not changed."""
    busy: dict[str, set[date]] = {}
    for booking in bookings:
        if booking.production_id != production.id:
            busy.setdefault(booking.talent_id, set()).update(booking.dates)
    copied = copy.deepcopy(production)
    for element in copied.elements:
        taken = busy.get(element.talent_id or "")
        if taken:
            element.availability.unavailable.extend(date_ranges(taken))
    return copied


def date_ranges(dates: Iterable[date]) -> list[DateRange]:
    """Consecutive dates merged into inclusive ranges."""
    ranges: list[DateRange] = []
    for day in sorted(set(dates)):
        if ranges and ranges[-1].end + timedelta(days=1) == day:
            ranges[-1] = DateRange(ranges[-1].start, day)
        else:
            ranges.append(DateRange(day, day))
    return ranges


def bookings_elsewhere(
    store: Store, production_id: str, boards: Mapping[str, str] | None = None
) -> list[Booking]:
    """What every other production of the project books (newest dated boards)."""
    others = project_bookings(store, boards, exclude={production_id})
    return [booking for found in others.values() for booking in found.bookings]

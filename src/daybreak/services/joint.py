"""Schedule two productions that share cast or locations together, with no double booking.

Method (alternating solves, not one merged model): each production is solved by the usual
solver (:func:`daybreak.services.scheduling.schedule_board`) on a copy whose linked
elements are unavailable on the dates the other production — and every third production
of the project — books them. The two orders are tried (A first, then B around it, then A
again around B...; and B first). Because a booking also covers hold and travel days, which
the solver does not see as dates, a solve that still clashes is repaired: the performer is
kept on the side of the other booking where most of their work already is (or, when that
leaves no schedule, on the other side), the other side blocked, and the production solved
again; when clashes remain, the production is solved back to back, its shared people
working only after the other booking ends. A production that cannot be scheduled in its
usual number of days (others hold its people) is tried once more with twice the days.
Every pair of boards free of clashes is a
candidate; the cheapest pair by total cost (the sum of both evaluator totals) is kept and
saved as a new board in each production. Each solve gets an equal share of the time limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from daybreak.domain import Board, DateRange, Production
from daybreak.errors import DaybreakError
from daybreak.services.bookings import (
    BoardBookings,
    Booking,
    board_bookings,
    project_bookings,
    with_bookings,
)
from daybreak.services.conflicts import clashes
from daybreak.services.scheduling import schedule_board
from daybreak.store import Store

REPAIRS = 2  # re-solves of one production to clear clashes left by holds and travel


@dataclass(slots=True)
class Solved:
    board: Board
    total: float
    side: BoardBookings


@dataclass(slots=True)
class JointOutcome:
    a: Solved
    b: Solved
    record: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.a.total + self.b.total


def _solve(
    production: Production,
    outside: list[Booking],
    blocks: dict[str, list[DateRange]],
    *,
    board: str | None,
    time_limit: float,
    seed: int,
    name: str,
) -> Solved | None:
    """Solve a copy of the production with others' bookings (and blocks) as unavailability."""
    busy = with_bookings(production, outside)
    for element in busy.elements:
        element.availability.unavailable.extend(blocks.get(element.id, []))
    outcome = schedule_board(busy, board=board, time_limit=time_limit, seed=seed, board_name=name)
    if outcome.board is None and outcome.data.num_days > 0:
        # Shared people booked elsewhere may push the shoot later: allow twice the days.
        outcome = schedule_board(
            busy,
            board=board,
            days=2 * outcome.data.num_days,
            time_limit=time_limit,
            seed=seed,
            board_name=name,
        )
    if outcome.board is None or outcome.evaluation is None or not outcome.evaluation.feasible:
        return None
    return Solved(
        outcome.board, outcome.evaluation.total, board_bookings(production, outcome.board)
    )


def _one_sided_blocks(
    solved: Solved, fixed: Booking, element_id: str
) -> tuple[DateRange, DateRange]:
    """The two ways to keep this work clear of the other booking, likelier first.

    Either every work day falls after the other booking (block up to its end) or before
    it (block from its start); the side holding most of the work so far comes first.
    """
    mine = next(b for b in solved.side.bookings if b.element_id == element_id)
    c = solved.side.cast_index(element_id)
    travel = solved.side.data.cast[c].travel_days if c is not None else 0
    start, end = fixed.dates[0], fixed.dates[-1]
    work_before = DateRange(date.min, end + timedelta(days=travel))
    work_after = DateRange(start - timedelta(days=travel), date.max)
    before = sum(1 for d in mine.work_dates if d < start)
    after = sum(1 for d in mine.work_dates if d > end)
    return (work_after, work_before) if before >= after else (work_before, work_after)


def _solve_around(
    production: Production,
    outside: list[Booking],
    fixed: list[Booking],
    *,
    board: str | None,
    time_limit: float,
    seed: int,
    name: str,
) -> Solved | None:
    """Solve around ``fixed`` (the other production's bookings); repair leftover clashes.

    A clash left by hold or travel days blocks the performer on one side of the other
    booking; when that side leaves no schedule (the shoot has not started yet, say), the
    other side is tried instead.
    """
    blocks: dict[str, list[DateRange]] = {}
    by_entry = {b.talent_id: b for b in fixed}
    flips: list[tuple[str, DateRange]] = []  # blocks just added, with their alternative
    for _ in range(2 * REPAIRS + 1):
        solved = _solve(
            production,
            outside + fixed,
            blocks,
            board=board,
            time_limit=time_limit,
            seed=seed,
            name=name,
        )
        if solved is None:
            if not flips:
                break
            for element_id, other_side in flips:
                blocks[element_id][-1] = other_side
            flips = []
            continue
        clashing = _clashing(solved, by_entry)
        if not clashing:
            return solved
        flips = []
        for booking in clashing:
            first, second = _one_sided_blocks(
                solved, by_entry[booking.talent_id], booking.element_id
            )
            blocks.setdefault(booking.element_id, []).append(first)
            flips.append((booking.element_id, second))
    return _solve_after(
        production, outside, fixed, board=board, time_limit=time_limit, seed=seed, name=name
    )


def _solve_after(
    production: Production,
    outside: list[Booking],
    fixed: list[Booking],
    *,
    board: str | None,
    time_limit: float,
    seed: int,
    name: str,
) -> Solved | None:
    """Last resort, back to back: every shared performer and location works here only after
    the other booking ends (and its travel home), so no hold can overlap it."""
    shared = {b.talent_id: b for b in fixed}
    blocks = {
        element.id: [
            DateRange(
                date.min, shared[element.talent_id].dates[-1] + timedelta(element.travel_days)
            )
        ]
        for element in production.elements
        if element.talent_id in shared
    }
    solved = _solve(
        production,
        outside + fixed,
        blocks,
        board=board,
        time_limit=time_limit,
        seed=seed,
        name=name,
    )
    return None if solved is None or _clashing(solved, shared) else solved


def _clashing(solved: Solved, other: dict[str, Booking]) -> list[Booking]:
    """This solve's bookings sharing a date with the other production's (by registry entry)."""
    return [
        b
        for b in solved.side.bookings
        if b.talent_id in other and set(b.dates) & set(other[b.talent_id].dates)
    ]


def schedule_joint(
    store: Store,
    production_a: str,
    production_b: str,
    *,
    time_limit: float = 60.0,
    rounds: int = 3,
    seed: int = 0,
    save: bool = True,
) -> JointOutcome:
    """Schedule A and B together (see the module doc); save the best pair as new boards."""
    if time_limit <= 0:
        raise DaybreakError("must be more than 0", where="--time-limit")
    if rounds < 2:
        raise DaybreakError("must be at least 2 (one solve of each production)", where="--rounds")
    ids = (store.resolve(production_a), store.resolve(production_b))
    if ids[0] == ids[1]:
        raise DaybreakError("name two different productions", where="--production")
    prods = {pid: store.load(pid) for pid in ids}
    outside = [
        b for side in project_bookings(store, exclude=set(ids)).values() for b in side.bookings
    ]
    share = time_limit / (2 * rounds)
    stamp = f"{datetime.now():%Y-%m-%d %H:%M:%S}"
    started = time.perf_counter()
    tried: list[dict[str, Any]] = []
    best: tuple[float, Solved, Solved] | None = None
    for order in (ids, ids[::-1]):
        latest: dict[str, Solved] = {}
        for step in range(rounds):
            pid = order[step % 2]
            other = order[1 - step % 2]
            fixed = latest[other].side.bookings if other in latest else []
            solved = _solve_around(
                prods[pid],
                outside,
                fixed,
                board=None,
                time_limit=share,
                seed=seed + step,
                name=f"Joint {stamp}",
            )
            if solved is None:
                tried.append({"first": prods[order[0]].name, "step": step + 1, "feasible": False})
                break
            latest[pid] = solved
            if len(latest) < 2:
                continue
            a, b = latest[ids[0]], latest[ids[1]]
            names = {pid_: prods[pid_].name for pid_ in ids}
            found = clashes({ids[0]: a.side, ids[1]: b.side}, names)
            total = a.total + b.total
            tried.append(
                {
                    "first": prods[order[0]].name,
                    "step": step + 1,
                    "feasible": True,
                    "total": total,
                    "conflicts": len(found),
                }
            )
            if not found and (best is None or total < best[0]):
                best = (total, a, b)
    if best is None:
        raise DaybreakError(
            "no pair of schedules without a double booking was found; "
            "allow more days (work rules) or more time (--time-limit)"
        )
    _, a, b = best
    if save:
        for pid, solved in ((ids[0], a), (ids[1], b)):
            store.save_board(pid, solved.board, expected_version=0, action="joint schedule")
    outcome = JointOutcome(a, b)
    outcome.record = {
        "method": "alternating solves with the other production's bookings as unavailability",
        "productions": [
            _side_record(prods[ids[0]], a),
            _side_record(prods[ids[1]], b),
        ],
        "total": a.total + b.total,
        "conflicts": 0,
        "candidates": tried,
        "seconds": round(time.perf_counter() - started, 3),
        "saved": save,
    }
    return outcome


def _side_record(production: Production, solved: Solved) -> dict[str, Any]:
    dates = solved.side.dates()
    return {
        "production_id": production.id,
        "production": production.name,
        "board_id": solved.board.id,
        "board": solved.board.name,
        "total": solved.total,
        "shoot_days": sum(1 for day in solved.board.days if day),
        "first_date": dates[0].isoformat() if dates else None,
        "wrap_date": dates[len(solved.board.days) - 1].isoformat() if solved.board.days else None,
    }

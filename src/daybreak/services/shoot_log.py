"""Keeping the shoot log in the store: record or clear one shoot day's log of a board.

:func:`daybreak.services.shooting.log_day` builds the log; this module checks the user's
entries first (so an error names the field of the request that holds it), then writes only
the production's head row (where the shoot log lives) and one change-log entry, in one
transaction, under the same write lock as every board edit.

The change-log entry has no board id: undo restores boards only, so it never touches a
shoot log (clearing a day's log is the way back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from daybreak.domain import Board, Production, ShootDay, ShotStatus, format_eighths
from daybreak.domain.codec import to_plain
from daybreak.errors import DaybreakError
from daybreak.services.boards import write_lock
from daybreak.services.shooting import DayEntry, find_scene, log_day
from daybreak.store import Store
from daybreak.store.tables import ChangeRow, ProductionRow

__all__ = ["EntryInput", "clear_day", "record_day"]


@dataclass(frozen=True, slots=True)
class EntryInput:
    """One scene of a day's log as the user gives it (scene by strip id or number)."""

    scene: str
    status: ShotStatus
    eighths_done: int = 0
    reshoot: bool = False


def checked_entries(
    production: Production, entries: list[EntryInput], *, field: str = "entries"
) -> list[DayEntry]:
    """The entries as :class:`DayEntry` values naming strip ids; errors name the field
    (``entries[2].eighths_done``)."""
    out: list[DayEntry] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        where = f"{field}[{i}]"
        scene = find_scene(production, entry.scene, where=f"{where}.scene")
        if scene.is_banner:
            raise DaybreakError(f"{entry.scene!r} is a banner, not a scene", where=f"{where}.scene")
        if scene.id in seen:
            raise DaybreakError(
                f"scene {scene.label} is already logged at {field}[{seen[scene.id]}]",
                where=f"{where}.scene",
            )
        seen[scene.id] = i
        if entry.reshoot and entry.status is not ShotStatus.ADDED:
            raise DaybreakError(
                "only an added scene can be a reshoot (status 'added')", where=f"{where}.reshoot"
            )
        if entry.status is ShotStatus.PARTIAL:
            if not 0 < entry.eighths_done < max(scene.eighths, 1):
                raise DaybreakError(
                    f"scene {scene.label}: {format_eighths(entry.eighths_done)} done is not "
                    f"part of its {format_eighths(scene.eighths)} pages "
                    f"(give 1 to {max(scene.eighths - 1, 0)} eighths)",
                    where=f"{where}.eighths_done",
                )
        elif entry.eighths_done:
            raise DaybreakError(
                "eighths done are given for partly shot scenes only", where=f"{where}.eighths_done"
            )
        out.append(DayEntry(scene.id, entry.status, entry.eighths_done, entry.reshoot))
    return out


def _check_day(board: Board, day: int) -> None:
    count = len(board.days)
    if not 1 <= day <= count:
        raise DaybreakError(
            f"board {board.name!r} has no shoot day {day} (it has {count})", where="day"
        )


def record_day(
    store: Store,
    production_id: str,
    board_id: str,
    day: int,
    entries: list[EntryInput],
    *,
    on: date | None,
    notes: str | None,
    author: str,
) -> Production:
    """Record (or replace) the log of shoot day `day` of a board; return the production
    as now stored."""
    with write_lock():
        production = store.load(production_id)
        board = store.load_board(production_id, board_id)
        _check_day(board, day)
        checked = checked_entries(production, entries)
        if on is None:
            calendar = production.board_calendar(board)
            if calendar is None or calendar.start is None:
                raise DaybreakError("the board has no calendar start date; give one", where="date")
        note = notes.strip() if notes and notes.strip() else None
        before = _day_log(production, board.id, day)
        logged = log_day(production, board, day, checked, on=on, notes=note)
        _write(
            store,
            production,
            author=author,
            action=f"log shoot day {day} of board {board.name!r}",
            before=before,
            after=logged,
            board_id=board.id,
        )
        return production


def clear_day(
    store: Store, production_id: str, board_id: str, day: int, *, author: str
) -> Production:
    """Remove the log of shoot day `day` of a board (the day counts as not logged)."""
    with write_lock():
        production = store.load(production_id)
        board = store.load_board(production_id, board_id)
        before = _day_log(production, board.id, day)
        if before is None:
            raise DaybreakError(
                f"shoot day {day} of board {board.name!r} is not logged", where="day"
            )
        production.shoot_log = [
            d for d in production.shoot_log if not (d.board_id == board.id and d.day_number == day)
        ]
        _write(
            store,
            production,
            author=author,
            action=f"clear the log of shoot day {day} of board {board.name!r}",
            before=before,
            after=None,
            board_id=board.id,
        )
        return production


def _day_log(production: Production, board_id: str, day: int) -> ShootDay | None:
    return next(
        (d for d in production.shoot_log if d.board_id == board_id and d.day_number == day), None
    )


def _write(
    store: Store,
    production: Production,
    *,
    author: str,
    action: str,
    before: ShootDay | None,
    after: ShootDay | None,
    board_id: str,
) -> None:
    """The production's shoot log and one change-log entry, in one transaction.

    Only the head row is rewritten: a whole-production save would replace every row."""

    def state(day: ShootDay | None) -> dict[str, Any] | None:
        return None if day is None else {"shoot_day": to_plain(day), "board_id": board_id}

    with Session(store.engine) as session, session.begin():
        row = session.get(ProductionRow, production.id, with_for_update=True)
        if row is None:
            raise DaybreakError(f"no production {production.id!r}", source=store.name)
        row.data = {**row.data, "shoot_log": to_plain(production.shoot_log)}
        row.updated_at = datetime.now(UTC)
        session.add(
            ChangeRow(
                production_id=production.id,
                board_id=None,
                at=datetime.now(UTC),
                author=author,
                action=action[:200],
                before=state(before),
                after=state(after),
                undone=0,
            )
        )

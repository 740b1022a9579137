"""Editing a stripboard: the use cases behind the web stripboard (and any CLI that wants them).

Edits are pure functions on a :class:`~daybreak.domain.Board` (they return a new board) plus
:func:`apply_edit`, which writes the result with the store's version check, so an edit made
on an old version is refused with a :class:`~daybreak.store.ConflictError` that carries the
current board. Every write is logged in the store's change log (who, when, before, after);
:func:`undo_last` restores the state before the last change still in force.

:func:`evaluate_board` turns a board into the cost panel: numbers from the engine's one
evaluator (:func:`daybreak.engine.evaluate.evaluate`), never computed here.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from daybreak.domain import Board, BoardSection, Production, StripGroup, format_eighths, new_id
from daybreak.domain.board import BONEYARD
from daybreak.domain.codec import from_plain, to_plain
from daybreak.errors import DaybreakError
from daybreak.store import Store
from daybreak.store.store import ConflictError
from daybreak.store.tables import BoardRow, ChangeRow

__all__ = [
    "ConflictError",
    "DaybreakError",
    "EvaluationCache",
    "MoveTarget",
    "apply_edit",
    "copy_board",
    "delete_board",
    "evaluate_board",
    "insert_day_break",
    "move_strips",
    "remove_day_break",
    "rename_board",
    "to_boneyard",
    "undo_last",
]


@dataclass(frozen=True, slots=True)
class MoveTarget:
    """Where moved strips go: a section (default: the shot one), a group or a shoot day
    (1-based, in the shot section), and a position in that group (default: its end)."""

    section: str | None = None
    group: int | None = None
    day: int | None = None
    index: int | None = None


# -- pure edits on a board -------------------------------------------------------------------


def _clone(board: Board) -> Board:
    """A copy whose sections and groups can be edited without touching the original."""
    return Board(
        id=board.id,
        name=board.name,
        calendar_id=board.calendar_id,
        sections=[
            BoardSection(
                s.id,
                s.name,
                [StripGroup(list(g.strip_ids), g.is_day) for g in s.groups],
                copy.deepcopy(s.extra),
            )
            for s in board.sections
        ],
        version=board.version,
        created=board.created,
        description=board.description,
        extra=copy.deepcopy(board.extra),
    )


def _section(board: Board, section_id: str | None) -> BoardSection:
    if section_id is None:
        main = board.main
        if main is None:
            main = BoardSection(new_id(), "stripboard")
            board.sections.insert(0, main)
        return main
    for section in board.sections:
        if section.id == section_id or section.name == section_id:
            return section
    if section_id.strip().lower() == BONEYARD:
        yard = BoardSection(new_id(), BONEYARD)
        board.sections.append(yard)
        return yard
    raise DaybreakError(f"board {board.name!r} has no section {section_id!r}", where="section")


def _day_group(section: BoardSection, day: int) -> int:
    seen = 0
    for g, group in enumerate(section.groups):
        if group.is_day:
            seen += 1
            if seen == day:
                return g
    raise DaybreakError(f"there is no shoot day {day} (the board has {seen})", where="day")


def move_strips(board: Board, strip_ids: Sequence[str], target: MoveTarget) -> Board:
    """The board with these strips (kept in their board order) moved to the target.

    The target position counts strips of the target group once the moved strips are taken
    out of it, so `index` is where the first moved strip ends up.
    """
    if not strip_ids:
        raise DaybreakError("name at least one strip to move", where="strip_ids")
    new = _clone(board)
    wanted = set(strip_ids)
    if len(wanted) != len(strip_ids):
        raise DaybreakError("a strip is named twice", where="strip_ids")
    present = {sid for s in new.sections for sid in s.strip_ids}
    unknown = [sid for sid in strip_ids if sid not in present]
    if unknown:
        raise DaybreakError(f"the board has no strip {unknown[0]!r}", where="strip_ids")
    section = _section(new, target.section)
    if target.day is not None:
        g = _day_group(section, target.day)
    elif target.group is not None:
        if not 0 <= target.group <= len(section.groups):
            raise DaybreakError(f"there is no group {target.group}", where="group")
        g = target.group
    else:
        g = max(len(section.groups) - 1, 0)
    if g == len(section.groups):
        section.groups.append(StripGroup([], is_day=False))
    destination = section.groups[g]
    moved = [sid for s in new.sections for sid in s.strip_ids if sid in wanted]
    for s in new.sections:
        for group in s.groups:
            group.strip_ids = [sid for sid in group.strip_ids if sid not in wanted]
    index = len(destination.strip_ids) if target.index is None else target.index
    index = max(0, min(index, len(destination.strip_ids)))
    destination.strip_ids[index:index] = moved
    _drop_empty_loose(new)
    return new


def _drop_empty_loose(board: Board) -> None:
    """Empty loose groups go (empty days stay: they are dark days until their break goes)."""
    for section in board.sections:
        section.groups = [g for g in section.groups if g.is_day or g.strip_ids]


def to_boneyard(board: Board, strip_ids: Sequence[str]) -> Board:
    """The board with these strips moved to the end of the boneyard (created if missing)."""
    new = _clone(board)
    if new.boneyard is None:
        new.sections.append(BoardSection(new_id(), "boneyard"))
    yard = new.boneyard
    assert yard is not None
    return move_strips(new, strip_ids, MoveTarget(section=yard.id, index=None))


def insert_day_break(
    board: Board, *, after: str | None = None, group: int | None = None, index: int | None = None
) -> Board:
    """The board with a day break after strip `after` (or at `index` of `group` in the
    shot section): the strips before it, in that group, become a shoot day."""
    new = _clone(board)
    section = _section(new, None)
    if after is not None:
        for g, grp in enumerate(section.groups):
            if after in grp.strip_ids:
                group, index = g, grp.strip_ids.index(after) + 1
                break
        else:
            raise DaybreakError(f"no strip {after!r} in the shot section", where="after")
    if group is None or index is None:
        raise DaybreakError("say where: after a strip, or a group and an index", where="after")
    if not 0 <= group < len(section.groups) and not (group == 0 and not section.groups):
        raise DaybreakError(f"there is no group {group}", where="group")
    if not section.groups:
        section.groups.append(StripGroup([], is_day=True))
        return new
    grp = section.groups[group]
    index = max(0, min(index, len(grp.strip_ids)))
    head = StripGroup(grp.strip_ids[:index], is_day=True)
    tail = StripGroup(grp.strip_ids[index:], is_day=grp.is_day)
    parts = [head] if not tail.strip_ids and not tail.is_day else [head, tail]
    section.groups[group : group + 1] = parts
    return new


def remove_day_break(board: Board, day: int) -> Board:
    """The board without the break that ends shoot day `day`: its strips join the next
    group (or become loose strips when it was the last day)."""
    new = _clone(board)
    section = _section(new, None)
    g = _day_group(section, day)
    grp = section.groups[g]
    if g + 1 < len(section.groups):
        nxt = section.groups[g + 1]
        nxt.strip_ids[0:0] = grp.strip_ids
        del section.groups[g]
    else:
        grp.is_day = False
    _drop_empty_loose(new)
    return new


def rename_board(board: Board, name: str) -> Board:
    """The board under a new name."""
    if not name.strip():
        raise DaybreakError("the name is empty", where="name")
    new = _clone(board)
    new.name = name.strip()
    return new


def copy_board(board: Board, name: str | None = None) -> Board:
    """A new board (new ids, version 1) with the same strips, days and calendar."""
    new = _clone(board)
    new.id = new_id()
    new.name = (name or f"{board.name} (copy)").strip()
    new.version = 1
    new.created = datetime.now(UTC)
    for section in new.sections:
        section.id = new_id()
    return new


# -- writing ------------------------------------------------------------------------------

_write_lock = threading.RLock()


def write_lock() -> threading.RLock:
    """The process-wide lock every write of this module (and the API's writes) takes."""
    return _write_lock


def apply_edit(
    store: Store,
    production_id: str,
    board_id: str,
    expected_version: int,
    edit: Callable[[Board], Board],
    *,
    author: str,
    action: str,
    current: Board | None = None,
) -> Board:
    """Read the board, check its version, apply `edit`, write it: one change in the log.

    `current` is the board as just read by the caller, if any (saves a read: the store
    checks the version again in the writing transaction). Raises ConflictError (with the
    current board) when the board moved past `expected_version`: the caller shows the
    current state and the user redoes the edit.
    """
    with _write_lock:
        if current is None or current.version != expected_version:
            current = store.load_board(production_id, board_id)
        if current.version != expected_version:
            raise ConflictError(
                f"board {current.name!r} changed (version {current.version}, "
                f"edit made on version {expected_version})",
                current=current,
            )
        new = edit(current)
        new.id = current.id
        return store.save_board(
            production_id, new, expected_version=expected_version, author=author, action=action
        )


def add_board(store: Store, production_id: str, board: Board, *, author: str, action: str) -> Board:
    """Store a new board (a copy, an optimizer's result): a logged change undo can revert."""
    with _write_lock:
        return store.save_board(
            production_id, board, expected_version=0, author=author, action=action
        )


def delete_board(
    store: Store, production_id: str, board_id: str, expected_version: int, *, author: str
) -> None:
    """Delete a board if nobody changed it since `expected_version`; the log keeps it, so
    undo brings it back."""
    with _write_lock, Session(store.engine) as session, session.begin():
        row = session.get(BoardRow, (production_id, board_id))
        if row is None:
            raise DaybreakError(f"no board {board_id!r}", source=store.name)
        current = from_plain(Board, {**row.data, "version": row.version})
        if row.version != expected_version:
            raise ConflictError(
                f"board {row.name!r} changed (version {row.version}, "
                f"edit made on version {expected_version})",
                current=current,
            )
        session.execute(
            delete(BoardRow).where(BoardRow.production_id == production_id, BoardRow.id == board_id)
        )
        session.add(
            ChangeRow(
                production_id=production_id,
                board_id=board_id,
                at=datetime.now(UTC),
                author=author,
                action=f"delete board {row.name!r}",
                before=to_plain(current),
                after=None,
                undone=0,
            )
        )


def undo_last(
    store: Store, production_id: str, *, board_id: str | None = None, author: str
) -> dict[str, Any]:
    """Undo the newest change still in force (of one board, or of the production).

    The board goes back to its `before` state as a new version (a created board is deleted,
    a deleted one comes back); the undone change is marked so the next undo goes further.
    """
    with _write_lock:
        for change in store.changes(production_id, limit=500):
            if change.undone or change.action.startswith("undo"):
                continue
            if board_id is not None and change.board_id != board_id:
                continue
            if change.board_id is None:
                continue
            target = change.board_id
            existing = _board_version(store, production_id, target)
            if change.before is None:
                if existing is not None:
                    delete_board(store, production_id, target, existing, author=author)
                    _mark_last_as_undo(store, production_id)
                result: dict[str, Any] = {"change": change.id, "board": None}
            else:
                before = from_plain(Board, change.before)
                board = store.save_board(
                    production_id,
                    before,
                    expected_version=existing if existing is not None else 0,
                    author=author,
                    action=f"undo {change.action}",
                )
                result = {"change": change.id, "board": board}
            store.mark_undone(change.id)
            result["action"] = change.action
            return result
    raise DaybreakError("there is nothing to undo", where="undo")


def _board_version(store: Store, production_id: str, board_id: str) -> int | None:
    with Session(store.engine) as session:
        version = session.scalar(
            select(BoardRow.version).where(
                BoardRow.production_id == production_id, BoardRow.id == board_id
            )
        )
        return None if version is None else int(version)


def _mark_last_as_undo(store: Store, production_id: str) -> None:
    with Session(store.engine) as session, session.begin():
        row = session.scalars(
            select(ChangeRow)
            .where(ChangeRow.production_id == production_id)
            .order_by(ChangeRow.id.desc())
            .limit(1)
        ).first()
        if row is not None:
            row.action = f"undo ({row.action})"


# -- the cost panel --------------------------------------------------------------------------


class EvaluationCache:
    """Compiled problems kept per (production revision, placed strips, days, calendar), so
    a strip move between days re-runs only the evaluator (the compile is the slow part)."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._items: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()

    def problem(self, production: Production, board: Board, revision: object) -> Any:
        from daybreak.engine.compile import compile_problem

        key = (
            id(production),
            revision,
            frozenset(board.main_unit_strip_ids),
            len(board.days),
            board.calendar_id,
        )
        with self._lock:
            found = self._items.get(key)
        if found is not None:
            return found
        data = compile_problem(production, board, days=max(1, len(board.days)))
        with self._lock:
            if len(self._items) >= self._size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = data
        return data


def evaluate_board(
    production: Production,
    board: Board,
    *,
    cache: EvaluationCache | None = None,
    revision: object = None,
) -> dict[str, Any]:
    """The cost panel of a board: total and terms in money, counts (hold days, moves...),
    broken rules with the strips they name, all from the engine's evaluator."""
    from daybreak.engine.evaluate import evaluate
    from daybreak.engine.schedule import Schedule

    days = board.days
    panel: dict[str, Any] = {
        "board_id": board.id,
        "version": board.version,
        "available": False,
        "note": None,
        "total": None,
        "terms": {},
        "counts": {},
        "currency": production.costs.currency,
        "feasible": None,
        "violations": [],
        "performers": [],
    }
    if not days:
        panel["note"] = "the board has no day breaks yet: add some to see the cost"
        return panel
    try:
        if cache is not None:
            data = cache.problem(production, board, revision)
        else:
            from daybreak.engine.compile import compile_problem

            data = compile_problem(production, board, days=max(1, len(days)))
    except DaybreakError as exc:
        panel["note"] = str(exc)
        return panel
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    schedule = Schedule.of([[index[s] for s in day if s in index] for day in days])
    result = evaluate(data, schedule)
    panel.update(
        available=True,
        total=result.total,
        terms=dict(result.terms),
        counts=dict(result.counts),
        feasible=result.feasible,
        dates=list(data.dates),
        violations=[
            {
                "rule": v.rule,
                "message": v.message,
                "strip_ids": [data.scene_ids[s] for s in v.scenes],
                "days": [d + 1 for d in v.days],
            }
            for v in result.violations
        ],
        performers=[
            {
                "name": p.name,
                "element_id": data.cast[p.cast].element_id,
                "work_days": [d + 1 for d in p.work_days],
                "hold_days": [d + 1 for d in p.hold_days],
                "drop_gaps": [[a + 1, b + 1] for a, b in p.drop_gaps],
                "paid_days": p.paid_days,
                "cost": p.cost,
            }
            for p in result.performers
        ],
    )
    return panel


def day_summaries(production: Production, board: Board) -> list[dict[str, Any]]:
    """Each shoot day of the shot section: number, date (from the board's calendar), pages."""
    scenes = {s.id: s for s in production.scenes}
    calendar = production.board_calendar(board)
    days = board.days
    dates: list[str | None] = [None] * len(days)
    if calendar is not None and calendar.start is not None and days:
        dates = [d.isoformat() for d in calendar.shoot_dates(len(days))]
    out: list[dict[str, Any]] = []
    for n, day in enumerate(days, start=1):
        eighths = sum(scenes[s].eighths for s in day if s in scenes and not scenes[s].is_banner)
        out.append(
            {"day": n, "date": dates[n - 1], "eighths": eighths, "pages": format_eighths(eighths)}
        )
    return out


def load_boards(store: Store, production_id: str) -> list[Board]:
    """Every board of a production, in board order, read fresh from the store."""
    with Session(store.engine) as session:
        rows = session.scalars(
            select(BoardRow)
            .where(BoardRow.production_id == production_id)
            .order_by(BoardRow.position)
        ).all()
        return [from_plain(Board, {**r.data, "version": r.version}) for r in rows]

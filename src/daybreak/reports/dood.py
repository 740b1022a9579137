"""Day Out of Days: one row per performer (or element), one column per shoot day, totals.

Every count and code comes from the one evaluator (:mod:`daybreak.engine.evaluate`) run on
the board's own day split (:mod:`daybreak.reports.board_schedule`): work days, holds,
drops, travel and paid days, first and last day. This module only spells them as codes:

- ``SWF`` start-work-finish (one day), ``SW`` start work, ``WF`` work finish, ``W`` work;
- ``WD`` work then drop (the last work day before a drop), ``D`` drop (unpaid gap),
  ``PU`` pick-up (the first work day after a drop);
- ``H`` hold (paid, not working);
- ``T`` travel and ``R`` rehearsal: the element's own dated events (USS ``travel``,
  ``rehearsal``) falling on a shoot day outside its work span;
- ``HOL`` a calendar holiday inside the performer's engaged span (shown, not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from daybreak.domain import Board, Element, Production, cast_sort_key
from daybreak.engine.evaluate import PerformerDays
from daybreak.reports.board_schedule import BoardSchedule, board_schedule
from daybreak.reports.layout import Column, Document, Note, Row, Table

CODES = ("SW", "W", "WF", "SWF", "H", "D", "PU", "WD", "T", "R", "HOL")
TOTALS = ("travel", "work", "hold", "drop", "paid", "start", "finish")
_EVENT_CODES = {"travel": "T", "rehearsal": "R"}


@dataclass(frozen=True, slots=True)
class DoodColumn:
    """A column: a shoot day (``day`` is its 1-based number) or a holiday between days."""

    kind: str  # day | holiday
    on: date
    day: int | None = None

    @property
    def heading(self) -> str:
        return str(self.day) if self.day is not None else "Hol"


@dataclass(frozen=True, slots=True)
class DoodRow:
    """One performer: a code per column and the evaluator's totals."""

    element_id: str
    board_id: str
    name: str
    performer: str | None
    codes: tuple[str, ...]
    travel: int
    work: int
    hold: int
    drop: int
    paid: int
    start: date | None
    finish: date | None

    def code_on(self, day: int, columns: tuple[DoodColumn, ...]) -> str:
        """The code of shoot day ``day`` (1-based)."""
        for column, code in zip(columns, self.codes, strict=True):
            if column.day == day:
                return code
        return ""


@dataclass(frozen=True, slots=True)
class DoodTable:
    """The Day Out of Days of one board and one category (cast by default)."""

    production: str
    board: str
    category: str
    columns: tuple[DoodColumn, ...]
    rows: tuple[DoodRow, ...]

    @property
    def day_columns(self) -> tuple[DoodColumn, ...]:
        return tuple(c for c in self.columns if c.kind == "day")

    def total(self, name: str) -> int:
        """A column total of the numeric totals (travel, work, hold, drop, paid)."""
        return sum(int(getattr(r, name)) for r in self.rows)


def build_dood(
    production: Production,
    board: Board,
    category_id: str | None = None,
    schedule: BoardSchedule | None = None,
) -> DoodTable:
    """The DOOD of a board's day split; ``category_id`` None means the cast."""
    bs = schedule or board_schedule(production, board, category_id)
    columns = _columns(production, board, bs.dates)
    day_index = {c.on: c.day - 1 for c in columns if c.day is not None}
    rows: list[DoodRow] = []
    pairs = sorted(
        zip(bs.elements, bs.evaluation.performers, strict=True),
        key=lambda pair: cast_sort_key(pair[0]),
    )
    for element, days in pairs:
        codes = _codes(days, columns, day_index, element)
        rows.append(
            DoodRow(
                element_id=element.id,
                board_id=element.board_id or "",
                name=element.name,
                performer=element.performer,
                codes=codes,
                travel=days.travel_days,
                work=len(days.work_days),
                hold=len(days.hold_days),
                drop=days.drops,
                paid=days.paid_days,
                start=bs.dates[days.first_day] if days.first_day is not None else None,
                finish=bs.dates[days.last_day] if days.last_day is not None else None,
            )
        )
    category = production.category(category_id).name if category_id else "Cast"
    title = production.project or production.name
    return DoodTable(title, board.name, category, columns, tuple(rows))


def _columns(
    production: Production, board: Board, dates: tuple[date, ...]
) -> tuple[DoodColumn, ...]:
    calendar = production.board_calendar(board)
    holidays = {
        on
        for on, label in (calendar.blocked_dates() if calendar else {}).items()
        if label == "holiday" and dates[0] < on < dates[-1]
    }
    columns = [DoodColumn("day", on, n) for n, on in enumerate(dates, start=1)]
    columns += [DoodColumn("holiday", on) for on in holidays]
    return tuple(sorted(columns, key=lambda c: (c.on, c.kind)))


def _codes(
    days: PerformerDays,
    columns: tuple[DoodColumn, ...],
    day_index: dict[date, int],
    element: Element,
) -> tuple[str, ...]:
    per_day: dict[int, str] = {}
    work = days.work_days
    gap_days = {d for a, b in days.drop_gaps for d in range(a, b + 1)}
    gap_starts = {a for a, _ in days.drop_gaps}
    gap_ends = {b for _, b in days.drop_gaps}
    for d in work:
        if days.first_day == days.last_day:
            code = "SWF"
        elif d == days.first_day:
            code = "SW"
        elif d == days.last_day:
            code = "WF"
        elif d - 1 in gap_ends:
            code = "PU"
        elif d + 1 in gap_starts:
            code = "WD"
        else:
            code = "W"
        per_day[d] = code
    for d in days.hold_days:
        per_day[d] = "H"
    for d in gap_days:
        per_day[d] = "D"
    for event in element.events or []:
        event_code = _EVENT_CODES.get(event.label)
        on = day_index.get(event.day)
        if event_code and on is not None and on not in per_day:
            per_day[on] = event_code
    codes: list[str] = []
    for column in columns:
        if column.day is not None:
            codes.append(per_day.get(column.day - 1, ""))
            continue
        before = max((i for o, i in day_index.items() if o < column.on), default=None)
        after = min((i for o, i in day_index.items() if o > column.on), default=None)
        engaged = (
            before is not None
            and after is not None
            and per_day.get(before, "") not in ("", "D", "WD", "T", "R")
            and per_day.get(after, "") not in ("", "D", "PU", "T", "R")
        )
        codes.append("HOL" if engaged else "")
    return tuple(codes)


# -- the printable page ---------------------------------------------------------------------


def _short(on: date | None) -> str:
    return f"{on:%b} {on.day}" if on else ""


def dood_document(table: DoodTable) -> Document:
    """The DOOD as a page model: landscape, name column repeated on every page."""
    columns = [Column("ID", 22, "right"), Column("Name", 110, wrap=True)]
    columns += [Column(c.heading, 24, "center") for c in table.columns]
    columns += [
        Column("Trav", 26, "right"),
        Column("Work", 28, "right"),
        Column("Hold", 28, "right"),
        Column("Drop", 26, "right"),
        Column("Paid", 28, "right"),
        Column("Start", 40, "right"),
        Column("Finish", 40, "right"),
    ]
    dates_line = ("", "Date") + tuple(_short(c.on) for c in table.columns) + ("",) * 7
    weekday_line = ("", "") + tuple(f"{c.on:%a}" for c in table.columns) + ("",) * 7
    rows = [
        Row(
            (
                r.board_id,
                r.name,
                *r.codes,
                str(r.travel),
                str(r.work),
                str(r.hold),
                str(r.drop),
                str(r.paid),
                _short(r.start),
                _short(r.finish),
            )
        )
        for r in table.rows
    ]
    rows.append(
        Row(
            ("", "Totals")
            + ("",) * len(table.columns)
            + tuple(str(table.total(n)) for n in ("travel", "work", "hold", "drop", "paid"))
            + ("", ""),
            bold=True,
            kind="total",
        )
    )
    legend = (
        "SW start work · W work · WF work finish · SWF start-work-finish · H hold · "
        "WD work-drop · D drop · PU pick-up · T travel · R rehearsal · HOL holiday "
        "(holiday pay per contract, not counted)"
    )
    days = len(table.day_columns)
    return Document(
        title=f"{table.production} — Day Out of Days ({table.category})",
        subtitle=f"Board: {table.board} · {days} shoot days",
        blocks=(
            Table(
                tuple(columns),
                tuple(rows),
                frozen=2,
                header_lines=(dates_line, weekday_line),
            ),
            Note(legend),
        ),
        landscape=True,
    )


def dood_csv_rows(table: DoodTable) -> list[list[str]]:
    """CSV rows: ``id``, ``name``, one column per shoot day (its number), then the totals."""
    days = table.day_columns
    header = ["id", "name"] + [str(c.day) for c in days] + list(TOTALS)
    out = [header]
    for r in table.rows:
        codes = [r.code_on(c.day or 0, table.columns) for c in days]
        out.append(
            [
                r.board_id,
                r.name,
                *codes,
                str(r.travel),
                str(r.work),
                str(r.hold),
                str(r.drop),
                str(r.paid),
                r.start.isoformat() if r.start else "",
                r.finish.isoformat() if r.finish else "",
            ]
        )
    return out

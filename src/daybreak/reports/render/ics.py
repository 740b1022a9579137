"""iCalendar (.ics): the shoot days of a board, or each performer's work days.

All-day events (``DTSTART;VALUE=DATE``), with stable UIDs derived from the production,
board and day, so re-importing an updated file updates the events in place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from daybreak.domain import format_eighths
from daybreak.reports.dood import DoodTable
from daybreak.reports.stripboard import DayBreak, Stripboard, StripLine

WORK_CODES = frozenset({"SW", "W", "WF", "SWF", "PU", "WD"})


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//daybreak//reports//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _event(uid: str, on: date, summary: str, description: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", on)
    event.add("dtend", on + timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def shoot_days_ics(board: Stripboard, stamp: datetime | None = None) -> bytes:
    """One all-day event per shoot day: day number, scenes and pages."""
    when = stamp or datetime.now(UTC)
    cal = _calendar(f"{board.production} — {board.board}")
    scenes: list[str] = []
    for line in board.lines:
        if isinstance(line, StripLine) and line.day is not None:
            scenes.append(line.strip.scene.number or "?")
        elif isinstance(line, DayBreak):
            summary = f"{board.production}: Day {line.day} of {line.total_days}"
            description = (
                f"Scenes {', '.join(scenes)} ({format_eighths(line.eighths)} pgs)" if scenes else ""
            )
            uid = f"{_slug(board.production)}-{_slug(board.board)}-day-{line.day}@daybreak"
            cal.add_component(_event(uid, line.on, summary, description, when))
            scenes = []
    return bytes(cal.to_ical())


def performer_days_ics(table: DoodTable, stamp: datetime | None = None) -> bytes:
    """One all-day event per performer per work, travel or rehearsal day (DOOD codes)."""
    when = stamp or datetime.now(UTC)
    cal = _calendar(f"{table.production} — {table.board} — {table.category} days")
    for row in table.rows:
        for column, code in zip(table.columns, row.codes, strict=True):
            if column.day is None or not (code in WORK_CODES or code in ("T", "R")):
                continue
            who = f"{row.board_id}. {row.name}" if row.board_id else row.name
            summary = f"{who}: {code} (Day {column.day})"
            uid = (
                f"{_slug(table.production)}-{_slug(table.board)}-{row.element_id}"
                f"-day-{column.day}@daybreak"
            )
            performer = f"Performer: {row.performer}" if row.performer else ""
            cal.add_component(_event(uid, column.on, summary, performer, when))
    return bytes(cal.to_ical())


def write_ics(data: bytes, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out

"""The stripboard in board order: strips, day breaks with date and pages, banners.

:func:`board_lines` walks the board once and is shared by the stripboard, the one-liner
and the shooting schedule: each strip with its shoot day, an end-of-day line after each
day (``End of Day 3 - Wed, Sep 9 - 4 3/8 pgs``), an end-of-week banner when the next day
falls in another week, holidays and other days off between shoot days, and the board's
own banner strips.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from daybreak.domain import Board, Production, Strip, format_eighths
from daybreak.domain.calendar import uss_weekday
from daybreak.reports.board_schedule import board_days
from daybreak.reports.colors import StripColors, cue, strip_colors
from daybreak.reports.layout import Column, Document, Row, Table


def day_label(on: date) -> str:
    """`Wed, Sep 9`."""
    return f"{on:%a}, {on:%b} {on.day}"


@dataclass(frozen=True, slots=True)
class StripLine:
    strip: Strip
    day: int | None  # 1-based shoot day; None for loose strips


@dataclass(frozen=True, slots=True)
class DayBreak:
    day: int
    on: date
    eighths: int
    total_days: int

    @property
    def text(self) -> str:
        return f"End of Day {self.day} - {day_label(self.on)} - {format_eighths(self.eighths)} pgs"


@dataclass(frozen=True, slots=True)
class BoardRow:
    """A banner row: ``kind`` is week, holiday, off_day or banner."""

    kind: str
    text: str


Line = StripLine | DayBreak | BoardRow


@dataclass(frozen=True, slots=True)
class Stripboard:
    production: str
    board: str
    lines: tuple[Line, ...]
    days: int
    eighths: int
    dates: tuple[date, ...]


def build_stripboard(production: Production, board: Board) -> Stripboard:
    """Every line of the board's main section in order (banners and loose strips kept)."""
    days, dates = board_days(production, board)
    strips = production.strips()
    calendar = production.board_calendar(board)
    blocked = calendar.blocked_dates() if calendar else {}
    days_off = set(calendar.days_off) if calendar else set()
    main = board.main
    lines: list[Line] = []
    day = 0
    week = 1
    total = 0
    for group in main.groups if main else []:
        if group.is_day:
            day += 1
        eighths = 0
        for sid in group.strip_ids:
            strip = strips[sid]
            if strip.scene.is_banner:
                lines.append(BoardRow("banner", strip.scene.banner_text or ""))
                continue
            lines.append(StripLine(strip, day if group.is_day else None))
            if not strip.scene.omitted:
                eighths += strip.scene.eighths
        total += eighths
        if not group.is_day:
            continue
        on = dates[day - 1]
        lines.append(DayBreak(day, on, eighths, len(days)))
        if day < len(dates):
            nxt = dates[day]
            week_done = False
            probe = on + timedelta(days=1)
            while probe < nxt:
                label = blocked.get(probe)
                shown = label == "holiday" or (
                    label is not None and uss_weekday(probe) not in days_off
                )
                if shown and not week_done and _week(probe) != _week(on):
                    lines.append(BoardRow("week", f"End of Week {week}"))
                    week, week_done = week + 1, True
                if label == "holiday":
                    lines.append(BoardRow("holiday", f"Holiday - {day_label(probe)}"))
                elif shown:
                    lines.append(BoardRow("off_day", f"Off day ({label}) - {day_label(probe)}"))
                probe += timedelta(days=1)
            if not week_done and _week(nxt) != _week(on):
                lines.append(BoardRow("week", f"End of Week {week}"))
                week += 1
    title = production.project or production.name
    return Stripboard(title, board.name, tuple(lines), len(days), total, tuple(dates))


def _week(on: date) -> tuple[int, int]:
    iso = on.isocalendar()
    return (iso.year, iso.week)


def strip_row(strip: Strip, colors: StripColors) -> Row:
    """One strip as a colored row: cue, scene, set and synopsis, pages, cast IDs."""
    scene = strip.scene
    ids = ", ".join(c.board_id or c.name for c in strip.cast)
    text = strip.set_name + (f" — {scene.synopsis}" if scene.synopsis else "")
    if scene.omitted:
        text = "OMITTED — " + text
    return Row(
        (
            scene.number or "",
            cue(strip),
            text,
            strip.script_day or "",
            format_eighths(scene.eighths),
            ids,
        ),
        fill=colors.strip(strip),
        kind="strip",
    )


def banner_row(line: DayBreak | BoardRow, colors: StripColors, width: int) -> Row:
    """A full-width row for a day break or a board banner."""
    if isinstance(line, DayBreak):
        return Row(
            (line.text,) + ("",) * (width - 1), colors.row("day_break"), True, True, "day_break"
        )
    kind = "week_banner" if line.kind == "week" else line.kind
    return Row((line.text,) + ("",) * (width - 1), colors.row(kind), True, True, line.kind)


def stripboard_document(board: Stripboard, colors: StripColors | None = None) -> Document:
    """The stripboard as a page model, colored by the palette (Singleton by default)."""
    palette = colors or strip_colors()
    columns = (
        Column("Sc.", 34),
        Column("I/E D/N", 56),
        Column("Set — synopsis", 250, wrap=True, flex=True),
        Column("Script day", 46, wrap=True),
        Column("Pages", 38, "right"),
        Column("Cast", 100, wrap=True),
    )
    rows: list[Row] = []
    for line in board.lines:
        if isinstance(line, StripLine):
            rows.append(strip_row(line.strip, palette))
        else:
            rows.append(banner_row(line, palette, len(columns)))
    first, last = board.dates[0], board.dates[-1]
    return Document(
        title=f"{board.production} — Stripboard",
        subtitle=(
            f"Board: {board.board} · {board.days} days · {format_eighths(board.eighths)} pgs · "
            f"{day_label(first)}, {first.year} to {day_label(last)}, {last.year}"
        ),
        blocks=(Table(columns, tuple(rows)),),
        legend=palette.legend(),
        footer=f"Colors: {palette.label}",
    )

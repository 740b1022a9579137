"""The one-liner (one line per scene in shooting order) and the shooting schedule
(the same with every breakdown element of each scene), with end-of-day banners."""

from __future__ import annotations

from daybreak.domain import CategoryKind, Strip, format_eighths
from daybreak.reports.colors import StripColors, cue, strip_colors
from daybreak.reports.layout import Column, Document, Row, Table
from daybreak.reports.stripboard import (
    BoardRow,
    DayBreak,
    Stripboard,
    StripLine,
    banner_row,
    day_label,
)


def _subtitle(board: Stripboard) -> str:
    first, last = board.dates[0], board.dates[-1]
    return (
        f"Board: {board.board} · {board.days} days · {format_eighths(board.eighths)} pgs · "
        f"{day_label(first)}, {first.year} to {day_label(last)}, {last.year}"
    )


def oneliner_document(board: Stripboard, colors: StripColors | None = None) -> Document:
    """Scene, I/E and D/N cue, set, synopsis, pages, cast IDs; a banner after every day."""
    palette = colors or strip_colors()
    columns = (
        Column("Sc.", 34),
        Column("I/E D/N", 56),
        Column("Set", 150, wrap=True),
        Column("Synopsis", 190, wrap=True, flex=True),
        Column("Pages", 38, "right"),
        Column("Cast", 90, wrap=True),
    )
    rows: list[Row] = []
    for line in board.lines:
        if isinstance(line, StripLine):
            s = line.strip
            rows.append(
                Row(
                    (
                        s.scene.number or "",
                        cue(s),
                        ("OMITTED — " if s.scene.omitted else "") + s.set_name,
                        s.scene.synopsis or "",
                        format_eighths(s.scene.eighths),
                        ", ".join(c.board_id or c.name for c in s.cast),
                    ),
                    fill=palette.strip(s),
                    kind="strip",
                )
            )
        elif isinstance(line, DayBreak | BoardRow):
            rows.append(banner_row(line, palette, len(columns)))
    return Document(
        title=f"{board.production} — One-Liner",
        subtitle=_subtitle(board),
        blocks=(Table(columns, tuple(rows)),),
        legend=palette.legend(),
        footer=f"Colors: {palette.label}",
    )


def element_lines(strip: Strip) -> str:
    """Every breakdown element of a strip, by category: `Props: Wreath, Bell; ...`."""
    parts = []
    for category, elements in strip.elements:
        names = ", ".join(
            e.label if category.kind is CategoryKind.CAST else e.name for e in elements
        )
        parts.append(f"{category.name}: {names}")
    return "; ".join(parts)


def shooting_document(board: Stripboard, colors: StripColors | None = None) -> Document:
    """The shooting schedule: each scene with its location and every element."""
    palette = colors or strip_colors()
    columns = (
        Column("Sc.", 34),
        Column("I/E D/N", 56),
        Column("Set / location / synopsis", 170, wrap=True),
        Column("Breakdown", 250, wrap=True, flex=True),
        Column("Pages", 38, "right"),
    )
    rows: list[Row] = []
    for line in board.lines:
        if isinstance(line, StripLine):
            s = line.strip
            where = s.set_name
            if s.location is not None:
                where += f" @ {s.location.name}"
            if s.scene.synopsis:
                where += f" — {s.scene.synopsis}"
            if s.script_day:
                where += f" ({s.script_day})"
            rows.append(
                Row(
                    (
                        s.scene.number or "",
                        cue(s),
                        ("OMITTED — " if s.scene.omitted else "") + where,
                        element_lines(s),
                        format_eighths(s.scene.eighths),
                    ),
                    fill=palette.strip(s),
                    kind="strip",
                )
            )
        else:
            rows.append(banner_row(line, palette, len(columns)))
    return Document(
        title=f"{board.production} — Shooting Schedule",
        subtitle=_subtitle(board),
        blocks=(Table(columns, tuple(rows)),),
        legend=palette.legend(),
        footer=f"Colors: {palette.label}",
    )

"""Read-only views of a production: its strips in board order, its boards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from daybreak.domain import Board, Production, Strip, format_eighths


@dataclass(frozen=True, slots=True)
class PlacedStrip:
    """A strip where a board puts it: its section and shoot day (None when not in a day)."""

    strip: Strip
    section: str
    day: int | None


def strips_in_board_order(production: Production, board: Board | None) -> list[PlacedStrip]:
    """Scenes (banners left out) in board order: the shot sections, then the boneyard.

    Without a board, every scene in script order.
    """
    strips = production.strips()
    if board is None:
        return [
            PlacedStrip(strips[s.id], "script", None)
            for s in production.scenes_in_script_order()
            if not s.is_banner
        ]
    placed: list[PlacedStrip] = []
    sections = sorted(board.sections, key=lambda s: s.is_boneyard)
    for section in sections:
        day = 0
        for group in section.groups:
            if group.is_day:
                day += 1
            for strip_id in group.strip_ids:
                strip = strips[strip_id]
                if strip.scene.is_banner:
                    continue
                in_day = group.is_day and not section.is_boneyard and section is board.main
                placed.append(PlacedStrip(strip, section.name, day if in_day else None))
    return placed


def scene_record(placed: PlacedStrip) -> dict[str, Any]:
    """The JSON of one strip, as `daybreak scenes --json` prints it."""
    strip = placed.strip
    scene = strip.scene
    return {
        "id": scene.id,
        "number": scene.number,
        "int_ext": strip.int_ext.value if strip.int_ext else None,
        "set": strip.set_name or None,
        "time_of_day": strip.time_of_day,
        "eighths": scene.eighths,
        "pages": format_eighths(scene.eighths),
        "cast": [c.name for c in strip.cast],
        "cast_ids": [c.board_id for c in strip.cast],
        "synopsis": scene.synopsis,
        "location": strip.location.name if strip.location else None,
        "script_day": strip.script_day,
        "section": placed.section,
        "day": placed.day,
        "omitted": scene.omitted,
    }


def board_record(production: Production, board: Board) -> dict[str, Any]:
    """One board's summary: days, pages placed, strips in the boneyard, dates."""
    scenes = {s.id: s for s in production.scenes}
    placed = [sid for sid in board.placed_strip_ids if not scenes[sid].is_banner]
    boneyard = board.boneyard
    days = board.days
    calendar = production.board_calendar(board)
    start = end = None
    if calendar is not None and calendar.start is not None and days:
        dates = calendar.shoot_dates(len(days))
        start, end = dates[0].isoformat(), dates[-1].isoformat()
    eighths = sum(scenes[sid].eighths for sid in placed)
    return {
        "id": board.id,
        "name": board.name,
        "days": len(days),
        "strips": len(placed),
        "eighths": eighths,
        "pages": format_eighths(eighths),
        "boneyard": len(
            [s for s in (boneyard.strip_ids if boneyard else []) if not scenes[s].is_banner]
        ),
        "calendar": calendar.name if calendar else None,
        "start": start,
        "end": end,
        "version": board.version,
    }

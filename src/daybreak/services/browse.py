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


NON_SPEAKING = "Non-speaking"


def character_records(production: Production) -> list[dict[str, Any]]:
    """Cast members by board ID with their scene counts and pages, then the non-speaking
    characters the screenplay import suggests (seen in action lines, not yet in the cast)."""
    scenes_of: dict[str, list[str]] = {}
    eighths_of: dict[str, int] = {}
    for strip in production.strips().values():
        if strip.scene.omitted or strip.scene.is_banner:
            continue
        for member in strip.cast:
            scenes_of.setdefault(member.id, []).append(strip.scene.number or "")
            eighths_of[member.id] = eighths_of.get(member.id, 0) + strip.scene.eighths
    aliases = {alias: name for alias, name in production.aliases.items()}
    records: list[dict[str, Any]] = []
    for member in production.cast:
        numbers = scenes_of.get(member.id, [])
        records.append(
            {
                "id": member.id,
                "board_id": member.board_id,
                "name": member.name,
                "performer": member.performer,
                "aliases": sorted(a for a, n in aliases.items() if n == member.name),
                "scenes": len(numbers),
                "eighths": eighths_of.get(member.id, 0),
                "pages": format_eighths(eighths_of.get(member.id, 0)),
                "first_scene": numbers[0] if numbers else None,
                "suggested": False,
            }
        )
    cast_names = {m.name.upper() for m in production.cast}
    suggested: dict[str, list[str]] = {}
    for scene in production.scenes:
        for hint in scene.extra.get("_suggestions", []):
            name = str(hint.get("name", "")).upper()
            if hint.get("category") == NON_SPEAKING and name and name not in cast_names:
                suggested.setdefault(name, []).append(scene.number or "")
    for name, numbers in sorted(suggested.items()):
        records.append(
            {
                "id": None,
                "board_id": None,
                "name": name,
                "performer": None,
                "aliases": [],
                "scenes": len(set(numbers)),
                "eighths": None,
                "pages": None,
                "first_scene": numbers[0],
                "suggested": True,
            }
        )
    return records

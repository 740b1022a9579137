"""During the shoot: log what each day shot, and measure progress against the board.

A shoot day's log lists scenes completed, partly shot (with the eighths done), not shot,
and added (pick-ups and reshoots of earlier scenes). Progress compares what the board
scheduled up to each logged day with what was shot, in eighths, and says how many days
ahead or behind the shoot is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from daybreak.domain import (
    Board,
    Production,
    Scene,
    ShootDay,
    ShotRecord,
    ShotStatus,
    format_eighths,
)
from daybreak.errors import DaybreakError


@dataclass(frozen=True, slots=True)
class DayEntry:
    """What the user says of one scene: by number (`12A`) or strip id, with its status."""

    scene: str
    status: ShotStatus
    eighths_done: int = 0
    reshoot: bool = False


def find_scene(production: Production, key: str, *, where: str) -> Scene:
    """A scene by strip id or scene number (a number must name one scene only)."""
    for scene in production.scenes:
        if scene.id == key:
            return scene
    matches = [s for s in production.scenes if s.number == key and not s.is_banner]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise DaybreakError(f"no scene {key!r}", where=where)
    raise DaybreakError(
        f"scene number {key!r} names {len(matches)} strips; give the strip id", where=where
    )


def log_day(
    production: Production,
    board: Board,
    day_number: int,
    entries: list[DayEntry],
    *,
    on: date | None = None,
    notes: str | None = None,
) -> ShootDay:
    """Record (or replace) the log of shoot day `day_number` of `board`; return it."""
    days = board.days
    if not 1 <= day_number <= max(len(days), 1) or not days:
        raise DaybreakError(
            f"board {board.name!r} has no shoot day {day_number} (it has {len(days)})",
            where="--day",
        )
    if on is None:
        calendar = production.board_calendar(board)
        if calendar is None or calendar.start is None:
            raise DaybreakError("the board has no calendar start date; give --date", where="--date")
        on = calendar.shoot_dates(day_number)[-1]
    records = []
    seen: set[str] = set()
    for entry in entries:
        scene = find_scene(
            production, entry.scene, where=f"--{entry.status.value.replace('_', '-')}"
        )
        if scene.id in seen:
            raise DaybreakError(f"scene {entry.scene!r} is logged twice for day {day_number}")
        seen.add(scene.id)
        if entry.status is ShotStatus.PARTIAL and not 0 < entry.eighths_done < max(
            scene.eighths, 1
        ):
            raise DaybreakError(
                f"scene {scene.label}: {format_eighths(entry.eighths_done)} done is not part "
                f"of its {format_eighths(scene.eighths)} pages",
                where="--partial",
            )
        done = (
            scene.eighths
            if entry.status in (ShotStatus.COMPLETE, ShotStatus.ADDED)
            else (entry.eighths_done if entry.status is ShotStatus.PARTIAL else 0)
        )
        records.append(
            ShotRecord(
                scene_id=scene.id, status=entry.status, eighths_done=done, reshoot=entry.reshoot
            )
        )
    logged = ShootDay(on=on, board_id=board.id, day_number=day_number, records=records, notes=notes)
    production.shoot_log = [
        d
        for d in production.shoot_log
        if not (d.board_id == board.id and d.day_number == day_number)
    ]
    production.shoot_log.append(logged)
    production.shoot_log.sort(key=lambda d: (d.board_id, d.day_number))
    return logged


def progress(production: Production, board: Board) -> dict[str, Any]:
    """Scheduled against shot, day by day, for the logged days of this board."""
    scenes = {s.id: s for s in production.scenes}
    days = board.days
    logged = {d.day_number: d for d in production.shoot_log if d.board_id == board.id}
    rows = []
    scheduled_total = shot_total = 0
    for number in sorted(logged):
        log = logged[number]
        scheduled = (
            sum(scenes[sid].eighths for sid in days[number - 1]) if number <= len(days) else 0
        )
        shot = sum(r.eighths_done for r in log.records if r.status is not ShotStatus.ADDED)
        added = sum(r.eighths_done for r in log.records if r.status is ShotStatus.ADDED)
        scheduled_total += scheduled
        shot_total += shot
        rows.append(
            {
                "day": number,
                "date": log.on.isoformat(),
                "scheduled_eighths": scheduled,
                "shot_eighths": shot,
                "added_eighths": added,
                "scheduled_pages": format_eighths(scheduled),
                "shot_pages": format_eighths(shot),
                "cumulative_scheduled_eighths": scheduled_total,
                "cumulative_shot_eighths": shot_total,
                "completed": [
                    scenes[r.scene_id].label for r in log.records if r.status is ShotStatus.COMPLETE
                ],
                "partial": [
                    scenes[r.scene_id].label for r in log.records if r.status is ShotStatus.PARTIAL
                ],
                "not_shot": [
                    scenes[r.scene_id].label for r in log.records if r.status is ShotStatus.NOT_SHOT
                ],
                "added": [
                    scenes[r.scene_id].label for r in log.records if r.status is ShotStatus.ADDED
                ],
            }
        )
    board_eighths = sum(scenes[sid].eighths for day in days for sid in day)
    per_day = board_eighths / len(days) if days else 0.0
    balance = shot_total - scheduled_total
    return {
        "board": board.name,
        "days_logged": len(rows),
        "days_scheduled": len(days),
        "scheduled_eighths": scheduled_total,
        "shot_eighths": shot_total,
        "balance_eighths": balance,
        "days_ahead": round(balance / per_day, 1) if per_day else 0.0,
        "remaining_eighths": board_eighths - shot_total,
        "days": rows,
    }


def parse_entries(
    shot: list[str], partial: list[str], not_shot: list[str], added: list[str], reshoot: list[str]
) -> list[DayEntry]:
    """Entries from the CLI's lists: `12,13A`; partial as `14=3/8` (eighths done)."""
    from daybreak.domain import parse_eighths

    def split(values: list[str]) -> list[str]:
        return [part.strip() for value in values for part in value.split(",") if part.strip()]

    entries = [DayEntry(s, ShotStatus.COMPLETE) for s in split(shot)]
    for item in split(partial):
        if "=" not in item:
            raise DaybreakError(f"{item!r}: write the eighths done, e.g. 14=3/8", where="--partial")
        scene, done = item.split("=", 1)
        entries.append(
            DayEntry(
                scene.strip(),
                ShotStatus.PARTIAL,
                eighths_done=parse_eighths(done, where="--partial"),
            )
        )
    entries += [DayEntry(s, ShotStatus.NOT_SHOT) for s in split(not_shot)]
    entries += [DayEntry(s, ShotStatus.ADDED) for s in split(added)]
    entries += [DayEntry(s, ShotStatus.ADDED, reshoot=True) for s in split(reshoot)]
    return entries

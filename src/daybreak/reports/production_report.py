"""The daily production report (DPR): each logged shoot day against the board.

For every logged day: pages scheduled (the strips of that day on the board in force when
it was shot) and shot (complete
scenes and the eighths done of partly shot ones), pages added (pick-ups and reshoots of
earlier scenes, not counted as progress), the running totals, and how far ahead or behind
the shoot is, in pages and in days (pages divided by the board's average pages a day).
Pages to shoot: the board's pages on the days after the last logged one.

The log of a board includes the days logged on the boards it was repaired from
(``Board.extra["repaired_from"]``), up to the days frozen by that repair: a repaired board
keeps its shot days, so their log still applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from daybreak.domain import Board, Production, ShootDay, ShotStatus, format_eighths
from daybreak.reports.layout import Column, Document, Fields, Note, Row, Table

REPAIRED_FROM = "repaired_from"
FROZEN_DAYS = "frozen_days"


def board_log(production: Production, board: Board) -> dict[int, ShootDay]:
    """The logged days of a board by day number, inherited through its repairs."""
    by_board: dict[str, list[ShootDay]] = {}
    for day in production.shoot_log:
        by_board.setdefault(day.board_id, []).append(day)
    boards = {b.id: b for b in production.boards}
    found: dict[int, ShootDay] = {}
    current: Board | None = board
    limit: int | None = None
    seen: set[str] = set()
    while current is not None and current.id not in seen:
        seen.add(current.id)
        for day in by_board.get(current.id, []):
            if limit is None or day.day_number <= limit:
                found.setdefault(day.day_number, day)
        frozen = current.extra.get(FROZEN_DAYS)
        if isinstance(frozen, int):
            limit = frozen if limit is None else min(limit, frozen)
        parent = current.extra.get(REPAIRED_FROM)
        current = boards.get(parent) if isinstance(parent, str) else None
    return dict(sorted(found.items()))


@dataclass(frozen=True, slots=True)
class DprDay:
    day: int
    on: str
    scheduled: int
    shot: int
    added: int
    cumulative_scheduled: int
    cumulative_shot: int
    days_ahead: float
    completed: tuple[str, ...]
    partial: tuple[str, ...]
    not_shot: tuple[str, ...]
    added_scenes: tuple[str, ...]
    notes: str

    @property
    def balance(self) -> int:
        return self.cumulative_shot - self.cumulative_scheduled


@dataclass(frozen=True, slots=True)
class Dpr:
    production: str
    board: str
    days_scheduled: int
    board_eighths: int
    per_day: float
    days: tuple[DprDay, ...]
    remaining: int

    @property
    def shot(self) -> int:
        return self.days[-1].cumulative_shot if self.days else 0

    @property
    def days_ahead(self) -> float:
        return self.days[-1].days_ahead if self.days else 0.0


def build_dpr(production: Production, board: Board) -> Dpr:
    """The DPR of a board from the shoot log (see the module docstring)."""
    scenes = {s.id: s for s in production.scenes}
    days = board.days
    board_eighths = sum(scenes[s].eighths for day in days for s in day if s in scenes)
    per_day = board_eighths / len(days) if days else 0.0
    boards = {b.id: b for b in production.boards}
    rows: list[DprDay] = []
    sched_total = shot_total = 0
    logged = board_log(production, board)
    for number, log in logged.items():
        in_force = boards.get(log.board_id, board).days  # the plan when the day was shot
        planned = in_force[number - 1] if number <= len(in_force) else []
        scheduled = sum(scenes[s].eighths for s in planned if s in scenes)
        shot = sum(r.eighths_done for r in log.records if r.status is not ShotStatus.ADDED)
        added = sum(r.eighths_done for r in log.records if r.status is ShotStatus.ADDED)
        sched_total += scheduled
        shot_total += shot

        def labels(status: ShotStatus, log: ShootDay = log) -> tuple[str, ...]:
            out = []
            for r in log.records:
                if r.status is status:
                    label = scenes[r.scene_id].label if r.scene_id in scenes else r.scene_id
                    if status is ShotStatus.PARTIAL:
                        label += f" ({format_eighths(r.eighths_done)})"
                    if r.reshoot:
                        label += " (reshoot)"
                    out.append(label)
            return tuple(out)

        balance = shot_total - sched_total
        rows.append(
            DprDay(
                day=number,
                on=log.on.isoformat(),
                scheduled=scheduled,
                shot=shot,
                added=added,
                cumulative_scheduled=sched_total,
                cumulative_shot=shot_total,
                days_ahead=round(balance / per_day, 1) if per_day else 0.0,
                completed=labels(ShotStatus.COMPLETE),
                partial=labels(ShotStatus.PARTIAL),
                not_shot=labels(ShotStatus.NOT_SHOT),
                added_scenes=labels(ShotStatus.ADDED),
                notes=log.notes or "",
            )
        )
    last = max(logged, default=0)
    remaining = sum(scenes[s].eighths for day in days[last:] for s in day if s in scenes)
    return Dpr(
        production.name, board.name, len(days), board_eighths, per_day, tuple(rows), remaining
    )


def ahead_words(days_ahead: float) -> str:
    if days_ahead == 0:
        return "on schedule"
    return f"{days_ahead} days ahead" if days_ahead > 0 else f"{-days_ahead} days behind"


def _signed(eighths: int) -> str:
    return ("+" if eighths > 0 else "-" if eighths < 0 else "") + format_eighths(abs(eighths))


def _scenes(day: DprDay) -> str:
    parts = []
    for label, items in (
        ("Done", day.completed),
        ("Part", day.partial),
        ("Not shot", day.not_shot),
        ("Added", day.added_scenes),
    ):
        if items:
            parts.append(f"{label}: {', '.join(items)}")
    if day.notes:
        parts.append(f"Note: {day.notes}")
    return "; ".join(parts)


def dpr_document(dpr: Dpr) -> Document:
    """The DPR page: a summary, then one row per logged day."""
    columns = (
        Column("Day", 26, "right"),
        Column("Date", 58),
        Column("Sched.", 40, "right"),
        Column("Shot", 40, "right"),
        Column("Added", 40, "right"),
        Column("Cum. sched.", 50, "right"),
        Column("Cum. shot", 50, "right"),
        Column("+/- pgs", 44, "right"),
        Column("Days +/-", 42, "right"),
        Column("Scenes", 180, wrap=True, flex=True),
    )
    rows = tuple(
        Row(
            (
                str(d.day),
                d.on,
                format_eighths(d.scheduled),
                format_eighths(d.shot),
                format_eighths(d.added),
                format_eighths(d.cumulative_scheduled),
                format_eighths(d.cumulative_shot),
                _signed(d.balance),
                f"{d.days_ahead:+.1f}",
                _scenes(d),
            ),
            fill="#fde2e2" if d.balance < 0 else None,
        )
        for d in dpr.days
    )
    last = dpr.days[-1] if dpr.days else None
    summary = Fields(
        (
            ("Board", dpr.board),
            ("Days logged", f"{len(dpr.days)} of {dpr.days_scheduled}"),
            ("Through", f"day {last.day}, {last.on}" if last else "nothing logged yet"),
            ("Status", ahead_words(dpr.days_ahead)),
            ("Pages shot", format_eighths(dpr.shot)),
            ("Pages to shoot", format_eighths(dpr.remaining)),
        )
    )
    blocks: tuple[Note | Fields | Table, ...] = (summary, Table(columns, rows))
    if not dpr.days:
        blocks += (Note("No shoot day of this board is logged yet (daybreak log)."),)
    return Document(
        title=f"{dpr.production} — Daily Production Report",
        subtitle=(
            f"Board: {dpr.board} · {format_eighths(dpr.board_eighths)} pgs over "
            f"{dpr.days_scheduled} days · pages are eighths shown as pages"
        ),
        blocks=blocks,
        footer="Added: pick-ups and reshoots, not counted as progress",
    )


def production_report_document(production: Production, board: Board) -> Document:
    return dpr_document(build_dpr(production, board))

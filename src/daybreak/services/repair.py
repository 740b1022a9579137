"""The "repair the schedule" use case: apply what changed, keep what was shot, re-plan.

:func:`repair_board` works on a copy of the production: it applies the disruptions
(:mod:`daybreak.services.disruptions`), freezes the days already shot (every day up to the
last one in the shoot log, or up to ``frozen_through``), calls the engine's
:func:`daybreak.engine.repair.repair` and adds the result as a NEW board (the previous
boards stay). The caller saves ``outcome.production``; nothing is written on error.

Frozen days keep what the log says was shot on them (complete and partly shot scenes); a
scene logged as not shot (or not logged) goes back into the plan and counts as moved; the
rest of a partly shot scene becomes a strip of its own (``14PT``).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from daybreak.domain import (
    Board,
    BoardSection,
    CategoryKind,
    DateRange,
    Production,
    ShotStatus,
    StripGroup,
    new_id,
)
from daybreak.engine.compile import compile_problem
from daybreak.engine.problem import ProblemData
from daybreak.engine.repair import RepairResult, repair
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.reports.production_report import FROZEN_DAYS, REPAIRED_FROM, board_log
from daybreak.services import disruptions as dis
from daybreak.services.shooting import find_scene

# Default stability weight: this share of a shoot day's cost per moved scene and per day
# it travels (NORTHBOUND: 18,000 EUR).
STABILITY_SHARE = 0.1
_CAST = (CategoryKind.CAST,)
_PLACES = (CategoryKind.LOCATION, CategoryKind.SET)


@dataclass(slots=True)
class Disruptions:
    """What changed, as the CLI and the API give it (names and date ranges)."""

    unavailable: list[dis.NamedDates] = field(default_factory=list)
    location_lost: list[dis.NamedDates] = field(default_factory=list)
    location_available: list[dis.NamedDates] = field(default_factory=list)
    hiatus: DateRange | None = None
    add_scenes: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    reshoot: list[str] = field(default_factory=list)

    @classmethod
    def parse(
        cls,
        *,
        unavailable: Sequence[str] = (),
        location_lost: Sequence[str] = (),
        location_available: Sequence[str] = (),
        hiatus: str | None = None,
        add_scenes: Sequence[str] = (),
        cut: Sequence[str] = (),
        reshoot: Sequence[str] = (),
    ) -> Disruptions:
        """From command-line text; a bad value raises naming its option."""
        return cls(
            [dis.parse_named(t, "--unavailable") for t in unavailable],
            [dis.parse_named(t, "--location-lost") for t in location_lost],
            [dis.parse_named(t, "--location-available") for t in location_available],
            dis.parse_range(hiatus, "--hiatus") if hiatus else None,
            _split(add_scenes),
            _split(cut),
            _split(reshoot),
        )


@dataclass(slots=True)
class RepairOutcome:
    """The edited production (save it), the new board (None if no plan honours every
    rule), the engine's result, and the JSON twin."""

    production: Production
    board: Board | None
    data: ProblemData
    result: RepairResult
    record: dict[str, Any]


def default_stability_weight(production: Production) -> float:
    return STABILITY_SHARE * production.costs.shoot_day


def shoot_dates(production: Production, board: Board, count: int) -> list[date]:
    calendar = production.board_calendar(board)
    if calendar is None or calendar.start is None:
        raise DaybreakError(
            f"board {board.name!r} has no calendar with a start date", where="board"
        )
    return calendar.shoot_dates(count)


def repair_board(
    production: Production,
    changes: Disruptions,
    *,
    board: str | None = None,
    frozen_through: date | None = None,
    stability_weight: float | None = None,
    time_limit: float = 10.0,
    seed: int = 0,
    board_name: str | None = None,
) -> RepairOutcome:
    """Repair a board after ``changes`` (see the module docstring)."""
    weight = default_stability_weight(production) if stability_weight is None else stability_weight
    if weight < 0:
        raise DaybreakError(f"{weight:g} is negative", where="--stability-weight")
    if time_limit <= 0:
        raise DaybreakError(
            f"{time_limit:g} is not a positive number of seconds", where="--time-limit"
        )
    prod = copy.deepcopy(production)
    source = prod.board(board)
    old_days = source.days
    if not old_days:
        raise DaybreakError(
            f"board {source.name!r} has no shoot days; schedule it first (daybreak schedule)",
            where="--board",
        )
    old_dates = shoot_dates(prod, source, len(old_days))
    log = board_log(prod, source)
    frozen = max(log, default=0)
    if frozen_through is not None:
        frozen = max(frozen, sum(1 for d in old_dates if d <= frozen_through))
    frozen = min(frozen, len(old_days))
    until = old_dates[frozen - 1] if frozen else None
    applied = _apply(prod, source, changes, until)
    shot, pending = _shot_days(prod, source, log, frozen)
    cut = {find_scene(prod, key, where="--cut").id for key in changes.cut}
    shot_ids = {sid for day in shot for sid in day}
    if cut & shot_ids:
        raise DaybreakError("is already shot (it is on a frozen day)", where="--cut")
    on_board = {sid for day in old_days for sid in day}
    for key in changes.add_scenes:
        scene = find_scene(prod, key, where="--add-scene")
        if scene.id in on_board:
            raise DaybreakError(
                f"scene {key!r} is already on the board's days", where="--add-scene"
            )
        pending.append(scene.id)
    for key in changes.reshoot:
        pending.append(dis.reshoot_strip(prod, find_scene(prod, key, where="--reshoot")).id)
    calendar_id = source.calendar_id
    if changes.hiatus is not None:
        calendar = prod.board_calendar(source)
        assert calendar is not None
        if until is not None and changes.hiatus.start <= until:
            raise DaybreakError(f"starts before the last shot day ({until})", where="--hiatus")
        calendar_id = dis.hiatus_calendar(prod, calendar, changes.hiatus).id
        applied.append(f"hiatus {dis.describe(changes.hiatus)}")
    applied += [f"cut {key}" for key in changes.cut]
    applied += [f"add scene {key}" for key in changes.add_scenes]
    applied += [f"reshoot {key}" for key in changes.reshoot]
    plan = [[s for s in day if s not in cut] for day in old_days]
    work = _work_board(source, plan, list(dict.fromkeys(pending)), calendar_id, cut)
    data = compile_problem(prod, work)
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    if [d.isoformat() for d in old_dates[:frozen]] != list(data.dates[:frozen]):
        raise DaybreakError("the shot days' dates changed; check the calendar", where="--hiatus")
    old = Schedule.of([[index[s] for s in day if s in index] for day in plan])
    content = {d: [index[s] for s in shot[d] if s in index] for d in range(frozen)}
    result = repair(
        data,
        old,
        range(frozen),
        shot=content,
        stability_weight=weight,
        time_limit=time_limit,
        seed=seed,
        old_day=old.day_of(),
    )
    new_board: Board | None = None
    if result.feasible:
        names = {b.name for b in prod.boards}
        if board_name is not None and board_name in names:
            raise DaybreakError(f"a board named {board_name!r} exists", where="--name")
        new_board = _board(
            source, data, result.schedule, work, calendar_id, board_name, frozen, applied, names
        )
        prod.boards.append(new_board)
    record = result.to_dict(data, [d.isoformat() for d in old_dates])
    shifted = sum(
        1
        for d in range(frozen, min(len(old_dates), data.num_days))
        if old_dates[d].isoformat() != data.dates[d]
    )
    record.update(
        board=new_board.name if new_board is not None else None,
        source_board=source.name,
        frozen_days=frozen,
        frozen_through=until.isoformat() if until else None,
        disruptions=applied,
        dates_shifted=shifted,
        currency=data.costs.currency,
    )
    return RepairOutcome(prod, new_board, data, result, record)


def unique_name(taken: set[str], base: str) -> str:
    """``base``, or ``base (2)``, ``base (3)``... whichever is free."""
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def _split(values: Sequence[str]) -> list[str]:
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def _apply(prod: Production, board: Board, changes: Disruptions, until: date | None) -> list[str]:
    applied: list[str] = []
    for item in changes.unavailable:
        element = dis.find_element(prod, item.name, _CAST, "--unavailable")
        dates = dis.after(item.dates, until, "--unavailable")
        dis.make_unavailable(element, dates)
        applied.append(f"{element.name} unavailable {dis.describe(dates)}")
    for item in changes.location_lost:
        element = dis.find_element(prod, item.name, _PLACES, "--location-lost")
        dates = dis.after(item.dates, until, "--location-lost")
        dis.make_unavailable(element, dates)
        applied.append(f"{element.name} lost {dis.describe(dates)}")
    for item in changes.location_available:
        element = dis.find_element(prod, item.name, _PLACES, "--location-available")
        dates = dis.after(item.dates, until, "--location-available")
        dis.make_available(element, dates)
        applied.append(f"{element.name} available {dis.describe(dates)}")
    return applied


def _shot_days(
    prod: Production, board: Board, log: dict[int, Any], frozen: int
) -> tuple[list[list[str]], list[str]]:
    """What each frozen day holds (in board order), and the remainder strips to place."""
    days = board.days
    shot: list[list[str]] = []
    pending: list[str] = []
    taken: set[str] = set()
    scenes = {s.id: s for s in prod.scenes}
    for k in range(frozen):
        entry = log.get(k + 1)
        if entry is None:
            shot.append([s for s in days[k] if s not in taken])
            taken.update(shot[-1])
            continue
        done = [
            r
            for r in entry.records
            if r.status in (ShotStatus.COMPLETE, ShotStatus.PARTIAL) and r.scene_id not in taken
        ]
        order = {sid: i for i, sid in enumerate(days[k])}
        done.sort(key=lambda r: order.get(r.scene_id, len(order)))
        shot.append([r.scene_id for r in done])
        taken.update(shot[-1])
        for r in done:
            if r.status is ShotStatus.PARTIAL and r.scene_id in scenes:
                strip = dis.remainder_strip(prod, scenes[r.scene_id], r.eighths_done, k + 1)
                pending.append(strip.id)
    return shot, pending


def _work_board(
    source: Board, plan: list[list[str]], pending: list[str], calendar_id: str | None, cut: set[str]
) -> Board:
    """The board the problem is compiled from: the plan's days and the strips to place."""
    placed = {s for day in plan for s in day}
    extra = [s for s in pending if s not in placed]
    groups = [StripGroup(list(day), is_day=True) for day in plan]
    if extra:
        groups.append(StripGroup(extra, is_day=False))
    yard = [s for s in (source.boneyard.strip_ids if source.boneyard else []) if s not in extra]
    yard += [s for s in cut if s not in yard]
    return Board(
        id=source.id,
        name=source.name,
        calendar_id=calendar_id,
        sections=[
            BoardSection(new_id(), "stripboard", groups),
            BoardSection(new_id(), "boneyard", [StripGroup(yard, is_day=False)] if yard else []),
        ],
    )


def _board(
    source: Board,
    data: ProblemData,
    schedule: Schedule,
    work: Board,
    calendar_id: str | None,
    name: str | None,
    frozen: int,
    applied: list[str],
    taken: set[str],
) -> Board:
    now = datetime.now()
    last = max((d for d, day in enumerate(schedule.days) if day), default=-1)
    groups = [
        StripGroup([data.scene_ids[s] for s in day], is_day=True)
        for day in schedule.days[: last + 1]
    ]
    placed = {data.scene_ids[s] for day in schedule.days for s in day}
    yard = [s for s in work.placed_strip_ids if s not in placed]
    yard += work.boneyard.strip_ids if work.boneyard else []
    return Board(
        id=new_id(),
        name=name or unique_name(taken, f"Repair {now:%Y-%m-%d %H:%M}"),
        calendar_id=calendar_id,
        sections=[
            BoardSection(new_id(), "stripboard", groups),
            BoardSection(new_id(), "boneyard", [StripGroup(yard, is_day=False)] if yard else []),
        ],
        created=now,
        description=f"repair of {source.name!r}: " + ("; ".join(applied) or "no change"),
        extra={REPAIRED_FROM: source.id, FROZEN_DAYS: frozen, "disruptions": applied},
    )

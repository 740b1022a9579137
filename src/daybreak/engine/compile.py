"""Compile a domain Production (and one of its boards) into an index-based ProblemData."""

from __future__ import annotations

import math
from dataclasses import asdict, replace
from datetime import date, datetime

from daybreak.domain import (
    Calendar,
    CategoryKind,
    CostWeights,
    Element,
    Event,
    EventType,
    Production,
    RuleKind,
    Strip,
    WorkRules,
)
from daybreak.domain.board import Board
from daybreak.engine.problem import CastData, CostData, ProblemData, ResourceData, RuleData
from daybreak.errors import DaybreakError

DEFAULT_EIGHTHS_PER_DAY = 40  # five pages: the top of a feature's range
# Cost weights read from ``CostWeights.extra`` (configuration as data).
SET_CHANGE_KEY = "set_change"
DROP_KEY = "drop"
DEFAULT_SET_CHANGE = 2_000.0


def compile_problem(
    production: Production,
    board: Board | None = None,
    *,
    days: int | None = None,
    max_eighths_per_day: int | None = None,
    max_minutes_per_day: int | None = None,
    include_boneyard: bool = False,
    allow_drops: bool | None = None,
    work_rules: WorkRules | None = None,
    costs: CostWeights | None = None,
    calendar: Calendar | None = None,
    start: date | None = None,
) -> ProblemData:
    """The scheduling problem of a board's placed strips (and the boneyard if asked).

    Days come from the board's calendar (start date, weekdays off, holidays): ``days``, else
    the work rules' ``max_days`` or ``wrap_by``, else enough for the pages at capacity with
    a margin (and at least the board's own day count). ``allow_drops=False`` turns drops off
    for every performer (None: each performer's own flag).
    """
    rules = work_rules or production.work_rules
    weights = costs or production.costs
    if board is None and production.boards:
        board = production.board()
    strips_by_id = production.strips()
    if board is not None:
        ids = list(board.main_unit_strip_ids)
        if include_boneyard and board.boneyard is not None:
            ids += board.boneyard.strip_ids
    else:
        ids = [s.id for s in production.scenes_in_script_order()]
    strips: list[Strip] = []
    for sid in ids:
        strip = strips_by_id.get(sid)
        if strip is None or strip.scene.is_banner or strip.scene.omitted:
            continue
        strips.append(strip)
    if not strips:
        raise DaybreakError("there are no scenes to schedule", where="board")

    cap = max_eighths_per_day or rules.max_eighths_per_day or DEFAULT_EIGHTHS_PER_DAY
    cap_minutes = max_minutes_per_day or rules.max_minutes_per_day
    cal = calendar or (production.board_calendar(board) if board is not None else None)
    if cal is None and production.calendars:
        cal = production.calendars[0]
    if cal is None or (cal.start is None and start is None):
        first = start or (cal.start if cal is not None else None) or date.today()
        cal = Calendar(
            id="default",
            name="default",
            events=[Event(id="start", when=_midnight(first), type=EventType.START)],
        )
    n_days = _day_count(days, rules, cal, start, strips, cap, board)
    dates = cal.shoot_dates(n_days, start)
    if rules.wrap_by is not None:
        dates = [d for d in dates if d <= rules.wrap_by]
        if not dates:
            raise DaybreakError(f"no shoot day before the wrap date {rules.wrap_by}")

    sets: dict[str, int] = {}
    set_names: list[str] = []
    places: dict[str, int] = {}
    place_names: list[str] = []
    place_cost: list[float] = []
    place_elements: list[Element | None] = []
    cast_index: dict[str, int] = {}
    cast_elements: list[Element] = []
    resources: list[ResourceData] = []
    resource_index: dict[str, int] = {}
    scene_cast: list[tuple[int, ...]] = []
    scene_res: list[tuple[int, ...]] = []
    set_of: list[int] = []
    place_of: list[int] = []
    elements = {e.id: e for e in production.elements}
    categories = {c.id: c for c in production.categories}

    def resource_of(element: Element, kind: str) -> int | None:
        if element.id in resource_index:
            return resource_index[element.id]
        unavailable: list[int] = []
        why: list[str] = []
        for d, day in enumerate(dates):
            reason = _unavailable_reason(element, day)
            if reason:
                unavailable.append(d)
                why.append(reason)
        if not unavailable:
            return None
        resource_index[element.id] = len(resources)
        resources.append(ResourceData(element.label, kind, tuple(unavailable), tuple(why)))
        return resource_index[element.id]

    for strip in strips:
        if strip.set is not None:
            set_of.append(sets.setdefault(strip.set.id, len(sets)))
            if len(set_names) < len(sets):
                set_names.append(strip.set.name)
        else:
            set_of.append(-1)
        pid = strip.place_id
        if pid is not None:
            if pid not in places:
                places[pid] = len(places)
                element = elements.get(pid)
                place_elements.append(element)
                place_names.append(element.name if element else pid)
                place_cost.append((element.daily_cost or 0.0) if element else 0.0)
            place_of.append(places[pid])
        else:
            place_of.append(-1)
        cast_ids: list[int] = []
        res: set[int] = set()
        for member in strip.cast:
            if member.id not in cast_index:
                cast_index[member.id] = len(cast_elements)
                cast_elements.append(member)
            cast_ids.append(cast_index[member.id])
        for element_id in strip.scene.element_ids:
            element = elements.get(element_id)
            if element is None:
                continue
            category = categories.get(element.category_id)
            kind = category.kind.value if category else "element"
            r = resource_of(element, kind)
            if r is not None:
                res.add(r)
        if strip.set is not None and strip.set.location_id and strip.location is None:
            loc = elements.get(strip.set.location_id)
            if loc is not None:
                r = resource_of(loc, CategoryKind.LOCATION.value)
                if r is not None:
                    res.add(r)
        scene_cast.append(tuple(sorted(set(cast_ids))))
        scene_res.append(tuple(sorted(res)))

    index = {strip.id: i for i, strip in enumerate(strips)}
    rule_data = _rules(production, index, dates)
    n = len(dates)
    allowed: list[tuple[int, ...]] = []
    for i in range(len(strips)):
        ok = set(range(n))
        for r in scene_res[i]:
            ok -= set(resources[r].unavailable)
        allowed.append(tuple(sorted(ok)))
    allowed = _apply_rule_windows(rule_data, allowed, n)

    cast = tuple(
        CastData(
            name=m.label,
            rate=m.daily_rate if m.daily_rate is not None else weights.default_cast_rate,
            allow_hold=m.allow_hold,
            allow_drop=m.allow_drop if allow_drops is None else (allow_drops and m.allow_drop),
            drop_min_gap=m.drop_day_count,
            max_drops=m.max_drops,
            travel_days=m.travel_days,
            element_id=m.id,
        )
        for m in cast_elements
    )
    cost_data = CostData(
        shoot_day=weights.shoot_day,
        company_move=weights.company_move,
        set_change=weights.extra.get(SET_CHANGE_KEY, DEFAULT_SET_CHANGE),
        location_day=weights.location_day,
        drop=weights.extra.get(DROP_KEY, 0.0),
        currency=weights.currency,
    )
    return ProblemData(
        scene_ids=tuple(s.id for s in strips),
        labels=tuple(s.scene.label for s in strips),
        eighths=tuple(s.scene.eighths for s in strips),
        minutes=tuple(
            int(s.scene.duration.total_seconds() // 60) if s.scene.duration else 0 for s in strips
        ),
        night=tuple(s.is_night for s in strips),
        set_of=tuple(set_of),
        place_of=tuple(place_of),
        scene_cast=tuple(scene_cast),
        scene_resources=tuple(scene_res),
        allowed=tuple(allowed),
        set_names=tuple(set_names),
        place_names=tuple(place_names),
        place_daily_cost=tuple(place_cost),
        cast=cast,
        resources=tuple(resources),
        dates=tuple(d.isoformat() for d in dates),
        capacity_eighths=tuple(cap for _ in dates),
        capacity_minutes=tuple(cap_minutes for _ in dates),
        rules=tuple(rule_data),
        costs=cost_data,
        max_company_moves=rules.max_company_moves_per_day,
        company_move_minutes=rules.company_move_minutes,
        allow_day_night_mix=rules.allow_day_night_mix,
        turnaround_hours=rules.turnaround_hours,
        night_day_hours=rules.night_day_hours,
        name=production.name,
    )


def with_costs(data: ProblemData, **weights: float) -> ProblemData:
    """The same problem with some cost weights changed (``shoot_day=0.0``...)."""
    return replace(data, costs=CostData(**{**asdict(data.costs), **weights}))


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _day_count(
    days: int | None,
    rules: WorkRules,
    cal: Calendar,
    start: date | None,
    strips: list[Strip],
    cap: int,
    board: Board | None,
) -> int:
    if days is not None:
        if days < 1:
            raise DaybreakError("the number of days must be at least 1", where="--days")
        return days
    if rules.max_days is not None:
        return rules.max_days
    if rules.wrap_by is not None:
        count = 0
        for day in cal.iter_shoot_dates(start):
            if day > rules.wrap_by:
                break
            count += 1
        return max(count, 1)
    total = sum(s.scene.eighths for s in strips)
    oversized = sum(1 for s in strips if s.scene.eighths > cap)
    estimate = math.ceil(1.3 * total / cap) + oversized + 2
    return max(estimate, len(board.days) if board is not None else 0)


def _unavailable_reason(element: Element, day: date) -> str | None:
    if element.works_on(day):
        return None
    avail = element.availability
    if avail.window is not None and day not in avail.window:
        return f"available only from {avail.window.start} to {avail.window.end}"
    if any(day in blocked for blocked in avail.unavailable):
        return "unavailable"
    return "on a day off"


def _rules(production: Production, index: dict[str, int], dates: list[date]) -> list[RuleData]:
    found: list[RuleData] = []
    n = len(dates)
    for rule in production.rules:
        scenes = [index[s] for s in rule.scene_ids if s in index]
        kind = rule.kind
        if kind in (RuleKind.BEFORE,) and (not scenes or rule.scene_ids[0] not in index):
            continue
        if kind in (RuleKind.BEFORE, RuleKind.SAME_DAY, RuleKind.KEEP_TOGETHER):
            if len(scenes) >= 2:
                found.append(RuleData(kind.value, tuple(scenes), None, rule.note or ""))
            continue
        for s in scenes:
            if kind is RuleKind.PIN_DAY:
                day = rule.day - 1 if rule.day is not None and rule.day <= n else None
                found.append(RuleData(kind.value, (s,), day, f"shoot day {rule.day}"))
            elif rule.on is not None:
                on = rule.on
                label = on.isoformat()
                if kind is RuleKind.PIN_DATE:
                    day = dates.index(on) if on in dates else None
                    label = f"{on.isoformat()}" + ("" if on in dates else " (not a shoot day)")
                elif kind is RuleKind.NOT_BEFORE:
                    day = next((d for d, x in enumerate(dates) if x >= on), n)
                else:
                    day = max((d for d, x in enumerate(dates) if x <= on), default=-1)
                found.append(RuleData(kind.value, (s,), day, label))
    return found


def _apply_rule_windows(
    rules: list[RuleData], allowed: list[tuple[int, ...]], n: int
) -> list[tuple[int, ...]]:
    out = [set(a) for a in allowed]
    for rule in rules:
        s = rule.scenes[0]
        if rule.kind in ("pin_day", "pin_date"):
            out[s] &= {rule.day} if rule.day is not None else set()
        elif rule.kind == "not_before" and rule.day is not None:
            out[s] &= set(range(rule.day, n))
        elif rule.kind == "not_after" and rule.day is not None:
            out[s] &= set(range(0, rule.day + 1))
    return [tuple(sorted(a)) for a in out]

"""Scenarios (what-ifs): copy a board, change the plan's world, re-plan, compare.

:func:`make_scenario` works on a copy of the production and adds ONE new board (and,
when dates shift, a calendar of its own) to the production it is given; the caller saves
it. What-ifs are hypotheses, not facts: a lost performer's dates are not written to the
performer's availability (they are kept in the board's ``extra["scenario"]``).

- ``push_weeks``: the board's calendar is copied with the start ``7 * N`` days later (the
  next shoot day from there); the old boards keep their dates. The plan keeps its shoot-day
  order; rules that the new dates break (availability windows...) are repaired.
- ``lose``: a performer out on dates, as ``daybreak repair --unavailable``.
- ``second_unit`` / ``second_unit_category``: those scenes go to a second unit (see
  :mod:`daybreak.services.board_compare` for how the board holds it and how it is costed).
  The main unit is re-planned without them by the full solver (fewer pages, maybe fewer
  days); then the second unit's scenes are planned on the same calendar, each performer
  blocked on the dates the main unit works them.

Without a second unit the plan is repaired (:func:`daybreak.services.repair.repair_board`,
nothing frozen): unchanged when every rule still holds, else the fewest moves that fix it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from daybreak.domain import (
    Board,
    BoardSection,
    Calendar,
    CategoryKind,
    DateRange,
    Event,
    EventType,
    Production,
    StripGroup,
    derived_id,
    new_id,
)
from daybreak.engine.compile import compile_problem
from daybreak.engine.schedule import Status
from daybreak.engine.solve import solve
from daybreak.errors import DaybreakError
from daybreak.services import disruptions as dis
from daybreak.services.board_compare import (
    SECOND_UNIT,
    compare_boards,
    placements,
    second_unit_daily_cost,
)
from daybreak.services.repair import Disruptions, repair_board, unique_name
from daybreak.services.scheduling import schedule_board
from daybreak.services.shooting import find_scene

__all__ = [
    "InfeasibleScenario",
    "ScenarioOutcome",
    "compare_boards",
    "make_scenario",
    "scenes_of_category",
]

Lost = tuple[str, date, date]


class InfeasibleScenario(DaybreakError):
    """No plan honours every hard rule under the what-ifs (not bad input: exit 1)."""

    def __init__(self, what: str, violations: Sequence[str]) -> None:
        self.violations = list(violations)
        shown = "; ".join(self.violations[:3])
        more = f" and {len(self.violations) - 3} more" if len(self.violations) > 3 else ""
        super().__init__(
            f"no {what + ' ' if what else ''}plan honours every hard rule: {shown}{more}"
        )


@dataclass(slots=True)
class ScenarioOutcome:
    """The new board (already added to the production given), and the JSON twin."""

    board: Board
    record: dict[str, Any]


def scenes_of_category(production: Production, name: str, option: str) -> list[str]:
    """Ids of the scenes holding an element of the category ``name`` (e.g. Stunts)."""
    wanted = name.strip().lower()
    cats = {c.id for c in production.categories if c.name.lower() == wanted}
    if not cats:
        known = ", ".join(c.name for c in production.categories)
        raise DaybreakError(f"no category {name!r}; known: {known}", where=option)
    elements = {e.id for e in production.elements if e.category_id in cats}
    return [s.id for s in production.scenes if elements & set(s.element_ids)]


def pushed_calendar(production: Production, calendar: Calendar, weeks: int) -> Calendar:
    """A copy of ``calendar`` starting ``weeks`` weeks later (the next shoot day from
    there), added to ``production`` unless it is there already."""
    if calendar.start is None:
        raise DaybreakError(f"calendar {calendar.name!r} has no start date", where="--board")
    first = next(calendar.iter_shoot_dates(calendar.start + timedelta(weeks=weeks)))
    new_id_ = derived_id(calendar.id, "push", first.isoformat())
    for existing in production.calendars:
        if existing.id == new_id_:
            return existing
    events = [copy.deepcopy(e) for e in calendar.events if e.type is not EventType.START]
    events.append(
        Event(
            id=derived_id(new_id_, "start"),
            when=datetime(first.year, first.month, first.day),
            type=EventType.START,
        )
    )
    new = Calendar(
        id=new_id_,
        name=f"{calendar.name} pushed to {first.isoformat()}",
        days_off=list(calendar.days_off),
        events=events,
        non_shooting=calendar.non_shooting,
        extra=copy.deepcopy(calendar.extra),
    )
    production.calendars.append(new)
    return new


def make_scenario(
    production: Production,
    board_name: str | None,
    *,
    name: str | None = None,
    push_weeks: int = 0,
    lose: Sequence[Lost] = (),
    second_unit: Sequence[str] = (),
    second_unit_category: str | None = None,
    time_limit: float = 10.0,
    seed: int = 0,
) -> ScenarioOutcome:
    """Copy ``board_name`` under the what-ifs, re-plan it, add it to ``production``."""
    if push_weeks < 0:
        raise DaybreakError(f"{push_weeks} is negative", where="--push-weeks")
    if time_limit <= 0:
        raise DaybreakError(
            f"{time_limit:g} is not a positive number of seconds", where="--time-limit"
        )
    source = production.board(board_name)
    if not source.days:
        raise DaybreakError(
            f"board {source.name!r} has no shoot days; schedule it first", where="--board"
        )
    taken = {b.name for b in production.boards}
    if name is not None and name.strip() in taken:
        raise DaybreakError(f"a board named {name!r} exists", where="--name")
    board_name_new = name.strip() if name else unique_name(taken, f"{source.name} scenario")
    work = copy.deepcopy(production)
    calendar = work.board_calendar(source)
    if calendar is None or calendar.start is None:
        raise DaybreakError(
            f"board {source.name!r} has no calendar with a start date", where="--board"
        )
    applied: list[str] = []
    if push_weeks:
        calendar = pushed_calendar(work, calendar, push_weeks)
        weeks = f"{push_weeks} week" + ("s" if push_weeks != 1 else "")
        applied.append(f"start pushed {weeks} to {calendar.start}")
    for who, start, end in lose:
        if end < start:
            raise DaybreakError(f"{who}: {end} is before {start}", where="--lose")
        element = dis.find_element(work, who, (CategoryKind.CAST,), "--lose")
        dis.make_unavailable(element, DateRange(start, end))
        applied.append(f"{element.name} lost {dis.describe(DateRange(start, end))}")
    su_ids = _second_unit_ids(work, source, second_unit, second_unit_category)
    plan = [[s for s in day if s not in su_ids] for day in source.days]
    yard = source.boneyard.strip_ids if source.boneyard else []
    temp = Board(
        id=new_id(),
        name=unique_name(taken, "scenario (work)"),
        calendar_id=calendar.id,
        sections=[
            BoardSection(new_id(), "stripboard", [StripGroup(d, True) for d in plan]),
            BoardSection(new_id(), "boneyard", [StripGroup(list(yard), False)] if yard else []),
        ],
    )
    work.boards.append(temp)
    record: dict[str, Any] = {}
    if su_ids:
        applied.append(f"second unit: {len(su_ids)} scenes")
        outcome = schedule_board(work, board=temp.id, time_limit=time_limit, seed=seed)
        if outcome.board is None:
            raise InfeasibleScenario("main-unit", outcome.result.violations)
        main, method = outcome.board, "re-solve"
        sections = [main.sections[0], _plan_second_unit(work, main, su_ids, time_limit, seed)]
        sections += main.sections[1:]
    else:
        repaired = repair_board(
            work, Disruptions(), board=temp.id, time_limit=time_limit, seed=seed
        )
        if repaired.board is None:
            raise InfeasibleScenario("", repaired.record["violations"])
        record["broken_before"] = repaired.record["broken_before"]
        main, method = repaired.board, repaired.record["method"]
        sections = main.sections
    board = Board(
        id=new_id(),
        name=board_name_new,
        calendar_id=calendar.id,
        sections=sections,
        created=datetime.now(),
        description=f"scenario of {source.name!r}: " + ("; ".join(applied) or "a copy"),
        extra={
            "scenario": {
                "source_board": source.id,
                "push_weeks": push_weeks,
                "lose": [[w, s.isoformat(), e.isoformat()] for w, s, e in lose],
                "second_unit": sorted(su_ids),
            }
        },
    )
    if all(c.id != calendar.id for c in production.calendars):
        production.calendars.append(calendar)
    production.boards.append(board)
    record.update(
        board=board.name,
        source_board=source.name,
        what_ifs=applied,
        method=method,
        moves=_moves(production, source, board),
        comparison=compare_boards(production, source.id, board.id),
    )
    return ScenarioOutcome(board, record)


def _second_unit_ids(
    prod: Production, source: Board, keys: Sequence[str], category: str | None
) -> set[str]:
    on_days = {s for day in source.days for s in day}
    ids: set[str] = set()
    for key in (p.strip() for k in keys for p in k.split(",") if p.strip()):
        scene = find_scene(prod, key, where="--second-unit")
        if scene.id not in on_days:
            raise DaybreakError(f"scene {key!r} is not on the board's days", where="--second-unit")
        ids.add(scene.id)
    if category is not None:
        found = [s for s in scenes_of_category(prod, category, "--second-unit-category")]
        found = [s for s in found if s in on_days]
        if not found:
            raise DaybreakError(
                f"no scene on the board's days has a {category!r} element",
                where="--second-unit-category",
            )
        ids.update(found)
    if ids and ids >= on_days:
        raise DaybreakError("leaves the main unit no scene", where="--second-unit")
    return ids


def _plan_second_unit(
    prod: Production, main: Board, su_ids: set[str], time_limit: float, seed: int
) -> BoardSection:
    """Plan the second unit's scenes on the main board's calendar, each performer blocked
    on the dates the main unit works them; its daily cost is the second-unit one."""
    su_prod = copy.deepcopy(prod)
    calendar = su_prod.board_calendar(main)
    assert calendar is not None
    dates = calendar.shoot_dates(len(main.days))
    elements = {e.id: e for e in su_prod.elements_of(CategoryKind.CAST)}
    scenes = {s.id: s for s in su_prod.scenes}
    for k, day in enumerate(main.days):
        for eid in {e for sid in day for e in scenes[sid].element_ids if e in elements}:
            dis.make_unavailable(elements[eid], DateRange(dates[k], dates[k]))
    work = Board(
        id=new_id(),
        name="second unit (work)",
        calendar_id=main.calendar_id,
        sections=[BoardSection(new_id(), "stripboard", [StripGroup(sorted(su_ids), False)])],
    )
    su_prod.boards.append(work)
    costs = copy.deepcopy(su_prod.costs)
    costs.shoot_day = second_unit_daily_cost(su_prod)
    data = compile_problem(su_prod, work, costs=costs)
    result = solve(data, time_limit=time_limit, seed=seed)
    if result.schedule is None or result.status not in (Status.OPTIMAL, Status.FEASIBLE):
        raise InfeasibleScenario("second-unit", result.violations)
    last = max((d for d, day in enumerate(result.schedule.days) if day), default=-1)
    groups = [
        StripGroup([data.scene_ids[s] for s in day], True)
        for day in result.schedule.days[: last + 1]
    ]
    return BoardSection(new_id(), SECOND_UNIT, groups, {"unit": "second"})


def _moves(production: Production, source: Board, board: Board) -> list[dict[str, Any]]:
    """Strips whose unit or shoot-day number changed (a pushed start moves every date)."""
    before, after = placements(production, source), placements(production, board)
    out = []
    for sid, (unit, day, when) in before.items():
        new = after.get(sid)
        if new is None or new[:2] == (unit, day):
            continue
        out.append(
            {
                "scene": production.scene(sid).label,
                "id": sid,
                "from_unit": unit,
                "from_day": day,
                "from_date": when,
                "to_unit": new[0],
                "to_day": new[1],
                "to_date": new[2],
            }
        )
    return out

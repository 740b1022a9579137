"""The production: one film or episode with its breakdown, boards, calendars and rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from daybreak.domain.board import Board
from daybreak.domain.calendar import Calendar
from daybreak.domain.categories import STRUCTURAL_KINDS, Category, CategoryKind
from daybreak.domain.elements import Element
from daybreak.domain.rules import CostWeights, Rule, WorkRules
from daybreak.domain.scenes import IntExt, Scene, is_night, parse_int_ext, scene_number_key
from daybreak.domain.shoot import Milestone, ShootDay
from daybreak.errors import DaybreakError

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Strip:
    """A scene with its breakdown resolved: what a strip, a report or the engine reads."""

    scene: Scene
    int_ext: IntExt | None
    set: Element | None
    time_of_day: str | None
    location: Element | None
    script_day: str | None
    unit: str | None
    sequence: str | None
    cast: tuple[Element, ...]
    elements: tuple[tuple[Category, tuple[Element, ...]], ...]

    @property
    def id(self) -> str:
        return self.scene.id

    @property
    def is_night(self) -> bool:
        return is_night(self.time_of_day)

    @property
    def set_name(self) -> str:
        return self.set.name if self.set else ""

    @property
    def place_id(self) -> str | None:
        """Where the unit must be: the scene's location, else its set's location, else set."""
        if self.location is not None:
            return self.location.id
        if self.set is not None:
            return self.set.location_id or self.set.id
        return None


@dataclass(slots=True)
class Production:
    """One production (a film or an episode). Header fields follow the USS header."""

    id: str
    name: str
    project: str | None = None
    author: str | None = None
    company: str | None = None
    created: datetime | None = None
    description: str | None = None
    episode: str | None = None
    episode_name: str | None = None
    season: str | None = None
    sched_color: str | None = None
    sched_date: datetime | None = None
    script_color: str | None = None
    script_date: datetime | None = None
    source: str | None = "daybreak"
    uss_version: str | None = "1.0.0"
    categories: list[Category] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    boards: list[Board] = field(default_factory=list)
    calendars: list[Calendar] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    work_rules: WorkRules = field(default_factory=WorkRules)
    costs: CostWeights = field(default_factory=CostWeights)
    shoot_log: list[ShootDay] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    # -- look-ups ---------------------------------------------------------------------
    def category(self, category_id: str) -> Category:
        return _find(self.categories, category_id, "category")

    def element(self, element_id: str) -> Element:
        return _find(self.elements, element_id, "element")

    def scene(self, scene_id: str) -> Scene:
        return _find(self.scenes, scene_id, "scene")

    def calendar(self, calendar_id: str) -> Calendar:
        return _find(self.calendars, calendar_id, "calendar")

    def board(self, name_or_id: str | None = None) -> Board:
        """A board by name or id; without one, the last board (the newest scenario)."""
        if not self.boards:
            raise DaybreakError(f"production {self.name!r} has no stripboard")
        if name_or_id is None:
            return self.boards[-1]
        for board in self.boards:
            if name_or_id in (board.id, board.name):
                return board
        names = ", ".join(repr(b.name) for b in self.boards)
        raise DaybreakError(f"no board named {name_or_id!r}; boards: {names}", where="--board")

    def board_calendar(self, board: Board) -> Calendar | None:
        if board.calendar_id is None:
            return self.calendars[0] if self.calendars else None
        return self.calendar(board.calendar_id)

    def categories_of(self, kind: CategoryKind) -> list[Category]:
        return [c for c in self.categories if c.kind is kind]

    def elements_of(self, kind: CategoryKind) -> list[Element]:
        ids = {c.id for c in self.categories_of(kind)}
        return [e for e in self.elements if e.category_id in ids]

    @property
    def cast(self) -> list[Element]:
        """Cast members ordered by board ID (numbers first, numerically), then name."""
        return sorted(self.elements_of(CategoryKind.CAST), key=cast_sort_key)

    # -- resolved strips --------------------------------------------------------------
    def strips(self) -> dict[str, Strip]:
        """Every scene resolved into a Strip, keyed by scene id (built in one pass)."""
        categories = {c.id: c for c in self.categories}
        elements = {e.id: e for e in self.elements}
        return {s.id: _resolve(s, categories, elements) for s in self.scenes}

    def strip(self, scene_id: str) -> Strip:
        categories = {c.id: c for c in self.categories}
        elements = {e.id: e for e in self.elements}
        return _resolve(self.scene(scene_id), categories, elements)

    def scenes_in_script_order(self) -> list[Scene]:
        return sorted(self.scenes, key=lambda s: scene_number_key(s.number))

    # -- validation -------------------------------------------------------------------
    def problems(self) -> list[tuple[str, str]]:
        """Every referential problem as (where, message); empty when the production is sound."""
        found: list[tuple[str, str]] = []
        for label, items in (
            ("categories", self.categories),
            ("elements", self.elements),
            ("breakdowns", self.scenes),
            ("stripboards", self.boards),
            ("calendars", self.calendars),
        ):
            for item_id, count in Counter(i.id for i in items).items():
                if count > 1:
                    found.append((label, f"id {item_id!r} is used {count} times"))
        category_ids = {c.id for c in self.categories}
        element_ids = {e.id for e in self.elements}
        scene_ids = {s.id for s in self.scenes}
        calendar_ids = {c.id for c in self.calendars}
        for i, element in enumerate(self.elements):
            if element.category_id not in category_ids:
                found.append(
                    (
                        f"elements[{i}].category",
                        f"element {element.name!r} names category "
                        f"{element.category_id!r}, which does not exist",
                    )
                )
        for i, scene in enumerate(self.scenes):
            for j, element_id in enumerate(scene.element_ids):
                if element_id not in element_ids:
                    found.append(
                        (
                            f"breakdowns[{i}].elements[{j}]",
                            f"scene {scene.label!r} names "
                            f"element {element_id!r}, which does not exist",
                        )
                    )
        for i, board in enumerate(self.boards):
            if board.calendar_id is not None and board.calendar_id not in calendar_ids:
                found.append(
                    (
                        f"stripboards[{i}].calendar",
                        f"board {board.name!r} names calendar "
                        f"{board.calendar_id!r}, which does not exist",
                    )
                )
            seen: set[str] = set()
            for section in board.sections:
                for strip_id in section.strip_ids:
                    if strip_id not in scene_ids:
                        found.append(
                            (
                                f"stripboards[{i}].boards[{section.name}]",
                                f"board "
                                f"{board.name!r} lists strip {strip_id!r}, which does not exist",
                            )
                        )
                    elif strip_id in seen:
                        found.append(
                            (
                                f"stripboards[{i}].boards[{section.name}]",
                                f"board {board.name!r} lists strip {strip_id!r} twice",
                            )
                        )
                    seen.add(strip_id)
        for i, rule in enumerate(self.rules):
            for scene_id in rule.scene_ids:
                if scene_id not in scene_ids:
                    found.append(
                        (f"rules[{i}]", f"rule names scene {scene_id!r}, which does not exist")
                    )
        return found

    def validate(self, source: str | None = None) -> None:
        """Raise a DaybreakError naming the first problem (and how many there are)."""
        found = self.problems()
        if found:
            where, message = found[0]
            more = f" (and {len(found) - 1} more problems)" if len(found) > 1 else ""
            raise DaybreakError(message + more, source=source, where=where)


def cast_sort_key(element: Element) -> tuple[int, int, str, str]:
    board_id = (element.board_id or "").strip()
    if board_id.isdigit():
        return (0, int(board_id), "", element.name)
    return (1 if board_id else 2, 0, board_id, element.name)


def _find(items: list[_T], item_id: str, what: str) -> _T:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise DaybreakError(f"no {what} with id {item_id!r}")


def _resolve(scene: Scene, categories: dict[str, Category], elements: dict[str, Element]) -> Strip:
    single: dict[CategoryKind, Element] = {}
    cast: list[Element] = []
    grouped: dict[str, list[Element]] = {}
    for element_id in scene.element_ids:
        element = elements.get(element_id)
        if element is None:
            continue
        category = categories.get(element.category_id)
        if category is None:
            continue
        kind = category.kind
        if kind in STRUCTURAL_KINDS:
            single.setdefault(kind, element)  # USS: only the first one counts
            continue
        if kind is CategoryKind.CAST:
            cast.append(element)
        grouped.setdefault(category.id, []).append(element)
    int_ext_el = single.get(CategoryKind.INT_EXT)
    time_el = single.get(CategoryKind.TIME_OF_DAY)

    def name_of(kind: CategoryKind) -> str | None:
        element = single.get(kind)
        return element.name if element else None

    return Strip(
        scene=scene,
        int_ext=parse_int_ext(int_ext_el.name) if int_ext_el else None,
        set=single.get(CategoryKind.SET),
        time_of_day=time_el.name.upper() if time_el else None,
        location=single.get(CategoryKind.LOCATION),
        script_day=name_of(CategoryKind.SCRIPT_DAY),
        unit=name_of(CategoryKind.UNIT),
        sequence=name_of(CategoryKind.SEQUENCE),
        cast=tuple(sorted(cast, key=cast_sort_key)),
        elements=tuple((categories[cid], tuple(els)) for cid, els in grouped.items()),
    )

"""Build a production scene by scene, the way a breakdown is typed in.

Importers (screenplay, CSV), the demo and the synthetic generator all use this, so every
production made by daybreak has the same category layout: the preset categories, each
structural value (set, INT/EXT, day/night...) an element, one element per distinct name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from daybreak.domain.board import Board, BoardSection, StripGroup
from daybreak.domain.calendar import Calendar
from daybreak.domain.categories import Category, CategoryKind, category_presets
from daybreak.domain.elements import Element, Event, EventType
from daybreak.domain.ids import derived_id
from daybreak.domain.production import Production
from daybreak.domain.scenes import IntExt, Scene, SceneKind

# Category used for each kind when a builder call names a kind rather than a category.
_UCID_OF_KIND = {
    CategoryKind.SET: 0,
    CategoryKind.INT_EXT: 1,
    CategoryKind.TIME_OF_DAY: 2,
    CategoryKind.SCRIPT_DAY: 3,
    CategoryKind.UNIT: 4,
    CategoryKind.SEQUENCE: 5,
    CategoryKind.LOCATION: 6,
    CategoryKind.CAST: 100,
    CategoryKind.BACKGROUND: 101,
    CategoryKind.STUNTS: 102,
    CategoryKind.VEHICLES: 103,
    CategoryKind.PROPS: 104,
    CategoryKind.SFX: 105,
}


class ProductionBuilder:
    """Collects scenes and elements; ids are derived from names, so rebuilding is stable."""

    def __init__(
        self, name: str, *, production_id: str | None = None, created: datetime | None = None
    ):
        self.production = Production(
            id=production_id or derived_id("production", name),
            name=name,
            project=name,
            created=created,
        )
        self.auto_number_cast = True  # number cast in order of appearance when unnumbered
        self._categories: dict[str, Category] = {}
        self._elements: dict[tuple[str, str], Element] = {}
        for preset in category_presets():
            category = Category(
                id=derived_id(self.production.id, "category", str(preset.ucid)),
                name=preset.name,
                ucid=preset.ucid,
                color=preset.color,
                created=created,
            )
            self._categories[preset.name.lower()] = category
            self.production.categories.append(category)

    # -- categories and elements ------------------------------------------------------
    def category(self, name_or_kind: str | CategoryKind) -> Category:
        """A category by name (created on first use, ucid 1000+) or by scheduling kind."""
        if isinstance(name_or_kind, CategoryKind):
            ucid = _UCID_OF_KIND.get(name_or_kind, 125)
            return next(c for c in self.production.categories if c.ucid == ucid)
        key = name_or_kind.strip().lower()
        found = self._categories.get(key) or next(
            (
                c
                for c in self.production.categories
                if c.kind.value == key or c.name.lower().rstrip("s") == key.rstrip("s")
            ),
            None,
        )
        if found is not None:
            return found
        ucid = 1000 + len(self._categories)
        category = Category(
            id=derived_id(self.production.id, "category", key), name=name_or_kind.strip(), ucid=ucid
        )
        self._categories[key] = category
        self.production.categories.append(category)
        return category

    def element(self, category: str | CategoryKind, name: str, **fields: Any) -> Element:
        """The element of that name in that category (created once; fields update it)."""
        cat = self.category(category)
        key = (cat.id, " ".join(name.split()).upper())
        element = self._elements.get(key)
        if element is None:
            element = Element(
                id=derived_id(self.production.id, cat.id, key[1]),
                category_id=cat.id,
                name=" ".join(name.split()),
                **fields,
            )
            self._elements[key] = element
            self.production.elements.append(element)
        else:
            for field_name, value in fields.items():
                setattr(element, field_name, value)
        return element

    def cast(self, character: str, **fields: Any) -> Element:
        """A cast member; board ids are numbered in order of first appearance."""
        existing = self._elements.get(
            (self.category(CategoryKind.CAST).id, " ".join(character.split()).upper())
        )
        if existing is None and "board_id" not in fields and self.auto_number_cast:
            fields["board_id"] = str(len(self.production.elements_of(CategoryKind.CAST)) + 1)
        return self.element(CategoryKind.CAST, character, **fields)

    # -- scenes -----------------------------------------------------------------------
    def scene(
        self,
        number: str | None,
        *,
        set_name: str,
        int_ext: IntExt | str | None = None,
        time_of_day: str | None = None,
        eighths: int = 8,
        cast: Iterable[str] = (),
        location: str | None = None,
        script_day: str | None = None,
        elements: dict[str, Iterable[str]] | None = None,
        synopsis: str | None = None,
        scene_id: str | None = None,
        duration_minutes: float | None = None,
        **fields: Any,
    ) -> Scene:
        ids: list[str] = []
        if int_ext:
            ids.append(
                self.element(
                    CategoryKind.INT_EXT,
                    str(IntExt(int_ext).value) if isinstance(int_ext, IntExt) else int_ext,
                ).id
            )
        set_element = self.element(CategoryKind.SET, set_name)
        ids.append(set_element.id)
        if time_of_day:
            ids.append(self.element(CategoryKind.TIME_OF_DAY, time_of_day.upper()).id)
        if location:
            place = self.element(CategoryKind.LOCATION, location)
            ids.append(place.id)
            if set_element.location_id is None:
                set_element.location_id = place.id
        if script_day:
            ids.append(self.element(CategoryKind.SCRIPT_DAY, script_day).id)
        ids += [self.cast(name).id for name in cast]
        for category_name, names in (elements or {}).items():
            ids += [self.element(category_name, n).id for n in names]
        index = len(self.production.scenes)
        scene = Scene(
            id=scene_id or derived_id(self.production.id, "scene", str(index), number or ""),
            number=number,
            synopsis=synopsis,
            eighths=eighths,
            element_ids=list(dict.fromkeys(ids)),
            duration=None if duration_minutes is None else timedelta(minutes=duration_minutes),
            **fields,
        )
        self.production.scenes.append(scene)
        return scene

    def banner(self, text: str) -> Scene:
        scene = Scene(
            id=derived_id(self.production.id, "banner", str(len(self.production.scenes))),
            kind=SceneKind.BANNER,
            banner_text=text,
            eighths_known=False,
        )
        self.production.scenes.append(scene)
        return scene

    # -- calendars and boards ---------------------------------------------------------
    def calendar(
        self,
        name: str,
        start: date,
        *,
        days_off: Iterable[int] = (0, 6),
        holidays: Iterable[date] = (),
    ) -> Calendar:
        def event(kind: EventType, on: date, label: str | None) -> Event:
            when = datetime(on.year, on.month, on.day)
            return Event(
                id=derived_id(self.production.id, "event", name, on.isoformat(), kind.value),
                when=when,
                type=kind,
                name=label,
            )

        events = [event(EventType.START, start, None)]
        events += [event(EventType.EVENT, day, "holiday") for day in holidays]
        calendar = Calendar(
            id=derived_id(self.production.id, "calendar", name),
            name=name,
            days_off=list(days_off),
            events=events,
        )
        self.production.calendars.append(calendar)
        return calendar

    def script_order_board(
        self, name: str = "Script Order", calendar: Calendar | None = None
    ) -> Board:
        """A board with every strip in script order, not yet split into days."""
        board_id = derived_id(self.production.id, "board", name)
        strips = [s.id for s in self.production.scenes]
        board = Board(
            id=board_id,
            name=name,
            calendar_id=calendar.id if calendar else None,
            sections=[
                BoardSection(
                    id=derived_id(board_id, "stripboard"),
                    name="stripboard",
                    groups=[StripGroup(strips, is_day=False)],
                ),
                BoardSection(id=derived_id(board_id, "boneyard"), name="boneyard"),
            ],
        )
        self.production.boards.append(board)
        return board

    def build(self) -> Production:
        self.production.validate()
        return self.production

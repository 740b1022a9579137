"""The keys of each USS object (spec 1.0.0) and daybreak's own extension fields.

USS allows extra keys that start with `_`; daybreak writes its own fields (a performer's
rate, availability, rules, work rules...) under `_daybreak`, so a daybreak project
survives a trip through a .uss file.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from daybreak.domain import Element, Production, Scene

EXTENSION_KEY = "_daybreak"
# Internal marker (never written): a breakdown's exact `pages` when not whole eighths.
EXACT_PAGES = "__pages"

HEADER_KEYS = {
    "id",
    "author",
    "company",
    "created",
    "episode",
    "episodeName",
    "description",
    "name",
    "project",
    "schedColor",
    "schedDate",
    "scriptColor",
    "scriptDate",
    "season",
    "source",
    "ussVersion",
    "breakdowns",
    "categories",
    "elements",
    "stripboards",
    "calendars",
}
BREAKDOWN_KEYS = {
    "id",
    "bannerText",
    "comments",
    "created",
    "description",
    "elements",
    "pages",
    "scene",
    "scriptPage",
    "duration",
    "type",
}
CATEGORY_KEYS = {"id", "created", "name", "ucid"}
ELEMENT_KEYS = {
    "id",
    "category",
    "created",
    "daysOff",
    "dropDayCount",
    "elementId",
    "events",
    "isDood",
    "isDrop",
    "isHold",
    "isIdLock",
    "linkedElements",
    "name",
}
STRIPBOARD_KEYS = {"id", "boards", "calendar", "name"}
BOARD_KEYS = {"id", "name", "breakdownIds"}
CALENDAR_KEYS = {"id", "daysOff", "events", "name"}
EVENT_KEYS = {"id", "date", "type", "name"}

_PRODUCTION_OWN = ("rules", "work_rules", "costs", "shoot_log", "milestones", "aliases")
_ELEMENT_OWN = (
    "performer",
    "daily_rate",
    "travel_days",
    "max_drops",
    "address",
    "latitude",
    "longitude",
    "timezone",
    "daily_cost",
    "nearest_hospital",
    "location_id",
    "availability",
    "talent_id",
    "notes",
)
_SCENE_OWN = ("heading", "omitted", "eighths_reference", "source_line")


@cache
def production_extension_fields() -> dict[str, Any]:
    hints = typing.get_type_hints(Production)
    return {name: hints[name] for name in _PRODUCTION_OWN}


@cache
def element_extension_fields() -> dict[str, Any]:
    hints = typing.get_type_hints(Element)
    return {name: hints[name] for name in _ELEMENT_OWN}


@cache
def scene_extension_fields() -> dict[str, Any]:
    hints = typing.get_type_hints(Scene)
    return {name: hints[name] for name in _SCENE_OWN}

"""The domain model: plain dataclasses, no I/O. Validated once, at construction.

Everything a scene needs is an :class:`Element` in a :class:`Category` (USS style): cast,
props, and also the structural values (set, INT/EXT, time of day, script day, unit,
location). A :class:`Scene` lists element ids; :meth:`Production.strips` resolves them into
:class:`Strip` views. Locations and sets are distinct elements; a set may name the location
it is usually shot at (``Element.location_id``), and a scene's own location element wins.
"""

from daybreak.domain.board import Board, BoardSection, StripGroup
from daybreak.domain.calendar import Calendar
from daybreak.domain.categories import Category, CategoryKind, CategoryPreset, category_presets
from daybreak.domain.eighths import format_eighths, pages_to_eighths, parse_eighths
from daybreak.domain.elements import Availability, DateRange, Element, Event, EventType
from daybreak.domain.ids import derived_id, new_id
from daybreak.domain.production import Production, Strip, cast_sort_key
from daybreak.domain.rules import CostWeights, Rule, RuleKind, WorkRules
from daybreak.domain.scenes import (
    IntExt,
    Scene,
    SceneKind,
    is_night,
    parse_int_ext,
    scene_number_key,
)
from daybreak.domain.shoot import Milestone, MilestoneKind, ShootDay, ShotRecord, ShotStatus

__all__ = [
    "Availability",
    "Board",
    "BoardSection",
    "Calendar",
    "Category",
    "CategoryKind",
    "CategoryPreset",
    "CostWeights",
    "DateRange",
    "Element",
    "Event",
    "EventType",
    "IntExt",
    "Milestone",
    "MilestoneKind",
    "Production",
    "Rule",
    "RuleKind",
    "Scene",
    "SceneKind",
    "ShootDay",
    "ShotRecord",
    "ShotStatus",
    "Strip",
    "StripGroup",
    "WorkRules",
    "cast_sort_key",
    "category_presets",
    "derived_id",
    "format_eighths",
    "is_night",
    "new_id",
    "pages_to_eighths",
    "parse_eighths",
    "parse_int_ext",
    "scene_number_key",
]

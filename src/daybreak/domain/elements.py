"""Breakdown elements: cast members, sets, locations, props, vehicles... and their calendars.

Every breakdown item is an :class:`Element` in a :class:`~daybreak.domain.categories.Category`,
as in Movie Magic and the Universal Schedule Standard. Fields that only matter for some
categories (a performer's name and rate, a location's coordinates) are optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    """USS event types: the start of a calendar, a day off, or another event."""

    START = "start"
    DAY_OFF = "dayOff"
    EVENT = "event"


@dataclass(slots=True)
class Event:
    """A dated event of a calendar or an element (holiday, travel, rehearsal, fitting...)."""

    id: str
    when: datetime
    type: EventType
    name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def label(self) -> str:
        """The event's name in lower case (`holiday`, `travel`, `rehearsal`), or its type."""
        return (self.name or self.type.value).lower()


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of dates."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts ({self.start})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(slots=True)
class Availability:
    """When an element (a performer, a location, a picture car) can work.

    ``unavailable``: booked elsewhere on these dates. ``window``: available only inside it
    (a location permit). ``hard_outs``: on these dates, must be released by this time.
    """

    unavailable: list[DateRange] = field(default_factory=list)
    window: DateRange | None = None
    hard_outs: dict[date, time] = field(default_factory=dict)

    def is_available(self, day: date) -> bool:
        if self.window is not None and day not in self.window:
            return False
        return not any(day in blocked for blocked in self.unavailable)

    @property
    def is_empty(self) -> bool:
        return not self.unavailable and self.window is None and not self.hard_outs


@dataclass(slots=True)
class Element:
    """One breakdown element. For cast, ``name`` is the character and ``board_id`` the number.

    DOOD flags follow USS: ``is_dood`` (show on the Day Out of Days), ``allow_hold`` (hold
    days may be paid: USS isHold), ``allow_drop`` with ``drop_day_count`` (a drop and pick-up
    is allowed when the gap is longer than this many days: USS isDrop / dropDayCount).
    ``days_off`` are weekdays the element never works (0 = Sunday ... 6 = Saturday, USS).
    ``talent_id`` links a cast member or a location to its talent registry entry
    (:class:`~daybreak.domain.registry.RegistryEntry`), the same person or place in every
    production of the project.
    """

    id: str
    category_id: str
    name: str
    board_id: str | None = None
    created: datetime | None = None
    is_dood: bool = True
    allow_hold: bool = True
    allow_drop: bool = True
    drop_day_count: int = 10
    is_id_lock: bool = False
    days_off: list[int] = field(default_factory=list)
    events: list[Event] | None = field(default_factory=list)
    linked_element_ids: list[str] | None = field(default_factory=list)
    # Cast members
    performer: str | None = None
    daily_rate: float | None = None
    travel_days: int = 0
    max_drops: int = 1
    # Locations
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    timezone: str | None = None
    daily_cost: float | None = None
    nearest_hospital: str | None = None
    # Sets: the location a set is normally shot at (element id of a Location element)
    location_id: str | None = None
    availability: Availability = field(default_factory=Availability)
    talent_id: str | None = None
    notes: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("element id is empty")
        if not self.name.strip():
            raise ValueError(f"element {self.id}: name is empty")
        bad_days = [d for d in self.days_off if not 0 <= d <= 6]
        if bad_days:
            raise ValueError(f"element {self.name}: daysOff {bad_days} not in 0..6")
        if self.drop_day_count < 0:
            raise ValueError(f"element {self.name}: dropDayCount is negative")
        if self.daily_rate is not None and self.daily_rate < 0:
            raise ValueError(f"element {self.name}: daily rate is negative")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValueError(f"element {self.name}: latitude {self.latitude} not in -90..90")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValueError(f"element {self.name}: longitude {self.longitude} not in -180..180")

    @property
    def label(self) -> str:
        """`1. GEORGE` for a numbered cast member, else the name."""
        return f"{self.board_id}. {self.name}" if self.board_id else self.name

    def works_on(self, day: date) -> bool:
        """Whether the element may work on this date (weekday, dayOff events, availability)."""
        uss_weekday = (day.weekday() + 1) % 7
        if uss_weekday in self.days_off:
            return False
        for event in self.events or []:
            if event.type is EventType.DAY_OFF and event.day == day:
                return False
        return self.availability.is_available(day)

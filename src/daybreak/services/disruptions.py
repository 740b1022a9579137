"""What changes during a shoot, applied to a production: parsing and editing, no solving.

A performer or a location unavailable on dates, a location available again, a hiatus (a
calendar of its own for the new board, so older boards keep their dates), reshoot strips
(a new strip for an earlier scene) and remainder strips for partly shot scenes. The repair
and scenario services (:mod:`daybreak.services.repair`, :mod:`daybreak.services.scenarios`)
call these; every bad value raises a DaybreakError naming the option.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from daybreak.domain import (
    Calendar,
    CategoryKind,
    DateRange,
    Element,
    Event,
    EventType,
    Production,
    Scene,
    derived_id,
    format_eighths,
)
from daybreak.errors import DaybreakError

RESHOOT_KEY = "reshoot_of"
REMAINDER_KEY = "remainder_of"


@dataclass(frozen=True, slots=True)
class NamedDates:
    """``NAME:DATES`` from the command line: an element name and an inclusive range."""

    name: str
    dates: DateRange

    def __str__(self) -> str:
        return f"{self.name}: {describe(self.dates)}"


def describe(dates: DateRange) -> str:
    if dates.start == dates.end:
        return dates.start.isoformat()
    return f"{dates.start.isoformat()}..{dates.end.isoformat()}"


def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DaybreakError(f"{text!r} is not a date like 2027-09-06", where=option) from None


def parse_range(text: str, option: str) -> DateRange:
    """``2027-10-01..2027-10-12`` (inclusive) or a single date."""
    if ".." in text:
        first, last = text.split("..", 1)
    else:
        first = last = text
    start, end = parse_date(first, option), parse_date(last, option)
    if end < start:
        raise DaybreakError(f"{text!r} ends before it starts", where=option)
    return DateRange(start, end)


def parse_named(text: str, option: str) -> NamedDates:
    """``NAME:YYYY-MM-DD..YYYY-MM-DD``; the name may itself hold colons."""
    name, sep, dates = text.rpartition(":")
    if not sep or not name.strip():
        raise DaybreakError(
            f"{text!r}: write NAME:YYYY-MM-DD..YYYY-MM-DD (or NAME:YYYY-MM-DD)", where=option
        )
    return NamedDates(name.strip(), parse_range(dates, option))


def find_element(
    production: Production, name: str, kinds: tuple[CategoryKind, ...], option: str
) -> Element:
    """A cast member (by character, performer or board ID) or a location or set by name."""
    wanted = name.strip().lower()
    candidates = [e for kind in kinds for e in production.elements_of(kind)]
    for element in candidates:
        keys = {element.name.lower(), element.id, (element.performer or "").lower()}
        if element.board_id:
            keys.add(element.board_id.lower())
        if wanted in keys:
            return element
    names = ", ".join(sorted(e.name for e in candidates))
    what = " or ".join(k.value for k in kinds)
    raise DaybreakError(f"no {what} named {name!r}; known: {names}", where=option)


def after(dates: DateRange, frozen_until: date | None, option: str) -> DateRange:
    """The part of ``dates`` after the frozen (already shot) days; history cannot change."""
    if frozen_until is None or dates.start > frozen_until:
        return dates
    if dates.end <= frozen_until:
        raise DaybreakError(
            f"{describe(dates)} is already shot (frozen through {frozen_until})", where=option
        )
    return DateRange(frozen_until + timedelta(days=1), dates.end)


def make_unavailable(element: Element, dates: DateRange) -> None:
    element.availability.unavailable.append(dates)


def make_available(element: Element, dates: DateRange) -> None:
    """Free ``dates``: cut them out of the unavailable ranges and open the window there."""
    avail = element.availability
    blocked = list(avail.unavailable)
    if avail.window is not None:
        window = avail.window
        if window.start > date.min:
            blocked.append(DateRange(date.min, window.start - timedelta(days=1)))
        if window.end < date.max:
            blocked.append(DateRange(window.end + timedelta(days=1), date.max))
        avail.window = None
    kept: list[DateRange] = []
    for r in blocked:
        if r.end < dates.start or r.start > dates.end:
            kept.append(r)
            continue
        if r.start < dates.start:
            kept.append(DateRange(r.start, dates.start - timedelta(days=1)))
        if r.end > dates.end:
            kept.append(DateRange(dates.end + timedelta(days=1), r.end))
    avail.unavailable = kept


def hiatus_calendar(production: Production, calendar: Calendar, dates: DateRange) -> Calendar:
    """A copy of ``calendar`` with every date of ``dates`` a hiatus (no shooting), added to
    the production: the boards on the old calendar keep their dates."""
    events = list(copy.deepcopy(calendar.events))
    day = dates.start
    while day <= dates.end:
        events.append(
            Event(
                id=derived_id(calendar.id, "hiatus", day.isoformat()),
                when=datetime(day.year, day.month, day.day),
                type=EventType.EVENT,
                name="hiatus",
            )
        )
        day += timedelta(days=1)
    new = Calendar(
        id=derived_id(calendar.id, "hiatus", describe(dates)),
        name=f"{calendar.name} + hiatus {describe(dates)}",
        days_off=list(calendar.days_off),
        events=events,
        non_shooting=calendar.non_shooting,
        extra=copy.deepcopy(calendar.extra),
    )
    if all(c.id != new.id for c in production.calendars):
        production.calendars.append(new)
    return production.calendar(new.id)


def _free_number(production: Production, base: str) -> str:
    numbers = {s.number for s in production.scenes}
    if base not in numbers:
        return base
    n = 2
    while f"{base}{n}" in numbers:
        n += 1
    return f"{base}{n}"


def reshoot_strip(production: Production, scene: Scene) -> Scene:
    """A new strip to shoot ``scene`` again: same breakdown and length, number ``12R``."""
    strip = Scene(
        id=derived_id(scene.id, "reshoot", str(len(production.scenes))),
        number=_free_number(production, f"{scene.number or scene.label}R"),
        synopsis=f"Reshoot of {scene.label}" + (f": {scene.synopsis}" if scene.synopsis else ""),
        script_page=scene.script_page,
        eighths=scene.eighths,
        duration=scene.duration,
        element_ids=list(scene.element_ids),
        heading=scene.heading,
        extra={RESHOOT_KEY: scene.id},
    )
    production.scenes.append(strip)
    return strip


def remainder_strip(production: Production, scene: Scene, done: int, day_number: int) -> Scene:
    """The rest of a partly shot scene as its own strip (once per scene and day)."""
    strip_id = derived_id(scene.id, "remainder", str(day_number))
    for existing in production.scenes:
        if existing.id == strip_id:
            return existing
    left = max(1, scene.eighths - done)
    strip = Scene(
        id=strip_id,
        number=_free_number(production, f"{scene.number or scene.label}PT"),
        synopsis=f"Rest of {scene.label} ({format_eighths(left)} pgs after day {day_number})",
        eighths=left,
        element_ids=list(scene.element_ids),
        heading=scene.heading,
        extra={REMAINDER_KEY: scene.id},
    )
    production.scenes.append(strip)
    return strip

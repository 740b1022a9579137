"""Production calendars: start date, weekly days off, holidays and other dated events."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from daybreak.domain.elements import Event, EventType

# Calendar events that take a date out of shooting. USS names: holiday, dayOff; the sample
# calls company travel `doodTravel`. A preset; change it per production in `non_shooting`.
DEFAULT_NON_SHOOTING = ("holiday", "dayoff", "travel", "doodtravel", "hiatus", "rehearsal")


def uss_weekday(day: date) -> int:
    """USS weekday numbering: 0 = Sunday ... 6 = Saturday."""
    return (day.weekday() + 1) % 7


@dataclass(slots=True)
class Calendar:
    """Start date, weekdays off (USS numbering, 0 = Sunday) and dated events."""

    id: str
    name: str
    days_off: list[int] = field(default_factory=lambda: [0, 6])
    events: list[Event] = field(default_factory=list)
    non_shooting: tuple[str, ...] = DEFAULT_NON_SHOOTING
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        bad = [d for d in self.days_off if not 0 <= d <= 6]
        if bad:
            raise ValueError(f"calendar {self.name}: daysOff {bad} not in 0..6")
        if len(set(self.days_off)) == 7:
            raise ValueError(f"calendar {self.name}: every weekday is a day off")
        starts = [e for e in self.events if e.type is EventType.START]
        if len(starts) > 1:
            raise ValueError(f"calendar {self.name}: more than one start event")

    @property
    def start(self) -> date | None:
        return next((e.day for e in self.events if e.type is EventType.START), None)

    def blocked_dates(self) -> dict[date, str]:
        """Dates taken out of shooting by an event, with the event's label."""
        blocked: dict[date, str] = {}
        for event in self.events:
            if event.type is EventType.DAY_OFF or event.label in self.non_shooting:
                blocked[event.day] = event.label
        return blocked

    def is_shoot_day(self, day: date) -> bool:
        return uss_weekday(day) not in self.days_off and day not in self.blocked_dates()

    def shoot_dates(self, count: int, start: date | None = None) -> list[date]:
        """The first `count` shooting dates from the start (or `start`)."""
        return list(_take(self.iter_shoot_dates(start), count))

    def iter_shoot_dates(self, start: date | None = None) -> Iterator[date]:
        first = start or self.start
        if first is None:
            raise ValueError(f"calendar {self.name} has no start date")
        blocked = self.blocked_dates()
        day = first
        while True:
            if uss_weekday(day) not in self.days_off and day not in blocked:
                yield day
            day += timedelta(days=1)


def _take(items: Iterator[date], count: int) -> Iterator[date]:
    for _, item in zip(range(count), items, strict=False):
        yield item

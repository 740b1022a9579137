"""NORTHBOUND, the demo production, carries every part of our users' story."""

from __future__ import annotations

from datetime import date

from daybreak.domain import CategoryKind, RuleKind
from daybreak.services.demo_production import northbound


def test_the_story_is_in_the_data() -> None:
    """Stunt pinned to day 1 in Norway (September permit), a booked actor, lodging, nights."""
    production = northbound()
    strips = production.strips()
    pin = next(r for r in production.rules if r.kind is RuleKind.PIN_DAY)
    stunt = strips[pin.scene_ids[0]]
    assert pin.day == 1 and stunt.location is not None
    assert stunt.location.availability.window is not None
    assert stunt.location.availability.window.start == date(2027, 9, 1)
    assert any(c.name == "Stunts" for c, _ in stunt.elements)
    marc = next(c for c in production.cast if c.name == "MARC DELAUNAY")
    assert not marc.works_on(date(2027, 9, 13)) and marc.works_on(date(2027, 9, 27))
    train = [s for s in strips.values() if s.set_name == "ORIENT TRAIN - CARRIAGE"]
    script_days = sorted(int(s.script_day or 0) for s in train)
    assert script_days[0] <= 2 and script_days[-1] >= 6  # visited early and again late
    camp = next(
        e
        for e in production.elements_of(CategoryKind.LOCATION)
        if e.name.startswith("Preikestolen")
    )
    assert camp.daily_cost and camp.daily_cost > 0
    paris_nights = [
        s
        for s in strips.values()
        if s.is_night
        and s.int_ext is not None
        and s.int_ext.value == "EXT"
        and s.location is not None
        and s.location.name.startswith("Paris")
    ]
    assert len(paris_nights) >= 3
    calendar = production.calendars[0]
    assert calendar.start == date(2027, 9, 6)

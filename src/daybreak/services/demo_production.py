"""The demo's own production, NORTHBOUND, read from `daybreak/data/demo/northbound.toml`.

The file tells our users' story (see its header); this module turns it into a domain
Production with the builder: cast with rates and bookings, locations with coordinates,
permits and lodging costs, sets on locations, scenes with their elements, a pinned stunt.
"""

from __future__ import annotations

import tomllib
from datetime import date, time
from importlib import resources
from typing import Any

from daybreak.domain import (
    Availability,
    CategoryKind,
    CostWeights,
    DateRange,
    Production,
    Rule,
    RuleKind,
    WorkRules,
)
from daybreak.domain.builder import ProductionBuilder
from daybreak.domain.ids import derived_id

_ELEMENT_KEYS = {
    "background": "Background Actors",
    "props": "Props",
    "stunts": "Stunts",
    "vehicles": "Vehicles",
    "sfx": "Special Effects",
}


def northbound() -> Production:
    """The NORTHBOUND production with a script-order board on its calendar."""
    text = resources.files("daybreak.data").joinpath("demo/northbound.toml").read_text("utf-8")
    return production_from_toml(tomllib.loads(text))


def production_from_toml(data: dict[str, Any]) -> Production:
    head = data["production"]
    builder = ProductionBuilder(head["name"])
    production = builder.production
    production.company = head.get("company")
    production.author = head.get("author")
    production.script_color = head.get("script_color")
    production.work_rules = WorkRules(**data.get("work_rules", {}))
    production.costs = CostWeights(**data.get("costs", {}))
    cast_names = {}
    for member in data.get("cast", []):
        element = builder.cast(
            member["character"],
            board_id=member["id"],
            performer=member.get("performer"),
            daily_rate=member.get("rate"),
            travel_days=member.get("travel_days", 0),
            availability=Availability(
                unavailable=[DateRange(a, b) for a, b in member.get("unavailable", [])],
                hard_outs={day: time.fromisoformat(at) for day, at in member.get("hard_out", [])},
            ),
        )
        cast_names[member["id"]] = element.name
    for place in data.get("locations", []):
        window = place.get("window")
        builder.element(
            CategoryKind.LOCATION,
            place["name"],
            latitude=place.get("latitude"),
            longitude=place.get("longitude"),
            timezone=place.get("timezone"),
            daily_cost=place.get("daily_cost"),
            nearest_hospital=place.get("nearest_hospital"),
            availability=Availability(window=DateRange(*window) if window else None),
        )
    set_locations = {s["name"]: s["location"] for s in data.get("sets", [])}
    pins: list[tuple[str, int]] = []
    for row in data["scenes"]:
        scene = builder.scene(
            row["n"],
            set_name=row["set"],
            int_ext=row["ie"],
            time_of_day=row["tod"],
            eighths=row["e"],
            cast=[cast_names[c] for c in row.get("cast", [])],
            location=set_locations.get(row["set"]),
            script_day=row.get("script_day"),
            synopsis=row.get("synopsis"),
            elements={category: row[key] for key, category in _ELEMENT_KEYS.items() if key in row},
        )
        if "pin_day" in row:
            pins.append((scene.id, row["pin_day"]))
    production.rules = [
        Rule(
            id=derived_id(production.id, "pin", scene_id),
            kind=RuleKind.PIN_DAY,
            scene_ids=[scene_id],
            day=day,
            note="the director opens the shoot with the stunt",
        )
        for scene_id, day in pins
    ]
    cal = data["calendar"]
    calendar = builder.calendar(
        cal["name"],
        _day(cal["start"]),
        days_off=cal.get("days_off", [0, 6]),
        holidays=[_day(d) for d in cal.get("holidays", [])],
    )
    builder.script_order_board(calendar=calendar)
    return builder.build()


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))

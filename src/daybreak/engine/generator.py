"""Seeded synthetic productions for tests and benchmarks (every rule kind, always feasible).

A hidden "planted" schedule is drawn first (scenes packed by working pattern, location and
set, day work before night work); every rule, availability window and day off is then
drawn so that the planted schedule honours it. The production therefore always has a
feasible schedule, and its size is that of a feature (``"feature"``: about 120 scenes,
25 cast, 40 days) or a tentpole (``"tentpole"``: 420 scenes, 64 cast, 110 days).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from daybreak.domain import (
    Availability,
    Board,
    BoardSection,
    Calendar,
    Category,
    CostWeights,
    DateRange,
    Element,
    Event,
    EventType,
    Production,
    Rule,
    RuleKind,
    Scene,
    StripGroup,
    WorkRules,
)
from daybreak.domain.calendar import uss_weekday


@dataclass(frozen=True, slots=True)
class GeneratorSize:
    """How big a production to generate."""

    scenes: int
    cast: int
    days: int
    locations: int
    sets: int
    eighths_per_day: int = 40


SIZES = {
    "tiny": GeneratorSize(scenes=12, cast=5, days=6, locations=2, sets=5, eighths_per_day=24),
    "small": GeneratorSize(scenes=30, cast=8, days=12, locations=4, sets=10),
    "feature": GeneratorSize(scenes=120, cast=25, days=40, locations=12, sets=40),
    "tentpole": GeneratorSize(scenes=420, cast=64, days=110, locations=30, sets=120),
}

START = date(2027, 3, 1)  # a Monday


def generate_production(size: str | GeneratorSize = "feature", *, seed: int = 0) -> Production:
    """A synthetic production with a board named ``"Generated"`` (and a boneyard)."""
    spec = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    cats = [
        Category("cat-set", "Set", 0),
        Category("cat-ie", "INT/EXT", 1),
        Category("cat-dn", "Day/Night", 2),
        Category("cat-loc", "Location", 6),
        Category("cat-cast", "Cast", 100),
        Category("cat-veh", "Vehicles", 103),
        Category("cat-props", "Props", 104),
    ]
    elements: list[Element] = [
        Element("ie-int", "cat-ie", "INT"),
        Element("ie-ext", "cat-ie", "EXT"),
        Element("dn-day", "cat-dn", "DAY"),
        Element("dn-night", "cat-dn", "NIGHT"),
    ]
    locations = [
        Element(
            f"loc{i}",
            "cat-loc",
            f"LOCATION {i + 1}",
            daily_cost=float(rng.choice([0, 0, 0, 1500, 4000])),
            latitude=round(rng.uniform(40, 60), 4),
            longitude=round(rng.uniform(-10, 20), 4),
        )
        for i in range(spec.locations)
    ]
    sets = [
        Element(f"set{i}", "cat-set", f"SET {i + 1}", location_id=locations[i % spec.locations].id)
        for i in range(spec.sets)
    ]
    set_night = [rng.random() < 0.3 for _ in sets]
    cast = []
    for i in range(spec.cast):
        lead = i < 3
        cast.append(
            Element(
                f"cast{i}",
                "cat-cast",
                f"ROLE {i + 1}",
                board_id=str(i + 1),
                performer=f"Performer {i + 1}",
                daily_rate=float(rng.choice([800, 1200, 2500, 5000]) * (4 if lead else 1)),
                travel_days=1 if rng.random() < 0.15 else 0,
                allow_drop=rng.random() < 0.5,
                drop_day_count=10,
            )
        )
    props = [Element(f"prop{i}", "cat-props", f"PROP {i + 1}") for i in range(4)]
    vehicles = [Element(f"veh{i}", "cat-veh", f"CAR {i + 1}") for i in range(2)]

    # scenes
    weights = [1.0 / (k + 1) ** 0.8 for k in range(spec.cast)]
    scenes: list[Scene] = []
    scene_set: list[int] = []
    scene_cast: list[list[int]] = []
    for i in range(spec.scenes):
        s = (
            min(int(rng.paretovariate(1.2)) - 1, spec.sets - 1)
            if rng.random() < 0.5
            else rng.randrange(spec.sets)
        )
        night = set_night[s] if rng.random() < 0.9 else not set_night[s]
        members = {0} if rng.random() < 0.6 else set()
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            members.add(rng.choices(range(spec.cast), weights)[0])
        eighths = max(1, min(spec.eighths_per_day - 4, int(rng.lognormvariate(1.8, 0.6))))
        element_ids = [
            sets[s].id,
            rng.choice(["ie-int", "ie-ext"]),
            "dn-night" if night else "dn-day",
            *(cast[c].id for c in sorted(members)),
        ]
        if rng.random() < 0.1:
            element_ids.append(rng.choice(props).id)
        if rng.random() < 0.05:
            element_ids.append(rng.choice(vehicles).id)
        scenes.append(
            Scene(
                id=f"sc{i + 1}",
                number=str(i + 1),
                eighths=eighths,
                element_ids=element_ids,
                duration=timedelta(minutes=eighths * 7) if rng.random() < 0.2 else None,
                synopsis=f"Synthetic scene {i + 1}",
            )
        )
        scene_set.append(s)
        scene_cast.append(sorted(members))

    # the planted schedule: day work then night work, by location and set
    cap = spec.eighths_per_day
    order = sorted(
        range(spec.scenes),
        key=lambda i: (
            "dn-night" in scenes[i].element_ids,
            sets[scene_set[i]].location_id or "",
            scene_set[i],
        ),
    )
    planted: list[list[int]] = [[]]
    load = 0
    for i in order:
        day = planted[-1]
        night = "dn-night" in scenes[i].element_ids
        prev_night = bool(day) and "dn-night" in scenes[day[-1]].element_ids
        day_locs = {sets[scene_set[j]].location_id for j in day}
        new_loc = sets[scene_set[i]].location_id not in day_locs
        if day and (
            load + scenes[i].eighths > cap
            or night != prev_night
            or (new_loc and len(day_locs) >= 2)
        ):
            planted.append([])
            load = 0
        planted[-1].append(i)
        load += scenes[i].eighths
    n_days = max(spec.days, len(planted) + 2)
    calendar = Calendar(
        id="cal",
        name="Main unit",
        events=[
            Event("start", datetime.combine(START, time(7)), EventType.START),
            Event(
                "hol",
                datetime.combine(START + timedelta(days=18), time(7)),
                EventType.EVENT,
                "holiday",
            ),
        ],
    )
    dates = calendar.shoot_dates(n_days)
    # spread the planted days over the calendar, keeping night work after a weekend
    day_of_scene: dict[int, int] = {}
    gap = n_days - len(planted)
    index = 0
    for k, day in enumerate(planted):
        if gap > 0 and rng.random() < gap / max(1, len(planted) - k):
            index += 1
            gap -= 1
        for i in day:
            day_of_scene[i] = index
        index += 1

    def work_dates(member: int) -> set[date]:
        return {dates[day_of_scene[i]] for i in range(spec.scenes) if member in scene_cast[i]}

    # availability drawn around the planted schedule
    for c in range(spec.cast):
        worked = work_dates(c)
        if not worked or rng.random() > 0.35:
            continue
        free = [d for d in dates if d not in worked]
        if free:
            d0 = rng.choice(free)
            d1 = d0
            while (
                d1 + timedelta(days=1) in dates
                and d1 + timedelta(days=1) not in worked
                and (d1 - d0).days < 4
            ):
                d1 += timedelta(days=1)
            cast[c].availability = Availability(unavailable=[DateRange(d0, d1)])
        weekdays = {uss_weekday(d) for d in worked}
        spare = [w for w in range(1, 6) if w not in weekdays]
        if spare and rng.random() < 0.5:
            cast[c].days_off = [rng.choice(spare)]
        if rng.random() < 0.3:
            cast[c].availability.hard_outs = {min(worked): time(18)}
        off = [d for d in dates if d not in worked]
        if off and rng.random() < 0.3:
            cast[c].events = [
                Event(f"off{c}", datetime.combine(rng.choice(off), time(7)), EventType.DAY_OFF)
            ]
    for loc in locations:
        used = [
            dates[day_of_scene[i]]
            for i in range(spec.scenes)
            if sets[scene_set[i]].location_id == loc.id
        ]
        if used and rng.random() < 0.4:
            loc.availability = Availability(
                window=DateRange(
                    min(used) - timedelta(days=rng.randint(0, 5)),
                    max(used) + timedelta(days=rng.randint(0, 5)),
                )
            )
    for element in props + vehicles:
        needed = {
            dates[day_of_scene[i]]
            for i in range(spec.scenes)
            if element.id in scenes[i].element_ids
        }
        free = [d for d in dates if d not in needed]
        if free:
            d0 = rng.choice(free)
            element.availability = Availability(unavailable=[DateRange(d0, d0)])

    # rules honoured by the planted schedule
    rules: list[Rule] = []
    ids = [s.id for s in scenes]
    boneyard_ids = ids[-2:] if spec.scenes > 10 else []
    placeable = [i for i in range(spec.scenes) if ids[i] not in boneyard_ids]
    pick = rng.sample(placeable, min(len(placeable), 12))
    a, b, c_, d_ = pick[:4]
    early = min(placeable, key=lambda i: (day_of_scene[i], rng.random()))
    late = max(placeable, key=lambda i: (day_of_scene[i], rng.random()))
    e_, f_ = (early, late) if rng.random() < 0.5 else (pick[4], pick[5])
    rules.append(
        Rule("r-pin-day", RuleKind.PIN_DAY, [ids[a]], day=day_of_scene[a] + 1, note="stunt opens")
    )
    rules.append(Rule("r-pin-date", RuleKind.PIN_DATE, [ids[b]], on=dates[day_of_scene[b]]))
    rules.append(
        Rule(
            "r-not-before",
            RuleKind.NOT_BEFORE,
            [ids[c_]],
            on=dates[max(0, day_of_scene[c_] - rng.randint(0, 6))],
        )
    )
    rules.append(
        Rule(
            "r-not-after",
            RuleKind.NOT_AFTER,
            [ids[d_]],
            on=dates[min(n_days - 1, day_of_scene[d_] + rng.randint(0, 6))],
        )
    )
    first, second = sorted((e_, f_), key=lambda i: day_of_scene[i])
    if day_of_scene[first] == day_of_scene[second]:
        first, second = early, late
    if day_of_scene[first] < day_of_scene[second]:
        rules.append(Rule("r-before", RuleKind.BEFORE, [ids[first], ids[second]]))
    multi = [
        day for day in planted if len(day) >= 3 and not {ids[i] for i in day} & set(boneyard_ids)
    ]
    if multi:
        day = rng.choice(multi)
        rules.append(Rule("r-same-day", RuleKind.SAME_DAY, [ids[day[0]], ids[day[-1]]]))
        day2 = rng.choice(multi)
        pair = [day2[1], day2[2]] if day2 is not day else [day2[0], day2[1]]
        if len(day2) >= 3:
            rules.append(Rule("r-keep", RuleKind.KEEP_TOGETHER, [ids[pair[0]], ids[pair[1]]]))

    placed = [i for i in ids if i not in boneyard_ids]
    board = Board(
        id="board-generated",
        name="Generated",
        calendar_id=calendar.id,
        sections=[
            BoardSection("main", "stripboard", [StripGroup(placed, is_day=False)]),
            BoardSection("boneyard", "boneyard", [StripGroup(boneyard_ids, is_day=False)]),
        ],
    )
    # rules must not name boneyard scenes (they are not scheduled)
    rules = [r for r in rules if not set(r.scene_ids) & set(boneyard_ids)]
    return Production(
        id=f"generated-{seed}",
        name=f"Synthetic {size if isinstance(size, str) else 'custom'} {seed}",
        categories=cats,
        elements=[*elements, *locations, *sets, *cast, *props, *vehicles],
        scenes=scenes,
        boards=[board],
        calendars=[calendar],
        rules=rules,
        work_rules=WorkRules(max_eighths_per_day=cap, max_days=n_days),
        costs=CostWeights(),
    )

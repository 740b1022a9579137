"""Two small films sharing three performers (and one location), for the cross-production tests.

RIVER shoots from Monday 2027-03-01, HARBOR from Wednesday 2027-03-03 (weekends off), so
their boards overlap. Ana Ruiz, Ben Okafor and Chloe Marsh act in both; each film also has
a performer of its own. Both shoot at "Old Pier". The independent counters at the end read
only board days, calendar dates and scene cast — no daybreak service or engine code.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from daybreak.domain import Board, BoardSection, Production, StripGroup, WorkRules
from daybreak.domain.builder import ProductionBuilder

SHARED = ("Ana Ruiz", "Ben Okafor", "Chloe Marsh")
TRAVEL = {"Chloe Marsh": 1}  # calendar days of travel before the first and after the last day

# (scene, set, cast) — characters map to performers below.
RIVER_SCENES = [
    ("1", "DOCK", ["MAYA", "TOM"]),
    ("2", "DOCK", ["MAYA"]),
    ("3", "BOAT", ["TOM", "LEO"]),
    ("4", "BOAT", ["IRIS"]),
    ("5", "CABIN", ["MAYA", "IRIS"]),
    ("6", "CABIN", ["LEO"]),
    ("7", "DOCK", ["TOM"]),
    ("8", "BOAT", ["LEO", "MAYA"]),
]
RIVER_CAST = {"MAYA": "Ana Ruiz", "TOM": "Ben Okafor", "IRIS": "Chloe Marsh", "LEO": "Dan Wu"}
HARBOR_SCENES = [
    ("1", "QUAY", ["ELENA", "NINA"]),
    ("2", "QUAY", ["CAPTAIN"]),
    ("3", "OFFICE", ["DOCTOR", "ELENA"]),
    ("4", "OFFICE", ["NINA"]),
    ("5", "QUAY", ["CAPTAIN", "DOCTOR"]),
    ("6", "WAREHOUSE", ["NINA"]),
    ("7", "WAREHOUSE", ["ELENA"]),
    ("8", "OFFICE", ["CAPTAIN", "NINA"]),
]
HARBOR_CAST = {
    "ELENA": "Ana Ruiz",
    "CAPTAIN": "Ben Okafor",
    "DOCTOR": "Chloe Marsh",
    "NINA": "Eve Stone",
}
PIER_SETS = {"DOCK", "QUAY"}


def film(
    name: str,
    scenes: list[tuple[str, str, list[str]]],
    cast: dict[str, str],
    start: date,
    days: list[list[str]],
) -> Production:
    """A film with a dated board "Shoot" whose days hold the scene numbers given."""
    builder = ProductionBuilder(name)
    production = builder.production
    production.work_rules = WorkRules(max_eighths_per_day=16)
    for character, performer in cast.items():
        builder.cast(
            character,
            performer=performer,
            daily_rate=1000.0,
            allow_drop=False,
            travel_days=TRAVEL.get(performer, 0),
        )
    by_number = {}
    for number, set_name, members in scenes:
        location = "Old Pier" if set_name in PIER_SETS else f"{name} Studio"
        scene = builder.scene(
            number,
            set_name=set_name,
            int_ext="EXT",
            time_of_day="DAY",
            eighths=8,
            cast=members,
            location=location,
        )
        by_number[number] = scene.id
    calendar = builder.calendar("Main", start)
    builder.script_order_board(calendar=calendar)
    production.boards.append(
        Board(
            id=f"{production.id[:16]}shoot000",
            name="Shoot",
            calendar_id=calendar.id,
            sections=[
                BoardSection(
                    "s1", "stripboard", [StripGroup([by_number[n] for n in d], True) for d in days]
                ),
                BoardSection("s2", "boneyard"),
            ],
        )
    )
    return builder.build()


def river() -> Production:
    days = [["1", "2"], ["3", "4"], ["5", "6"], ["7"], ["8"]]
    return film("RIVER", RIVER_SCENES, RIVER_CAST, date(2027, 3, 1), days)


def harbor() -> Production:
    days = [["3"], ["1", "2"], ["4", "5"], ["6", "7"], ["8"]]
    return film("HARBOR", HARBOR_SCENES, HARBOR_CAST, date(2027, 3, 3), days)


def project(path: Path | None = None, db: str | None = None) -> None:
    """Save both films into a project file (or database URL)."""
    from daybreak.store import Store

    with Store.open(path, db=db, create=True) as store:
        store.save(river())
        store.save(harbor())


# -- independent counting (no daybreak service or engine code) --------------------------


def shoot_dates(start: date, count: int) -> list[date]:
    """The first `count` weekdays from `start` (the films' calendars: weekends off)."""
    found: list[date] = []
    day = start
    while len(found) < count:
        if day.weekday() < 5:
            found.append(day)
        day += timedelta(days=1)
    return found


def performer_booked(production: Production, board: Board, performer: str) -> set[date]:
    """Dates paid on the board: every shoot date from first to last work day (no drops in
    these films) plus the travel days around them."""
    element_ids = {e.id for e in production.elements if e.performer == performer}
    start = production.calendars[0].start
    assert start is not None
    dates = shoot_dates(start, len(board.days))
    scenes = {s.id: s for s in production.scenes}
    work = [
        i
        for i, day in enumerate(board.days)
        if any(element_ids & set(scenes[sid].element_ids) for sid in day)
    ]
    if not work:
        return set()
    booked = set(dates[work[0] : work[-1] + 1])
    for k in range(1, TRAVEL.get(performer, 0) + 1):
        booked |= {dates[work[0]] - timedelta(days=k), dates[work[-1]] + timedelta(days=k)}
    return booked


def expected_overlaps(
    a: Production, a_board: Board, b: Production, b_board: Board
) -> dict[str, set[date]]:
    """Performer -> dates both boards book them (only performers that clash)."""
    found: dict[str, set[date]] = {}
    for performer in SHARED:
        both = performer_booked(a, a_board, performer) & performer_booked(b, b_board, performer)
        if both:
            found[performer] = both
    return found

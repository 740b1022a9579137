"""A small production, hand-checked, for the report tests.

Calendar: weekends off, start Thu 2026-09-03, holiday Mon 2026-09-07 (Labor Day). Six
shoot days: Thu 3, Fri 4, Tue 8, Wed 9, Thu 10, Fri 11 September 2026.

=====  ==========================  =====  =======  =========================================
Day    Scenes                      Pages  Cast     By hand
=====  ==========================  =====  =======  =========================================
1      1 INT KITCHEN D, 2 EXT PORCH  1 7/8  1,2 / 1  ANNA SW, BEN SW, CARL T (travel event)
2      3 EXT STREET N                2      1,3      ANNA W, BEN D (dropped), CARL SW
3      4 INT DINER N                 1      2        ANNA H, BEN PU, CARL D (never held)
4      5 EXT FIELD DAWN              6/8    1        ANNA W, BEN H, CARL D
5      6 EXT FIELD DUSK              1 1/8  1,2,3    ANNA W, BEN W, CARL WF
6      7 INT KITCHEN D               3/8    1,2      ANNA WF, BEN WF, CARL R (rehearsal event)
=====  ==========================  =====  =======  =========================================

ANNA: work 5, hold 1, paid 6. BEN (drops allowed for any gap, dropDayCount 0, at most one
drop: the first of two equal one-day gaps): work 4, hold 1, drop 1, paid 5. CARL (no holds,
isHold false): work 2, hold 0, paid 2. The holiday column shows HOL for ANNA only (W before,
H after). Miller Farm has coordinates (Los Angeles), so day 4 and 5 call sheets show sunrise
and sunset; Stage 2 has none, so day 1 shows them blank. Day 4 has entered call times.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from daybreak.domain import Board, BoardSection, CategoryKind, Event, EventType, StripGroup
from daybreak.domain.builder import ProductionBuilder
from daybreak.domain.production import Production


def tiny_production() -> Production:
    """The hand-checked production described in this module's docstring."""
    b = ProductionBuilder("Tiny Feature", created=datetime(2026, 8, 1))
    b.production.company = "Daybreak Pictures"
    calendar = b.calendar("Main", date(2026, 9, 3), holidays=[date(2026, 9, 7)])
    b.cast("ANNA", board_id="1", performer="Ada Lane", daily_rate=2000.0)
    b.cast("BEN", board_id="2", performer="Ben Okafor", drop_day_count=0)
    b.cast(
        "CARL",
        board_id="3",
        performer="Carla Ruiz",
        allow_hold=False,
        events=[
            Event("ev-t", datetime(2026, 9, 3), EventType.EVENT, "travel"),
            Event("ev-r", datetime(2026, 9, 11), EventType.EVENT, "rehearsal"),
        ],
    )
    farm = b.element(
        CategoryKind.LOCATION,
        "Miller Farm",
        latitude=34.05,
        longitude=-118.25,
        timezone="America/Los_Angeles",
        address="1200 Valley Rd, Los Angeles, CA",
        nearest_hospital="County General, 500 Main St",
    )
    assert farm.latitude is not None
    s1 = b.scene(
        "1",
        set_name="HOUSE - KITCHEN",
        int_ext="INT",
        time_of_day="DAY",
        eighths=11,
        cast=["ANNA", "BEN"],
        location="Stage 2",
        synopsis="Anna tells Ben she is leaving",
        elements={"Props": ["Coffee pot"]},
    )
    s2 = b.scene(
        "2",
        set_name="HOUSE - PORCH",
        int_ext="EXT",
        time_of_day="DAY",
        eighths=4,
        cast=["ANNA"],
        location="Stage 2",
        synopsis="Anna waits for the bus",
    )
    s3 = b.scene(
        "3",
        set_name="MAIN STREET",
        int_ext="EXT",
        time_of_day="NIGHT",
        eighths=16,
        cast=["ANNA", "CARL"],
        synopsis="Carl offers Anna a ride",
        elements={"Vehicles": ["Pickup truck"], "Props": ["Lantern"]},
    )
    s4 = b.scene(
        "4",
        set_name="DINER",
        int_ext="INT",
        time_of_day="NIGHT",
        eighths=8,
        cast=["BEN"],
        synopsis="Ben drinks alone",
        elements={"Background": ["Diner patrons"]},
    )
    banner = b.banner("Company move to Miller Farm")
    s5 = b.scene(
        "5",
        set_name="FIELD",
        int_ext="EXT",
        time_of_day="DAWN",
        eighths=6,
        cast=["ANNA"],
        location="Miller Farm",
        synopsis="Anna walks into the wheat",
        elements={"Props": ["Lantern"]},
    )
    s6 = b.scene(
        "6",
        set_name="FIELD",
        int_ext="EXT",
        time_of_day="DUSK",
        eighths=9,
        cast=["ANNA", "BEN", "CARL"],
        location="Miller Farm",
        synopsis="The three meet at sundown",
        elements={"Special Effects": ["Smoke"]},
    )
    s7 = b.scene(
        "7",
        set_name="HOUSE - KITCHEN",
        int_ext="INT",
        time_of_day="DAY",
        eighths=3,
        cast=["ANNA", "BEN"],
        location="Stage 2",
        synopsis="Breakfast, at last",
    )
    days = [[s1.id, s2.id], [s3.id], [s4.id], [banner.id, s5.id], [s6.id], [s7.id]]
    board = Board(
        id="board-tiny",
        name="Shooting Board",
        calendar_id=calendar.id,
        sections=[
            BoardSection(
                id="sec-main",
                name="stripboard",
                groups=[StripGroup(d, is_day=True) for d in days],
            ),
            BoardSection(id="sec-boneyard", name="boneyard"),
        ],
        extra={
            "call_sheets": {
                "4": {
                    "crew_call": "05:30",
                    "shooting_call": "06:30",
                    "cast": {"1": {"pickup": "04:45", "makeup": "05:00", "on_set": "06:15"}},
                }
            }
        },
    )
    b.production.boards.append(board)
    return b.build()


@pytest.fixture
def tiny() -> Production:
    return tiny_production()

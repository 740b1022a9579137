"""Domain model: validation at construction, eighths, scene numbers, calendars, strips."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from daybreak.domain import (
    Availability,
    Calendar,
    DateRange,
    Element,
    Event,
    EventType,
    IntExt,
    Rule,
    RuleKind,
    Scene,
    format_eighths,
    is_night,
    parse_eighths,
    parse_int_ext,
    scene_number_key,
)
from daybreak.domain.builder import ProductionBuilder
from daybreak.errors import DaybreakError


@pytest.mark.parametrize(
    ("eighths", "text"), [(0, "0"), (1, "1/8"), (4, "4/8"), (8, "1"), (11, "1 3/8"), (16, "2")]
)
def test_eighths_are_written_the_way_ads_write_them(eighths: int, text: str) -> None:
    """Lengths read `1 3/8` and `4/8` (never reduced to 1/2) and parse back."""
    assert format_eighths(eighths) == text
    assert parse_eighths(text) == eighths


def test_bad_page_length_names_the_field() -> None:
    """`1 9/8` is refused with a message naming where it was found."""
    with pytest.raises(DaybreakError, match="eighths must be 0 to 7") as info:
        parse_eighths("1 9/8", where="line 4")
    assert "line 4" in str(info.value)


def test_scene_numbers_sort_like_a_script() -> None:
    """12 < 12A < 12B < 13, and parts of a split scene keep their order."""
    numbers = ["13", "12B", "89PT2", "12", "12A", "89PT1", "2"]
    assert sorted(numbers, key=scene_number_key) == [
        "2",
        "12",
        "12A",
        "12B",
        "13",
        "89PT1",
        "89PT2",
    ]


def test_int_ext_and_night_words() -> None:
    """Heading prefixes map to INT, EXT or both; NIGHT and DUSK are night work."""
    assert parse_int_ext("INT.") is IntExt.INT
    assert parse_int_ext("I/E") is IntExt.INT_EXT
    assert parse_int_ext("EXT./INT.") is IntExt.INT_EXT
    assert parse_int_ext("garden") is None
    assert is_night("NIGHT") and is_night("dusk") and not is_night("DAY")


def test_construction_refuses_bad_values() -> None:
    """Negative lengths, weekdays outside 0..6 and empty rules fail at construction."""
    with pytest.raises(ValueError, match="eighths is negative"):
        Scene(id="s", number="1", eighths=-1)
    with pytest.raises(ValueError, match="listed twice"):
        Scene(id="s", element_ids=["a", "a"])
    with pytest.raises(ValueError, match=r"daysOff \[7\]"):
        Element(id="e", category_id="c", name="MARY", days_off=[7])
    with pytest.raises(ValueError, match="needs a date"):
        Rule(id="r", kind=RuleKind.NOT_BEFORE, scene_ids=["s"])
    with pytest.raises(ValueError, match="at least two scenes"):
        Rule(id="r", kind=RuleKind.BEFORE, scene_ids=["s"])
    with pytest.raises(ValueError, match="ends"):
        DateRange(date(2027, 5, 2), date(2027, 5, 1))


def test_calendar_skips_weekends_holidays_and_days_off() -> None:
    """Shoot dates start at the start event and skip weekly days off and blocked dates."""
    calendar = Calendar(
        id="c",
        name="Main",
        days_off=[0, 6],
        events=[
            Event("s", datetime(2027, 4, 2), EventType.START),  # a Friday
            Event("h", datetime(2027, 4, 6), EventType.EVENT, "holiday"),
            Event("o", datetime(2027, 4, 8), EventType.DAY_OFF, "dayOff"),
        ],
    )
    assert calendar.shoot_dates(4) == [
        date(2027, 4, 2),
        date(2027, 4, 5),
        date(2027, 4, 7),
        date(2027, 4, 9),
    ]


def test_element_availability() -> None:
    """An actor booked elsewhere, a location permit window, weekday days off."""
    actor = Element(
        id="a",
        category_id="c",
        name="JACK",
        availability=Availability(unavailable=[DateRange(date(2027, 5, 3), date(2027, 5, 7))]),
    )
    assert actor.works_on(date(2027, 5, 10)) and not actor.works_on(date(2027, 5, 5))
    fjord = Element(
        id="n",
        category_id="l",
        name="Preikestolen",
        availability=Availability(window=DateRange(date(2027, 9, 1), date(2027, 9, 30))),
    )
    assert fjord.works_on(date(2027, 9, 14)) and not fjord.works_on(date(2027, 10, 1))
    weekday_off = Element(id="m", category_id="c", name="MARY", days_off=[5])  # Fridays
    assert not weekday_off.works_on(date(2027, 4, 2))
    hard_out = Availability(hard_outs={date(2027, 4, 2): time(14, 0)})
    assert not hard_out.is_empty


def test_builder_resolves_strips() -> None:
    """A built scene resolves into its set, INT/EXT, day/night, location and numbered cast."""
    builder = ProductionBuilder("Test")
    builder.scene(
        "1",
        set_name="KITCHEN",
        int_ext="INT",
        time_of_day="day",
        cast=["MARY", "GEORGE"],
        elements={"Props": ["knife"]},
    )
    builder.scene(
        "2",
        set_name="STREET",
        int_ext="EXT",
        time_of_day="NIGHT",
        cast=["GEORGE"],
        location="Rue de Rivoli",
    )
    production = builder.build()
    first, second = production.strips().values()
    assert (first.int_ext, first.set_name, first.time_of_day) == (IntExt.INT, "KITCHEN", "DAY")
    assert [c.label for c in first.cast] == ["1. MARY", "2. GEORGE"]
    assert [(c.name, [e.name for e in els]) for c, els in first.elements] == [
        ("Cast Members", ["MARY", "GEORGE"]),
        ("Props", ["knife"]),
    ]
    assert second.is_night and second.location is not None
    assert second.place_id == second.location.id


def test_validation_names_a_missing_element() -> None:
    """A breakdown naming an element that does not exist is refused, naming the field."""
    builder = ProductionBuilder("Test")
    scene = builder.scene("1", set_name="KITCHEN")
    scene.element_ids.append("nope")
    with pytest.raises(DaybreakError, match="names element 'nope'") as info:
        builder.build()
    assert "breakdowns[0].elements[1]" in str(info.value)


def test_second_unit_strips_are_not_the_main_units() -> None:
    """A second-unit section is placed but shot apart: the main unit's days and the strips
    the engine schedules leave it out; the boneyard stays out of both."""
    from daybreak.domain import BoardSection, StripGroup
    from daybreak.engine.compile import compile_problem

    builder = ProductionBuilder("Units")
    for number in ("1", "2", "3"):
        builder.scene(number, set_name="CLIFF", int_ext="EXT", time_of_day="DAY")
    builder.script_order_board()
    production = builder.build()
    board = production.boards[0]
    first, second, third = board.sections[0].strip_ids
    board.sections = [
        BoardSection("main", "Stripboard", [StripGroup([first, second], is_day=True)]),
        BoardSection("su", "Second Unit", [StripGroup([third], is_day=True)], {"unit": "second"}),
    ]
    assert board.main is not None and board.main.id == "main"
    assert board.main_unit_strip_ids == [first, second]
    assert board.placed_strip_ids == [first, second, third]
    assert board.days == [[first, second]]
    data = compile_problem(production, board, days=1)
    assert set(data.scene_ids) == {first, second}

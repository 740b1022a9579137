"""Hypothesis strategies: random but valid productions."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from daybreak.domain import Availability, DateRange, Production, Rule, RuleKind, StripGroup
from daybreak.domain.builder import ProductionBuilder

names = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ '-é", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)


@st.composite
def productions(draw: st.DrawFn) -> Production:
    """A production with scenes, cast, elements, a calendar, rules and a day-split board."""
    builder = ProductionBuilder(draw(names))
    cast = draw(st.lists(names, min_size=1, max_size=6, unique_by=lambda s: s.strip().upper()))
    sets = draw(st.lists(names, min_size=1, max_size=4))
    scene_count = draw(st.integers(1, 12))
    for i in range(scene_count):
        builder.scene(
            f"{i + 1}{draw(st.sampled_from(['', 'A', 'PT1']))}",
            set_name=draw(st.sampled_from(sets)),
            int_ext=draw(st.sampled_from(["INT", "EXT", "INT/EXT", None])),
            time_of_day=draw(st.sampled_from(["DAY", "NIGHT", "DUSK", None])),
            eighths=draw(st.integers(1, 40)),
            cast=draw(st.lists(st.sampled_from(cast), max_size=4, unique=True)),
            location=draw(st.sampled_from([None, "Paris", "Oslo"])),
            elements={"Props": draw(st.lists(names, max_size=2, unique=True))},
            synopsis=draw(st.one_of(st.none(), st.text(max_size=40))),
            duration_minutes=draw(st.one_of(st.none(), st.integers(0, 600))),
        )
    start = draw(st.dates(date(2020, 1, 1), date(2030, 1, 1)))
    calendar = builder.calendar("Main", start, holidays=[start + timedelta(days=7)])
    board = builder.script_order_board(calendar=calendar)
    strips = board.sections[0].groups[0].strip_ids
    cut = draw(st.integers(0, len(strips)))
    board.sections[0].groups = [StripGroup(strips[:cut], True), StripGroup(strips[cut:], True)]
    production = builder.production
    member = builder.cast(cast[0])
    member.daily_rate = float(draw(st.integers(0, 10_000)))
    member.availability = Availability(unavailable=[DateRange(start, start + timedelta(days=2))])
    production.rules.append(Rule(id="r1", kind=RuleKind.PIN_DAY, scene_ids=[strips[0]], day=1))
    production.validate()
    return production

"""The one evaluator: costs by hand, every hard rule named, the incremental path agrees."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock

import pytest

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
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import DeltaEvaluator, evaluate
from daybreak.engine.generator import generate_production
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule

MONDAY = date(2027, 3, 1)


@dataclass
class S:
    """A tiny scene: number, set, night, cast names, eighths, optional location."""

    number: str
    set: str
    cast: tuple[str, ...] = ()
    eighths: int = 8
    night: bool = False
    location: str | None = None


@dataclass
class Tiny:
    """What a tiny production needs beyond its scenes."""

    rates: dict[str, float] = field(default_factory=dict)
    drops: dict[str, int] = field(default_factory=dict)  # name -> drop_day_count
    travel: dict[str, int] = field(default_factory=dict)
    unavailable: dict[str, list[date]] = field(default_factory=dict)
    window: dict[str, tuple[date, date]] = field(default_factory=dict)
    location_cost: dict[str, float] = field(default_factory=dict)
    rules: list[tuple[RuleKind, list[str], int | None, date | None]] = field(default_factory=list)


def tiny_production(
    scenes: list[S],
    extra: Tiny | None = None,
    *,
    eighths_per_day: int = 16,
    days: int = 3,
    costs: CostWeights | None = None,
    work_rules: WorkRules | None = None,
) -> Production:
    """A hand-checkable production: Mon-Fri calendar from 2027-03-01, one board."""
    extra = extra or Tiny()
    cats = [
        Category("c-set", "Set", 0),
        Category("c-dn", "Day/Night", 2),
        Category("c-loc", "Location", 6),
        Category("c-cast", "Cast", 100),
    ]
    elements: dict[str, Element] = {
        "DAY": Element("dn-day", "c-dn", "DAY"),
        "NIGHT": Element("dn-night", "c-dn", "NIGHT"),
    }

    def element(key: str, category: str) -> Element:
        if key not in elements:
            el = Element(f"{category}-{key}", category, key)
            if category == "c-cast":
                el.daily_rate = extra.rates.get(key, 1000.0)
                el.allow_drop = key in extra.drops
                el.drop_day_count = extra.drops.get(key, 10)
                el.travel_days = extra.travel.get(key, 0)
            if category == "c-loc":
                el.daily_cost = extra.location_cost.get(key)
            avail = Availability()
            if key in extra.unavailable:
                avail.unavailable = [DateRange(d, d) for d in extra.unavailable[key]]
            if key in extra.window:
                avail.window = DateRange(*extra.window[key])
            el.availability = avail
            elements[key] = el
        return elements[key]

    domain_scenes = []
    for sc in scenes:
        ids = [element(sc.set, "c-set").id, elements["NIGHT" if sc.night else "DAY"].id]
        if sc.location:
            ids.append(element(sc.location, "c-loc").id)
        ids += [element(c, "c-cast").id for c in sc.cast]
        domain_scenes.append(
            Scene(id=f"s{sc.number}", number=sc.number, eighths=sc.eighths, element_ids=ids)
        )
    calendar = Calendar(
        "cal", "Main", events=[Event("start", datetime.combine(MONDAY, clock(7)), EventType.START)]
    )
    rules = [
        Rule(f"r{i}", kind, [f"s{n}" for n in names], day=day, on=on)
        for i, (kind, names, day, on) in enumerate(extra.rules)
    ]
    board = Board(
        "b1",
        "Script",
        calendar_id="cal",
        sections=[
            BoardSection("m", "stripboard", [StripGroup([s.id for s in domain_scenes], False)])
        ],
    )
    return Production(
        id="tiny",
        name="Tiny",
        categories=cats,
        elements=list(elements.values()),
        scenes=domain_scenes,
        boards=[board],
        calendars=[calendar],
        rules=rules,
        work_rules=work_rules or WorkRules(max_eighths_per_day=eighths_per_day, max_days=days),
        costs=costs or CostWeights(shoot_day=100.0, company_move=50.0, extra={"set_change": 10.0}),
    )


def sched(data: ProblemData, days: list[list[str]]) -> Schedule:
    """A schedule from scene numbers."""
    index = {label: i for i, label in enumerate(data.labels)}
    return Schedule.of([[index[n] for n in day] for day in days])


def test_costs_by_hand() -> None:
    """Work, hold, set changes, company moves, shoot and location days, counted by hand."""
    prod = tiny_production(
        [
            S("1", "KITCHEN", ("ANNA", "BEN"), location="HOUSE"),
            S("2", "GARDEN", ("BEN",), location="PARK"),
            S("3", "KITCHEN", ("ANNA",), location="HOUSE"),
        ],
        Tiny(rates={"ANNA": 500.0, "BEN": 200.0}, location_cost={"PARK": 30.0}),
    )
    data = compile_problem(prod)
    ev = evaluate(data, sched(data, [["1", "2"], [], ["3"]]))
    assert ev.feasible, ev.violations
    # ANNA works days 1 and 3, held on day 2: 3 paid days; BEN works day 1 only. The empty
    # day 2 lies inside the shoot, so it is a shoot day (the crew is paid through it).
    anna = next(p for p in ev.performers if p.name == "ANNA")
    assert (anna.first_day, anna.last_day, anna.work_days, anna.hold_days) == (0, 2, (0, 2), (1,))
    assert anna.paid_days == 3
    assert ev.counts == {
        "work_days": 3,
        "hold_days": 1,
        "travel_days": 0,
        "drops": 0,
        "company_moves": 1,
        "set_changes": 1,
        "shoot_days": 3,
        "empty_days": 1,
        "location_days": 3,
    }
    assert ev.terms["cast_work"] == 2 * 500 + 200
    assert ev.terms["cast_hold"] == 500
    assert ev.terms["set_changes"] == 10
    assert ev.terms["company_moves"] == 50
    assert ev.terms["shoot_days"] == 300
    assert ev.terms["location_days"] == 30
    assert ev.total == pytest.approx(sum(ev.terms.values()))


def test_empty_day_inside_the_shoot_costs_a_day() -> None:
    """An empty day between used days costs a shoot day; empty days at the ends do not."""
    prod = tiny_production(
        [S("1", "KITCHEN", ("ANNA",)), S("2", "KITCHEN", ("BEN",))],
        Tiny(rates={"ANNA": 500.0, "BEN": 200.0}),
        days=5,
    )
    data = compile_problem(prod)
    together = evaluate(data, sched(data, [[], ["1"], ["2"], [], []]))
    apart = evaluate(data, sched(data, [[], ["1"], [], ["2"], []]))
    assert together.counts["shoot_days"] == 2
    assert apart.counts["shoot_days"] == 3
    assert apart.counts["empty_days"] == 1
    assert apart.counts["hold_days"] == together.counts["hold_days"] == 0
    assert apart.total - together.total == pytest.approx(data.costs.shoot_day)
    # the incremental evaluator agrees, both ways
    delta = DeltaEvaluator(data, sched(data, [[], ["1"], ["2"], [], []]))
    assert delta.cost == pytest.approx(together.total)
    delta.replace({2: [], 3: [data.labels.index("2")]})
    assert delta.cost == pytest.approx(apart.total)
    delta.undo()
    assert delta.cost == pytest.approx(together.total)


def test_sets_sharing_a_location_move_nothing() -> None:
    """Two sets at one location: a set change, no company move."""
    prod = tiny_production(
        [S("1", "KITCHEN", location="HOUSE"), S("2", "HALL", location="HOUSE")],
    )
    data = compile_problem(prod)
    ev = evaluate(data, sched(data, [["1", "2"]]))
    assert (ev.counts["set_changes"], ev.counts["company_moves"]) == (1, 0)


def test_drop_and_travel() -> None:
    """A gap longer than the contract's minimum is dropped (unpaid); travel is paid twice."""
    prod = tiny_production(
        [S("1", "A", ("CARL",)), S("2", "B", ("CARL",))],
        Tiny(drops={"CARL": 2}, travel={"CARL": 1}),
        days=6,
    )
    data = compile_problem(prod)
    ev = evaluate(data, sched(data, [["1"], [], [], [], ["2"]]))
    carl = ev.performers[0]
    assert carl.drop_gaps == ((1, 3),) and carl.hold_days == () and carl.drops == 1
    assert carl.paid_days == 2 + 2
    ev_short = evaluate(data, sched(data, [["1"], [], ["2"]]))
    assert ev_short.performers[0].hold_days == (1,)  # gap of 1 is not longer than 2


def _rules_of(ev_messages: list[str], word: str) -> bool:
    return any(word in m for m in ev_messages)


def test_every_hard_rule_is_named() -> None:
    """Each broken hard rule is reported in words naming its scenes or days."""
    prod = tiny_production(
        [
            S("1", "A", ("MARY",), eighths=10),
            S("2", "B", eighths=10, night=True),
            S("3", "C", ("MARY",), location="OSLO"),
            S("4", "D", location="X"),
            S("5", "E", location="Y"),
            S("6", "F", location="Z"),
            S("7", "G"),
            S("8", "H"),
        ],
        Tiny(
            unavailable={"MARY": [MONDAY]},
            rules=[
                (RuleKind.PIN_DAY, ["7"], 2, None),
                (RuleKind.PIN_DATE, ["8"], None, date(2027, 3, 3)),
                (RuleKind.NOT_BEFORE, ["4"], None, date(2027, 3, 2)),
                (RuleKind.NOT_AFTER, ["5"], None, date(2027, 3, 1)),
                (RuleKind.BEFORE, ["2", "1"], None, None),
                (RuleKind.SAME_DAY, ["7", "8"], None, None),
                (RuleKind.KEEP_TOGETHER, ["4", "5"], None, None),
            ],
        ),
        work_rules=WorkRules(max_eighths_per_day=16, max_days=3, max_company_moves_per_day=1),
    )
    data = compile_problem(prod)
    # day 1: 1 (MARY away), 2 (night): capacity, mix; day 2: moves, 8 off its date; 7 twice
    ev = evaluate(data, sched(data, [["1", "2", "7"], ["4", "3", "6", "5", "8"], ["7"]]))
    kinds = {v.rule for v in ev.violations}
    messages = [v.message for v in ev.violations]
    assert {
        "capacity",
        "day_night_mix",
        "availability",
        "company_moves",
        "pin_day",
        "pin_date",
        "before",
        "same_day",
        "keep_together",
        "duplicate",
    } <= kinds
    assert _rules_of(messages, "scene 1 needs MARY, unavailable on day 1 (2027-03-01)")
    assert _rules_of(messages, "scene 7 is pinned to day 2")
    ev2 = evaluate(data, sched(data, [["4"], ["5"], []]))
    kinds2 = {v.rule for v in ev2.violations}
    assert {"not_before", "unscheduled"} <= kinds2
    ev3 = evaluate(data, sched(data, [["1", "3"], ["5"], ["4"]]))
    assert "not_after" in {v.rule for v in ev3.violations}


def test_turnaround_after_night_work() -> None:
    """Day work the morning after night work breaks the 12 h turnaround; a weekend rests."""
    prod = tiny_production([S("1", "A", night=True), S("2", "B")], days=6)
    data = compile_problem(prod)
    bad = evaluate(data, sched(data, [["1"], ["2"]]))
    assert [v.rule for v in bad.violations] == ["turnaround"]
    assert "too soon after night work" in bad.violations[0].message
    # Friday night (day 5) then Monday (day 6): rest across the weekend.
    ok = evaluate(data, sched(data, [[], [], [], [], ["1"], ["2"]]))
    assert ok.feasible


def test_single_long_scene_may_exceed_capacity() -> None:
    """A day holding one scene longer than the day's capacity is allowed."""
    prod = tiny_production([S("1", "A", eighths=40), S("2", "B")])
    data = compile_problem(prod)
    assert evaluate(data, sched(data, [["1"], ["2"]])).feasible
    assert not evaluate(data, sched(data, [["1", "2"]])).feasible


def test_problem_json_round_trip() -> None:
    """ProblemData survives to_json/from_json unchanged."""
    data = compile_problem(generate_production("small", seed=3))
    assert type(data).from_json(data.to_json()) == data


def test_incremental_agrees_with_full_evaluation() -> None:
    """After random rewrites of days, the delta evaluator's cost and feasibility match."""
    data = compile_problem(generate_production("feature", seed=2))
    rng = random.Random(0)
    days: list[list[int]] = [[] for _ in range(data.num_days)]
    for s in range(data.num_scenes):
        days[rng.randrange(data.num_days)].append(s)
    delta = DeltaEvaluator(data, Schedule.of(days))
    for step in range(300):
        s = rng.randrange(data.num_scenes)
        src = delta.day_of[s]
        dst = rng.randrange(data.num_days)
        new = {src: [x for x in delta.days[src] if x != s]}
        target = list(new.get(dst, delta.days[dst]))
        target.insert(rng.randint(0, len(target)), s)
        new[dst] = target
        delta.replace(new)
        if step % 3 == 0:
            delta.undo()
        full = evaluate(data, delta.schedule())
        assert delta.cost == pytest.approx(full.total)
        assert (delta.penalty == 0) == full.feasible
        assert delta.hold_days == full.counts["hold_days"]


def test_drag_a_strip_costs_milliseconds() -> None:
    """Moving one strip of a 400-scene production is priced in a few milliseconds."""
    data = compile_problem(generate_production("tentpole", seed=1))
    days: list[list[int]] = [[] for _ in range(data.num_days)]
    for s in range(data.num_scenes):
        days[s * data.num_days // data.num_scenes].append(s)
    delta = DeltaEvaluator(data, Schedule.of(days))
    start = time.perf_counter()
    for i in range(200):
        delta.move_cost(i, (i * 7) % data.num_days)
    per_move = (time.perf_counter() - start) / 200
    assert per_move < 0.005

"""THE evaluator: feasibility and cost of a schedule, by term, with per-performer detail.

Every cost shown anywhere (solvers, reports, the web app, benchmarks) comes from here.
:func:`evaluate` checks a whole schedule; :class:`DeltaEvaluator` keeps the same totals
up to date under moves (replace the content of a few days), for local search and for
"drag a strip, see the cost". Both share :func:`performer_days` and :func:`day_stats`.

Definitions (days are the problem's day indices, empty days included):
- shoot days: every day from the first to the last day holding a scene, empty days
  inside that span included (the crew is paid through them), empty days before the first
  or after the last not;
- work days of a performer: days with one of their scenes; first/last: the extremes;
- hold days: days between first and last that are not work days, paid unless dropped;
- a drop: a run of hold days longer than ``drop_min_gap`` is not paid (at most
  ``max_drops`` runs, the longest ones); a performer without ``allow_hold`` is never
  paid for a gap;
- travel: ``travel_days`` paid before the first and after the last work day;
- set changes: consecutive scenes of a day on different sets;
- company moves: consecutive scenes of a day at different places;
- location days: each (day, place) pair, at the place's daily cost plus the weight.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from daybreak.engine.problem import (
    BEFORE,
    KEEP_TOGETHER,
    NOT_AFTER,
    NOT_BEFORE,
    PIN_DATE,
    PIN_DAY,
    SAME_DAY,
    ProblemData,
    RuleData,
)
from daybreak.engine.schedule import Schedule

TERMS = (
    "cast_work",
    "cast_hold",
    "cast_travel",
    "drops",
    "company_moves",
    "set_changes",
    "shoot_days",
    "location_days",
)


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken hard rule, in plain words, with the scenes and days involved."""

    rule: str
    message: str
    scenes: tuple[int, ...] = ()
    days: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PerformerDays:
    """One performer's days, as the Day Out of Days shows them (day indices, 0-based).

    ``drop_gaps`` are inclusive ranges of unpaid days between work days (drops, or any gap
    of a performer who is not held). ``paid_days`` = work + hold + travel days.
    """

    cast: int
    name: str
    first_day: int | None
    last_day: int | None
    work_days: tuple[int, ...]
    hold_days: tuple[int, ...]
    drop_gaps: tuple[tuple[int, int], ...]
    drops: int
    travel_days: int
    paid_days: int
    rate: float

    @property
    def cost(self) -> float:
        return self.rate * self.paid_days

    @property
    def unpaid_gap_days(self) -> int:
        return sum(b - a + 1 for a, b in self.drop_gaps)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Feasibility and cost of one schedule. ``terms`` in money, ``counts`` in units."""

    violations: tuple[Violation, ...]
    total: float
    terms: dict[str, float]
    counts: dict[str, int]
    performers: tuple[PerformerDays, ...] = field(default=())

    @property
    def feasible(self) -> bool:
        return not self.violations

    def cost_dict(self) -> dict[str, float]:
        """``{"total": ..., term: ...}``: the JSON-ready cost object."""
        return {"total": self.total, **self.terms}


# -- shared pieces -------------------------------------------------------------------------


def performer_days(data: ProblemData, c: int, work: list[int]) -> PerformerDays:
    """The DOOD row of performer ``c`` given their sorted, distinct work days."""
    cast = data.cast[c]
    if not work:
        return PerformerDays(c, cast.name, None, None, (), (), (), 0, 0, 0, cast.rate)
    first, last = work[0], work[-1]
    gaps = [(a + 1, b - 1) for a, b in itertools.pairwise(work) if b - a > 1]
    unpaid: list[tuple[int, int]] = []
    drops = 0
    if not cast.allow_hold:
        unpaid = gaps
    elif cast.allow_drop and cast.max_drops > 0:
        eligible = [g for g in gaps if g[1] - g[0] + 1 > cast.drop_min_gap]
        eligible.sort(key=lambda g: (-(g[1] - g[0]), g[0]))
        unpaid = sorted(eligible[: cast.max_drops])
        drops = len(unpaid)
    unpaid_set = {d for a, b in unpaid for d in range(a, b + 1)}
    work_set = set(work)
    holds = tuple(d for d in range(first, last + 1) if d not in work_set and d not in unpaid_set)
    travel = 2 * cast.travel_days
    paid = len(work) + len(holds) + travel
    return PerformerDays(
        c,
        cast.name,
        first,
        last,
        tuple(work),
        holds,
        tuple(unpaid),
        drops,
        travel,
        paid,
        cast.rate,
    )


@dataclass(slots=True)
class DayStats:
    """What one day's ordered scenes add up to."""

    eighths: int = 0
    minutes: int = 0
    set_changes: int = 0
    moves: int = 0
    night: int = 0
    day: int = 0
    places: tuple[int, ...] = ()


def day_stats(data: ProblemData, scenes: list[int] | tuple[int, ...]) -> DayStats:
    """Load, set changes, company moves, day/night counts and places of one day."""
    stats = DayStats()
    prev_set: int | None = None
    prev_place = -1
    places: list[int] = []
    for i, s in enumerate(scenes):
        stats.eighths += data.eighths[s]
        stats.minutes += data.minutes[s]
        if data.night[s]:
            stats.night += 1
        else:
            stats.day += 1
        st = data.set_of[s]
        if i > 0 and st != prev_set:
            stats.set_changes += 1
        prev_set = st
        pl = data.place_of[s]
        if pl >= 0:
            if prev_place >= 0 and pl != prev_place:
                stats.moves += 1
            prev_place = pl
            if pl not in places:
                places.append(pl)
    stats.places = tuple(places)
    stats.minutes += stats.moves * data.company_move_minutes
    return stats


def _day_word(data: ProblemData, d: int) -> str:
    return f"day {d + 1} ({data.dates[d]})" if 0 <= d < data.num_days else f"day {d + 1}"


def _day_violations(data: ProblemData, d: int, scenes: tuple[int, ...]) -> list[Violation]:
    found: list[Violation] = []
    if not scenes:
        return found
    st = day_stats(data, scenes)
    cap = data.capacity_eighths[d]
    if cap is not None and len(scenes) > 1 and st.eighths > cap:
        found.append(
            Violation(
                "capacity",
                f"{_day_word(data, d)} holds {st.eighths}/8 pages, more than its {cap}/8",
                scenes,
                (d,),
            )
        )
    cap_min = data.capacity_minutes[d]
    if cap_min is not None and len(scenes) > 1 and st.minutes > cap_min:
        found.append(
            Violation(
                "minutes",
                f"{_day_word(data, d)} needs {st.minutes} minutes, more than its {cap_min}",
                scenes,
                (d,),
            )
        )
    if not data.allow_day_night_mix and st.night and st.day:
        found.append(
            Violation(
                "day_night_mix",
                f"{_day_word(data, d)} mixes day and night work",
                scenes,
                (d,),
            )
        )
    if data.max_company_moves is not None and st.moves > data.max_company_moves:
        found.append(
            Violation(
                "company_moves",
                f"{_day_word(data, d)} has {st.moves} company moves, "
                f"more than {data.max_company_moves}",
                scenes,
                (d,),
            )
        )
    for s in scenes:
        for r in data.scene_resources[s]:
            res = data.resources[r]
            if d in res.unavailable:
                why = res.why[res.unavailable.index(d)] if res.why else "unavailable"
                found.append(
                    Violation(
                        "availability",
                        f"{data.scene_name(s)} needs {res.name}, {why} on {_day_word(data, d)}",
                        (s,),
                        (d,),
                    )
                )
    return found


def rule_violation(
    data: ProblemData,
    rule: RuleData,
    day_of: dict[int, int] | list[int],
    position: dict[int, int] | list[int] | None = None,
    day_lengths: list[int] | None = None,
) -> Violation | None:
    """The violation of one rule by a schedule (None when honoured or a scene is missing).

    ``day_of`` maps scene to day (-1 or absent: unscheduled); ``position`` scene to its
    index within its day and ``day_lengths`` the number of scenes per day (keep-together).
    """

    def dget(s: int) -> int:
        if isinstance(day_of, dict):
            return day_of.get(s, -1)
        return day_of[s]

    days = [dget(s) for s in rule.scenes]
    if any(d < 0 for d in days):
        return None
    names = ", ".join(data.labels[s] for s in rule.scenes)
    kind = rule.kind
    if kind in (PIN_DAY, PIN_DATE):
        if rule.day is None or days[0] != rule.day:
            target = _day_word(data, rule.day) if rule.day is not None else rule.label
            return Violation(kind, f"scene {names} is pinned to {target}", rule.scenes, (days[0],))
    elif kind == NOT_BEFORE:
        if rule.day is None or days[0] < rule.day:
            return Violation(
                kind, f"scene {names} must not be shot before {rule.label}", rule.scenes
            )
    elif kind == NOT_AFTER:
        if rule.day is None or days[0] > rule.day:
            return Violation(
                kind, f"scene {names} must not be shot after {rule.label}", rule.scenes
            )
    elif kind == BEFORE:
        late = [
            data.labels[s] for s, d in zip(rule.scenes[1:], days[1:], strict=True) if d <= days[0]
        ]
        if late:
            return Violation(
                kind,
                f"scene {data.labels[rule.scenes[0]]} must be shot on a day before "
                f"scene {', '.join(late)}",
                rule.scenes,
            )
    elif kind == SAME_DAY:
        if len(set(days)) > 1:
            return Violation(kind, f"scenes {names} must be shot on the same day", rule.scenes)
    elif kind == KEEP_TOGETHER and position is not None and day_lengths is not None:
        for a, b in zip(rule.scenes, rule.scenes[1:], strict=False):
            da, db = dget(a), dget(b)
            pa, pb = position[a], position[b]
            ok = (da == db and pb == pa + 1) or (
                db == da + 1 and pa == day_lengths[da] - 1 and pb == 0
            )
            if not ok:
                return Violation(
                    kind,
                    f"scenes {names} must be shot one after the other, in this order",
                    rule.scenes,
                )
    return None


def turnaround_table(data: ProblemData) -> list[list[bool]]:
    """``table[a][b]``: day work on day ``b`` may follow night work on day ``a``."""
    n = data.num_days
    ords = [data.day_ordinal(d) for d in range(n)]
    rest = data.day_call_hour - data.night_call_hour - data.night_day_hours
    return [
        [24.0 * (ords[b] - ords[a]) + rest >= data.turnaround_hours for b in range(n)]
        for a in range(n)
    ]


def turnaround_violations(
    data: ProblemData, night_work: list[bool], day_work: list[bool]
) -> list[Violation]:
    """Day work too soon after night work, between consecutive non-empty days."""
    found: list[Violation] = []
    prev = -1
    for d in range(data.num_days):
        if not (night_work[d] or day_work[d]):
            continue
        if prev >= 0 and night_work[prev] and day_work[d] and not data.turnaround_ok(prev, d):
            found.append(
                Violation(
                    "turnaround",
                    f"{_day_word(data, d)} starts day work too soon after night work on "
                    f"{_day_word(data, prev)} (turnaround {data.turnaround_hours:g} h)",
                    (),
                    (prev, d),
                )
            )
        prev = d
    return found


# -- the evaluator -------------------------------------------------------------------------


def evaluate(data: ProblemData, schedule: Schedule) -> Evaluation:
    """Feasibility (every broken hard rule) and cost by term of one schedule."""
    violations: list[Violation] = []
    n_days = data.num_days
    days = list(schedule.days)
    if len(days) > n_days:
        extra = [s for day in days[n_days:] for s in day]
        if extra:
            violations.append(
                Violation(
                    "max_days",
                    f"{len(extra)} scenes are placed after the last available day "
                    f"({_day_word(data, n_days - 1)})",
                    tuple(extra),
                )
            )
        days = days[:n_days]
    days += [()] * (n_days - len(days))
    day_of = [-1] * data.num_scenes
    position = [0] * data.num_scenes
    for d, day in enumerate(days):
        for i, s in enumerate(day):
            if day_of[s] >= 0:
                violations.append(
                    Violation(
                        "duplicate",
                        f"{data.scene_name(s)} is scheduled twice",
                        (s,),
                        (day_of[s], d),
                    )
                )
            day_of[s] = d
            position[s] = i
    missing = tuple(s for s in range(data.num_scenes) if day_of[s] < 0)
    if missing:
        labels = ", ".join(data.labels[s] for s in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        violations.append(
            Violation("unscheduled", f"scenes {labels}{more} are not scheduled", missing)
        )
    for d, day in enumerate(days):
        violations.extend(_day_violations(data, d, tuple(day)))
    lengths = [len(day) for day in days]
    for rule in data.rules:
        v = rule_violation(data, rule, day_of, position, lengths)
        if v is not None:
            violations.append(v)
    night_work = [any(data.night[s] for s in day) for day in days]
    day_work = [any(not data.night[s] for s in day) for day in days]
    violations.extend(turnaround_violations(data, night_work, day_work))

    # cost
    works: list[set[int]] = [set() for _ in range(data.num_cast)]
    set_changes = moves = location_days = 0
    location_cost = 0.0
    for d, day in enumerate(days):
        if not day:
            continue
        st = day_stats(data, day)
        set_changes += st.set_changes
        moves += st.moves
        for p in st.places:
            location_days += 1
            location_cost += data.place_daily_cost[p] + data.costs.location_day
        for s in day:
            for c in data.scene_cast[s]:
                works[c].add(d)
    performers = tuple(performer_days(data, c, sorted(works[c])) for c in range(data.num_cast))
    used = [d for d, day in enumerate(days) if day]
    shoot_days = used[-1] - used[0] + 1 if used else 0
    counts = {
        "work_days": sum(len(p.work_days) for p in performers),
        "hold_days": sum(len(p.hold_days) for p in performers),
        "travel_days": sum(p.travel_days for p in performers),
        "drops": sum(p.drops for p in performers),
        "company_moves": moves,
        "set_changes": set_changes,
        "shoot_days": shoot_days,
        "empty_days": shoot_days - len(used),
        "location_days": location_days,
    }
    costs = data.costs
    terms = {
        "cast_work": costs.work_weight * sum(p.rate * len(p.work_days) for p in performers),
        "cast_hold": sum(p.rate * len(p.hold_days) for p in performers),
        "cast_travel": sum(p.rate * p.travel_days for p in performers),
        "drops": costs.drop * counts["drops"],
        "company_moves": costs.company_move * moves,
        "set_changes": costs.set_change * set_changes,
        "shoot_days": costs.shoot_day * shoot_days,
        "location_days": location_cost,
    }
    return Evaluation(tuple(violations), sum(terms.values()), terms, counts, performers)


# -- incremental evaluation ----------------------------------------------------------------


class DeltaEvaluator:
    """The evaluator's totals kept up to date while days are rewritten.

    ``replace({day: new_scene_list, ...})`` rewrites some days (a relocation touches two,
    a swap two, a day rotation several) and returns the new objective; ``undo()`` reverts
    the last replace. ``cost`` equals ``evaluate(...).total`` and ``penalty`` is zero
    exactly when ``evaluate(...).feasible`` (the number of broken hard constraints, counted
    per day, rule, turnaround pair and misplaced scene).
    """

    def __init__(self, data: ProblemData, schedule: Schedule) -> None:
        self.data = data
        n_days = data.num_days
        self.days: list[list[int]] = [list(day) for day in schedule.days[:n_days]]
        self.days += [[] for _ in range(n_days - len(self.days))]
        self.allowed = [frozenset(a) for a in data.allowed]
        self.day_of = [-1] * data.num_scenes
        self.rules_of: list[list[int]] = [[] for _ in range(data.num_scenes)]
        for r, rule in enumerate(data.rules):
            for s in rule.scenes:
                self.rules_of[s].append(r)
        self.keep_rules_of: list[list[int]] = [
            [r for r in rules if data.rules[r].kind == KEEP_TOGETHER] for rules in self.rules_of
        ]
        self.count = [[0] * n_days for _ in range(data.num_cast)]
        self.first = [n_days] * data.num_cast
        self.last = [-1] * data.num_cast
        self.nwork = [0] * data.num_cast
        self.simple = [c.allow_hold and not (c.allow_drop and c.max_drops > 0) for c in data.cast]
        self.work_weight = data.costs.work_weight
        self._arrays = (data.eighths, data.minutes, data.night, data.set_of, data.place_of)
        costs = data.costs
        self._weights = (
            costs.shoot_day,
            costs.set_change,
            costs.company_move,
            tuple(c + costs.location_day for c in data.place_daily_cost),
        )
        self.perf_cost = [0.0] * data.num_cast
        self.perf_holds = [0] * data.num_cast
        self.day_cost = [0.0] * n_days
        self.day_pen = [0] * n_days
        self.day_over = [0] * n_days  # eighths above capacity (days of several scenes)
        self.overflow = 0
        self.over_days = 0
        self.day_sc = [0] * n_days
        self.night_work = [False] * n_days
        self.day_work = [False] * n_days
        self.rule_pen = [0] * len(data.rules)
        self.span_cost = 0.0  # shoot days: first to last used day, each at costs.shoot_day
        self.ta_pen = 0
        self.ta_ok = turnaround_table(data)
        self.dup_pen = 0
        for d, day in enumerate(self.days):
            for s in day:
                if self.day_of[s] >= 0:
                    self.dup_pen += 1
                self.day_of[s] = d
                for c in data.scene_cast[s]:
                    self._inc(c, d)
        self.missing = sum(1 for d in self.day_of if d < 0)
        for c in range(data.num_cast):
            self._perf(c)
        for d in range(n_days):
            self._day(d)
        self.overflow = sum(self.day_over)
        self.over_days = sum(1 for o in self.day_over if o)
        for r in range(len(data.rules)):
            self._rule(r)
        self._turnaround()
        self._span()
        self.cost = sum(self.perf_cost) + sum(self.day_cost) + self.span_cost
        self.penalty = (
            sum(self.day_pen) + sum(self.rule_pen) + self.ta_pen + self.missing + self.dup_pen
        )
        self._undo: Any = None

    # performers
    def _inc(self, c: int, d: int) -> None:
        cnt = self.count[c]
        cnt[d] += 1
        if cnt[d] == 1:
            self.nwork[c] += 1
            if d < self.first[c]:
                self.first[c] = d
            if d > self.last[c]:
                self.last[c] = d

    def _dec(self, c: int, d: int) -> None:
        cnt = self.count[c]
        cnt[d] -= 1
        if cnt[d] == 0:
            self.nwork[c] -= 1
            if self.nwork[c] == 0:
                self.first[c] = self.data.num_days
                self.last[c] = -1
                return
            if d == self.first[c]:
                f = d + 1
                while cnt[f] == 0:
                    f += 1
                self.first[c] = f
            if d == self.last[c]:
                g = d - 1
                while cnt[g] == 0:
                    g -= 1
                self.last[c] = g

    def _perf(self, c: int) -> None:
        cast = self.data.cast[c]
        n = self.nwork[c]
        if n == 0:
            self.perf_cost[c] = 0.0
            self.perf_holds[c] = 0
            return
        if self.simple[c]:
            holds = self.last[c] - self.first[c] + 1 - n
            self.perf_holds[c] = holds
            self.perf_cost[c] = cast.rate * (self.work_weight * n + holds + 2 * cast.travel_days)
            return
        cnt = self.count[c]
        work = [d for d in range(self.first[c], self.last[c] + 1) if cnt[d]]
        pd = performer_days(self.data, c, work)
        self.perf_holds[c] = len(pd.hold_days)
        self.perf_cost[c] = (
            pd.cost
            - (1.0 - self.work_weight) * cast.rate * len(pd.work_days)
            + self.data.costs.drop * pd.drops
        )

    # days
    def _day(self, d: int) -> None:
        """Recompute one day's cost and broken rules (same rules as ``day_stats``)."""
        day = self.days[d]
        if not day:
            self.day_cost[d] = 0.0
            self.day_pen[d] = 0
            self.day_over[d] = 0
            self.day_sc[d] = 0
            self.night_work[d] = self.day_work[d] = False
            return
        eighths, minutes, night, set_of, place_of = self._arrays
        load = mins = n_night = changes = moves = 0
        prev_set = set_of[day[0]]
        prev_place = -1
        places: list[int] = []
        pen = 0
        allowed = self.allowed
        for s in day:
            load += eighths[s]
            mins += minutes[s]
            if night[s]:
                n_night += 1
            st = set_of[s]
            if st != prev_set:
                changes += 1
                prev_set = st
            pl = place_of[s]
            if pl >= 0:
                if prev_place >= 0 and pl != prev_place:
                    moves += 1
                prev_place = pl
                if pl not in places:
                    places.append(pl)
            if d not in allowed[s]:
                pen += 1
        n_day = len(day) - n_night
        _, w_set, w_move, place_cost = self._weights
        cost = w_set * changes + w_move * moves
        for p in places:
            cost += place_cost[p]
        self.day_cost[d] = cost
        self.day_sc[d] = changes
        data = self.data
        if len(day) > 1:
            cap = data.capacity_eighths[d]
            if cap is not None and load > cap:
                pen += 1
                self.day_over[d] = load - cap
            else:
                self.day_over[d] = 0
        else:
            self.day_over[d] = 0
            cap_min = data.capacity_minutes[d]
            if cap_min is not None and mins + moves * data.company_move_minutes > cap_min:
                pen += 1
        if n_night and n_day and not data.allow_day_night_mix:
            pen += 1
        if data.max_company_moves is not None and moves > data.max_company_moves:
            pen += 1
        self.day_pen[d] = pen
        self.night_work[d] = n_night > 0
        self.day_work[d] = n_day > 0

    def _rule(self, r: int) -> None:
        rule = self.data.rules[r]
        if rule.kind == KEEP_TOGETHER:
            pos: dict[int, int] = {}
            for s in rule.scenes:
                d = self.day_of[s]
                if d >= 0:
                    pos[s] = self.days[d].index(s)
            lengths = [len(day) for day in self.days]
            v = rule_violation(self.data, rule, self.day_of, pos, lengths)
        else:
            v = rule_violation(self.data, rule, self.day_of)
        self.rule_pen[r] = 0 if v is None else 1

    def _span(self) -> None:
        days = self.days
        n = len(days)
        first = next((d for d in range(n) if days[d]), n)
        if first == n:
            self.span_cost = 0.0
            return
        last = next(d for d in range(n - 1, -1, -1) if days[d])
        self.span_cost = self._weights[0] * (last - first + 1)

    def _turnaround(self) -> None:
        count = 0
        prev = -1
        night_work, day_work, ok = self.night_work, self.day_work, self.ta_ok
        for d in range(self.data.num_days):
            if not (night_work[d] or day_work[d]):
                continue
            if prev >= 0 and night_work[prev] and day_work[d] and not ok[prev][d]:
                count += 1
            prev = d
        self.ta_pen = count

    # moves
    def replace(self, new_days: dict[int, list[int]]) -> float:
        """Rewrite the given days (the same scenes overall); return the new cost.

        Everything it changes is saved first, so that :meth:`undo` restores it exactly
        without evaluating again.
        """
        data = self.data
        days = self.days
        old = {d: days[d] for d in new_days}
        touched_cast: dict[int, tuple[float, int, int, int, int]] = {}
        touched_rules: set[int] = set()
        count_changes: list[tuple[int, int, int]] = []
        day_of_changes: list[tuple[int, int]] = []
        scene_cast = data.scene_cast
        rules_of = self.rules_of
        day_of = self.day_of
        first, last, nwork, perf_cost, perf_holds = (
            self.first,
            self.last,
            self.nwork,
            self.perf_cost,
            self.perf_holds,
        )
        added: list[tuple[int, int]] = []
        removed_all: set[int] = set()
        added_all: set[int] = set()
        for d, scenes in new_days.items():
            before = old[d]
            days[d] = scenes
            if before == scenes:
                continue
            old_set, new_set = set(before), set(scenes)
            for s in old_set - new_set:
                removed_all.add(s)
                if day_of[s] == d:
                    day_of_changes.append((s, d))
                    day_of[s] = -1
                for c in scene_cast[s]:
                    if c not in touched_cast:
                        touched_cast[c] = (perf_cost[c], perf_holds[c], first[c], last[c], nwork[c])
                    self._dec(c, d)
                    count_changes.append((c, d, -1))
                touched_rules.update(rules_of[s])
            for s in new_set - old_set:
                added.append((s, d))
                added_all.add(s)
            for s in new_set & old_set:
                touched_rules.update(self.keep_rules_of[s])
        for s, d in added:
            day_of_changes.append((s, day_of[s]))
            day_of[s] = d
            for c in scene_cast[s]:
                if c not in touched_cast:
                    touched_cast[c] = (perf_cost[c], perf_holds[c], first[c], last[c], nwork[c])
                self._inc(c, d)
                count_changes.append((c, d, 1))
            touched_rules.update(rules_of[s])
        totals = (
            self.cost,
            self.penalty,
            self.overflow,
            self.over_days,
            self.missing,
            self.ta_pen,
            self.span_cost,
        )
        pen = len(removed_all - added_all) - len(added_all - removed_all)
        self.missing += pen
        delta = 0.0
        for c in touched_cast:
            was = perf_cost[c]
            self._perf(c)
            delta += perf_cost[c] - was
        day_cost, day_pen, day_over = self.day_cost, self.day_pen, self.day_over
        night_work, day_work = self.night_work, self.day_work
        saved_days = []
        flags_changed = False
        emptiness_changed = False
        for d in new_days:
            if bool(old[d]) != bool(days[d]):
                emptiness_changed = True
            before_cost, before_pen, before_over = day_cost[d], day_pen[d], day_over[d]
            before_flags = (night_work[d], day_work[d])
            saved_days.append(
                (d, before_cost, before_pen, before_over, self.day_sc[d], *before_flags)
            )
            self._day(d)
            delta += day_cost[d] - before_cost
            pen += day_pen[d] - before_pen
            if before_over or day_over[d]:
                self.overflow += day_over[d] - before_over
                self.over_days += (day_over[d] > 0) - (before_over > 0)
            if (night_work[d], day_work[d]) != before_flags:
                flags_changed = True
        saved_rules = []
        for r in touched_rules:
            before_r = self.rule_pen[r]
            saved_rules.append((r, before_r))
            self._rule(r)
            pen += self.rule_pen[r] - before_r
        if flags_changed:
            before_ta = self.ta_pen
            self._turnaround()
            pen += self.ta_pen - before_ta
        if emptiness_changed:
            before_span = self.span_cost
            self._span()
            delta += self.span_cost - before_span
        self.cost += delta
        self.penalty += pen
        self._undo = (
            old,
            touched_cast,
            count_changes,
            day_of_changes,
            totals,
            saved_days,
            saved_rules,
        )
        return self.cost

    def undo(self) -> None:
        """Revert the last ``replace``."""
        if self._undo is None:
            raise RuntimeError("nothing to undo")
        old, touched_cast, count_changes, day_of_changes, totals, saved_days, saved_rules = (
            self._undo
        )
        self._undo = None
        days = self.days
        for d, scenes in old.items():
            days[d] = scenes
        count = self.count
        for c, d, sign in count_changes:
            count[c][d] -= sign
        for c, (pc, ph, f, la, nw) in touched_cast.items():
            self.perf_cost[c], self.perf_holds[c] = pc, ph
            self.first[c], self.last[c], self.nwork[c] = f, la, nw
        day_of = self.day_of
        for s, value in reversed(day_of_changes):
            day_of[s] = value
        for d, cost, pen, over, sc, nwf, dwf in saved_days:
            self.day_cost[d], self.day_pen[d], self.day_over[d], self.day_sc[d] = (
                cost,
                pen,
                over,
                sc,
            )
            self.night_work[d], self.day_work[d] = nwf, dwf
        for r, value in saved_rules:
            self.rule_pen[r] = value
        (
            self.cost,
            self.penalty,
            self.overflow,
            self.over_days,
            self.missing,
            self.ta_pen,
            self.span_cost,
        ) = totals

    def schedule(self) -> Schedule:
        return Schedule.of(self.days)

    @property
    def hold_days(self) -> int:
        return sum(self.perf_holds)

    @property
    def set_changes(self) -> int:
        return sum(self.day_sc)

    def move_cost(self, scene: int, day: int, position: int | None = None) -> float:
        """The cost change of moving one scene (web app drag); the state is left unchanged."""
        src = self.day_of[scene]
        before = self.cost
        new: dict[int, list[int]] = {}
        if src >= 0:
            new[src] = [s for s in self.days[src] if s != scene]
        target = list(new.get(day, self.days[day]))
        target.insert(len(target) if position is None else position, scene)
        new[day] = target
        self.replace(new)
        after = self.cost
        self.undo()
        return after - before

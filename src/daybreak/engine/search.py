"""The heuristic: a greedy construction and simulated annealing over units and days.

Moves (each checked for capacity, allowed days and day/night before it is evaluated):
relocate a unit to another day (often one where its cast already works), swap two units
of different days, swap the contents of two days, and move a day's content elsewhere
(shifting the days between). Every move is scored by the one evaluator's incremental
path (:class:`~daybreak.engine.evaluate.DeltaEvaluator`): cost + weight x broken rules.
Scenes are kept grouped by set and place within each day, which removes the avoidable
set changes and company moves.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from daybreak.engine.evaluate import DeltaEvaluator
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule
from daybreak.engine.units import Unit, Units

# (seconds elapsed, best cost or None, lower bound)
Progress = Callable[[float, float | None, float], None]


@dataclass(slots=True)
class SearchResult:
    """The best schedule found (fewest broken rules first, then cheapest)."""

    schedule: Schedule
    cost: float
    penalty: int
    iterations: int


def penalty_weight(data: ProblemData) -> float:
    """How much one broken rule costs in the search: more than any single saving."""
    top_rate = max((c.rate for c in data.cast), default=0.0)
    costs = data.costs
    base = costs.shoot_day + costs.company_move + costs.set_change + 10 * top_rate
    return 10.0 * max(base, 1.0)


def insert_block(
    data: ProblemData, unit_of: tuple[int, ...], day: list[int], block: tuple[int, ...]
) -> list[int]:
    """``day`` with ``block`` inserted next to its set (else its place, else at the end)."""
    first = block[0]
    st = data.set_of[first]
    pl = data.place_of[first]
    pos = -1
    for i, s in enumerate(day):
        if data.set_of[s] == st:
            pos = i + 1
    if pos < 0 and pl >= 0:
        for i, s in enumerate(day):
            if data.place_of[s] == pl:
                pos = i + 1
    if pos < 0:
        pos = len(day)
        if data.allow_day_night_mix and not data.night[first]:
            pos = next((i for i, s in enumerate(day) if data.night[s]), len(day))
    while 0 < pos < len(day) and unit_of[day[pos - 1]] == unit_of[day[pos]]:
        pos += 1
    return day[:pos] + list(block) + day[pos:]


def order_day(data: ProblemData, units: Units, day: list[int]) -> list[int]:
    """A day's units grouped by place, then set; day work before night work."""
    blocks: list[tuple[int, ...]] = []
    seen: set[int] = set()
    for s in day:
        u = units.unit_of[s]
        if u not in seen:
            seen.add(u)
            blocks.append(tuple(x for x in day if units.unit_of[x] == u))
    place_rank: dict[int, int] = {}
    set_rank: dict[int, int] = {}
    for b in blocks:
        place_rank.setdefault(data.place_of[b[0]], len(place_rank))
        set_rank.setdefault(data.set_of[b[0]], len(set_rank))
    blocks.sort(
        key=lambda b: (
            data.night[b[-1]] if data.allow_day_night_mix else False,
            place_rank[data.place_of[b[0]]],
            set_rank[data.set_of[b[0]]],
        )
    )
    return [s for b in blocks for s in b]


def construct(data: ProblemData, units: Units, rng: random.Random) -> list[list[int]]:
    """A greedy first schedule: most constrained units first, each on the day that fits
    and already shares its set or cast (capacity, allowed days and day/night honoured
    where possible)."""
    n_days = data.num_days
    days: list[list[int]] = [[] for _ in range(n_days)]
    load = [0] * n_days
    night = [0] * n_days
    dayw = [0] * n_days
    sets_on: list[set[int]] = [set() for _ in range(n_days)]
    cast_on: list[dict[int, int]] = [{} for _ in range(n_days)]
    order = sorted(
        range(len(units.units)),
        key=lambda u: (len(units.units[u].allowed), -units.units[u].eighths, rng.random()),
    )
    for u in order:
        unit = units.units[u]
        best_day = -1
        best_score = math.inf
        candidates = sorted(unit.allowed) or list(range(n_days))
        for d in candidates:
            cap = data.capacity_eighths[d]
            over = 0
            if cap is not None and days[d] and load[d] + unit.eighths > cap:
                over = load[d] + unit.eighths - cap
            clash = 0
            if (
                not data.allow_day_night_mix
                and days[d]
                and ((unit.night and dayw[d]) or (not unit.night and night[d]) or unit.mixed)
            ):
                clash = 1
            shared_set = sum(1 for s in unit.sets if s in sets_on[d])
            shared_cast = sum(1 for c in unit.cast if c in cast_on[d])
            score = 1000.0 * (over + 10 * clash) - 5.0 * shared_set - 1.0 * shared_cast
            score += 0.01 * d
            if d not in unit.allowed:
                score += 1e6
            if score < best_score:
                best_score = score
                best_day = d
        d = best_day
        days[d] = insert_block(data, units.unit_of, days[d], unit.scenes)
        load[d] += unit.eighths
        if unit.night:
            night[d] += 1
        else:
            dayw[d] += 1
        sets_on[d].update(unit.sets)
        for c in unit.cast:
            cast_on[d][c] = cast_on[d].get(c, 0) + 1
    return days


class Annealer:
    """Simulated annealing over unit-to-day assignments (see module docstring)."""

    def __init__(
        self,
        data: ProblemData,
        units: Units,
        days: list[list[int]],
        rng: random.Random,
        *,
        soft_capacity: bool = True,
    ) -> None:
        self.data = data
        self.units = units
        self.rng = rng
        self.ev = DeltaEvaluator(data, Schedule.of(days))
        self.weight = penalty_weight(data)
        self.heat = 3.0  # initial temperature, as a multiple of a typical worsening
        self.cool = 1e-4  # final temperature as a share of the initial one
        # cumulative shares of the moves: relocate, swap, set group, performer block,
        # day swap; the rest shifts days
        self.mix = (0.33, 0.58, 0.8, 0.9, 0.95)
        self.squeeze_share = 0.15
        self.held: list[int] = []
        n_days = data.num_days
        self.uday = [-1] * len(units.units)
        self.day_units: list[list[int]] = [[] for _ in range(n_days)]
        self.load = [0] * n_days
        self.nights = [0] * n_days
        for d, day in enumerate(self.ev.days):
            seen: set[int] = set()
            for s in day:
                u = units.unit_of[s]
                if u not in seen:
                    seen.add(u)
                    self._add(u, d)
        self.allowed_list = [sorted(u.allowed) or list(range(n_days)) for u in units.units]
        self.caps = [c if c is not None else 1 << 30 for c in data.capacity_eighths]
        # soft capacity: moves may overfill a day by ``slack`` eighths, priced per eighth
        # by a weight that rises to the hard-rule weight as the search cools
        self.slack = 8 if soft_capacity else 0
        self.room = [c + self.slack for c in self.caps]
        self.over_weight = 0.0
        self.best_days = [list(day) for day in self.ev.days]
        self.best = (self.ev.penalty, self.ev.cost)

    def _add(self, u: int, d: int) -> None:
        unit = self.units.units[u]
        self.uday[u] = d
        self.day_units[d].append(u)
        self.load[d] += unit.eighths
        if unit.night:
            self.nights[d] += 1

    def _remove(self, u: int) -> None:
        unit = self.units.units[u]
        d = self.uday[u]
        self.day_units[d].remove(u)
        self.load[d] -= unit.eighths
        if unit.night:
            self.nights[d] -= 1

    @property
    def objective(self) -> float:
        ev = self.ev
        return ev.cost + self.weight * (ev.penalty - ev.over_days) + self.over_weight * ev.overflow

    def _places_ok(self, d: int, adding: list[int], leaving: list[int] | tuple[()] = ()) -> bool:
        """Whether day d stays within the company-move limit after the change."""
        limit = self.data.max_company_moves
        if limit is None:
            return True
        units = self.units.units
        places: set[int] = set()
        for v in self.day_units[d]:
            if v not in leaving:
                places.update(units[v].places)
        for v in adding:
            places.update(units[v].places)
        return len(places) <= limit + 1

    def _night_ok(self, d: int, night: bool, leaving: int | None) -> bool:
        """Whether a unit of this kind may join day d (once ``leaving`` is gone)."""
        if self.data.allow_day_night_mix:
            return True
        members = [v for v in self.day_units[d] if v != leaving]
        if not members:
            return True
        units = self.units.units
        return all(units[v].night == night and not units[v].mixed for v in members)

    # -- moves: each returns the days to rewrite, or None when not possible -------------
    def _relocate(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        rng = self.rng
        u = rng.randrange(len(self.uday))
        unit = self.units.units[u]
        src = self.uday[u]
        if unit.cast and rng.random() < 0.6:
            c = rng.choice(tuple(unit.cast))
            lo, hi = self.ev.first[c], self.ev.last[c]
            if hi < lo:
                return None
            if rng.random() < 0.5:
                d = rng.randint(max(0, lo - 1), min(self.data.num_days - 1, hi + 1))
            else:
                cnt = self.ev.count[c]
                d = rng.randint(lo, hi)
                while cnt[d] == 0:
                    d += 1
            if d not in unit.allowed:
                return None
        else:
            d = rng.choice(self.allowed_list[u])
        if d == src:
            return None
        if self.day_units[d] and self.load[d] + unit.eighths > self.room[d]:
            return None
        if not self._night_ok(d, unit.night, None) or not self._places_ok(d, [u]):
            return None
        unit_of = self.units.unit_of
        new_src = [s for s in self.ev.days[src] if unit_of[s] != u]
        new_dst = insert_block(self.data, unit_of, self.ev.days[d], unit.scenes)
        return {src: new_src, d: new_dst}, [(u, d)]

    def _swap(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        rng = self.rng
        n_units = len(self.uday)
        u = rng.randrange(n_units)
        v = rng.randrange(n_units)
        a, b = self.uday[u], self.uday[v]
        if a == b:
            return None
        uu, vv = self.units.units[u], self.units.units[v]
        if b not in uu.allowed or a not in vv.allowed:
            return None
        if len(self.day_units[a]) > 1 and self.load[a] - uu.eighths + vv.eighths > self.room[a]:
            return None
        if len(self.day_units[b]) > 1 and self.load[b] - vv.eighths + uu.eighths > self.room[b]:
            return None
        if not self._night_ok(a, vv.night, u) or not self._night_ok(b, uu.night, v):
            return None
        if not self._places_ok(a, [v], [u]) or not self._places_ok(b, [u], [v]):
            return None
        unit_of = self.units.unit_of
        new_a = [s for s in self.ev.days[a] if unit_of[s] != u]
        new_b = [s for s in self.ev.days[b] if unit_of[s] != v]
        new_a = insert_block(self.data, unit_of, new_a, vv.scenes)
        new_b = insert_block(self.data, unit_of, new_b, uu.scenes)
        return {a: new_a, b: new_b}, [(u, b), (v, a)]

    def _day_ok(self, units_: list[int], d: int) -> bool:
        allowed = self.units.units
        return all(d in allowed[u].allowed for u in units_)

    def _swap_days(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        rng = self.rng
        n = self.data.num_days
        a = rng.randrange(n)
        b = rng.randrange(n) if rng.random() < 0.5 else min(n - 1, max(0, a + rng.randint(-3, 3)))
        if a == b:
            return None
        ua, ub = self.day_units[a], self.day_units[b]
        if not self._day_ok(ua, b) or not self._day_ok(ub, a):
            return None
        caps = self.room
        if len(ua) > 1 and self.load[a] > caps[b]:
            return None
        if len(ub) > 1 and self.load[b] > caps[a]:
            return None
        days = self.ev.days
        moves = [(u, b) for u in ua] + [(u, a) for u in ub]
        return {a: list(days[b]), b: list(days[a])}, moves

    def _shift_day(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        rng = self.rng
        n = self.data.num_days
        a = rng.randrange(n)
        b = min(n - 1, max(0, a + rng.randint(-8, 8))) if rng.random() < 0.5 else rng.randrange(n)
        if a == b:
            return None
        lo, hi = min(a, b), max(a, b)
        days = self.ev.days
        content = [list(days[d]) for d in range(lo, hi + 1)]
        r = rng.random()
        if r < 0.35:
            content.reverse()
        elif r < 0.7:
            k = rng.randint(1, max(1, min(4, len(content) - 1)))
            content = content[k:] + content[:k]
        else:
            k = rng.randint(1, max(1, min(4, len(content) - 1)))
            content = content[-k:] + content[:-k]
        new: dict[int, list[int]] = {}
        moves: list[tuple[int, int]] = []
        unit_of = self.units.unit_of
        for i, scenes in enumerate(content):
            d = lo + i
            us = list(dict.fromkeys(unit_of[s] for s in scenes))
            if not self._day_ok(us, d):
                return None
            cap = self.room[d]
            if len(us) > 1 and sum(self.units.units[u].eighths for u in us) > cap:
                return None
            new[d] = scenes
            moves.extend((u, d) for u in us)
        return new, moves

    def _block(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        """Move all units of one performer on one day to another of their work days."""
        rng = self.rng
        c = rng.randrange(self.data.num_cast) if self.data.num_cast else -1
        if c < 0 or self.ev.nwork[c] < 2:
            return None
        cnt = self.ev.count[c]
        work = [d for d in range(self.ev.first[c], self.ev.last[c] + 1) if cnt[d]]
        src, dst = rng.sample(work, 2)
        us = [u for u in self.day_units[src] if c in self.units.units[u].cast]
        if not us:
            return None
        units = self.units.units
        total = sum(units[u].eighths for u in us)
        if self.load[dst] + total > self.room[dst]:
            return None
        if any(dst not in units[u].allowed for u in us):
            return None
        if any(not self._night_ok(dst, units[u].night, None) for u in us):
            return None
        if not self._places_ok(dst, us):
            return None
        unit_of = self.units.unit_of
        moving = set(us)
        new_src = [s for s in self.ev.days[src] if unit_of[s] not in moving]
        new_dst = list(self.ev.days[dst])
        for u in us:
            new_dst = insert_block(self.data, unit_of, new_dst, units[u].scenes)
        return {src: new_src, dst: new_dst}, [(u, dst) for u in us]

    def _set_group(self, u: int) -> list[int]:
        """The units of u's day on u's set (moved together to keep a set in one piece)."""
        units = self.units.units
        key = units[u].sets[0]
        return [v for v in self.day_units[self.uday[u]] if units[v].sets[0] == key]

    def _group_exchange(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        """Move one day's set group to another day, or swap it with a set group there."""
        rng = self.rng
        u = rng.randrange(len(self.uday))
        a = self.uday[u]
        g1 = self._set_group(u)
        units = self.units.units
        if rng.random() < 0.5:
            v = rng.randrange(len(self.uday))
            b = self.uday[v]
            if a == b:
                return None
            g2 = self._set_group(v)
        else:
            b = rng.choice(self.allowed_list[u])
            if a == b:
                return None
            g2 = []
        e1 = sum(units[w].eighths for w in g1)
        e2 = sum(units[w].eighths for w in g2)
        left_a = len(self.day_units[a]) - len(g1) + len(g2)
        left_b = len(self.day_units[b]) - len(g2) + len(g1)
        if left_a > 1 and self.load[a] - e1 + e2 > self.room[a]:
            return None
        if left_b > 1 and self.load[b] - e2 + e1 > self.room[b]:
            return None
        if any(b not in units[w].allowed for w in g1) or any(a not in units[w].allowed for w in g2):
            return None
        mix = self.data.allow_day_night_mix
        if not mix:
            n1 = units[g1[0]].night
            rest_b = [w for w in self.day_units[b] if w not in g2]
            if any(units[w].night != n1 or units[w].mixed for w in rest_b):
                return None
            if g2:
                n2 = units[g2[0]].night
                rest_a = [w for w in self.day_units[a] if w not in g1]
                if any(units[w].night != n2 or units[w].mixed for w in rest_a):
                    return None
        if not self._places_ok(a, g2, g1) or not self._places_ok(b, g1, g2):
            return None
        unit_of = self.units.unit_of
        s1, s2 = set(g1), set(g2)
        new_a = [s for s in self.ev.days[a] if unit_of[s] not in s1]
        new_b = [s for s in self.ev.days[b] if unit_of[s] not in s2]
        for w in g2:
            new_a = insert_block(self.data, unit_of, new_a, units[w].scenes)
        for w in g1:
            new_b = insert_block(self.data, unit_of, new_b, units[w].scenes)
        return {a: new_a, b: new_b}, [(w, b) for w in g1] + [(w, a) for w in g2]

    def _squeeze(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        """Move a held performer's units off their first or last day into their span,
        sending back units of the target day that do not need them when room is short."""
        rng = self.rng
        ev = self.ev
        held = self.held
        if not held or rng.random() < 0.02:
            held[:] = [c for c in range(self.data.num_cast) if ev.perf_holds[c] > 0]
            if not held:
                return None
        c = rng.choice(held)
        lo, hi = ev.first[c], ev.last[c]
        if hi - lo < 2:
            return None
        src = lo if rng.random() < 0.5 else hi
        dst = rng.randint(lo + 1, hi - 1)
        units = self.units.units
        us = [u for u in self.day_units[src] if c in units[u].cast]
        if any(dst not in units[u].allowed for u in us):
            return None
        need = sum(units[u].eighths for u in us)
        back: list[int] = []
        room = self.room[dst] - self.load[dst]
        if need > room:
            others = [u for u in self.day_units[dst] if c not in units[u].cast]
            rng.shuffle(others)
            for v in others:
                if room >= need:
                    break
                back.append(v)
                room += units[v].eighths
            if room < need:
                return None
        if any(src not in units[v].allowed for v in back):
            return None
        stay_src = [u for u in self.day_units[src] if u not in us]
        stay_dst = [u for u in self.day_units[dst] if u not in back]
        if (
            len(stay_src) + len(back) > 1
            and sum(units[u].eighths for u in stay_src) + sum(units[v].eighths for v in back)
            > self.room[src]
        ):
            return None
        if not self.data.allow_day_night_mix:
            kinds_dst = {units[u].night for u in stay_dst + us} | {
                True for u in stay_dst + us if units[u].mixed
            }
            kinds_src = {units[u].night for u in stay_src + back}
            if len(kinds_dst) > 1 or len(kinds_src) > 1:
                return None
        if not self._places_ok(dst, us, back) or not self._places_ok(src, back, us):
            return None
        unit_of = self.units.unit_of
        moving_out, moving_back = set(us), set(back)
        new_src = [s for s in self.ev.days[src] if unit_of[s] not in moving_out]
        new_dst = [s for s in self.ev.days[dst] if unit_of[s] not in moving_back]
        for u in us:
            new_dst = insert_block(self.data, unit_of, new_dst, units[u].scenes)
        for v in back:
            new_src = insert_block(self.data, unit_of, new_src, units[v].scenes)
        return {src: new_src, dst: new_dst}, [(u, dst) for u in us] + [(v, src) for v in back]

    def _propose(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]] | None:
        r = self.rng.random()
        mix = self.mix
        if r < self.squeeze_share:
            return self._squeeze()
        r = self.rng.random()
        if r < mix[0]:
            return self._relocate()
        if r < mix[1]:
            return self._swap()
        if r < mix[2]:
            return self._group_exchange()
        if r < mix[3]:
            return self._block()
        if r < mix[4]:
            return self._swap_days()
        return self._shift_day()

    def _apply_bookkeeping(self, moves: list[tuple[int, int]]) -> None:
        for u, _ in moves:
            self._remove(u)
        for u, d in moves:
            self._add(u, d)

    def run(
        self,
        seconds: float,
        *,
        progress: Callable[[float | None], None] | None = None,
        stop_at: float | None = None,
    ) -> SearchResult:
        """Anneal for ``seconds`` (geometric cooling in time); return the best found."""
        rng = self.rng
        start = time.perf_counter()
        end = start + seconds
        t0 = self._initial_temperature()
        t1 = max(t0 * self.cool, 1e-3)
        temp = t0
        over_start = t0 / (8 * self.heat)
        over_end = self.weight / 8
        self.over_weight = over_start if self.slack else self.weight
        current = self.objective
        iterations = 0
        last_report = start
        ev = self.ev
        while True:
            iterations += 1
            if iterations & 63 == 0:
                now = time.perf_counter()
                if now >= end:
                    break
                frac = (now - start) / seconds
                temp = t0 * (t1 / t0) ** frac
                if self.slack:
                    self.over_weight = over_start + (over_end - over_start) * frac**3
                    current = self.objective
                if progress is not None and now - last_report > 0.25:
                    last_report = now
                    progress(self.best[1] if self.best[0] == 0 else None)
                if stop_at is not None and self.best[0] == 0 and self.best[1] <= stop_at:
                    break
            proposal = self._propose()
            if proposal is None:
                continue
            new_days, moves = proposal
            ev.replace(new_days)
            value = (
                ev.cost + self.weight * (ev.penalty - ev.over_days) + self.over_weight * ev.overflow
            )
            delta = value - current
            if delta <= 0 or rng.random() < math.exp(-delta / temp):
                current = value
                self._apply_bookkeeping(moves)
                key = (self.ev.penalty, self.ev.cost)
                if key < self.best:
                    self.best = key
                    self.best_days = [list(day) for day in self.ev.days]
            else:
                self.ev.undo()
        return SearchResult(Schedule.of(self.best_days), self.best[1], self.best[0], iterations)

    def _initial_temperature(self) -> float:
        deltas: list[float] = []
        base = self.objective
        for _ in range(200):
            proposal = self._propose()
            if proposal is None:
                continue
            self.ev.replace(proposal[0])
            delta = self.objective - base
            self.ev.undo()
            if delta > 0:
                deltas.append(delta)
        if not deltas:
            return 1000.0
        deltas.sort()
        return max(deltas[len(deltas) // 4], 1.0) * self.heat


def construct_by_sets(data: ProblemData, units: Units, rng: random.Random) -> list[list[int]]:
    """A first schedule that keeps each set whole: the fewest set changes possible.

    Each set's units (day and night apart) are packed into as few day-sized chunks as
    possible; chunks are packed into days (one working pattern per day), then days
    with several chunks are split until every available day is used (each extra day
    saves a set change). Days are ordered night blocks first, then checked against the
    allowed days, swapping days when that fixes a unit's availability.
    """
    n_days = data.num_days
    cap = min((c for c in data.capacity_eighths if c is not None), default=1 << 30)
    groups: dict[tuple[int, bool], list[int]] = {}
    for u, unit in enumerate(units.units):
        groups.setdefault((unit.sets[0], unit.night), []).append(u)
    chunks: list[tuple[bool, list[int], int]] = []
    for (_, night), members in groups.items():
        members.sort(key=lambda u: -units.units[u].eighths)
        bins: list[tuple[list[int], int]] = []
        for u in members:
            e = units.units[u].eighths
            for i, (content, load) in enumerate(bins):
                if load + e <= cap:
                    bins[i] = ([*content, u], load + e)
                    break
            else:
                bins.append(([u], e))
        chunks.extend((night, content, load) for content, load in bins)
    chunks.sort(key=lambda c: (-c[2], rng.random()))
    days: list[tuple[bool, list[list[int]], int]] = []
    limit = data.max_company_moves

    def places_of(content: list[int]) -> set[int]:
        return {p for u in content for p in units.units[u].places}

    for night, content, load in chunks:
        best = -1
        best_room = 1 << 30
        for i, (dn, cs, dl) in enumerate(days):
            room = cap - dl - load
            if dn == night and room >= 0 and room < best_room:
                if limit is not None:
                    together = places_of(content).union(*(places_of(c) for c in cs))
                    if len(together) > limit + 1:
                        continue
                best, best_room = i, room
        if (best < 0 or len(days) < n_days // 2) and (best < 0 or rng.random() < 0.5):
            days.append((night, [content], load))
            continue
        dn, cs, dl = days[best]
        days[best] = (dn, [*cs, content], dl + load)
    while len(days) < n_days:
        multi = [i for i, (_, cs, _) in enumerate(days) if len(cs) > 1]
        if not multi:
            break
        i = max(multi, key=lambda j: len(days[j][1]))
        dn, cs, dl = days[i]
        moved = cs[-1]
        moved_load = sum(units.units[u].eighths for u in moved)
        days[i] = (dn, cs[:-1], dl - moved_load)
        days.append((dn, [moved], moved_load))
    days.sort(key=lambda x: (not x[0], rng.random()))
    order: list[list[int]] = [[u for c in cs for u in c] for _, cs, _ in days]
    order += [[] for _ in range(n_days - len(order))]
    order = order[:n_days] if len(order) <= n_days else _merge_overflow(order, n_days)
    # availability: swap days to put units on allowed days where possible
    for _ in range(3):
        for d in range(n_days):
            if all(d in units.units[u].allowed for u in order[d]):
                continue
            for e in range(n_days):
                if e == d:
                    continue
                if all(e in units.units[u].allowed for u in order[d]) and all(
                    d in units.units[u].allowed for u in order[e]
                ):
                    order[d], order[e] = order[e], order[d]
                    break
    result: list[list[int]] = []
    for content in order:
        day: list[int] = []
        for u in content:
            day = insert_block(data, units.unit_of, day, units.units[u].scenes)
        result.append(day)
    return result


def _merge_overflow(order: list[list[int]], n_days: int) -> list[list[int]]:
    """More day bins than days: put the extra bins' units onto the last days."""
    head = order[:n_days]
    for i, extra in enumerate(order[n_days:]):
        head[n_days - 1 - (i % n_days)].extend(extra)
    return head


def chunk_units(data: ProblemData, units: Units) -> Units:
    """Coarser units: each set's units (day and night apart) packed into day-sized chunks,
    units sharing cast packed together. Searching over chunks keeps every set in as few
    pieces as possible (the fewest set changes) while the days and their order change."""
    cap = min((c for c in data.capacity_eighths if c is not None), default=1 << 30)
    groups: dict[tuple[int, bool], list[int]] = {}
    for u, unit in enumerate(units.units):
        groups.setdefault((unit.sets[0], unit.night), []).append(u)
    chunks: list[list[int]] = []
    for members in groups.values():
        members.sort(key=lambda u: (sorted(units.units[u].cast), -units.units[u].eighths))
        bins: list[tuple[list[int], int, frozenset[int]]] = []
        for u in sorted(members, key=lambda u: -units.units[u].eighths):
            unit = units.units[u]
            best = -1
            best_score = -1
            for i, (content, load, allowed) in enumerate(bins):
                if load + unit.eighths <= cap and allowed & unit.allowed:
                    shared = len(
                        unit.cast & frozenset().union(*(units.units[v].cast for v in content))
                    )
                    if shared > best_score:
                        best, best_score = i, shared
            if best < 0:
                bins.append(([u], unit.eighths, unit.allowed))
            else:
                content, load, allowed = bins[best]
                bins[best] = ([*content, u], load + unit.eighths, allowed & unit.allowed)
        chunks.extend(content for content, _, _ in bins)
    merged: list[Unit] = []
    unit_of = [0] * data.num_scenes
    for content in chunks:
        parts = [units.units[u] for u in content]
        scenes = tuple(s for p in parts for s in p.scenes)
        allowed = parts[0].allowed
        for p in parts[1:]:
            allowed &= p.allowed
        sets: list[int] = []
        places: list[int] = []
        for p in parts:
            sets += [s for s in p.sets if s not in sets]
            places += [q for q in p.places if q not in places]
        for s in scenes:
            unit_of[s] = len(merged)
        merged.append(
            Unit(
                scenes=scenes,
                eighths=sum(p.eighths for p in parts),
                minutes=sum(p.minutes for p in parts),
                night=any(p.night for p in parts),
                mixed=any(p.mixed for p in parts) or len({p.night for p in parts}) > 1,
                cast=frozenset().union(*(p.cast for p in parts)),
                sets=tuple(sets),
                places=tuple(places),
                allowed=allowed,
            )
        )
    return Units(tuple(merged), tuple(unit_of), units.merged_chains)

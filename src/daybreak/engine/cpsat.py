"""The full model in OR-Tools CP-SAT: unit-to-day booleans, cast spans, holds and drops.

Used for the exact solve and lower bound on small and medium problems, and as the
large-neighbourhood sub-solver on large ones (some units free on some days, the rest
fixed). The model's objective equals the evaluator's cost for cast, shoot days (every day
from the first to the last used one) and location days, and never exceeds it for set
changes and company moves (counted as set-days and place-days minus used days, which
grouping by set and place attains), so its best bound is a valid lower bound for the whole problem.

Variables: ``x[u, d]`` unit u on day d; ``used[d]``; ``work[c, d]``; ``started[c, d]``
and ``pending[c, d]`` (a work day at or before / at or after d) whose conjunction is a
paid day; ``drop[c, d]`` and ``run[c, d]`` for drops; ``zs[set, d]``, ``zp[place, d]``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from daybreak.engine.evaluate import turnaround_table
from daybreak.engine.problem import BEFORE, KEEP_TOGETHER, ProblemData
from daybreak.engine.units import Units


@dataclass(slots=True)
class CpResult:
    """Outcome of one CP-SAT solve: unit days (None when no solution), objective, bound."""

    status: str
    unit_day: list[int] | None
    objective: float | None
    bound: float
    proven: bool


def _scale(data: ProblemData) -> int:
    values = [
        data.costs.shoot_day,
        data.costs.company_move,
        data.costs.set_change,
        data.costs.location_day,
        data.costs.drop,
        *data.place_daily_cost,
        *(c.rate for c in data.cast),
        *(c.rate * data.costs.work_weight for c in data.cast),
    ]
    return 1 if all(float(v).is_integer() for v in values) else 100


class CpModel:
    """One CP-SAT model of the problem; ``free`` units may move within ``free_days``."""

    def __init__(
        self,
        data: ProblemData,
        units: Units,
        *,
        unit_day: list[int] | None = None,
        free_units: set[int] | None = None,
        free_days: set[int] | None = None,
    ) -> None:
        self.data = data
        self.units = units
        self.model = cp_model.CpModel()
        self.scale = _scale(data)
        n_units = len(units.units)
        all_units = free_units is None
        self.free = set(range(n_units)) if free_units is None else set(free_units)
        self.fixed_day = {
            u: unit_day[u] for u in range(n_units) if u not in self.free and unit_day is not None
        }
        n_days = data.num_days
        self.days = sorted(free_days) if free_days is not None else list(range(n_days))
        self.free_day_set = set(self.days)
        self.full = all_units and free_days is None
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.objective_terms: list[tuple[int, cp_model.LinearExprT]] = []
        self.constant = 0
        self._variables()
        self._capacity()
        self._day_night()
        self._turnaround()
        self._rules()
        self._cast()
        self._places()
        self._span()
        self._objective()

    # -- helpers ------------------------------------------------------------------------
    def _units_on(self, d: int) -> list[int]:
        return [u for u, day in self.fixed_day.items() if day == d]

    def _on(self, u: int, d: int) -> cp_model.LinearExprT | int:
        if u in self.fixed_day:
            return 1 if self.fixed_day[u] == d else 0
        return self.x.get((u, d), 0)

    def day_expr(self, u: int) -> Any:
        if u in self.fixed_day:
            return self.fixed_day[u]
        return sum(d * v for (uu, d), v in self.x.items() if uu == u)

    # -- families -------------------------------------------------------------------------
    def _variables(self) -> None:
        m = self.model
        self.unit_vars: dict[int, list[tuple[int, cp_model.IntVar]]] = {}
        for u in sorted(self.free):
            unit = self.units.units[u]
            allowed = [d for d in self.days if d in unit.allowed]
            row = []
            for d in allowed:
                v = m.new_bool_var(f"x{u}_{d}")
                self.x[(u, d)] = v
                row.append((d, v))
            self.unit_vars[u] = row
            m.add_exactly_one(v for _, v in row)
        self.fixed_units_by_day: dict[int, list[int]] = {}
        for u, d in self.fixed_day.items():
            self.fixed_units_by_day.setdefault(d, []).append(u)
        self.vars_by_day: dict[int, list[tuple[int, cp_model.IntVar]]] = {}
        for (u, d), v in self.x.items():
            self.vars_by_day.setdefault(d, []).append((u, v))
        self.used: dict[int, cp_model.IntVar | int] = {}
        for d in range(self.data.num_days):
            fixed = self.fixed_units_by_day.get(d, [])
            free = self.vars_by_day.get(d, [])
            if fixed:
                self.used[d] = 1
            elif not free:
                self.used[d] = 0
            else:
                y = m.new_bool_var(f"used{d}")
                for _, v in free:
                    m.add_implication(v, y)
                m.add_bool_or([v for _, v in free]).only_enforce_if(y)
                self.used[d] = y

    def _capacity(self) -> None:
        m = self.model
        units = self.units.units
        for d in self.days:
            cap = self.data.capacity_eighths[d]
            free = self.vars_by_day.get(d, [])
            fixed = self.fixed_units_by_day.get(d, [])
            if cap is not None:
                fixed_load = sum(units[u].eighths for u in fixed)
                small = [(u, v) for u, v in free if units[u].eighths <= cap]
                big = [(u, v) for u, v in free if units[u].eighths > cap]
                if small:
                    m.add(sum(units[u].eighths * v for u, v in small) <= cap - fixed_load)
                for u, v in big:
                    if fixed:
                        m.add(v == 0)
                    for w, other in free:
                        if w != u:
                            m.add_implication(v, other.negated())
            cap_min = self.data.capacity_minutes[d]
            if cap_min is not None and any(units[u].minutes for u, _ in free):
                fixed_min = sum(units[u].minutes for u in fixed)
                m.add(
                    sum(units[u].minutes * v for u, v in free if units[u].minutes <= cap_min)
                    <= cap_min - min(fixed_min, cap_min)
                )

    def _day_night(self) -> None:
        m = self.model
        units = self.units.units
        self.nw: dict[int, cp_model.IntVar | int] = {}
        self.dw: dict[int, cp_model.IntVar | int] = {}
        for d in range(self.data.num_days):
            fixed = self.fixed_units_by_day.get(d, [])
            free = self.vars_by_day.get(d, [])
            fixed_night = any(units[u].night for u in fixed)
            fixed_day = any(not units[u].night or units[u].mixed for u in fixed)
            if not free:
                self.nw[d] = int(fixed_night)
                self.dw[d] = int(fixed_day)
                continue
            nw = m.new_bool_var(f"nw{d}")
            dw = m.new_bool_var(f"dw{d}")
            if fixed_night:
                m.add(nw == 1)
            if fixed_day:
                m.add(dw == 1)
            for u, v in free:
                if units[u].night:
                    m.add_implication(v, nw)
                if not units[u].night or units[u].mixed:
                    m.add_implication(v, dw)
            if not self.data.allow_day_night_mix:
                m.add(nw + dw <= 1)
            self.nw[d] = nw
            self.dw[d] = dw

    def _turnaround(self) -> None:
        m = self.model
        table = turnaround_table(self.data)
        n = self.data.num_days
        for a in range(n):
            for b in range(a + 1, n):
                if table[a][b]:
                    break
                nw, dw = self.nw[a], self.dw[b]
                if isinstance(nw, int) and isinstance(dw, int) and not (nw and dw):
                    continue
                between = [self.used[k] for k in range(a + 1, b)]
                m.add(nw + dw - sum(between) <= 1)

    def _rules(self) -> None:
        m = self.model
        unit_of = self.units.unit_of
        for rule in self.data.rules:
            if rule.kind == BEFORE:
                first = unit_of[rule.scenes[0]]
                for s in rule.scenes[1:]:
                    other = unit_of[s]
                    if other == first:
                        m.add_bool_or([])  # infeasible: the same unit cannot precede itself
                        continue
                    if first in self.free or other in self.free:
                        m.add(self.day_expr(first) + 1 <= self.day_expr(other))
            elif rule.kind == KEEP_TOGETHER:
                for a, b in zip(rule.scenes, rule.scenes[1:], strict=False):
                    ua, ub = unit_of[a], unit_of[b]
                    if ua == ub or (ua not in self.free and ub not in self.free):
                        continue
                    diff = self.day_expr(ub) - self.day_expr(ua)
                    m.add(diff >= 0)
                    m.add(diff <= 1)

    def _cast(self) -> None:
        m = self.model
        data = self.data
        n = data.num_days
        units = self.units.units
        relevant: set[int] = set()
        for u in self.free:
            relevant.update(units[u].cast)
        by_cast_free: dict[int, dict[int, list[cp_model.IntVar]]] = {}
        for (u, d), v in self.x.items():
            for c in units[u].cast:
                by_cast_free.setdefault(c, {}).setdefault(d, []).append(v)
        fixed_work: dict[int, set[int]] = {}
        for u, d in self.fixed_day.items():
            for c in units[u].cast:
                fixed_work.setdefault(c, set()).add(d)
        for c in sorted(relevant):
            cast = data.cast[c]
            rate = round(cast.rate * self.scale)
            work_rate = round(cast.rate * data.costs.work_weight * self.scale)
            frees = by_cast_free.get(c, {})
            fixed = fixed_work.get(c, set())
            work: list[cp_model.IntVar | int] = []
            for d in range(n):
                if d in fixed:
                    work.append(1)
                elif d in frees:
                    w = m.new_bool_var(f"w{c}_{d}")
                    for v in frees[d]:
                        m.add_implication(v, w)
                    m.add_bool_or(frees[d]).only_enforce_if(w)
                    work.append(w)
                else:
                    work.append(0)
            lo = next((d for d in range(n) if not _zero(work[d])), None)
            hi = next((d for d in range(n - 1, -1, -1) if not _zero(work[d])), None)
            if lo is None or hi is None:
                continue
            started: list[cp_model.IntVar | int] = [0] * n
            pending: list[cp_model.IntVar | int] = [0] * n
            for d in range(lo, hi + 1):
                st = m.new_bool_var(f"st{c}_{d}")
                m.add(st >= work[d])
                if d > lo:
                    m.add(st >= started[d - 1])
                started[d] = st
            for d in range(hi, lo - 1, -1):
                pe = m.new_bool_var(f"pe{c}_{d}")
                m.add(pe >= work[d])
                if d < hi:
                    m.add(pe >= pending[d + 1])
                pending[d] = pe
            paid: list[cp_model.IntVar] = []
            for d in range(lo, hi + 1):
                p = m.new_bool_var(f"in{c}_{d}")
                m.add(p >= started[d] + pending[d] - 1)
                paid.append(p)
            self.constant += rate * 2 * cast.travel_days
            if not cast.allow_hold:
                for d in range(lo, hi + 1):
                    self.objective_terms.append((work_rate, work[d]))
                continue
            self.objective_terms.extend((rate, p) for p in paid)
            if work_rate != rate:  # work days count at the work weight, holds in full
                self.objective_terms.extend(
                    (work_rate - rate, work[d]) for d in range(lo, hi + 1) if not _zero(work[d])
                )
            if cast.allow_drop and cast.max_drops > 0 and hi - lo - 1 > cast.drop_min_gap:
                g = cast.drop_min_gap
                drops: list[cp_model.IntVar] = []
                runs: list[cp_model.IntVar] = []
                for i, d in enumerate(range(lo, hi + 1)):
                    dr = m.new_bool_var(f"dr{c}_{d}")
                    m.add(dr <= paid[i])
                    m.add(dr + work[d] <= 1)
                    drops.append(dr)
                for i in range(len(drops)):
                    r = m.new_bool_var(f"run{c}_{i}")
                    prev = drops[i - 1] if i > 0 else 0
                    m.add(r >= drops[i] - prev)
                    if i + g >= len(drops):
                        m.add(r == 0)
                    else:
                        for k in range(g + 1):
                            m.add_implication(r, drops[i + k])
                    runs.append(r)
                m.add(sum(runs) <= cast.max_drops)
                self.objective_terms.extend((-rate, dr) for dr in drops)
                drop_cost = round(data.costs.drop * self.scale)
                if drop_cost:
                    self.objective_terms.extend((drop_cost, r) for r in runs)

    def _places(self) -> None:
        m = self.model
        data = self.data
        units = self.units.units
        costs = data.costs
        set_w = round(costs.set_change * self.scale)
        move_w = round(costs.company_move * self.scale)
        for d in range(data.num_days):
            used = self.used[d]
            fixed = self.fixed_units_by_day.get(d, [])
            free = self.vars_by_day.get(d, [])
            if _zero(used):
                continue
            fixed_sets = {s for u in fixed for s in units[u].sets}
            fixed_places = {p for u in fixed for p in units[u].places}
            zs: dict[int, cp_model.IntVar] = {}
            zp: dict[int, cp_model.IntVar] = {}
            for u, v in free:
                for s in units[u].sets:
                    if s in fixed_sets:
                        continue
                    if s not in zs:
                        zs[s] = m.new_bool_var(f"zs{s}_{d}")
                    m.add_implication(v, zs[s])
                for p in units[u].places:
                    if p in fixed_places:
                        continue
                    if p not in zp:
                        zp[p] = m.new_bool_var(f"zp{p}_{d}")
                    m.add_implication(v, zp[p])
            set_days = len(fixed_sets) + sum(zs.values())
            place_days = len(fixed_places) + sum(zp.values())
            # changes >= distinct sets - 1 on a used day (exact when grouped by set)
            self.objective_terms.append((set_w, set_days - used))
            self.objective_terms.append((move_w, place_days - used))
            for p in fixed_places:
                self.constant += round((data.place_daily_cost[p] + costs.location_day) * self.scale)
            for p, z in zp.items():
                w = round((data.place_daily_cost[p] + costs.location_day) * self.scale)
                self.objective_terms.append((w, z))
            if data.max_company_moves is not None and (zp or len(fixed_places) > 1):
                m.add(place_days - used <= data.max_company_moves)
            cap_min = data.capacity_minutes[d]
            if cap_min is not None and data.company_move_minutes and zp:
                total = sum(units[u].minutes * v for u, v in free) + sum(
                    units[u].minutes for u in fixed
                )
                m.add(total + data.company_move_minutes * (place_days - used) <= cap_min)

    def _span(self) -> None:
        """Shoot days: every day from the first used to the last used one is paid.

        ``started[d]`` (some day up to d is used) and ``pending[d]`` (some day from d on
        is used) are pushed down by the objective; day d is paid when both hold."""
        day_w = round(self.data.costs.shoot_day * self.scale)
        if day_w == 0:
            return
        m = self.model
        n = self.data.num_days
        started = [m.new_bool_var(f"started{d}") for d in range(n)]
        pending = [m.new_bool_var(f"pending{d}") for d in range(n)]
        for d in range(n):
            used = self.used[d]
            if not _zero(used):
                m.add(started[d] >= used)
                m.add(pending[d] >= used)
            if d > 0:
                m.add(started[d] >= started[d - 1])
                m.add(pending[d - 1] >= pending[d])
            paid = m.new_bool_var(f"paid{d}")
            m.add(paid >= started[d] + pending[d] - 1)
            self.objective_terms.append((day_w, paid))

    def _objective(self) -> None:
        self.model.minimize(sum(w * e for w, e in self.objective_terms) + self.constant)

    # -- solving ------------------------------------------------------------------------
    def hint(self, unit_day: list[int]) -> None:
        for (u, d), v in self.x.items():
            self.model.add_hint(v, 1 if unit_day[u] == d else 0)

    def solve(self, *, seconds: float, seed: int = 0, workers: int = 2) -> CpResult:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        solver.parameters.random_seed = seed
        solver.parameters.num_workers = workers
        status = solver.solve(self.model)
        name = solver.status_name(status)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            unit_day = [self.fixed_day.get(u, -1) for u in range(len(self.units.units))]
            for (u, d), v in self.x.items():
                if solver.boolean_value(v):
                    unit_day[u] = d
            objective = solver.objective_value / self.scale
            bound = solver.best_objective_bound / self.scale
            return CpResult(name, unit_day, objective, bound, status == cp_model.OPTIMAL)
        if status == cp_model.INFEASIBLE:
            return CpResult(name, None, None, math.inf, True)
        return CpResult(name, None, None, solver.best_objective_bound / self.scale, False)


def _zero(value: object) -> bool:
    return isinstance(value, int) and value == 0

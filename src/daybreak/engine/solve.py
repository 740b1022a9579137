"""One entry point: ``solve(data, ...) -> Result``.

1. Pre-checks (:mod:`daybreak.engine.explain`) catch rules that cannot all hold.
2. Two constructions (greedy by cast and day, and set-preserving packing) seed
   simulated annealing (:mod:`daybreak.engine.search`), scored by the one evaluator.
3. Small and medium problems then go to CP-SAT (:mod:`daybreak.engine.cpsat`), warm-started
   with the best schedule, for an exact solve and a bound; large ones spend the time in
   the annealer with CP-SAT repairing windows of days (large-neighbourhood search).
4. The day order is polished window by window with the exact talent-scheduling DP
   (:mod:`daybreak.engine.day_order`), and empty days inside the shoot are closed
   (:func:`compress`).
5. The lower bound is the best of the relaxation (:mod:`daybreak.engine.bounds`) and
   CP-SAT's bound; the result is OPTIMAL when the cost meets it.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable

from daybreak.engine.bounds import relaxation_bound
from daybreak.engine.cpsat import CpModel
from daybreak.engine.day_order import reorder_days
from daybreak.engine.evaluate import Evaluation, evaluate
from daybreak.engine.explain import explain_infeasible, precheck
from daybreak.engine.problem import KEEP_TOGETHER, ProblemData
from daybreak.engine.schedule import Result, Schedule, Status
from daybreak.engine.search import Annealer, construct, construct_by_sets, order_day
from daybreak.engine.units import Units, build_units

log = logging.getLogger(__name__)

ProgressCallback = Callable[[float, float | None, float], None]

# Above this many (unit, day) pairs the full CP-SAT model is not tried.
EXACT_LIMIT = 6_000
# Share of the time spent annealing before the CP-SAT neighbourhoods on large problems.
LNS_START = 0.8


def solve(
    data: ProblemData,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    progress_callback: ProgressCallback | None = None,
    warm_start: Schedule | None = None,
    exact: bool | None = None,
) -> Result:
    """The cheapest schedule honouring every hard rule that the time allows, with a bound.

    ``progress_callback(elapsed, best_cost_or_None, lower_bound)`` is called a few times a
    second. ``exact`` forces (True) or skips (False) the CP-SAT stage; by default it runs
    on problems up to :data:`EXACT_LIMIT` unit-day pairs.
    """
    start = time.perf_counter()
    rng = random.Random(seed)
    reasons = precheck(data)
    if reasons:
        return Result(
            None, Status.INFEASIBLE, None, {}, math.inf, time.perf_counter() - start, reasons
        )
    bound = relaxation_bound(data)

    def elapsed() -> float:
        return time.perf_counter() - start

    def report(best: float | None) -> None:
        if progress_callback is not None:
            progress_callback(elapsed(), best, bound)

    units = build_units(data, merge_chains=True)
    exact_units = build_units(data, merge_chains=False)
    size = len(exact_units.units) * data.num_days
    run_exact = exact if exact is not None else size <= EXACT_LIMIT

    deadline = start + time_limit
    candidates: list[list[list[int]]] = []
    if warm_start is not None:
        candidates.append([list(day) for day in warm_start.days[: data.num_days]])
    candidates.append(construct(data, units, rng))
    candidates.append(construct_by_sets(data, units, rng))
    best_days = min(candidates, key=lambda days: _score(data, days))
    report(None)

    search_share = 0.35 if run_exact else LNS_START
    search_time = max(0.2, (time_limit - elapsed()) * search_share)
    annealer = Annealer(data, units, best_days, rng)
    found = annealer.run(
        search_time,
        progress=report,
        stop_at=bound,
    )
    best_eval = evaluate(data, found.schedule)
    best_schedule = found.schedule
    report(best_eval.total if best_eval.feasible else None)
    if not run_exact and best_eval.feasible:
        best_schedule, best_eval = _lns(
            data,
            units,
            best_schedule,
            best_eval,
            deadline,
            rng,
            report,
            bound,
        )
    explanation: list[str] = []
    proven = False

    if run_exact and elapsed() < time_limit:
        model = CpModel(data, exact_units)
        hint = _unit_days(exact_units, best_schedule, data.num_days)
        if hint is not None:
            model.hint(hint)
        cp = model.solve(seconds=time_limit - elapsed(), seed=seed)
        log.info("CP-SAT %s objective %s bound %s", cp.status, cp.objective, cp.bound)
        if cp.status == "INFEASIBLE":
            explanation = explain_infeasible(data, seconds=max(1.0, time_limit / 4))
            return Result(
                None,
                Status.INFEASIBLE,
                None,
                {},
                math.inf,
                elapsed(),
                explanation or ["CP-SAT proved that no schedule honours every rule"],
            )
        if cp.unit_day is not None:
            schedule = _schedule_from_units(data, exact_units, cp.unit_day)
            ev = evaluate(data, schedule)
            if _better(ev, best_eval):
                best_eval, best_schedule = ev, schedule
        if math.isfinite(cp.bound):
            bound = max(bound, cp.bound)
        proven = cp.proven

    if best_eval.feasible:
        best_schedule, best_eval = reorder_days(data, best_schedule, best_eval)
    best_schedule, best_eval = compress(data, best_schedule, best_eval)
    if best_eval.feasible:
        status = Status.FEASIBLE
        if best_eval.total <= bound + 1e-6 or (proven and best_eval.total <= bound + 1e-6):
            status = Status.OPTIMAL
        bound = min(bound, best_eval.total)
    else:
        status = Status.UNKNOWN
        explanation = [
            "no schedule honouring every rule was found in time; the best one breaks:",
            *(v.message for v in best_eval.violations[:10]),
        ]
    report(best_eval.total if best_eval.feasible else None)
    return Result(
        best_schedule,
        status,
        best_eval.total if best_eval.feasible else None,
        best_eval.cost_dict(),
        bound,
        elapsed(),
        explanation,
        [v.message for v in best_eval.violations],
    )


def _lns(
    data: ProblemData,
    units: Units,
    schedule: Schedule,
    current: Evaluation,
    deadline: float,
    rng: random.Random,
    report: Callable[[float | None], None],
    bound: float,
    workers: int = 2,
) -> tuple[Schedule, Evaluation]:
    """Large-neighbourhood search: CP-SAT re-plans the units of a few days at a time
    (a window of consecutive days, or a performer's span), each improvement polished by
    a short cool anneal."""
    n_days = data.num_days
    while time.perf_counter() < deadline - 0.5 and current.total > bound + 1e-6:
        unit_day = _unit_days(units, schedule, n_days)
        if unit_day is None:
            break
        size = rng.randint(6, 10)
        holders = [p for p in current.performers if p.hold_days]
        if holders and rng.random() < 0.5:
            perf = rng.choice(holders)
            span = list(range(perf.first_day or 0, (perf.last_day or 0) + 1))
            free_days = set(rng.sample(span, min(size, len(span))))
        else:
            first = rng.randrange(max(1, n_days - size + 1))
            free_days = set(range(first, min(n_days, first + size)))
        free_units = {u for u, d in enumerate(unit_day) if d in free_days}
        if not free_units:
            continue
        model = CpModel(data, units, unit_day=unit_day, free_units=free_units, free_days=free_days)
        model.hint(unit_day)
        seconds = min(2.0, deadline - time.perf_counter() - 0.3)
        if seconds <= 0.1:
            break
        cp = model.solve(seconds=seconds, seed=rng.randrange(1 << 20), workers=workers)
        if cp.unit_day is None:
            continue
        candidate = _schedule_from_units(data, units, cp.unit_day)
        ev = evaluate(data, candidate)
        if ev.feasible and ev.total < current.total - 1e-6:
            polish = min(1.0, deadline - time.perf_counter() - 0.2)
            if polish > 0.2:
                annealer = Annealer(data, units, [list(d) for d in candidate.days], rng)
                annealer.heat = 0.3
                found = annealer.run(polish)
                polished = evaluate(data, found.schedule)
                if polished.feasible and polished.total < ev.total:
                    candidate, ev = found.schedule, polished
            schedule, current = candidate, ev
            report(current.total)
    return schedule, current


def compress(
    data: ProblemData, schedule: Schedule, current: Evaluation | None = None
) -> tuple[Schedule, Evaluation]:
    """Close empty days inside the shoot: shift the days after a gap one day earlier (or
    the days before it one day later) while that makes the schedule no worse."""
    current = current or evaluate(data, schedule)
    days = [list(day) for day in schedule.days[: data.num_days]]
    days += [[] for _ in range(data.num_days - len(days))]
    improved = True
    while improved:
        improved = False
        used = [d for d, day in enumerate(days) if day]
        if not used:
            break
        gaps = [d for d in range(used[0], used[-1] + 1) if not days[d]]
        for g in gaps:
            later = days[:g] + days[g + 1 :] + [[]]
            earlier = [[], *days[:g], *days[g + 1 :]]
            for candidate in (later, earlier):
                ev = evaluate(data, Schedule.of(candidate))
                if (len(ev.violations), ev.total) < (len(current.violations), current.total):
                    days, current, improved = candidate, ev, True
                    break
            if improved:
                break
    return Schedule.of(days), current


def _score(data: ProblemData, days: list[list[int]]) -> tuple[int, float]:
    ev = evaluate(data, Schedule.of(days))
    return (len(ev.violations), ev.total)


def _better(a: Evaluation, b: Evaluation) -> bool:
    return (len(a.violations), a.total) < (len(b.violations), b.total)


def _unit_days(units: Units, schedule: Schedule, n_days: int) -> list[int] | None:
    day_of = schedule.day_of()
    result: list[int] = []
    for unit in units.units:
        days = {day_of.get(s, -1) for s in unit.scenes}
        if len(days) != 1:
            return None
        d = days.pop()
        if not 0 <= d < n_days:
            return None
        result.append(d)
    return result


def _schedule_from_units(data: ProblemData, units: Units, unit_day: list[int]) -> Schedule:
    days: list[list[int]] = [[] for _ in range(data.num_days)]
    for u, d in enumerate(unit_day):
        days[d].extend(units.units[u].scenes)
    days = [order_day(data, units, day) for day in days]
    return Schedule.of(order_chains(data, days))


def order_chains(data: ProblemData, days: list[list[int]]) -> list[list[int]]:
    """Put KEEP_TOGETHER chains in order: contiguous, at a day's end when they go on the
    next day and at its start when they come from the previous one."""
    days = [list(day) for day in days]
    day_of = {s: d for d, day in enumerate(days) for s in day}
    for rule in data.rules:
        if rule.kind != KEEP_TOGETHER:
            continue
        by_day: dict[int, list[int]] = {}
        for s in rule.scenes:
            if s in day_of:
                by_day.setdefault(day_of[s], []).append(s)
        ordered = sorted(by_day)
        for i, d in enumerate(ordered):
            chain = by_day[d]
            rest = [s for s in days[d] if s not in chain]
            if len(ordered) > 1 and i == 0:
                days[d] = rest + chain
            elif len(ordered) > 1 and i > 0:
                days[d] = chain + rest
            else:
                first = min(days[d].index(s) for s in chain)
                pos = sum(1 for s in days[d][:first] if s not in chain)
                days[d] = rest[:pos] + chain + rest[pos:]
    return days

"""A lower bound on the cost of any schedule that honours the hard rules (a relaxation).

Each term is bounded on its own:

* a performer works at least as many days as their scenes need at the day's capacity,
  day and night scenes apart when they may not mix, and at least one day for every
  M + 1 places they visit when a day allows M company moves; they are paid travel;
* a performer paid for holds who cannot work on some days (a day off, a booking
  elsewhere: none of their scenes allowed) is held on each such day inside their span,
  and the span must hold enough workable days for their work (:func:`unavoidable_holds`);
* the unit shoots at least as many days as its pages need (day and night apart when they
  may not mix); a set (a place) occupies at least as many days as its pages need, and a
  day holding k sets has at least k - 1 set changes, so set changes >= set-days minus the
  days used; the days used are traded against the changes at their costs.

Always valid; CP-SAT's bound tightens it.
"""

from __future__ import annotations

import math

from daybreak.engine.problem import ProblemData


def _days_needed(sizes: list[int], cap: int | None) -> int:
    if not sizes:
        return 0
    if cap is None:
        return 1
    big = sum(1 for e in sizes if e > cap)
    rest = sum(e for e in sizes if e <= cap)
    return big + math.ceil(rest / cap)


def relaxation_bound(data: ProblemData) -> float:
    """A valid lower bound on ``evaluate(data, s).total`` for every feasible ``s``."""
    caps = [c for c in data.capacity_eighths if c is not None]
    cap = max(caps) if len(caps) == data.num_days and caps else None
    costs = data.costs
    total = 0.0
    split = not data.allow_day_night_mix
    for c, cast in enumerate(data.cast):
        scenes = [s for s in range(data.num_scenes) if c in data.scene_cast[s]]
        if not scenes:
            continue
        # day and night work never share a day when they may not mix, and a day with at
        # most M company moves visits at most M + 1 places
        by_pattern: dict[bool, list[int]] = {}
        for s in scenes:
            by_pattern.setdefault(data.night[s] and split, []).append(s)
        work_days = 0
        for pattern_scenes in by_pattern.values():
            by_pages = _days_needed([data.eighths[s] for s in pattern_scenes], cap)
            places = {data.place_of[s] for s in pattern_scenes if data.place_of[s] >= 0}
            by_places = 0
            if data.max_company_moves is not None:
                by_places = math.ceil(len(places) / (data.max_company_moves + 1))
            work_days += max(by_pages, by_places)
        total += cast.rate * (costs.work_weight * work_days + 2 * cast.travel_days)
        if cast.allow_hold and not (cast.allow_drop and cast.max_drops > 0):
            workable = set().union(*(data.allowed[s] for s in scenes))
            blocked = [d not in workable for d in range(data.num_days)]
            total += cast.rate * unavoidable_holds(blocked, work_days)

    def key_days(keys: list[tuple[int, bool]]) -> dict[tuple[int, bool], list[int]]:
        groups: dict[tuple[int, bool], list[int]] = {}
        for s, k in enumerate(keys):
            groups.setdefault(k, []).append(data.eighths[s])
        return groups

    nights = [data.night[s] and split for s in range(data.num_scenes)]
    shoot = key_days([(0, n) for n in nights])
    shoot_days = sum(_days_needed(v, cap) for v in shoot.values())
    set_groups = key_days([(data.set_of[s], nights[s]) for s in range(data.num_scenes)])
    set_days = sum(_days_needed(v, cap) for v in set_groups.values())
    place_groups: dict[tuple[int, bool], list[int]] = {}
    for s in range(data.num_scenes):
        if data.place_of[s] < 0:
            continue
        place_groups.setdefault((data.place_of[s], nights[s]), []).append(data.eighths[s])
    place_days = sum(_days_needed(v, cap) for v in place_groups.values())
    total += _days_and_changes(data, shoot_days, set_days, place_days)
    for (p, _), sizes in place_groups.items():
        total += (data.place_daily_cost[p] + costs.location_day) * _days_needed(sizes, cap)
    return total


def _days_and_changes(data: ProblemData, shoot_days: int, set_days: int, place_days: int) -> float:
    """Least cost of shoot days, set changes and company moves together.

    With ``u`` days used, the shoot pays at least ``u`` days, and set changes (company
    moves) are at least set-days (place-days) minus ``u``; ``u`` lies between the days the
    pages need and the days available. Each more day used costs a shoot day and may save
    a change, so the cheapest ``u`` is found by trying each.
    """
    costs = data.costs
    low = shoot_days
    high = max(low, data.num_days)
    return min(
        costs.shoot_day * u
        + costs.set_change * max(0, set_days - u)
        + costs.company_move * max(0, place_days - u)
        for u in range(low, high + 1)
    )


def unavoidable_holds(blocked: list[bool], work_days: int) -> int:
    """The fewest blocked days inside any span of days holding ``work_days`` free ones.

    A performer's span runs from their first to their last work day; every blocked day in
    it is a hold. Zero when no span is long enough (the schedule is infeasible anyway,
    which the pre-checks report).
    """
    free_days = [d for d, b in enumerate(blocked) if not b]
    if work_days <= 1 or len(free_days) < work_days:
        return 0
    # spans start and end on free days: the k-th and (k + work_days - 1)-th free day
    return min(
        free_days[k + work_days - 1] - free_days[k] + 1 - work_days
        for k in range(len(free_days) - work_days + 1)
    )

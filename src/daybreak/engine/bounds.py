"""A lower bound on the cost of any schedule that honours the hard rules (a relaxation).

Each term is bounded on its own: a performer works at least as many days as their scenes
need at the day's capacity (and is paid travel); the unit shoots at least as many days as
its pages need (day and night apart when they may not mix); a set (a place) occupies at
least as many days as its pages need, and a day holding k sets has at least k - 1 set
changes, so set changes >= set-days - days. Always valid; CP-SAT's bound tightens it.
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
    for c, cast in enumerate(data.cast):
        sizes = [data.eighths[s] for s in range(data.num_scenes) if c in data.scene_cast[s]]
        if not sizes:
            continue
        total += cast.rate * (costs.work_weight * _days_needed(sizes, cap) + 2 * cast.travel_days)
    split = not data.allow_day_night_mix

    def key_days(keys: list[tuple[int, bool]]) -> dict[tuple[int, bool], list[int]]:
        groups: dict[tuple[int, bool], list[int]] = {}
        for s, k in enumerate(keys):
            groups.setdefault(k, []).append(data.eighths[s])
        return groups

    nights = [data.night[s] and split for s in range(data.num_scenes)]
    shoot = key_days([(0, n) for n in nights])
    shoot_days = sum(_days_needed(v, cap) for v in shoot.values())
    total += costs.shoot_day * shoot_days
    set_groups = key_days([(data.set_of[s], nights[s]) for s in range(data.num_scenes)])
    set_days = sum(_days_needed(v, cap) for v in set_groups.values())
    total += costs.set_change * max(0, set_days - data.num_days)
    place_groups: dict[tuple[int, bool], list[int]] = {}
    for s in range(data.num_scenes):
        if data.place_of[s] < 0:
            continue
        place_groups.setdefault((data.place_of[s], nights[s]), []).append(data.eighths[s])
    place_days = sum(_days_needed(v, cap) for v in place_groups.values())
    total += costs.company_move * max(0, place_days - data.num_days)
    for (p, _), sizes in place_groups.items():
        total += (data.place_daily_cost[p] + costs.location_day) * _days_needed(sizes, cap)
    return total

"""Repair a plan during the shoot: keep what was shot, fix what broke, move little.

:func:`repair` takes the disrupted problem, the plan in force (the old schedule, by the
new problem's scene indices), the frozen days with what they actually hold, and a
stability weight. It returns the schedule that minimises the *combined objective*::

    evaluate(data, plan).total + stability_weight * (moved + distance)

- ``moved``: scenes the old plan placed on a shoot day that the new plan places on a
  different shoot day;
- ``distance``: the sum, over those scenes, of ``|new day index - old day index|``.

Days are counted by shoot-day index (day 1, day 2...), not by date: a hiatus shifts the
dates of every later day but moves no scene. Scenes new to the plan (added scenes,
reshoot strips) have no old day and are not counted as moved; scenes cut from the plan are
not counted either. A scene the log took off a frozen day (not shot) must move, and is
counted. Frozen days are never changed: their content and order are what was shot.

Steps: when the plan in force still honours every hard rule and places every scene,
nothing broke and it is returned unchanged (schedule again to re-optimize). Otherwise:
place the scenes that have no day, then move the fewest scenes that fixes every broken
hard rule (the best single relocation, else an ejection chain of up to three units),
then improve by relocations near the repair (units on a day it changed or sharing a
performer it moved) while the combined objective falls. With time left, the full solver
(:func:`daybreak.engine.solve.solve`, frozen days pinned) runs from the repaired plan and
its plan is taken only if it is better by the combined objective.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from daybreak.engine.evaluate import Evaluation, evaluate
from daybreak.engine.problem import ProblemData
from daybreak.engine.repair_search import RepairSearch
from daybreak.engine.schedule import Schedule
from daybreak.engine.solve import solve
from daybreak.engine.units import build_units
from daybreak.errors import DaybreakError


@dataclass(frozen=True, slots=True)
class Move:
    """One scene whose day changed: ``from_day`` None for a scene new to the plan."""

    scene: int
    from_day: int | None
    to_day: int | None


@dataclass(frozen=True, slots=True)
class RepairResult:
    """The repaired plan, what moved, and the cost by term before and after.

    ``before`` is the old plan priced on the disrupted problem (its violations are what
    broke); ``cost_delta`` is after minus before, per term, plus ``total`` and
    ``stability`` (the stability term of the new plan; the old plan's is zero).
    """

    schedule: Schedule
    evaluation: Evaluation
    before: Evaluation
    moves: tuple[Move, ...]
    added: tuple[Move, ...]
    moved_scenes: int
    distance: int
    stability_weight: float
    stability_cost: float
    objective: float
    cost_delta: dict[str, float]
    method: str
    seconds: float
    notes: tuple[str, ...] = field(default=())

    @property
    def feasible(self) -> bool:
        return self.evaluation.feasible

    def to_dict(self, data: ProblemData, old_dates: Sequence[str] | None = None) -> dict[str, Any]:
        """JSON-ready: moves with scene labels, shoot-day numbers (1-based) and dates."""
        before_dates = list(old_dates) if old_dates is not None else list(data.dates)

        def when(day: int | None, dates: Sequence[str]) -> tuple[int | None, str | None]:
            if day is None:
                return None, None
            return day + 1, dates[day] if 0 <= day < len(dates) else None

        def move(m: Move) -> dict[str, Any]:
            fd, fdate = when(m.from_day, before_dates)
            td, tdate = when(m.to_day, data.dates)
            return {
                "scene": data.labels[m.scene],
                "id": data.scene_ids[m.scene],
                "from_day": fd,
                "from_date": fdate,
                "to_day": td,
                "to_date": tdate,
            }

        return {
            "method": self.method,
            "feasible": self.feasible,
            "moved_scenes": self.moved_scenes,
            "distance_days": self.distance,
            "stability_weight": self.stability_weight,
            "stability_cost": self.stability_cost,
            "objective": self.objective,
            "cost": self.evaluation.cost_dict(),
            "cost_before": self.before.cost_dict(),
            "cost_delta": dict(self.cost_delta),
            "broken_before": [v.message for v in self.before.violations],
            "violations": [v.message for v in self.evaluation.violations],
            "moves": [move(m) for m in self.moves],
            "added": [move(m) for m in self.added],
            "seconds": round(self.seconds, 3),
            "notes": list(self.notes),
        }


FIX_SECONDS = 20.0


def plan_changes(old: Schedule, new: Schedule) -> tuple[int, int]:
    """(moved scenes, total days moved) of ``new`` against ``old`` (see module docstring)."""
    before = old.day_of()
    moved = distance = 0
    for s, d in new.day_of().items():
        was = before.get(s)
        if was is not None and was != d:
            moved += 1
            distance += abs(d - was)
    return moved, distance


def frozen_problem(data: ProblemData, frozen: Mapping[int, Sequence[int]]) -> ProblemData:
    """The problem with frozen days pinned: their scenes may only be on them, no other
    scene may join them, and history (their load, availability then, rules among frozen
    scenes only) is not checked again."""
    pinned = {s: d for d, scenes in frozen.items() for s in scenes}
    days = set(frozen)
    allowed = tuple(
        (pinned[s],) if s in pinned else tuple(d for d in data.allowed[s] if d not in days)
        for s in range(data.num_scenes)
    )
    resources = tuple(
        replace(
            r,
            unavailable=tuple(d for d in r.unavailable if d not in days),
            why=tuple(w for d, w in zip(r.unavailable, r.why, strict=False) if d not in days),
        )
        for r in data.resources
    )
    return replace(
        data,
        allowed=allowed,
        resources=resources,
        rules=tuple(r for r in data.rules if not all(s in pinned for s in r.scenes)),
        capacity_eighths=tuple(
            None if d in days else c for d, c in enumerate(data.capacity_eighths)
        ),
        capacity_minutes=tuple(
            None if d in days else c for d, c in enumerate(data.capacity_minutes)
        ),
    )


def repair(
    data: ProblemData,
    old: Schedule,
    frozen: Sequence[int] | set[int],
    *,
    shot: Mapping[int, Sequence[int]] | None = None,
    stability_weight: float = 10_000.0,
    time_limit: float = 10.0,
    seed: int = 0,
    resolve: bool = True,
    old_day: Mapping[int, int] | None = None,
) -> RepairResult:
    """The old plan repaired (see the module docstring).

    ``frozen``: day indices already shot; each keeps ``shot[d]`` (default: the old plan's
    content of that day). ``old_day``: the day each scene had in the plan in force, when it
    differs from ``old`` (a scene the log took off a frozen day); default ``old.day_of()``.
    """
    started = time.perf_counter()
    deadline = started + max(0.1, time_limit)
    if stability_weight < 0:
        raise DaybreakError("must not be negative", where="stability weight")
    n = data.num_days
    frozen_days = sorted(set(frozen))
    bad = [d for d in frozen_days if not 0 <= d < n]
    if bad:
        raise DaybreakError(f"frozen day {bad[0] + 1} is not a day of the problem")
    old_days = [list(day) for day in old.days]
    content = {
        d: list((shot or {}).get(d, old_days[d] if d < len(old_days) else [])) for d in frozen_days
    }
    seen: set[int] = set()
    for scenes in content.values():
        for s in scenes:
            if s in seen or not 0 <= s < data.num_scenes:
                raise DaybreakError(f"scene index {s} is frozen twice or unknown")
            seen.add(s)
    was = dict(old_day) if old_day is not None else old.day_of()
    pd = frozen_problem(data, content)
    units = build_units(pd, merge_chains=True)
    # the starting plan: the old one, frozen days as shot, unplaced scenes pending
    days: list[list[int]] = [[] for _ in range(n)]
    for d in range(n):
        if d in content:
            days[d] = list(content[d])
        elif d < len(old_days):
            days[d] = [s for s in old_days[d] if s not in seen]
    search = RepairSearch(pd, units.unit_of, days, was, stability_weight, set(frozen_days), seed)
    before = evaluate(pd, Schedule.of(old_days[:n]))
    notes: list[str] = []
    method = "repair"
    if search.ev.penalty == 0:
        notes.append("nothing broke: the plan in force is kept (schedule again to re-optimize)")
        best = search.schedule()
        method = "unchanged"
    else:
        search.place_pending()
        # Fixing what broke is bounded work (each step lowers the broken rules), so it gets
        # at least FIX_SECONDS whatever the time limit: a busy machine must not turn a
        # repairable plan into "no plan".
        search.fix(max(deadline, time.perf_counter() + FIX_SECONDS))
        search.improve(deadline)
        best = search.schedule()
        best_key = _key(pd, best, was, stability_weight)
        remaining = deadline - time.perf_counter()
        if resolve and remaining > 0.5:
            result = solve(pd, time_limit=remaining, seed=seed, warm_start=best, exact=False)
            if result.schedule is not None:
                candidate = _restore_frozen(result.schedule, content, n)
                key = _key(pd, candidate, was, stability_weight)
                if key < best_key:
                    best, method = candidate, "re-solve"
                    notes.append("the full solver, started from the repair, did better")
    after = evaluate(pd, best)
    if not after.feasible:
        notes.append("no plan honouring every hard rule was found; the best one is returned")
    moves, added, distance = _moves(best, was)
    stab = stability_weight * (len(moves) + distance)
    delta = {k: after.terms[k] - before.terms.get(k, 0.0) for k in after.terms}
    delta["stability"] = stab
    delta["total"] = after.total + stab - before.total
    return RepairResult(
        schedule=best,
        evaluation=after,
        before=before,
        moves=tuple(moves),
        added=tuple(added),
        moved_scenes=len(moves),
        distance=distance,
        stability_weight=stability_weight,
        stability_cost=stab,
        objective=after.total + stab,
        cost_delta=delta,
        method=method,
        seconds=time.perf_counter() - started,
        notes=tuple(notes),
    )


def scratch_plan(
    data: ProblemData,
    frozen: Mapping[int, Sequence[int]],
    *,
    time_limit: float = 10.0,
    seed: int = 0,
) -> Schedule | None:
    """A plan re-solved from scratch (no warm start) with the frozen days kept: what a
    planner gets by re-running the optimizer, to compare a repair with."""
    pd = frozen_problem(data, frozen)
    result = solve(pd, time_limit=time_limit, seed=seed, exact=False)
    if result.schedule is None:
        return None
    return _restore_frozen(result.schedule, frozen, data.num_days)


def _restore_frozen(schedule: Schedule, frozen: Mapping[int, Sequence[int]], n: int) -> Schedule:
    days = [list(day) for day in schedule.days[:n]] + [[] for _ in range(n - len(schedule.days))]
    for d, scenes in frozen.items():
        days[d] = list(scenes)
    return Schedule.of(days)


def _key(
    data: ProblemData, schedule: Schedule, was: Mapping[int, int], weight: float
) -> tuple[int, float]:
    ev = evaluate(data, schedule)
    moves, _, distance = _moves(schedule, was)
    return len(ev.violations), ev.total + weight * (len(moves) + distance)


def _moves(schedule: Schedule, was: Mapping[int, int]) -> tuple[list[Move], list[Move], int]:
    now = schedule.day_of()
    moves: list[Move] = []
    added: list[Move] = []
    distance = 0
    for s in sorted(set(now) | set(was), key=lambda s: (now.get(s, 1 << 30), s)):
        d, before = now.get(s), was.get(s)
        if before is None:
            added.append(Move(s, None, d))
        elif d != before:
            moves.append(Move(s, before, d))
            distance += abs(d - before) if d is not None else 0
    return moves, added, distance

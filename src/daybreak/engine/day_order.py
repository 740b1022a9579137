"""Re-order windows of shoot days exactly with the talent-scheduling DP.

Within a window of consecutive days the order decides only who is held: each day is a
"scene" of one day's length and each performer an actor paid from first to last work day
(those who worked before the window are on from its start, those who work after it stay
on to its end). :func:`~daybreak.engine.talent.subset_dp.subset_dp` finds the order that
pays least, keeping every day's scenes on days they are allowed on. The evaluator then
has the last word: the new order is kept only when it breaks fewer rules (turnaround,
precedence: the DP does not see them), or as few and costs less.
"""

from __future__ import annotations

import time

from daybreak.engine.evaluate import Evaluation, evaluate
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.subset_dp import subset_dp

WINDOW = 14
"""Days re-ordered at once: 2**14 states, a few milliseconds."""

_RATE_SCALE = 100  # rates in cents, so the DP works in integers


def reorder_days(
    data: ProblemData,
    schedule: Schedule,
    current: Evaluation | None = None,
    *,
    deadline: float | None = None,
    window: int = WINDOW,
) -> tuple[Schedule, Evaluation]:
    """The schedule with each window of days (half-overlapping) in its cheapest order."""
    current = current or evaluate(data, schedule)
    days = [list(day) for day in schedule.days[: data.num_days]]
    days += [[] for _ in range(data.num_days - len(days))]
    used = [d for d, day in enumerate(days) if day]
    if len(used) < 3:
        return schedule, current
    first_day, last_day = used[0], used[-1]
    step = max(1, window // 2)
    start = first_day
    while start <= last_day:
        if deadline is not None and time.perf_counter() > deadline:
            break
        end = min(last_day + 1, start + window)
        order = _best_order(data, days, start, end, deadline)
        if order is not None and order != list(range(start, end)):
            candidate = days[:start] + [days[d] for d in order] + days[end:]
            ev = evaluate(data, Schedule.of(candidate))
            if (len(ev.violations), ev.total) < (len(current.violations), current.total - 1e-6):
                days, current = candidate, ev
        if end > last_day:
            break
        start += step
    return Schedule.of(days), current


def _best_order(
    data: ProblemData, days: list[list[int]], start: int, end: int, deadline: float | None
) -> list[int] | None:
    """The cheapest order of the days ``start..end-1`` (as day indices), or None."""
    span = list(range(start, end))
    cast_of_day = [{c for s in days[d] for c in data.scene_cast[s]} for d in span]
    local = sorted(set().union(*cast_of_day))
    if not local or len(local) > 64:
        return None
    index = {c: i for i, c in enumerate(local)}
    before = {c for day in days[:start] for s in day for c in data.scene_cast[s]}
    after = {c for day in days[end:] for s in day for c in data.scene_cast[s]}
    masks = [0] * len(local)
    for k, cast in enumerate(cast_of_day):
        for c in cast:
            masks[index[c]] |= 1 << k
    costs = tuple(round(data.cast[c].rate * _RATE_SCALE) for c in local)
    inst = TalentInstance(tuple(1 for _ in span), costs, tuple(masks))
    allowed_at = []
    for d in span:
        ok = set(span)
        for s in days[d]:
            ok &= set(data.allowed[s])
        allowed_at.append(sum(1 << (k - start) for k in ok))
    solved = subset_dp(
        inst,
        deadline,
        started=sum(1 << index[c] for c in local if c in before),
        pending=sum(1 << index[c] for c in local if c in after),
        allowed_at=allowed_at,
    )
    if solved is None:
        return None
    return [span[k] for k in solved[1]]

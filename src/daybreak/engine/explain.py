"""Explanations in plain words: why no schedule exists, and what hold days cost and why.

:func:`precheck` finds clashes cheaply (a scene with no possible day, pinned scenes that
overflow a day, a BEFORE cycle, not enough days for the pages). :func:`explain_infeasible`
asks CP-SAT for a sufficient set of clashing rule families (assumption literals, one per
resource, rule, capacity and working-pattern family). :func:`explain_holds` says what each
performer's hold days cost and what kept them from being avoided.
"""

from __future__ import annotations

import math

from ortools.sat.python import cp_model

from daybreak.engine.evaluate import Evaluation, turnaround_table
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


def _scene(data: ProblemData, s: int) -> str:
    return f"scene {data.labels[s]}"


def _rule_words(data: ProblemData, rule: RuleData) -> str:
    names = ", ".join(data.labels[s] for s in rule.scenes)
    if rule.kind in (PIN_DAY, PIN_DATE):
        return f"scene {names} pinned to {rule.label}"
    if rule.kind == NOT_BEFORE:
        return f"scene {names} not before {rule.label}"
    if rule.kind == NOT_AFTER:
        return f"scene {names} not after {rule.label}"
    if rule.kind == BEFORE:
        later = ", ".join(data.labels[s] for s in rule.scenes[1:])
        return f"scene {data.labels[rule.scenes[0]]} before scenes {later}"
    if rule.kind == SAME_DAY:
        return f"scenes {names} on the same day"
    return f"scenes {names} kept together"


def _window(data: ProblemData, s: int) -> set[int]:
    """Days a scene's pins and date windows allow (resources aside)."""
    days = set(range(data.num_days))
    for rule in data.rules:
        if rule.scenes[0] != s:
            continue
        if rule.kind in (PIN_DAY, PIN_DATE):
            days &= {rule.day} if rule.day is not None and rule.day < data.num_days else set()
        elif rule.kind == NOT_BEFORE and rule.day is not None:
            days &= set(range(rule.day, data.num_days))
        elif rule.kind == NOT_AFTER and rule.day is not None:
            days &= set(range(rule.day + 1))
    return days


def no_day_reason(data: ProblemData, s: int) -> str:
    """Why a scene has no possible day, naming the resources and rules involved."""
    window = _window(data, s)
    res = sorted(
        (data.resources[r] for r in data.scene_resources[s]), key=lambda r: r.kind != "cast"
    )
    if not window:
        rules = [
            _rule_words(data, r)
            for r in data.rules
            if r.scenes[0] == s and r.kind in (PIN_DAY, PIN_DATE, NOT_BEFORE, NOT_AFTER)
        ]
        return (
            f"{_scene(data, s)} has no possible day: {'; '.join(rules)} "
            f"(days run {data.dates[0]} to {data.dates[-1]})"
        )
    for r in res:
        if window <= set(r.unavailable):
            where = (
                "on any shoot day"
                if len(window) == data.num_days
                else "on the days its rules allow"
            )
            return f"{_scene(data, s)} needs {r.name}, never available {where}"
    for i, a in enumerate(res):
        for b in res[i + 1 :]:
            free = window - set(a.unavailable) - set(b.unavailable)
            if not free:
                return (
                    f"{_scene(data, s)} needs {a.name} and {b.name}, "
                    "never available on the same day"
                )
    names = " and ".join(r.name for r in res)
    return f"{_scene(data, s)} needs {names}, never available together on an allowed day"


def precheck(data: ProblemData) -> list[str]:
    """Sentences naming rules that cannot all hold (empty when none is found cheaply)."""
    found: list[str] = []
    for s in range(data.num_scenes):
        if not data.allowed[s]:
            found.append(no_day_reason(data, s))
    # pinned scenes overflowing their day
    pinned: dict[int, list[int]] = {}
    for s in range(data.num_scenes):
        if len(data.allowed[s]) == 1:
            pinned.setdefault(data.allowed[s][0], []).append(s)
    for d, scenes in sorted(pinned.items()):
        cap = data.capacity_eighths[d]
        load = sum(data.eighths[s] for s in scenes)
        if cap is not None and len(scenes) > 1 and load > cap:
            names = ", ".join(data.labels[s] for s in scenes)
            found.append(
                f"scenes {names} can only be shot on day {d + 1} ({data.dates[d]}) "
                f"but hold {load}/8 pages, more than the day's {cap}/8"
            )
        if not data.allow_day_night_mix and len({data.night[s] for s in scenes}) > 1:
            names = ", ".join(data.labels[s] for s in scenes)
            found.append(
                f"scenes {names} can only be shot on day {d + 1} ({data.dates[d]}) "
                "but mix day and night work"
            )
    # same-day groups
    parent = list(range(data.num_scenes))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for rule in data.rules:
        if rule.kind == SAME_DAY:
            allowed = set(range(data.num_days))
            for s in rule.scenes:
                allowed &= set(data.allowed[s])
                parent[find(s)] = find(rule.scenes[0])
            names = ", ".join(data.labels[s] for s in rule.scenes)
            if not allowed and all(data.allowed[s] for s in rule.scenes):
                found.append(
                    f"scenes {names} must be shot on the same day but share no possible day"
                )
            load = sum(data.eighths[s] for s in rule.scenes)
            caps = [c for c in data.capacity_eighths if c is not None]
            if caps and load > max(caps):
                found.append(
                    f"scenes {names} must be shot on the same day but hold {load}/8 pages, "
                    f"more than a day's {max(caps)}/8"
                )
            if not data.allow_day_night_mix and len({data.night[s] for s in rule.scenes}) > 1:
                found.append(
                    f"scenes {names} must be shot on the same day but mix day and night work"
                )
    # BEFORE: cycles (same-day groups merged) and windows
    edges: dict[int, set[int]] = {}
    for rule in data.rules:
        if rule.kind == BEFORE:
            a = find(rule.scenes[0])
            for s in rule.scenes[1:]:
                b = find(s)
                if a == b:
                    found.append(
                        f"scene {data.labels[rule.scenes[0]]} must come before scene "
                        f"{data.labels[s]} but they must be shot on the same day"
                    )
                edges.setdefault(a, set()).add(b)
                first, other = data.allowed[rule.scenes[0]], data.allowed[s]
                if first and other and min(first) >= max(other):
                    found.append(
                        f"scene {data.labels[rule.scenes[0]]} must come before scene "
                        f"{data.labels[s]}, but it cannot be shot before day {min(first) + 1} "
                        f"and scene {data.labels[s]} not after day {max(other) + 1}"
                    )
    cycle = _find_cycle(edges)
    if cycle:
        names = " before ".join(f"scene {data.labels[s]}" for s in [*cycle, cycle[0]])
        found.append(f"the BEFORE rules form a cycle: {names}")
    # pages against days
    caps = [c for c in data.capacity_eighths if c is not None]
    if len(caps) == data.num_days and caps:
        cap = max(caps)
        groups = [[s for s in range(data.num_scenes) if data.night[s] == n] for n in (False, True)]
        if data.allow_day_night_mix:
            groups = [list(range(data.num_scenes))]
        need = 0
        for g in groups:
            big = sum(1 for s in g if data.eighths[s] > cap)
            rest = sum(data.eighths[s] for s in g if data.eighths[s] <= cap)
            need += big + math.ceil(rest / cap)
        if need > data.num_days:
            found.append(
                f"the scenes need at least {need} shoot days at {cap}/8 pages a day"
                f"{' (day and night work apart)' if not data.allow_day_night_mix else ''}, "
                f"but only {data.num_days} are available"
            )
    return found


def _find_cycle(edges: dict[int, set[int]]) -> list[int]:
    color: dict[int, int] = {}
    stack: list[int] = []

    def visit(v: int) -> list[int]:
        color[v] = 1
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if color.get(w) == 1:
                return stack[stack.index(w) :]
            if w not in color:
                found = visit(w)
                if found:
                    return found
        stack.pop()
        color[v] = 2
        return []

    for v in sorted(edges):
        if v not in color:
            found = visit(v)
            if found:
                return found
    return []


def explain_infeasible(data: ProblemData, *, seconds: float = 5.0) -> list[str]:
    """Rule families that together make the problem infeasible, via CP-SAT assumptions.

    A feasibility model (no costs) where each family is switched on by one literal; the
    solver returns a sufficient subset of literals. Empty when none is found in time.
    """
    m = cp_model.CpModel()
    n, days = data.num_scenes, data.num_days
    x = [[m.new_bool_var(f"x{s}_{d}") for d in range(days)] for s in range(n)]
    for s in range(n):
        m.add_exactly_one(x[s])
    families: list[tuple[cp_model.IntVar, str]] = []

    def family(words: str) -> cp_model.IntVar:
        lit = m.new_bool_var(words)
        families.append((lit, words))
        return lit

    for r, res in enumerate(data.resources):
        lit = family(f"{res.name} is unavailable on {len(res.unavailable)} of the days")
        for s in range(n):
            if r in data.scene_resources[s]:
                for d in res.unavailable:
                    m.add_implication(lit, x[s][d].negated())
    day_of = [sum(d * x[s][d] for d in range(days)) for s in range(n)]
    for rule in data.rules:
        lit = family(_rule_words(data, rule))
        s0 = rule.scenes[0]
        if rule.kind in (PIN_DAY, PIN_DATE):
            if rule.day is None or rule.day >= days:
                m.add_bool_or([lit.negated()])
            else:
                m.add_implication(lit, x[s0][rule.day])
        elif rule.kind == NOT_BEFORE and rule.day is not None:
            m.add(day_of[s0] >= rule.day).only_enforce_if(lit)
        elif rule.kind == NOT_AFTER and rule.day is not None:
            m.add(day_of[s0] <= rule.day).only_enforce_if(lit)
        elif rule.kind == BEFORE:
            for s in rule.scenes[1:]:
                m.add(day_of[s0] + 1 <= day_of[s]).only_enforce_if(lit)
        elif rule.kind in (SAME_DAY, KEEP_TOGETHER):
            for a, b in zip(rule.scenes, rule.scenes[1:], strict=False):
                if rule.kind == SAME_DAY:
                    m.add(day_of[a] == day_of[b]).only_enforce_if(lit)
                else:
                    m.add(day_of[b] - day_of[a] >= 0).only_enforce_if(lit)
                    m.add(day_of[b] - day_of[a] <= 1).only_enforce_if(lit)
    cap_lit = family("the pages a day can hold")
    for d in range(days):
        cap = data.capacity_eighths[d]
        if cap is None:
            continue
        small = [s for s in range(n) if data.eighths[s] <= cap]
        m.add(sum(data.eighths[s] * x[s][d] for s in small) <= cap).only_enforce_if(cap_lit)
        for s in range(n):
            if data.eighths[s] > cap:
                for t in range(n):
                    if t != s:
                        m.add_bool_or([x[s][d].negated(), x[t][d].negated(), cap_lit.negated()])
    nw = [m.new_bool_var(f"nw{d}") for d in range(days)]
    dw = [m.new_bool_var(f"dw{d}") for d in range(days)]
    for d in range(days):
        for s in range(n):
            m.add_implication(x[s][d], nw[d] if data.night[s] else dw[d])
    if not data.allow_day_night_mix:
        mix_lit = family("no day mixes day and night work")
        for d in range(days):
            m.add(nw[d] + dw[d] <= 1).only_enforce_if(mix_lit)
        ta_lit = family(f"the {data.turnaround_hours:g} h turnaround after night work")
        table = turnaround_table(data)
        used = [m.new_bool_var(f"u{d}") for d in range(days)]
        for d in range(days):
            m.add_bool_or([x[s][d] for s in range(n)]).only_enforce_if(used[d])
            for s in range(n):
                m.add_implication(x[s][d], used[d])
        for a in range(days):
            for b in range(a + 1, days):
                if table[a][b]:
                    break
                m.add(nw[a] + dw[b] - sum(used[a + 1 : b]) <= 1).only_enforce_if(ta_lit)
    m.add_assumptions([lit for lit, _ in families])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    status = solver.solve(m)
    if status != cp_model.INFEASIBLE:
        return []
    core = set(solver.sufficient_assumptions_for_infeasibility())
    names = [words for lit, words in families if lit.index in core]
    if not names:
        return []
    return ["these rules clash (no schedule honours them all): " + "; ".join(names)]


def explain_holds(data: ProblemData, evaluation: Evaluation) -> list[str]:
    """For each performer with hold days: what they cost and what kept them."""
    lines: list[str] = []
    caps = [c for c in data.capacity_eighths if c is not None]
    cap = max(caps) if caps else None
    for perf in evaluation.performers:
        if not perf.hold_days:
            continue
        cost = perf.rate * len(perf.hold_days)
        scenes = [s for s in range(data.num_scenes) if perf.cast in data.scene_cast[s]]
        reasons: list[str] = []
        pages = sum(data.eighths[s] for s in scenes)
        if cap is not None and pages > cap:
            reasons.append(
                f"their {len(scenes)} scenes hold {pages}/8 pages, more than one day's {cap}/8"
            )
        restricted = [s for s in scenes if len(data.allowed[s]) < data.num_days]
        if restricted:
            names = ", ".join(data.labels[s] for s in restricted[:5])
            reasons.append(f"scenes {names} can only be shot on some days (availability or rules)")
        if not data.allow_day_night_mix and len({data.night[s] for s in scenes}) > 1:
            reasons.append("they work both day and night scenes, which cannot share a day")
        for r in data.resources:
            if r.name == perf.name and any(
                perf.first_day is not None and perf.first_day <= d <= (perf.last_day or 0)
                for d in r.unavailable
            ):
                reasons.append("they are unavailable on some days of their span")
        if not reasons:
            reasons.append("the days between were needed by other scenes (capacity and other cast)")
        held = ", ".join(str(d + 1) for d in perf.hold_days[:8])
        more = "..." if len(perf.hold_days) > 8 else ""
        lines.append(
            f"{perf.name}: {len(perf.hold_days)} hold days (days {held}{more}) cost "
            f"{cost:,.0f} {data.costs.currency}; not avoided because " + "; ".join(reasons)
        )
    return lines

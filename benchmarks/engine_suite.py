"""Scheduling engine benchmark: synthetic feature and tentpole, and the USS Rev. WHITE target.

``python -m benchmarks.engine_suite`` solves each instance, re-checks every hard rule with
the evaluator, and writes cost, lower bound, gap and seconds to
``benchmarks/results/engine.md`` and ``engine.json`` (with the previous run's numbers).

Rev. WHITE target (the sample's planner: 56 days, 597 hold days, 105 set changes): the
strips placed on that board, at most 56 days, at most 4 pages a day (a longer scene alone),
no day mixing day and night work, no drops; at most 30 hold days and 45 set changes, both
at once, in under 60 s. Objective for the target: hold days and set changes (1,000 each;
work days and shoot days not weighted since the day count is given). Two variants: the
target's own rules, and the project's default hard rules on top (12 h turnaround after
night work, at most one company move a day with each set its own place since the sample
names no locations, scene durations within 12 h).
"""

from __future__ import annotations

import json
import os
import platform
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from daybreak.domain import Production, WorkRules
from daybreak.engine.compile import compile_problem, with_costs
from daybreak.engine.evaluate import evaluate
from daybreak.engine.generator import generate_production
from daybreak.engine.problem import ProblemData
from daybreak.engine.solve import solve

ROOT = Path(__file__).resolve().parents[1]
USS = ROOT.parent / "shared" / "formats" / "uss" / "full_sample_schedule.uss"
TARGET = {"hold_days": 30, "set_changes": 45, "seconds": 60.0}


def _row(name: str, data: ProblemData, seconds: float, seed: int = 0) -> dict[str, Any]:
    t0 = time.perf_counter()
    result = solve(data, time_limit=seconds, seed=seed)
    wall = time.perf_counter() - t0
    row: dict[str, Any] = {
        "instance": name,
        "scenes": data.num_scenes,
        "cast": data.num_cast,
        "days": data.num_days,
        "status": result.status.value,
        "cost": result.objective,
        "lower_bound": result.lower_bound,
        "gap": result.gap,
        "seconds": round(wall, 2),
    }
    if result.schedule is not None:
        ev = evaluate(data, result.schedule)
        row["hard_rules_hold"] = ev.feasible
        row["violations"] = len(ev.violations)
        row.update({k: ev.counts[k] for k in ("hold_days", "set_changes", "shoot_days", "drops")})
    return row


def rev_white(*, strict: bool, seconds: float = 55.0, seed: int = 0) -> ProblemData:
    """The Rev. WHITE target problem (see the module docstring)."""
    from daybreak.importers.uss import read_uss

    production: Production = read_uss(USS)
    board = production.board("Rev. WHITE")
    rules = WorkRules(
        max_eighths_per_day=32,
        max_days=56,
        max_minutes_per_day=12 * 60 if strict else None,
        turnaround_hours=12.0 if strict else 0.0,
        max_company_moves_per_day=1 if strict else 10_000,
        allow_day_night_mix=False,
    )
    data = compile_problem(
        production, board, days=56, max_eighths_per_day=32, allow_drops=False, work_rules=rules
    )
    return with_costs(
        data, shoot_day=0.0, company_move=0.0, set_change=1000.0, location_day=0.0, work_weight=0.0
    )


def run(results_dir: Path) -> None:
    """Run the suite and write ``engine.md`` and ``engine.json`` into ``results_dir``."""
    results_dir.mkdir(parents=True, exist_ok=True)
    quick = bool(os.environ.get("DAYBREAK_BENCH_QUICK"))
    rows: list[dict[str, Any]] = []
    if USS.exists():
        for strict in (False, True):
            name = "Rev. WHITE (target rules)" if not strict else "Rev. WHITE (+ default rules)"
            row = _row(name, rev_white(strict=strict), 20.0 if quick else 55.0)
            row["target_met"] = bool(
                row.get("hard_rules_hold")
                and row.get("hold_days", 1 << 30) <= TARGET["hold_days"]
                and row.get("set_changes", 1 << 30) <= TARGET["set_changes"]
                and row["seconds"] < TARGET["seconds"]
            )
            rows.append(row)
    for size, seconds in (("feature", 30.0), ("tentpole", 60.0)):
        data = compile_problem(generate_production(size, seed=1))
        rows.append(_row(f"synthetic {size}", data, seconds / 3 if quick else seconds))
    previous_path = results_dir / "engine.json"
    previous = json.loads(previous_path.read_text()) if previous_path.exists() else None
    payload = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": (
            f"{platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}"
        ),
        "target": TARGET,
        "rows": rows,
        "previous": previous["rows"] if previous else None,
    }
    previous_path.write_text(json.dumps(payload, indent=2))
    lines = [
        "# Engine benchmark",
        "",
        f"Run {payload['when']} on {payload['machine']}.",
        "",
        "Rev. WHITE target: at most 30 hold days and 45 set changes at once, under 60 s "
        "(the board's planner: 597 hold days, 105 set changes).",
        "",
        "| instance | scenes | cast | days | status | rules hold | hold days | set changes "
        "| cost | lower bound | gap | s | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        gap = f"{100 * r['gap']:.1f}%" if r.get("gap") is not None else "-"
        cost = f"{r['cost']:,.0f}" if r.get("cost") is not None else "-"
        lines.append(
            f"| {r['instance']} | {r['scenes']} | {r['cast']} | {r['days']} | {r['status']} "
            f"| {r.get('hard_rules_hold', '-')} | {r.get('hold_days', '-')} "
            f"| {r.get('set_changes', '-')} | {cost} | {r['lower_bound']:,.0f} | {gap} "
            f"| {r['seconds']} | {r.get('target_met', '')} |"
        )
    if previous:
        lines += ["", "Previous run:", ""]
        for r in previous["rows"]:
            lines.append(
                f"- {r['instance']}: {r['status']}, hold days {r.get('hold_days', '-')}, "
                f"set changes {r.get('set_changes', '-')}, cost {r.get('cost')}, {r['seconds']} s"
            )
    (results_dir / "engine.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    run(ROOT / "benchmarks" / "results")

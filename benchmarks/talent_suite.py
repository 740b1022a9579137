"""Talent scheduling and movie-shoot benchmarks on the published instances.

For every instance under ``/work/shared/benchmarks/talent`` (or ``$DAYBREAK_TALENT_DIR``)
this runs our exact solver, a position-based CP-SAT model and a plain MiniZinc model
with Gecode, plus five seeded random instances of 30-36 scenes; the movie-shoot
instances go through :func:`solve_mssp`. Files with identical data (the ddo-rs and
minizinc-benchmarks copies) are given to the baselines once and the outcome reused.

Results: ``results/talent.md``/``.json`` and ``results/mssp.md``/``.json``.
Run: ``python -m benchmarks.talent_suite [--quick]`` (quick: 5 s limits).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.baselines.talent_cpsat import solve_cpsat
from daybreak.engine.mssp.solver import solve_mssp
from daybreak.engine.talent.generator import random_instance
from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.solver import solve_talent
from daybreak.importers.talent_formats import read_instance, read_mssp

SHARED = Path(os.environ.get("DAYBREAK_TALENT_DIR", "/work/shared/benchmarks/talent"))
MODEL = Path(__file__).resolve().parent / "baselines" / "talent.mzn"
RESULTS = Path(__file__).resolve().parent / "results"

# Published (or independently computed) optimum totals, from SOURCES.md.
TALENT_OPTIMA: dict[str, int] = {
    "csplib/rehearsal_smith.dzn": 109,
    "csplib/rehearsal_choco.dzn": 53,
    "csplib/csplib039_film1.txt": 871,
    "csplib/csplib039_film2.txt": 818,
    "minizinc-benchmarks/easy/tiny.dzn": 29,
    "minizinc-benchmarks/easy/small.dzn": 54,
    "minizinc-benchmarks/easy/concert.dzn": 111,
    "minizinc-benchmarks/medium/MobStory.dzn": 871,
    "minizinc-benchmarks/medium/film103.dzn": 1031,
    "minizinc-benchmarks/medium/film105.dzn": 849,
    "minizinc-benchmarks/medium/film114.dzn": 867,
    "minizinc-benchmarks/medium/film116.dzn": 541,
    "minizinc-benchmarks/medium/film117.dzn": 913,
    "minizinc-benchmarks/medium/film118.dzn": 853,
    "minizinc-benchmarks/medium/film119.dzn": 790,
    "ddo-rs/tiny": 29,
    "ddo-rs/tiny2": 9,
    "ddo-rs/small": 54,
    "ddo-rs/small2": 56,
    "ddo-rs/concert": 111,
    "ddo-rs/film-10": 352,
    "ddo-rs/film-12": 401,
    "ddo-rs/film103.dat": 1031,
    "ddo-rs/film105.dat": 849,
    "ddo-rs/film114.dat": 867,
    "ddo-rs/film116.dat": 541,
    "ddo-rs/film117.dat": 913,
    "ddo-rs/film118.dat": 853,
    "ddo-rs/film119.dat": 790,
    "ddo-rs/MobStory": 871,
    "ddo-rs/Warwick1201": 222,
    "ddo-rs/Shaw2020": 877,
}
MSSP_OPTIMA: dict[str, int] = {
    "movie5.txt": 9,
    "movie10.txt": 128,
    "movie12.txt": 43,
    "movie15.txt": 910,
    "movie20.txt": 774,
}
RANDOM_SPECS = [(30, 0), (31, 1), (32, 2), (34, 3), (36, 4)]
"""(scenes, seed) of the random instances; 8 actors, density 0.3."""


def talent_files(root: Path) -> list[Path]:
    """Every talent-scheduling data file under ``root`` (movie-shoot files excluded)."""
    out = []
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.suffix == ".md" or p.name == "Solutions":
            continue
        if "mssp" in p.parts[-2]:
            continue
        out.append(p)
    return out


def run(results_dir: Path, quick: bool = False) -> None:
    """Run the whole suite and write the result files into ``results_dir``."""
    if not SHARED.is_dir():
        print(f"talent suite skipped: instance folder {SHARED} is absent")
        return
    results_dir.mkdir(parents=True, exist_ok=True)
    base_limit = 5.0 if quick else 30.0
    our_limit = 10.0 if quick else 60.0
    mssp_limit = 5.0 if quick else 20.0
    rows = run_talent(base_limit, our_limit)
    _write_talent(results_dir, rows, base_limit, our_limit)
    mrows = run_mssp(mssp_limit)
    _write_mssp(results_dir, mrows, mssp_limit)


def run_talent(base_limit: float, our_limit: float) -> list[dict[str, Any]]:
    """Solve every public and random talent instance with our solver and both baselines."""
    jobs: list[tuple[str, TalentInstance, int | None]] = []
    for p in talent_files(SHARED):
        inst = read_instance(p)
        assert isinstance(inst, TalentInstance)
        key = p.relative_to(SHARED).as_posix()
        jobs.append((key, inst, TALENT_OPTIMA.get(key)))
    for n, seed in RANDOM_SPECS:
        inst = random_instance(n, 8, seed=seed, density=0.3)
        jobs.append((inst.name, inst, None))
    cache: dict[tuple[Any, ...], dict[str, Any]] = {}
    rows = []
    for key, inst, optimum in jobs:
        print(f"  talent {key} ...", flush=True)
        ours = solve_talent(inst, time_limit=our_limit)
        row: dict[str, Any] = {
            "instance": key,
            "scenes": inst.num_scenes,
            "actors": inst.num_actors,
            "published_optimum": optimum,
            "cost": ours.cost,
            "lower_bound": ours.lower_bound,
            "status": ours.status,
            "seconds": round(ours.seconds, 3),
            "nodes": ours.nodes,
            "matches_optimum": None if optimum is None else ours.cost == optimum,
        }
        data_key = (inst.durations, inst.costs, inst.actor_scenes)
        if data_key not in cache:
            cache[data_key] = _baselines(inst, base_limit)
            cache[data_key]["baseline_same_data_as"] = None
            first = key
            cache[data_key]["_first"] = first
        else:
            cache[data_key]["baseline_same_data_as"] = cache[data_key]["_first"]
        row.update({k: v for k, v in cache[data_key].items() if k != "_first"})
        rows.append(row)
        print(
            f"    ours {ours.cost} {ours.status} {ours.seconds:.2f}s | cpsat {row['cpsat_cost']} "
            f"{row['cpsat_status']} | mzn {row['minizinc_cost']} {row['minizinc_status']}",
            flush=True,
        )
    return rows


def _baselines(inst: TalentInstance, limit: float) -> dict[str, Any]:
    """CP-SAT (one worker, in this process) and MiniZinc/Gecode (a subprocess) side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        mzn = _start_minizinc(inst, Path(tmp), limit)
        cp = solve_cpsat(inst, time_limit=limit, workers=1)
        mz = _finish_minizinc(mzn, limit)
    return {
        "cpsat_cost": cp.cost,
        "cpsat_bound": cp.bound,
        "cpsat_status": cp.status,
        "cpsat_seconds": round(cp.seconds, 3),
        **mz,
    }


def _start_minizinc(
    inst: TalentInstance, tmp: Path, limit: float
) -> tuple[subprocess.Popen[str], float] | None:
    exe = shutil.which("minizinc")
    if exe is None:
        return None
    used = [a for a in range(inst.num_actors) if inst.actor_scenes[a]]
    n = inst.num_scenes
    rows = " | ".join(", ".join(str(inst.actor_scenes[a] >> s & 1) for s in range(n)) for a in used)
    data = (
        f"n = {n};\nm = {len(used)};\nia = [| {rows} |];\n"
        f"c = [{', '.join(str(inst.costs[a]) for a in used)}];\n"
        f"d = [{', '.join(map(str, inst.durations))}];\n"
    )
    dzn = tmp / "data.dzn"
    dzn.write_text(data)
    cmd = [exe, "--solver", "gecode", "--time-limit", str(int(limit * 1000)), "-i"]
    cmd += [str(MODEL), str(dzn)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, time.perf_counter()


def _finish_minizinc(
    started: tuple[subprocess.Popen[str], float] | None, limit: float
) -> dict[str, Any]:
    if started is None:
        return {
            "minizinc_cost": None,
            "minizinc_status": "NOT RUN (minizinc missing)",
            "minizinc_seconds": None,
        }
    proc, t0 = started
    try:
        out, _ = proc.communicate(timeout=limit + 30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    seconds = time.perf_counter() - t0
    costs = [int(v) for v in re.findall(r"^cost = (\d+);", out, re.MULTILINE)]
    if "==========" in out:
        status = "OPTIMAL"
    elif costs:
        status = "FEASIBLE"
    else:
        status = "UNKNOWN"
    return {
        "minizinc_cost": costs[-1] if costs else None,
        "minizinc_status": status,
        "minizinc_seconds": round(seconds, 3),
    }


def run_mssp(limit: float) -> list[dict[str, Any]]:
    """Solve every movie-shoot instance: exact when small, annealing plus bounds when large."""
    rows = []
    folder = SHARED / "mssp-rastion"
    files = sorted(folder.glob("*.txt"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    for p in files:
        print(f"  mssp {p.name} ...", flush=True)
        inst = read_mssp(p)
        res = solve_mssp(inst, None if inst.num_scenes <= 24 else limit)
        known = MSSP_OPTIMA.get(p.name)
        rows.append(
            {
                "instance": p.name,
                "scenes": inst.num_scenes,
                "actors": inst.talent.num_actors,
                "locations": len(inst.location_costs),
                "precedences": len(inst.precedences),
                "computed_optimum": known,
                "cost": res.cost,
                "idle_cost": res.idle_cost,
                "location_cost": res.location_cost,
                "lower_bound": res.lower_bound,
                "gap_percent": round(100 * res.gap, 2),
                "status": res.status,
                "seconds": round(res.seconds, 3),
                "matches_optimum": None if known is None else res.cost == known,
            }
        )
        print(f"    {res.cost} lb {res.lower_bound} {res.status} {res.seconds:.2f}s", flush=True)
    return rows


def _fmt(v: Any) -> str:
    return "–" if v is None else str(v)


def _machine() -> str:
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def _write_talent(out: Path, rows: list[dict[str, Any]], base: float, ours: float) -> None:
    meta = {
        "suite": "talent",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": _machine(),
        "our_time_limit_s": ours,
        "baseline_time_limit_s": base,
        "cpsat_workers": 1,
        "minizinc_solver": "gecode",
    }
    (out / "talent.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n")
    lines = [
        "# Talent scheduling benchmark",
        "",
        f"{meta['date']}, {meta['machine']}. Our exact solver (limit {ours:g} s); CP-SAT "
        f"position model (1 worker) and MiniZinc/Gecode model, {base:g} s each, run side by "
        "side. Costs are totals (every actor paid from first to last scene). Baselines are "
        "run once per distinct data; '=' marks a reused outcome.",
        "",
        "| instance | size | published opt | our cost | status | our s | CP-SAT cost | "
        "CP-SAT bound | CP-SAT status | CP-SAT s | MiniZinc cost | MiniZinc status | "
        "MiniZinc s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        same = "=" if r["baseline_same_data_as"] else ""
        lines.append(
            f"| {r['instance']} | {r['scenes']}x{r['actors']} | {_fmt(r['published_optimum'])} "
            f"| {r['cost']} | {r['status']} | {r['seconds']} | {same}{_fmt(r['cpsat_cost'])} "
            f"| {r['cpsat_bound']} | {r['cpsat_status']} | {r['cpsat_seconds']} "
            f"| {same}{_fmt(r['minizinc_cost'])} | {r['minizinc_status']} "
            f"| {_fmt(r['minizinc_seconds'])} |"
        )
    (out / "talent.md").write_text("\n".join(lines) + "\n")


def _write_mssp(out: Path, rows: list[dict[str, Any]], limit: float) -> None:
    meta = {
        "suite": "mssp",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": _machine(),
        "time_limit_s_above_24_scenes": limit,
    }
    (out / "mssp.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n")
    lines = [
        "# Movie-shoot scheduling benchmark",
        "",
        f"{meta['date']}, {meta['machine']}. Up to 24 scenes: exact A*, no limit. Larger: "
        f"{limit:g} s (annealing for the cost, A* frontier and grouped-actor bound for the "
        "lower bound). Gap = (cost - lower bound) / cost.",
        "",
        "| instance | scenes x actors x locations | computed optimum | our cost | idle | "
        "location | lower bound | gap % | status | s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['instance']} | {r['scenes']}x{r['actors']}x{r['locations']} "
            f"| {_fmt(r['computed_optimum'])} | {r['cost']} | {r['idle_cost']} "
            f"| {r['location_cost']} | {r['lower_bound']} | {r['gap_percent']} "
            f"| {r['status']} | {r['seconds']} |"
        )
    (out / "mssp.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    """Command-line entry: ``python -m benchmarks.talent_suite [--quick]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5 s limits for a smoke run")
    args = parser.parse_args()
    run(RESULTS, quick=args.quick)


if __name__ == "__main__":
    main()

"""Run every benchmark suite: `python -m benchmarks [--quick] [SUITE ...]`.

Each `*_suite.py` module here has `run(results_dir)` (and may take `quick`); its results go
to `benchmarks/results/<suite>.md` and `.json`. `python3 dev.py bench` calls this.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def suites() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_suite"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("suite", nargs="*", help=f"suites to run (default: all of {suites()})")
    parser.add_argument("--quick", action="store_true", help="short time limits, for a smoke run")
    args = parser.parse_args(argv)
    # `engine` and `engine_suite` both name benchmarks/engine_suite.py
    chosen = [s if s.endswith("_suite") else f"{s}_suite" for s in args.suite] or suites()
    unknown = sorted(set(chosen) - set(suites()))
    if unknown:
        parser.error(f"unknown suite(s) {unknown}; known: {suites()}")
    RESULTS.mkdir(exist_ok=True)
    failed = []
    for name in chosen:
        module = importlib.import_module(f"benchmarks.{name}")
        kwargs = (
            {"quick": True}
            if args.quick and "quick" in inspect.signature(module.run).parameters
            else {}
        )
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        try:
            module.run(RESULTS, **kwargs)
        except Exception as exc:  # a broken suite must not hide the others' results
            failed.append(name)
            print(f"!! {name} failed: {exc!r}", file=sys.stderr)
        print(f"== {name} done in {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

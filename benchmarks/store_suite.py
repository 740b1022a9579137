"""Store benchmark: save and load times of real and feature-sized productions (SQLite)."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from daybreak.domain import Production
from daybreak.domain.builder import ProductionBuilder
from daybreak.importers.uss import read_uss
from daybreak.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "src/daybreak/data/uss/full_sample_schedule.uss"


def synthetic(scenes: int = 400, cast: int = 60) -> Production:
    """A tentpole-sized breakdown: 400 scenes, 60 cast, props on every scene."""
    builder = ProductionBuilder(f"Synthetic {scenes}")
    for i in range(scenes):
        builder.scene(
            str(i + 1),
            set_name=f"SET {i % 40}",
            int_ext="INT" if i % 3 else "EXT",
            time_of_day="NIGHT" if i % 4 == 0 else "DAY",
            eighths=1 + i % 23,
            cast=[f"ACTOR {(i * 7 + k) % cast}" for k in range(1 + i % 5)],
            location=f"LOCATION {i % 12}",
            elements={"Props": [f"PROP {i % 90}"]},
        )
    builder.script_order_board()
    return builder.build()


def _time(action: object, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run(results_dir: Path, quick: bool = False) -> None:
    rows = []
    for label, production in (
        ("USS full sample (174 strips)", read_uss(SAMPLE)),
        ("synthetic 400 scenes, 60 cast", synthetic()),
    ):
        with (
            tempfile.TemporaryDirectory() as folder,
            Store.open(Path(folder) / "bench.daybreak", create=True) as store,
        ):
            save = _time(lambda p=production, s=store: s.save(p), 2 if quick else 5)
            load = _time(lambda s=store: s.load(), 2 if quick else 5)
        rows.append({"production": label, "save_s": round(save, 4), "load_s": round(load, 4)})
    (results_dir / "store.json").write_text(json.dumps(rows, indent=2) + "\n")
    lines = [
        "# Store benchmark (SQLite project file, median of runs)",
        "",
        "| production | save (s) | load (s) |",
        "|---|---|---|",
    ]
    lines += [f"| {r['production']} | {r['save_s']} | {r['load_s']} |" for r in rows]
    (results_dir / "store.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    run(Path(__file__).resolve().parent / "results")

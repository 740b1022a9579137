"""Screenplay import benchmark: median time to import a feature script three ways.

``python -m benchmarks.import_suite`` imports Big Fish (about 120 pages, from the shared
corpus beside the repository) as Fountain, as FDX, and as a PDF rendered from the
Fountain file with screenplain, several times each, and writes the medians (wall clock and
CPU) with the targets (Fountain < 0.2 s, PDF < 1 s) and the previous run's numbers to
``benchmarks/results/import.md`` and ``import.json``.
"""

from __future__ import annotations

import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from daybreak.importers.screenplay import read_screenplay

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "screenplays"
SCRIPT = "Big-Fish"
TARGETS = {"fountain": 0.2, "pdf": 1.0}
REPEAT = 7


def _render_pdf(fountain: Path, out: Path) -> Path | None:
    """Render ``fountain`` to PDF with screenplain; ``None`` when it is not installed."""
    exe = shutil.which("screenplain") or str(Path(sys.executable).parent / "screenplain")
    if not Path(exe).exists():
        return None
    subprocess.run([exe, "--strong", str(fountain), str(out)], check=True, capture_output=True)
    return out


def _time(path: Path, repeat: int) -> dict[str, float | int]:
    """Median wall and CPU seconds over ``repeat`` imports (after one warm-up)."""
    script = read_screenplay(path)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        read_screenplay(path)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {
        "wall_median_s": round(statistics.median(wall), 4),
        "cpu_median_s": round(statistics.median(cpu), 4),
        "scenes": len(script.scenes),
        "pages": script.page_count,
    }


def run(results_dir: Path, quick: bool = False) -> None:
    """Run the suite and write ``import.md`` and ``import.json`` into ``results_dir``
    (``quick``: 3 imports a format instead of 7)."""
    repeat = 3 if quick else REPEAT
    results_dir.mkdir(parents=True, exist_ok=True)
    fountain = SHARED / f"{SCRIPT}.fountain"
    if not fountain.exists():
        raise SystemExit(f"benchmark script not found: {fountain} (the shared corpus)")
    results: dict[str, dict[str, float | int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"fountain": fountain, "fdx": SHARED / f"{SCRIPT}.fdx"}
        pdf = _render_pdf(fountain, Path(tmp) / f"{SCRIPT}.pdf")
        if pdf is not None:
            inputs["pdf"] = pdf
        for fmt, path in inputs.items():
            results[fmt] = _time(path, repeat)
    previous_file = results_dir / "import.json"
    previous = json.loads(previous_file.read_text()) if previous_file.exists() else None
    report = {
        "suite": "import",
        "script": SCRIPT,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        "repeat": repeat,
        "targets_s": TARGETS,
        "results": results,
    }
    previous_file.write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        f"# Screenplay import benchmark ({report['when']})",
        "",
        f"{SCRIPT}, median of {repeat} imports after a warm-up; the PDF is rendered from the",
        "Fountain file with screenplain. Wall clock on a shared machine; CPU time is steadier.",
        "",
        "| format | scenes | pages | wall median (s) | CPU median (s) | target (s) "
        "| previous wall (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for fmt, row in results.items():
        target = TARGETS.get(fmt)
        before = (previous or {}).get("results", {}).get(fmt, {}).get("wall_median_s", "")
        lines.append(
            f"| {fmt} | {row['scenes']} | {row['pages']} | {row['wall_median_s']} | "
            f"{row['cpu_median_s']} | {target if target is not None else ''} | {before} |"
        )
    (results_dir / "import.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    run(ROOT / "benchmarks" / "results")
    print((ROOT / "benchmarks" / "results" / "import.md").read_text())

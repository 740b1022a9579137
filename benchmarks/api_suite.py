"""API benchmark: latency of a strip move and of loading the board, 400-scene production.

The app is served by uvicorn on a local port and called over HTTP (keep-alive), as the
browser does. A strip move is ``POST .../moves`` (versioned write, change log, cost panel
from the engine's evaluator); a board load is ``GET .../boards/{id}`` (sections, every
strip, the cost panel). Targets: move < 30 ms, board load < 150 ms (median and p95).

Results: ``results/api.md`` and ``.json``. Run: ``python -m benchmarks.api_suite``.
"""

from __future__ import annotations

import json
import platform
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from daybreak.api.app import create_app
from daybreak.api.settings import Settings
from daybreak.domain import Board, BoardSection, Production, StripGroup
from daybreak.engine.generator import GeneratorSize, generate_production
from daybreak.services.projects import save_production

SIZE = GeneratorSize(scenes=400, cast=60, days=100, locations=30, sets=120)
TARGETS_MS = {"move": 30.0, "board load": 150.0}


def production_400() -> Production:
    """A 400-scene generated production with a board split into days of about 5 pages."""
    production = generate_production(SIZE, seed=1)
    source = production.boards[0]
    days: list[list[str]] = [[]]
    eighths = 0
    scenes = {s.id: s for s in production.scenes}
    for sid in source.placed_strip_ids:
        if days[-1] and eighths + scenes[sid].eighths > 40:
            days.append([])
            eighths = 0
        days[-1].append(sid)
        eighths += scenes[sid].eighths
    production.boards.append(
        Board(
            id="bench-board",
            name="Bench",
            calendar_id=source.calendar_id,
            sections=[
                BoardSection("bench-main", "stripboard", [StripGroup(d, True) for d in days]),
                BoardSection("bench-yard", "boneyard"),
            ],
        )
    )
    return production


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(samples),
        "median_ms": round(1000 * statistics.median(samples), 2),
        "p95_ms": round(1000 * p95, 2),
        "max_ms": round(1000 * ordered[-1], 2),
    }


def measure(project: Path, moves: int = 60, loads: int = 30) -> dict[str, dict[str, float]]:
    """Median and p95 of strip moves and board loads against a live server."""
    app = create_app(Settings(project=project))
    port = _port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            pid = http.get("/api/productions").json()[0]["id"]
            url = f"/api/productions/{pid}/boards/bench-board"
            view = http.get(url).json()  # warm-up: production cache, compiled problem
            version = view["board"]["version"]
            groups = [g for g in view["board"]["sections"][0]["groups"] if g["is_day"]]
            move_samples: list[float] = []
            for n in range(moves + 5):
                source = next(g for g in groups[n % 20 :] + groups if g["strip_ids"])
                strip = source["strip_ids"][-1]
                started = time.perf_counter()
                response = http.post(
                    url + "/moves",
                    json={"version": version, "strip_ids": [strip], "day": 25 + n % 20, "index": 0},
                )
                elapsed = time.perf_counter() - started
                response.raise_for_status()
                body: dict[str, Any] = response.json()
                version = body["board"]["version"]
                groups = [g for g in body["board"]["sections"][0]["groups"] if g["is_day"]]
                if n >= 5:
                    move_samples.append(elapsed)
            load_samples: list[float] = []
            for n in range(loads + 3):
                started = time.perf_counter()
                http.get(url).raise_for_status()
                if n >= 3:
                    load_samples.append(time.perf_counter() - started)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.daybreak.close()
    return {"move": _stats(move_samples), "board load": _stats(load_samples)}


def run(results_dir: Path, quick: bool = False) -> None:
    """Build the production, measure, write ``api.md`` and ``api.json``."""
    results_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "bench.daybreak"
        production = production_400()
        save_production(project, production, create=True)
        rows = measure(project, moves=20 if quick else 60, loads=10 if quick else 30)
    scenes = sum(1 for s in production.scenes if not s.is_banner)
    record = {
        "production": f"generated, {scenes} scenes, {len(production.cast)} cast",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": rows,
        "targets_ms": TARGETS_MS,
    }
    (results_dir / "api.json").write_text(json.dumps(record, indent=2) + "\n")
    lines = [
        "# API latency",
        "",
        f"Production: {record['production']}; uvicorn on localhost, httpx keep-alive client.",
        "",
        "| request | n | median ms | p95 ms | max ms | target ms |",
        "|---|---|---|---|---|---|",
    ]
    for name, stats in rows.items():
        lines.append(
            f"| {name} | {stats['n']:.0f} | {stats['median_ms']} | {stats['p95_ms']} "
            f"| {stats['max_ms']} | < {TARGETS_MS[name]:.0f} |"
        )
    (results_dir / "api.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    run(Path(__file__).resolve().parent / "results", quick="--quick" in sys.argv)

"""The demo: a built-in production taken through everything daybreak does.

Each step is a function that adds lines and written paths to the summary; later features
add their step to `STEPS`.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from daybreak.domain import Production
from daybreak.importers.uss import read_uss
from daybreak.reports.dood import build_dood
from daybreak.reports.generate import write_report
from daybreak.services.browse import board_record
from daybreak.services.demo_northbound import step_northbound
from daybreak.services.exporting import export_production
from daybreak.services.importing import import_file
from daybreak.services.projects import load_production


@dataclass(slots=True)
class DemoContext:
    out: Path
    project: Path
    lines: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    production: Production | None = None


def sample_path(out: Path) -> Path:
    """The USS full sample, copied out of the package (shipped unchanged, with attribution)."""
    source = resources.files("daybreak.data").joinpath("uss/full_sample_schedule.uss")
    target = out / "full_sample_schedule.uss"
    with resources.as_file(source) as path:
        shutil.copyfile(path, target)
    return target


def step_import(ctx: DemoContext) -> None:
    sample = sample_path(ctx.out)
    report = import_file(sample, ctx.project)
    ctx.production = load_production(ctx.project)
    ctx.lines.append(
        f'Imported {report.production!r} (USS sample, "It\'s A Wonderful Life"): '
        f"{report.scenes} strips, {report.elements} elements, "
        f"{report.boards} boards"
    )
    ctx.written.append(ctx.project)


def step_boards(ctx: DemoContext) -> None:
    assert ctx.production is not None
    for board in ctx.production.boards:
        r = board_record(ctx.production, board)
        days = f"{r['days']} days, {r['start']} to {r['end']}" if r["days"] else "no day breaks"
        ctx.lines.append(f"  board {r['name']!r}: {r['strips']} strips, {r['pages']} pages, {days}")


def step_export(ctx: DemoContext) -> None:
    target = ctx.out / "demo-export.uss"
    export_production(ctx.project, "uss", target)
    again = read_uss(target)
    assert ctx.production is not None
    same = len(again.scenes) == len(ctx.production.scenes)
    ctx.lines.append(
        f"Exported USS: {len(again.scenes)} breakdowns, {len(again.boards)} boards"
        f" ({'round-trip checked' if same else 'ROUND-TRIP MISMATCH'})"
    )
    ctx.written.append(target)


REPORTS_BOARD = "Rev. WHITE"
DEMO_REPORTS = (
    ("dood", "pdf"),
    ("dood", "csv"),
    ("dood", "xlsx"),
    ("oneliner", "pdf"),
    ("stripboard", "html"),
    ("stripboard", "pdf"),
    ("callsheet", "pdf"),
    ("stripboard", "ics"),
)


def step_reports(ctx: DemoContext) -> None:
    """Reports: DOOD, one-liner, stripboard, call sheet and shoot days of "Rev. WHITE"."""
    assert ctx.production is not None
    board = ctx.production.board(REPORTS_BOARD)
    folder = ctx.out / "reports"
    started = time.perf_counter()
    for kind, fmt in DEMO_REPORTS:
        name = "shoot-days" if fmt == "ics" else ("callsheet-day1" if kind == "callsheet" else kind)
        out = write_report(
            ctx.production,
            board,
            kind,
            fmt,
            folder / f"{name}.{fmt}",
            day=1 if kind == "callsheet" else None,
        )
        ctx.written.append(out)
    dood = build_dood(ctx.production, board)
    ctx.lines.append(
        f"Reports of {REPORTS_BOARD!r} in {folder}: {len(DEMO_REPORTS)} files in "
        f"{time.perf_counter() - started:.1f} s"
    )
    ctx.lines.append(
        f"  DOOD: {len(dood.rows)} cast over {len(dood.day_columns)} days; "
        f"{dood.total('work')} work, {dood.total('hold')} hold, "
        f"{dood.total('paid')} paid days (from the evaluator)"
    )


STEPS: list[Callable[[DemoContext], None]] = [
    step_import,
    step_boards,
    step_export,
    step_reports,
    step_northbound,
]


def run_demo(out: Path, *, on_step: Callable[[str], None] | None = None) -> DemoContext:
    """Run every demo step into `out` (created; a previous demo project there is replaced)."""
    out.mkdir(parents=True, exist_ok=True)
    project = out / "demo.daybreak"
    for stale in (
        project,
        project.with_name(project.name + "-wal"),
        project.with_name(project.name + "-shm"),
    ):
        stale.unlink(missing_ok=True)
    ctx = DemoContext(out=out, project=project)
    for step in STEPS:
        if on_step:
            on_step((step.__doc__ or step.__name__).strip().splitlines()[0])
        step(ctx)
    return ctx

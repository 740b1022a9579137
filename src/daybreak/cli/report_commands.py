"""`daybreak report KIND PROJECT`: the stripboard, DOOD, one-liner, shooting schedule and
call sheet as PDF, HTML, CSV, XLSX or iCalendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from daybreak.cli.app import app
from daybreak.cli.common import (
    BoardOption,
    DbOption,
    ProductionOption,
    ProjectArg,
    console,
    handle_errors,
)
from daybreak.reports.generate import FORMATS, KINDS
from daybreak.services.reporting import make_report

_COMBOS = "; ".join(f"{k}: {', '.join(v)}" for k, v in FORMATS.items())


@app.command("report")
@handle_errors
def report_command(
    kind: Annotated[str, typer.Argument(help=f"The report: {', '.join(KINDS)}.")],
    project: ProjectArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"Output format ({_COMBOS}).")] = "pdf",
    out: Annotated[Path | None, typer.Option("-o", "--out", help="The file to write.")] = None,
    board: BoardOption = None,
    day: Annotated[
        int | None, typer.Option("--day", help="Shoot day of the call sheet (default 1).")
    ] = None,
    paper: Annotated[str, typer.Option("--paper", help="PDF paper: letter or a4.")] = "letter",
    category: Annotated[
        str | None,
        typer.Option("--category", help="DOOD of another element category (default: Cast)."),
    ] = None,
    colors: Annotated[
        str, typer.Option("--colors", help="Strip color preset: singleton or alternative.")
    ] = "singleton",
    db: DbOption = None,
    production: ProductionOption = None,
) -> None:
    """Write a report of a board: the paperwork, generated from the board."""
    target = out or Path(f"{kind}.{fmt}")
    written = make_report(
        project,
        kind,
        fmt,
        target,
        board=board,
        day=day,
        production=production,
        db=db,
        paper=paper,
        category=category,
        colors=colors,
    )
    console.print(f"Wrote {written}", highlight=False)

"""`daybreak demo`: build the demo project and run everything on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from daybreak.cli.app import app
from daybreak.cli.common import console, handle_errors
from daybreak.services.demo import run_demo


@app.command("demo")
@handle_errors
def demo_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo's files.")] = Path(
        "demo-out"
    ),
) -> None:
    """Build a demo project from data shipped with daybreak and run every feature on it."""
    with console.status("Running the demo…") as status:
        ctx = run_demo(out, on_step=lambda step: status.update(f"{step}…"))
    console.rule("[bold]daybreak demo")
    for line in ctx.lines:
        console.print(line, highlight=False)
    console.print("\n[bold]Written:[/]")
    for path in ctx.written:
        console.print(f"  {path}", highlight=False)

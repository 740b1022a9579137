"""`daybreak talent ...` and `daybreak mssp ...`: solve published benchmark instances."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from daybreak.cli.app import app
from daybreak.errors import DaybreakError
from daybreak.services.talent import solve_mssp_file, solve_talent_file

talent_app = typer.Typer(
    name="talent",
    help="Talent scheduling: order scenes so actors wait on set as little as possible.",
    no_args_is_help=True,
)
mssp_app = typer.Typer(
    name="mssp",
    help="Movie-shoot scheduling: talent scheduling with locations and precedences.",
    no_args_is_help=True,
)

FileArg = Annotated[
    Path,
    typer.Argument(
        help="Instance file: MiniZinc .dzn, CSPLib rehearsal .dzn, Stuckey text or movie-shoot"
        " text.",
        show_default=False,
    ),
]
TimeLimit = Annotated[
    float | None,
    typer.Option("--time-limit", "-t", min=0.0, help="Stop after this many seconds."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]

_TALENT_KEYS = ("order", "cost", "idle_cost", "lower_bound", "status", "seconds")
_MSSP_KEYS = ("order", "cost", "idle_cost", "location_cost", "lower_bound", "status", "seconds")


def _fail(exc: DaybreakError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code=2)


def _show(result: dict[str, Any], keys: tuple[str, ...], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({k: result[k] for k in keys}))
        return
    console = Console()
    table = Table(title=f"{result['instance']}: {result['scenes']} scenes", show_header=False)
    for key in keys:
        if key == "order":
            continue
        table.add_row(key.replace("_", " "), str(result[key]))
    console.print(table)
    console.print("order: " + " ".join(str(s) for s in result["order"]), highlight=False)


@talent_app.command("solve")
def talent_solve(path: FileArg, time_limit: TimeLimit = None, as_json: AsJson = False) -> None:
    """Solve a talent-scheduling instance; OPTIMAL means the optimum was proven."""
    try:
        result = solve_talent_file(path, time_limit=time_limit)
    except DaybreakError as exc:
        raise _fail(exc) from None
    _show(result, _TALENT_KEYS, as_json)


@mssp_app.command("solve")
def mssp_solve(path: FileArg, time_limit: TimeLimit = None, as_json: AsJson = False) -> None:
    """Solve a movie-shoot instance: actor idle cost plus location revisit cost."""
    try:
        result = solve_mssp_file(path, time_limit=time_limit)
    except DaybreakError as exc:
        raise _fail(exc) from None
    _show(result, _MSSP_KEYS, as_json)


app.add_typer(talent_app, name="talent")
app.add_typer(mssp_app, name="mssp")

"""What every command shares: project and --db options, JSON output, error handling."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from daybreak.errors import DaybreakError

console = Console()
err_console = Console(stderr=True)

ProjectArg = Annotated[
    str | None,
    typer.Argument(
        help="The project file (*.daybreak); omit it when --db or DAYBREAK_DB names a database.",
        show_default=False,
    ),
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DAYBREAK_DB",
        help="A database URL (postgresql://...) instead of a project file.",
    ),
]
ProductionOption = Annotated[
    str | None,
    typer.Option(
        "--production", help="The production (name or id) when the project holds several."
    ),
]
BoardOption = Annotated[
    str | None, typer.Option("--board", help="The board (name or id); default: the newest.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]

_F = TypeVar("_F", bound=Callable[..., Any])


def handle_errors(func: _F) -> _F:
    """Turn a DaybreakError into one clear line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DaybreakError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(code=2) from None

    return wrapper  # type: ignore[return-value]


def print_json(data: Any) -> None:
    """Plain JSON on stdout, never styled, so scripts can parse it."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def plural(count: int, noun: str) -> str:
    """`1 board`, `4 boards`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

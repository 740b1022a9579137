"""`daybreak log` and `daybreak progress`: what each shoot day shot, and where the shoot is."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from daybreak.cli.app import app
from daybreak.cli.common import (
    BoardOption,
    DbOption,
    JsonOption,
    ProductionOption,
    ProjectArg,
    console,
    handle_errors,
    print_json,
)
from daybreak.domain import format_eighths
from daybreak.domain.codec import to_plain
from daybreak.services.projects import open_store
from daybreak.services.shooting import log_day, parse_entries, progress


@app.command("log")
@handle_errors
def log_command(
    project: ProjectArg = None,
    day: Annotated[int, typer.Option("--day", help="The shoot day number on the board.")] = 1,
    shot: Annotated[list[str], typer.Option("--shot", help="Scenes completed: 12,13A.")] = [],  # noqa: B006
    partial: Annotated[
        list[str],
        typer.Option("--partial", help="Scenes partly shot, with the eighths done: 14=3/8."),
    ] = [],  # noqa: B006
    not_shot: Annotated[
        list[str], typer.Option("--not-shot", help="Scenes scheduled but not shot.")
    ] = [],  # noqa: B006
    added: Annotated[
        list[str], typer.Option("--added", help="Pick-ups of earlier scenes shot this day.")
    ] = [],  # noqa: B006
    reshoot: Annotated[
        list[str], typer.Option("--reshoot", help="Reshoots of earlier scenes shot this day.")
    ] = [],  # noqa: B006
    on: Annotated[
        str | None,
        typer.Option("--date", help="The date shot (default: the board's date for the day)."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the day.")] = None,
    board: BoardOption = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """Record what a shoot day shot: completed, partly shot, not shot, pick-ups, reshoots."""
    entries = parse_entries(shot, partial, not_shot, added, reshoot)
    with open_store(project, db=db) as store:
        loaded = store.load(production)
        chosen = loaded.board(board)
        when = _date(on)
        logged = log_day(loaded, chosen, day, entries, on=when, notes=note)
        store.save(loaded)
    if json_out:
        print_json(to_plain(logged))
        return
    done = sum(r.eighths_done for r in logged.records if r.status.value != "added")
    console.print(
        f"Logged day {logged.day_number} ({logged.on:%a %b %d}) of {chosen.name!r}: "
        f"{len(logged.records)} scenes, {format_eighths(done)} pages shot.",
        highlight=False,
    )


@app.command("progress")
@handle_errors
def progress_command(
    project: ProjectArg = None,
    board: BoardOption = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """Scheduled against shot pages for each logged day, and days ahead or behind."""
    with open_store(project, db=db) as store:
        loaded = store.load(production)
    report = progress(loaded, loaded.board(board))
    if json_out:
        print_json(report)
        return
    table = Table(title=f"{loaded.name} — {report['board']}: progress")
    for column in ("Day", "Date", "Scheduled", "Shot", "Added", "Cum. sched.", "Cum. shot"):
        table.add_column(column)
    for row in report["days"]:
        table.add_row(
            str(row["day"]),
            row["date"],
            row["scheduled_pages"],
            row["shot_pages"],
            format_eighths(row["added_eighths"]),
            format_eighths(row["cumulative_scheduled_eighths"]),
            format_eighths(row["cumulative_shot_eighths"]),
        )
    console.print(table)
    ahead = report["days_ahead"]
    state = (
        "on schedule"
        if ahead == 0
        else (f"{ahead} days ahead" if ahead > 0 else f"{-ahead} days behind")
    )
    console.print(
        f"{report['days_logged']} of {report['days_scheduled']} days logged; "
        f"{state}; {format_eighths(report['remaining_eighths'])} pages to shoot.",
        highlight=False,
    )


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        from daybreak.errors import DaybreakError

        raise DaybreakError(f"{text!r} is not a date like 2027-09-06", where="--date") from None

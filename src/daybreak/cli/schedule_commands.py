"""`daybreak schedule`: optimize a board into shooting days, with a live progress bar."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
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
from daybreak.services.bookings import bookings_elsewhere, with_bookings
from daybreak.services.projects import open_store, save_production
from daybreak.services.scheduling import ScheduleOutcome, schedule_board


@app.command("schedule")
@handle_errors
def schedule_command(
    project: ProjectArg = None,
    board: BoardOption = None,
    production: ProductionOption = None,
    days: Annotated[
        int | None, typer.Option("--days", help="Most shoot days (default: from work rules).")
    ] = None,
    max_pages_per_day: Annotated[
        float | None,
        typer.Option(
            "--max-pages-per-day", help="Most pages a day (a single longer scene may fill a day)."
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds to search.", min=0.1)
    ] = 30.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    boneyard: Annotated[
        bool, typer.Option("--boneyard", help="Schedule the boneyard strips too.")
    ] = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not add the new board to the project.")
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Turn a board into shooting days that honour every rule at the lowest cost."""
    with open_store(project, db=db) as store:
        prod = store.load(production)
        # Other productions' bookings of shared cast and locations, on a copy only.
        busy = with_bookings(prod, bookings_elsewhere(store, prod.id))
    if json_out or not console.is_terminal:
        outcome = schedule_board(
            busy,
            board=board,
            days=days,
            max_pages_per_day=max_pages_per_day,
            time_limit=time_limit,
            seed=seed,
            include_boneyard=boneyard,
        )
    else:
        with Progress(
            TextColumn("[bold]searching"),
            BarColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("schedule", total=time_limit, status="")

            def on_progress(elapsed: float, best: float | None, bound: float) -> None:
                text = (
                    f"best {best:,.0f}  bound {bound:,.0f}"
                    if best is not None
                    else "no schedule yet"
                )
                bar.update(task, completed=min(elapsed, time_limit), status=text)

            outcome = schedule_board(
                busy,
                board=board,
                days=days,
                max_pages_per_day=max_pages_per_day,
                time_limit=time_limit,
                seed=seed,
                include_boneyard=boneyard,
                progress=on_progress,
            )
    if outcome.board is not None and not no_save:
        prod.boards.append(outcome.board)
        save_production(project, prod, db=db)
    if json_out:
        print_json(outcome.record)
        return
    _summary(outcome)


def _summary(outcome: ScheduleOutcome) -> None:
    record = outcome.record
    result = outcome.result
    console.print(f"[bold]{record['status']}[/] in {record['seconds']:.1f} s")
    for line in record["explanation"]:
        console.print(f"  {line}")
    if result.schedule is None:
        return
    counts = record["counts"]
    used = counts.get("shoot_days", 0)
    console.print(
        f"{used} shoot days, {counts.get('hold_days', 0)} hold days, "
        f"{counts.get('set_changes', 0)} set changes, "
        f"{counts.get('company_moves', 0)} company moves"
    )
    table = Table("term", "cost", title="Cost by term")
    for term, value in record["cost"].items():
        table.add_row(term, f"{value:,.0f}")
    console.print(table)
    gap = record["gap"]
    bound = record["lower_bound"]
    if bound is not None:
        gap_text = f" (gap {100 * gap:.1f}%)" if gap is not None else ""
        console.print(f"lower bound {bound:,.0f}{gap_text}")
    if outcome.board is not None:
        console.print(f"new board: {outcome.board.name}")

"""`daybreak repair`: re-plan the rest of the shoot after a disruption, moving little."""

from __future__ import annotations

from typing import Annotated, Any

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
    err_console,
    handle_errors,
    plural,
    print_json,
)
from daybreak.services.disruptions import parse_date
from daybreak.services.projects import open_store
from daybreak.services.repair import Disruptions, repair_board


@app.command("repair")
@handle_errors
def repair_command(
    project: ProjectArg = None,
    board: BoardOption = None,
    unavailable: Annotated[
        list[str],
        typer.Option("--unavailable", help="A performer out: NAME:YYYY-MM-DD..YYYY-MM-DD."),
    ] = [],  # noqa: B006
    location_lost: Annotated[
        list[str], typer.Option("--location-lost", help="A location or set lost: NAME:DATES.")
    ] = [],  # noqa: B006
    location_available: Annotated[
        list[str],
        typer.Option("--location-available", help="A location or set available: NAME:DATES."),
    ] = [],  # noqa: B006
    hiatus: Annotated[
        str | None,
        typer.Option("--hiatus", help="No shooting from..to: YYYY-MM-DD..YYYY-MM-DD."),
    ] = None,
    add_scene: Annotated[
        list[str],
        typer.Option("--add-scene", help="A scene not on the board's days (boneyard, new)."),
    ] = [],  # noqa: B006
    cut: Annotated[list[str], typer.Option("--cut", help="A scene cut from the plan.")] = [],  # noqa: B006
    reshoot: Annotated[
        list[str], typer.Option("--reshoot", help="Shoot a scene again: a new strip (12R).")
    ] = [],  # noqa: B006
    frozen_through: Annotated[
        str | None,
        typer.Option(
            "--frozen-through", help="Keep every day up to this date (default: the last logged)."
        ),
    ] = None,
    stability_weight: Annotated[
        float | None,
        typer.Option(
            "--stability-weight",
            help="Cost of each moved scene and each day it moves (default: a tenth of a "
            "shoot day).",
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds for the repair.")
    ] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the new board (default: Repair <time>).")
    ] = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """Repair a board after a disruption: shot days stay, the rest moves as little as it can.

    The result is a NEW board; the previous boards stay.
    """
    changes = Disruptions.parse(
        unavailable=unavailable,
        location_lost=location_lost,
        location_available=location_available,
        hiatus=hiatus,
        add_scenes=add_scene,
        cut=cut,
        reshoot=reshoot,
    )
    until = parse_date(frozen_through, "--frozen-through") if frozen_through else None
    with open_store(project, db=db) as store:
        loaded = store.load(production)
        outcome = repair_board(
            loaded,
            changes,
            board=board,
            frozen_through=until,
            stability_weight=stability_weight,
            time_limit=time_limit,
            seed=seed,
            board_name=name,
        )
        if outcome.board is not None:
            store.save(outcome.production)
    record = outcome.record
    if json_out:
        print_json(record)
    else:
        _show(record)
    if outcome.board is None:
        raise typer.Exit(code=1)


def _money(value: float, currency: str) -> str:
    return f"{value:+,.0f} {currency}" if value else f"0 {currency}"


def _show(record: dict[str, Any]) -> None:
    currency = record["currency"]
    frozen = record["frozen_days"]
    console.print(
        f"Repaired {record['source_board']!r}: {plural(frozen, 'shot day')} kept"
        + (f" (through {record['frozen_through']})" if record["frozen_through"] else "")
        + "; "
        + ("; ".join(record["disruptions"]) or "no change given"),
        highlight=False,
    )
    if record["broken_before"]:
        console.print("Broken by the changes:", highlight=False)
        for message in record["broken_before"][:10]:
            console.print(f"  - {message}", highlight=False)
    if record["moves"] or record["added"]:
        table = Table(title="What moves")
        for column in ("Scene", "From day", "From date", "To day", "To date"):
            table.add_column(column)
        for move in record["moves"] + record["added"]:
            table.add_row(
                move["scene"],
                str(move["from_day"] or "new"),
                move["from_date"] or "",
                str(move["to_day"] or "-"),
                move["to_date"] or "",
            )
        console.print(table)
    console.print(
        f"{plural(record['moved_scenes'], 'scene')} moved, {record['distance_days']} days in "
        f"all; {plural(len(record['added']), 'new strip')} placed; "
        f"{plural(record['dates_shifted'], 'day')} change date.",
        highlight=False,
    )
    costs = Table(title=f"Cost ({currency})")
    for column in ("Term", "Before", "After", "Change"):
        costs.add_column(column, justify="right")
    before, after = record["cost_before"], record["cost"]
    for term, delta in record["cost_delta"].items():
        if term in ("total", "stability"):
            continue
        costs.add_row(term, f"{before[term]:,.0f}", f"{after[term]:,.0f}", _money(delta, ""))
    costs.add_row(
        "stability", "0", f"{record['stability_cost']:,.0f}", _money(record["stability_cost"], "")
    )
    costs.add_row(
        "total",
        f"{before['total']:,.0f}",
        f"{record['objective']:,.0f}",
        _money(record["cost_delta"]["total"], ""),
    )
    console.print(costs)
    if record["board"]:
        console.print(f"New board: {record['board']!r} ({record['method']}).", highlight=False)
    else:
        err_console.print("[bold red]No plan honours every hard rule:[/]", highlight=False)
        for message in record["violations"][:10]:
            err_console.print(f"  - {message}", highlight=False)

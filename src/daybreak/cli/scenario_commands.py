"""`daybreak scenario` (a what-if copy of a board) and `daybreak compare` (two boards)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from daybreak.cli.app import app
from daybreak.cli.common import (
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
from daybreak.errors import DaybreakError
from daybreak.services import disruptions as dis
from daybreak.services.projects import open_store
from daybreak.services.scenarios import (
    InfeasibleScenario,
    Lost,
    compare_boards,
    make_scenario,
)


def _lost(text: str) -> Lost:
    item = dis.parse_named(text, "--lose")
    return item.name, item.dates.start, item.dates.end


@app.command("scenario")
@handle_errors
def scenario_command(
    project: ProjectArg = None,
    board: Annotated[
        str | None, typer.Option("--board", help="The board to copy (default: the newest).")
    ] = None,
    push_weeks: Annotated[
        int, typer.Option("--push-weeks", help="Start the shoot N weeks later.")
    ] = 0,
    lose: Annotated[
        list[str],
        typer.Option("--lose", help="A performer out: NAME:YYYY-MM-DD..YYYY-MM-DD."),
    ] = [],  # noqa: B006
    second_unit: Annotated[
        list[str],
        typer.Option("--second-unit", help="Scenes for a second unit: 3,9,17 (numbers or ids)."),
    ] = [],  # noqa: B006
    second_unit_category: Annotated[
        str | None,
        typer.Option(
            "--second-unit-category",
            help="Every scene with an element of this category goes to a second unit (Stunts).",
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Name of the new board (default: <board> scenario)."),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds for each re-plan.")
    ] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """Copy a board under what-ifs (a later start, a performer lost, a second unit),
    re-plan it into a NEW board and compare it with the original."""
    lost = [_lost(t) for t in lose]
    if second_unit_category is not None and not second_unit_category.strip():
        raise DaybreakError("the category name is empty", where="--second-unit-category")
    with open_store(project, db=db) as store:
        loaded = store.load(production)
        try:
            outcome = make_scenario(
                loaded,
                board,
                name=name,
                push_weeks=push_weeks,
                lose=lost,
                second_unit=second_unit,
                second_unit_category=second_unit_category,
                time_limit=time_limit,
                seed=seed,
            )
        except InfeasibleScenario as exc:
            err_console.print(
                "[bold red]No plan honours every hard rule under these what-ifs:[/]",
                highlight=False,
            )
            for message in exc.violations[:10]:
                err_console.print(f"  - {message}", highlight=False, soft_wrap=True)
            raise typer.Exit(code=1) from None
        store.save(loaded)
    record = outcome.record
    if json_out:
        print_json(record)
        return
    console.print(
        f"Scenario {record['board']!r} of {record['source_board']!r} ({record['method']}): "
        + ("; ".join(record["what_ifs"]) or "a plain copy"),
        highlight=False,
    )
    if record["moves"]:
        table = Table(title="What moves")
        for column in ("Scene", "From", "From date", "To", "To date"):
            table.add_column(column)
        for m in record["moves"]:
            table.add_row(
                m["scene"],
                _where(m["from_unit"], m["from_day"]),
                m["from_date"],
                _where(m["to_unit"], m["to_day"]),
                m["to_date"],
            )
        console.print(table)
    console.print(f"{plural(len(record['moves']), 'scene')} moved.", highlight=False)
    _show_compare(record["comparison"])


def _where(unit: str, day: int) -> str:
    return f"day {day}" if unit == "main" else f"2nd unit day {day}"


@app.command("compare")
@handle_errors
def compare_command(
    args: Annotated[
        list[str],
        typer.Argument(
            help="[PROJECT] BOARD_A BOARD_B: the project file (omit it with --db), then two "
            "boards (names or ids).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """Compare two boards side by side: days, dates, cost by term, hold days per performer."""
    if len(args) == 3:
        project: str | None = args[0]
    elif len(args) == 2 and db is not None:
        project = None
    else:
        raise DaybreakError(
            f"got {len(args)} arguments; write daybreak compare PROJECT BOARD_A BOARD_B "
            "(or BOARD_A BOARD_B with --db)",
            where="BOARD_A BOARD_B",
        )
    board_a, board_b = args[-2], args[-1]
    with open_store(project, db=db) as store:
        loaded = store.load(production)
    result = compare_boards(loaded, board_a, board_b)
    if json_out:
        print_json(result)
    else:
        _show_compare(result)


def _num(value: Any, money: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if money else str(value)


def _delta(value: Any, money: bool = False) -> str:
    if value is None:
        return "-"
    if not value:
        return "0"
    return f"{value:+,.0f}" if money else f"{value:+g}"


def _show_compare(result: dict[str, Any]) -> None:
    a, b, d = result["a"], result["b"], result["difference"]
    summary = Table(title="Summary")
    for column in ("", a["board"], b["board"], "Difference"):
        summary.add_column(column, justify="right")
    rows = [
        ("Shoot days (main unit)", a["days"], b["days"], _delta(d["days"])),
        (
            "Second-unit days",
            a["second_unit_days"],
            b["second_unit_days"],
            _delta(d["second_unit_days"]),
        ),
        ("Start", a["start"], b["start"], _delta(d["start_days"]) + " days"),
        ("Wrap", a["wrap"], b["wrap"], _delta(d["wrap_days"]) + " days"),
        ("Pages", a["pages"], b["pages"], _delta(d["pages"])),
        ("Hard rules", _rules(a), _rules(b), ""),
    ]
    for label, x, y, z in rows:
        summary.add_row(label, _num(x), _num(y), z)
    console.print(summary)
    costs = Table(title=f"Cost by term ({result['currency']})")
    for column in ("Term", a["board"], b["board"], "Difference"):
        costs.add_column(column, justify="right")
    for term, delta in d["terms"].items():
        costs.add_row(
            term,
            _num(a["terms"].get(term, 0.0), True),
            _num(b["terms"].get(term, 0.0), True),
            _delta(delta, True),
        )
    costs.add_row("total", _num(a["total"], True), _num(b["total"], True), _delta(d["total"], True))
    console.print(costs)
    cast = Table(title="Performers: work / hold days")
    for column in ("Performer", a["board"], b["board"], "Hold difference"):
        cast.add_column(column, justify="right")
    zero = {"work_days": 0, "hold_days": 0}
    for performer, delta in d["performers"].items():
        pa, pb = a["performers"].get(performer, zero), b["performers"].get(performer, zero)
        cast.add_row(
            performer,
            f"{pa['work_days']} / {pa['hold_days']}",
            f"{pb['work_days']} / {pb['hold_days']}",
            _delta(delta["hold_days"]),
        )
    console.print(cast)
    console.print(
        f"{plural(d['strips_on_different_days'], 'strip')} on a different shoot day, "
        f"{plural(d['strips_on_different_dates'], 'strip')} on a different date; "
        f"{d['strips_only_in_a']} only in {a['board']!r}, {d['strips_only_in_b']} only in "
        f"{b['board']!r}.",
        highlight=False,
    )


def _rules(summary: dict[str, Any]) -> str:
    return "all hold" if summary["feasible"] else plural(len(summary["violations"]), "broken rule")

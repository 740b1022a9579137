"""Across productions: `daybreak registry`, `conflicts`, `schedule-joint` and `milestones`."""

from __future__ import annotations

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
    plural,
    print_json,
)
from daybreak.errors import DaybreakError
from daybreak.services.bookings import dated_board
from daybreak.services.conflicts import conflicts_record, find_conflicts
from daybreak.services.joint import schedule_joint
from daybreak.services.milestones import milestone_report, parse_settings, set_milestones
from daybreak.services.projects import open_store
from daybreak.services.registry import auto_link, link_element, registry_listing, unlink_element

registry_app = typer.Typer(
    name="registry",
    help="Performers and locations shared by identity across the project's productions.",
    no_args_is_help=True,
)
app.add_typer(registry_app, name="registry")

ElementOption = Annotated[
    str | None,
    typer.Option("--element", help="Cast member or location: id, `1. ANNA`, name or performer."),
]


@registry_app.command("list")
@handle_errors
def registry_list(
    project: ProjectArg = None, json_out: JsonOption = False, db: DbOption = None
) -> None:
    """Every registry entry and the elements of each production linked to it."""
    with open_store(project, db=db) as store:
        listing = registry_listing(store)
    if json_out:
        print_json({"entries": listing})
        return
    table = Table("entry", "kind", "id", "linked elements", title="Talent registry")
    for entry in listing:
        linked = "\n".join(f"{e['production']}: {e['element']}" for e in entry["elements"])
        table.add_row(
            entry["name"] or "(not in registry)", entry["kind"] or "", entry["id"], linked
        )
    console.print(table)


@registry_app.command("link")
@handle_errors
def registry_link(
    project: ProjectArg = None,
    production: ProductionOption = None,
    element: ElementOption = None,
    entry: Annotated[
        str | None, typer.Option("--entry", help="The registry entry (id or name).")
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Create the entry when no entry has that name.")
    ] = False,
    auto: Annotated[
        bool,
        typer.Option(
            "--auto", help="Link cast members of different productions by performer name."
        ),
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Link an element to a registry entry, or (--auto) every cast member by performer name."""
    with open_store(project, db=db) as store:
        if auto:
            if element is not None or entry is not None:
                raise DaybreakError("--auto links by performer name: drop --element/--entry")
            made = auto_link(store)
        else:
            if element is None or entry is None:
                raise DaybreakError("name --element and --entry (or use --auto)", where="--element")
            made = [link_element(store, production, element, entry, create=new)]
    if json_out:
        print_json({"links": [m.record() for m in made]})
        return
    if not made:
        console.print("nothing to link: no unlinked performer name is shared by two productions")
    for m in made:
        new_mark = " (new entry)" if m.created else ""
        console.print(f"{m.production}: {m.element} -> {m.entry.name}{new_mark}", highlight=False)


@registry_app.command("unlink")
@handle_errors
def registry_unlink(
    project: ProjectArg = None,
    production: ProductionOption = None,
    element: ElementOption = None,
    db: DbOption = None,
) -> None:
    """Remove an element's link to the registry."""
    if element is None:
        raise DaybreakError("name the element to unlink", where="--element")
    with open_store(project, db=db) as store:
        label = unlink_element(store, production, element)
    console.print(f"unlinked {label}", highlight=False)


def _board_choices(items: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items:
        production, sep, board = item.partition("=")
        if not sep or not production.strip() or not board.strip():
            raise DaybreakError(f"{item!r}: write PRODUCTION=BOARD", where="--board")
        found[production.strip()] = board.strip()
    return found


@app.command("conflicts")
@handle_errors
def conflicts_command(
    project: ProjectArg = None,
    production: Annotated[
        str | None,
        typer.Option("--production", help="Only clashes involving this production."),
    ] = None,
    board: Annotated[
        list[str],
        typer.Option("--board", help="PRODUCTION=BOARD instead of its newest dated board."),
    ] = [],  # noqa: B006
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Performers and locations booked by two productions on the same dates."""
    with open_store(project, db=db) as store:
        found = find_conflicts(store, production, _board_choices(board))
    record = conflicts_record(found)
    if json_out:
        print_json(record)
        return
    if not found:
        console.print("no conflicts across productions")
        return
    for c in record["conflicts"]:
        a, b = c["a"], c["b"]
        console.print(
            f"{c['entry']} ({c['kind']}): {a['production']}/{a['board']} {_span(a['dates'])}"
            f" x {b['production']}/{b['board']} {_span(b['dates'])}; overlap "
            f"{', '.join(d[5:] for d in c['overlap'])}; {c['days_to_move']} days to move",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{plural(record['count'], 'conflict')}, {record['overlap_days']} double-booked days, "
        f"{record['days_to_move']} shoot days to move",
        highlight=False,
    )


def _span(dates: list[str]) -> str:
    return f"{dates[0][5:]}..{dates[-1][5:]} ({len(dates)})" if dates else ""


@app.command("schedule-joint")
@handle_errors
def schedule_joint_command(
    project: ProjectArg = None,
    production: Annotated[
        list[str], typer.Option("--production", help="A production to schedule (give two).")
    ] = [],  # noqa: B006
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds in all, shared by the solves.", min=0.1)
    ] = 60.0,
    rounds: Annotated[
        int, typer.Option("--rounds", help="Alternating solves per order (A, B, A...).", min=2)
    ] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not add the new boards to the project.")
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Schedule two productions that share cast or locations with no double booking."""
    if len(production) != 2:
        raise DaybreakError("name exactly two productions", where="--production")
    with open_store(project, db=db) as store:
        outcome = schedule_joint(
            store,
            production[0],
            production[1],
            time_limit=time_limit,
            rounds=rounds,
            seed=seed,
            save=not no_save,
        )
    record = outcome.record
    if json_out:
        print_json(record)
        return
    for side in record["productions"]:
        console.print(
            f"{side['production']}: {side['shoot_days']} shoot days "
            f"{side['first_date']} .. {side['wrap_date']}, cost {side['total']:,.0f}"
            + (f" — new board {side['board']!r}" if record["saved"] else ""),
            highlight=False,
        )
    console.print(
        f"total {record['total']:,.0f}; no double booking "
        f"({len(record['candidates'])} candidate pairs, {record['seconds']:.1f} s)",
        highlight=False,
    )


@app.command("milestones")
@handle_errors
def milestones_command(
    project: ProjectArg = None,
    production: ProductionOption = None,
    board: BoardOption = None,
    set_: Annotated[
        list[str],
        typer.Option("--set", help="KIND=YYYY-MM-DD (prep, shoot, wrap, post, release)."),
    ] = [],  # noqa: B006
    post_weeks: Annotated[
        int | None, typer.Option("--post-weeks", help="Weeks of post after the wrap.")
    ] = None,
    slip_days: Annotated[
        int | None,
        typer.Option("--slip-days", help="Move the wrap this many days (default: the board's)."),
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Prep, shoot, wrap, post and release dates, and what a slip does to the release."""
    settings = parse_settings(set_)
    with open_store(project, db=db) as store:
        loaded = store.load(production)
        chosen = dated_board(loaded, board)
        if settings or post_weeks is not None:
            set_milestones(loaded, settings, post_weeks=post_weeks, board=chosen)
            store.save(loaded)
    report = milestone_report(loaded, chosen, slip_days=slip_days)
    if json_out:
        print_json(report)
        return
    table = Table("milestone", "kind", "date", title=f"{loaded.name}: milestones")
    for m in report["milestones"]:
        table.add_row(m["name"], m["kind"], m["date"])
    console.print(table)
    if report["new_wrap"] is not None:
        console.print(
            f"wrap {report['planned_wrap']} -> {report['new_wrap']} "
            f"(slip {report['slip_days']} days)",
            highlight=False,
        )
    for step in report["post"]:
        console.print(f"  {step['name']}: {step['planned']} -> {step['new']}", highlight=False)
    if report["slack_days"] is not None:
        state = "AT RISK" if report["at_risk"] else "on track"
        console.print(
            f"release {report['release']}: {report['slack_days']} days of slack ({state})",
            highlight=False,
        )

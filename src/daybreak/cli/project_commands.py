"""`daybreak import`, `export`, `scenes`, `boards`: a project and what is in it."""

from __future__ import annotations

from pathlib import Path
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
from daybreak.services.browse import (
    board_record,
    character_records,
    scene_record,
    strips_in_board_order,
)
from daybreak.services.exporting import export_production
from daybreak.services.importing import import_file
from daybreak.services.projects import load_production


@app.command("import")
@handle_errors
def import_command(
    file: Annotated[Path, typer.Argument(help="A .uss, .csv, .fountain, .fdx or .pdf file.")],
    project: Annotated[
        str | None,
        typer.Option("--project", "-p", help="The project file to create or update (*.daybreak)."),
    ] = None,
    db: DbOption = None,
    production: Annotated[
        str | None, typer.Option("--name", help="Name the production (default: from the file).")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Import a schedule or a screenplay into a project (created if it does not exist)."""
    report = import_file(file, project, db=db, production=production)
    if json_out:
        print_json(report.as_dict())
        return
    console.print(
        f"[bold]{report.action.capitalize()}[/] {report.production!r} in {report.project}: "
        f"{plural(report.scenes, 'strip')}, {plural(report.elements, 'element')}, "
        f"{plural(report.boards, 'board')}.",
        highlight=False,
    )
    for line in report.changes:
        console.print(f"  {line}")


@app.command("export")
@handle_errors
def export_command(
    project: ProjectArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="uss or csv.")] = "uss",
    out: Annotated[Path, typer.Option("-o", "--out", help="The file to write.")] = Path(
        "export.uss"
    ),
    db: DbOption = None,
    production: ProductionOption = None,
) -> None:
    """Export a production as a Universal Schedule Standard file (or a breakdown CSV)."""
    written = export_production(project, fmt, out, db=db, production=production)
    console.print(f"Wrote {written}")


@app.command("scenes")
@handle_errors
def scenes_command(
    project: ProjectArg = None,
    board: BoardOption = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """List the strips in board order, with their shoot day when the board has day breaks."""
    loaded = load_production(project, production, db=db)
    chosen = loaded.board(board) if (board or loaded.boards) else None
    placed = strips_in_board_order(loaded, chosen)
    records = [scene_record(p) for p in placed]
    if json_out:
        print_json(records)
        return
    table = Table(title=f"{loaded.name} — {chosen.name if chosen else 'script order'}")
    for column in ("Day", "Sc.", "I/E", "Set", "D/N", "Pages", "Cast", "Synopsis"):
        table.add_column(column, overflow="fold")
    for r in records:
        table.add_row(
            "" if r["day"] is None else str(r["day"]) if r["section"] != "boneyard" else "BY",
            r["number"] or "",
            r["int_ext"] or "",
            r["set"] or "",
            r["time_of_day"] or "",
            r["pages"],
            ", ".join(i or "?" for i in r["cast_ids"]),
            (r["synopsis"] or "")[:50],
        )
    console.print(table)


@app.command("boards")
@handle_errors
def boards_command(
    project: ProjectArg = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """List the boards (scenarios) with their day counts and page totals."""
    loaded = load_production(project, production, db=db)
    records = [board_record(loaded, b) for b in loaded.boards]
    if json_out:
        print_json(records)
        return
    table = Table(title=loaded.name)
    for column in ("Board", "Days", "Strips", "Pages", "Boneyard", "Calendar", "Dates"):
        table.add_column(column)
    for r in records:
        dates = f"{r['start']} – {r['end']}" if r["start"] else ""
        table.add_row(
            r["name"],
            str(r["days"]),
            str(r["strips"]),
            r["pages"],
            str(r["boneyard"]),
            r["calendar"] or "",
            dates,
        )
    console.print(table)


@app.command("characters")
@handle_errors
def characters_command(
    project: ProjectArg = None,
    db: DbOption = None,
    production: ProductionOption = None,
    json_out: JsonOption = False,
) -> None:
    """List the characters: cast by board ID with scenes and pages, then suggested extras."""
    loaded = load_production(project, production, db=db)
    records = character_records(loaded)
    if json_out:
        print_json(records)
        return
    table = Table(title=f"{loaded.name} — characters")
    for column in ("ID", "Character", "Performer", "Scenes", "Pages", "First sc."):
        table.add_column(column)
    for r in records:
        table.add_row(
            r["board_id"] or ("suggested" if r["suggested"] else ""),
            r["name"],
            r["performer"] or "",
            str(r["scenes"]),
            r["pages"] or "",
            r["first_scene"] or "",
        )
    console.print(table)

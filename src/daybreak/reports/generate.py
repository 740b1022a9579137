"""One entry point: build a report of a production's board and write it in a format.

Kinds: ``stripboard``, ``dood``, ``oneliner``, ``shooting``, ``callsheet``, ``dpr``. Formats:
``pdf``, ``html``, ``csv``, ``xlsx``, ``ics`` (:data:`FORMATS` lists the combinations).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from daybreak.domain import Board, Production
from daybreak.errors import DaybreakError
from daybreak.reports.callsheet import build_callsheet, callsheet_document
from daybreak.reports.colors import strip_colors
from daybreak.reports.dood import build_dood, dood_csv_rows, dood_document
from daybreak.reports.layout import Document, Row, Table
from daybreak.reports.oneliner import oneliner_document, shooting_document
from daybreak.reports.production_report import production_report_document
from daybreak.reports.render.html import render_html
from daybreak.reports.render.ics import performer_days_ics, shoot_days_ics, write_ics
from daybreak.reports.render.pdf import PAPERS, render_pdf
from daybreak.reports.render.tables import document_rows, write_csv, write_xlsx
from daybreak.reports.stripboard import build_stripboard, stripboard_document

KINDS = ("stripboard", "dood", "oneliner", "shooting", "callsheet", "dpr")
FORMATS: dict[str, tuple[str, ...]] = {
    "stripboard": ("pdf", "html", "csv", "xlsx", "ics"),
    "dood": ("pdf", "html", "csv", "xlsx", "ics"),
    "oneliner": ("pdf", "html", "csv", "xlsx", "ics"),
    "shooting": ("pdf", "html", "csv", "xlsx"),
    "callsheet": ("pdf", "html"),
    "dpr": ("pdf", "html", "csv"),
}


def check_request(kind: str, fmt: str, paper: str) -> None:
    """Raise a DaybreakError for an unknown kind, format, paper or an unsupported pair."""
    if kind not in FORMATS:
        raise DaybreakError(f"unknown report {kind!r}; reports: {', '.join(KINDS)}")
    if fmt not in FORMATS[kind]:
        raise DaybreakError(
            f"the {kind} report has no {fmt!r} format; use {', '.join(FORMATS[kind])}",
            where="--format",
        )
    if paper not in PAPERS:
        raise DaybreakError(f"unknown paper {paper!r}; use letter or a4", where="--paper")


def report_document(
    production: Production,
    board: Board,
    kind: str,
    *,
    day: int | None = None,
    category: str | None = None,
    colors: str = "singleton",
) -> Document:
    """The page model of one report (what the PDF and HTML renderers draw)."""
    palette = strip_colors(colors)
    if kind == "dood":
        return dood_document(build_dood(production, board, _category_id(production, category)))
    if kind == "callsheet":
        return callsheet_document(build_callsheet(production, board, day or 1))
    if kind == "dpr":
        return production_report_document(production, board)
    board_view = build_stripboard(production, board)
    if kind == "stripboard":
        return stripboard_document(board_view, palette)
    if kind == "oneliner":
        return oneliner_document(board_view, palette)
    return shooting_document(board_view, palette)


def write_report(
    production: Production,
    board: Board,
    kind: str,
    fmt: str,
    out: Path,
    *,
    day: int | None = None,
    paper: str = "letter",
    category: str | None = None,
    colors: str = "singleton",
    stamp: datetime | None = None,
) -> Path:
    """Build one report and write it to ``out`` in ``fmt``; returns ``out``."""
    check_request(kind, fmt, paper)
    if day is not None and kind != "callsheet":
        raise DaybreakError("--day applies to the call sheet only", where="--day")
    if fmt == "ics":
        if kind == "dood":
            table = build_dood(production, board, _category_id(production, category))
            return write_ics(performer_days_ics(table, stamp), out)
        return write_ics(shoot_days_ics(build_stripboard(production, board), stamp), out)
    if kind == "dood" and fmt in ("csv", "xlsx"):
        table = build_dood(production, board, _category_id(production, category))
        rows = dood_csv_rows(table)
        if fmt == "csv":
            return write_csv(rows, out)
        return write_xlsx(rows, out, title="Day Out of Days", frozen=2)
    doc = report_document(production, board, kind, day=day, category=category, colors=colors)
    if fmt == "pdf":
        return render_pdf(doc, out, paper)
    if fmt == "html":
        return render_html(doc, out, paper)
    rows = document_rows(doc)
    if fmt == "csv":
        return write_csv(rows, out)
    table_block = next(b for b in doc.blocks if isinstance(b, Table))
    fills = [_fill(r) for r in table_block.rows]
    return write_xlsx(rows, out, title=kind, fills=fills)


def _fill(row: Row) -> str | None:
    return row.fill


def _category_id(production: Production, category: str | None) -> str | None:
    if category is None:
        return None
    for c in production.categories:
        if category in (c.id, c.name) or category.lower() == c.name.lower():
            return c.id
    names = ", ".join(c.name for c in production.categories)
    raise DaybreakError(f"no category {category!r}; categories: {names}", where="--category")

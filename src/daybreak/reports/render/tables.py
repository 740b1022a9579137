"""Tables as CSV and XLSX: a report's first table, or the DOOD with its exact columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from daybreak.reports.layout import Document, Table


def document_rows(doc: Document) -> list[list[str]]:
    """The first table of a document as rows (header first; banners in the first cell)."""
    table = next((b for b in doc.blocks if isinstance(b, Table)), None)
    if table is None:
        return []
    rows = [[c.title for c in table.columns]]
    for row in table.rows:
        rows.append([row.cells[0]] + [""] * (len(row.cells) - 1) if row.span else list(row.cells))
    return rows


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def write_csv(rows: list[list[str]], out: Path) -> Path:
    """Write rows as UTF-8 CSV (comma separated, ``\\n`` line ends)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(csv_text(rows), encoding="utf-8")
    return out


def write_xlsx(
    rows: list[list[str]],
    out: Path,
    *,
    title: str,
    fills: list[str | None] | None = None,
    frozen: int = 0,
) -> Path:
    """Write rows as one worksheet: bold header, frozen header row and ``frozen`` columns,
    numbers stored as numbers, optional row fills (same order as ``rows[1:]``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(
                row=r, column=c, value=int(value) if value.isdigit() and r > 1 else value
            )
            if r == 1:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center")
        fill = fills[r - 2] if fills and r > 1 and r - 2 < len(fills) else None
        if fill:
            for c in range(1, len(row) + 1):
                ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor=fill.lstrip("#"))
    for c in range(1, (max(len(r) for r in rows) if rows else 0) + 1):
        longest = max((len(str(r[c - 1])) for r in rows if c - 1 < len(r)), default=4)
        ws.column_dimensions[get_column_letter(c)].width = min(60, max(4, longest + 2))
    ws.freeze_panes = ws.cell(row=2, column=frozen + 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out

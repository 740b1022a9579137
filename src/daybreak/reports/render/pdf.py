"""PDF rendering with reportlab: US Letter or A4, wrapped cells, repeated headers.

A table wider than the page is split into column bands; each band repeats the table's
``frozen`` columns (a DOOD repeats ID and name) and its header rows, and long tables flow
onto further pages. Every page carries the title, page number and generation note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from daybreak.errors import DaybreakError
from daybreak.reports.layout import Column, Document, Fields, Heading, Note, Row, Table, ink_for

PAPERS = {"letter": LETTER, "a4": A4}
FONT = "Helvetica"
BOLD = "Helvetica-Bold"
SIZE = 7.5
MARGIN = 12 * mm
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def page_size(paper: str, landscape_page: bool) -> tuple[float, float]:
    if paper not in PAPERS:
        raise DaybreakError(f"unknown paper {paper!r}; use letter or a4", where="--paper")
    size: tuple[float, float] = PAPERS[paper]
    return landscape(size) if landscape_page else size


def _style(align: str = "left", bold: bool = False, ink: str = "#000000") -> ParagraphStyle:
    return ParagraphStyle(
        "cell",
        fontName=BOLD if bold else FONT,
        fontSize=SIZE,
        leading=SIZE + 1.5,
        alignment=_ALIGN[align],
        textColor=colors.HexColor(ink),
    )


def _fit(columns: tuple[Column, ...], width: float) -> list[float]:
    """Column widths filling ``width``: flex columns take the slack, else scale."""
    widths = [c.width for c in columns]
    total = sum(widths)
    flex = [i for i, c in enumerate(columns) if c.flex]
    if total <= width and flex:
        extra = (width - total) / len(flex)
        for i in flex:
            widths[i] += extra
        return widths
    scale = width / total
    return [w * scale for w in widths]


def _bands(columns: tuple[Column, ...], frozen: int, width: float) -> list[list[int]]:
    """Column index bands that fit ``width``, each starting with the frozen columns."""
    if sum(c.width for c in columns) <= width or frozen == 0:
        return [list(range(len(columns)))]
    head = list(range(frozen))
    room = width - sum(columns[i].width for i in head)
    bands: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for i in range(frozen, len(columns)):
        if current and used + columns[i].width > room:
            bands.append(head + current)
            current, used = [], 0.0
        current.append(i)
        used += columns[i].width
    if current:
        bands.append(head + current)
    return bands


def _table(table: Table, width: float) -> list[Any]:
    flow: list[Any] = []
    bands = _bands(table.columns, table.frozen, width)
    for b, band in enumerate(bands):
        cols = tuple(table.columns[i] for i in band)
        widths = _fit(cols, width) if len(bands) == 1 else [c.width for c in cols]
        data: list[list[Any]] = []
        for line in table.header_lines:
            data.append([Paragraph(escape(line[i]), _style("center")) for i in band])
        data.append([Paragraph(f"<b>{escape(c.title)}</b>", _style(c.align)) for c in cols])
        n_head = len(data)
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, SIZE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#808080")),
            ("BACKGROUND", (0, 0), (-1, n_head - 1), colors.HexColor("#e6e6e6")),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for c, col in enumerate(cols):
            style.append(("ALIGN", (c, n_head), (c, -1), col.align.upper()))
        for r, row in enumerate(table.rows, start=n_head):
            data.append(_cells(row, cols, band))
            if row.fill:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor(row.fill)))
                style.append(("TEXTCOLOR", (0, r), (-1, r), colors.HexColor(ink_for(row.fill))))
            if row.bold:
                style.append(("FONT", (0, r), (-1, r), BOLD, SIZE))
            if row.span:
                style.append(("SPAN", (0, r), (-1, r)))
        rl = LongTable(data, colWidths=widths, repeatRows=n_head, style=TableStyle(style))
        if b:
            flow.append(PageBreak())
        if len(bands) > 1:
            flow.append(Paragraph(f"<i>Columns, part {b + 1} of {len(bands)}</i>", _style()))
        flow.append(rl)
    return flow


def _cells(row: Row, cols: tuple[Column, ...], band: list[int]) -> list[Any]:
    """Wrapping columns get Paragraphs; the others plain strings (styled per row)."""
    ink = ink_for(row.fill)
    if row.span:
        return [Paragraph(escape(row.cells[0]), _style("left", True, ink))] + [""] * (len(cols) - 1)
    out: list[Any] = []
    for col, i in zip(cols, band, strict=True):
        text = row.cells[i]
        if col.wrap:
            out.append(Paragraph(escape(text), _style(col.align, row.bold, ink)))
        else:
            out.append(text)
    return out


def _fields(fields: Fields, width: float) -> Any:
    per = fields.columns
    rows: list[list[Any]] = []
    pairs = list(fields.pairs)
    for start in range(0, len(pairs), per):
        chunk = pairs[start : start + per]
        line: list[Any] = []
        for label, value in chunk:
            line.append(Paragraph(f"<b>{escape(label)}</b>", _style()))
            line.append(Paragraph(escape(value) or "&nbsp;", _style()))
        line += [""] * (2 * per - len(line))
        rows.append(line)
    label_w = 70.0
    value_w = width / per - label_w
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#808080")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *[
                ("BACKGROUND", (2 * i, 0), (2 * i, -1), colors.HexColor("#eeeeee"))
                for i in range(per)
            ],
        ]
    )
    return RLTable(rows, colWidths=[label_w, value_w] * per, style=style)


def _legend(doc: Document, width: float) -> Any:
    cells: list[Any] = []
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#808080")),
        ("FONT", (0, 0), (-1, -1), FONT, SIZE),
    ]
    for i, (label, fill) in enumerate(doc.legend):
        cells.append(Paragraph(escape(label), _style("center", False, ink_for(fill))))
        style.append(("BACKGROUND", (i, 0), (i, 0), colors.HexColor(fill)))
    w = min(70.0, width / max(1, len(cells)))
    return RLTable([cells], colWidths=[w] * len(cells), style=TableStyle(style), hAlign="LEFT")


def render_pdf(doc: Document, out: Path, paper: str = "letter") -> Path:
    """Write the document as a PDF on US Letter (``letter``) or A4 (``a4``)."""
    size = page_size(paper, doc.landscape)
    width = size[0] - 2 * MARGIN
    title_style = ParagraphStyle("title", fontName=BOLD, fontSize=13, leading=16)
    sub_style = ParagraphStyle("sub", fontName=FONT, fontSize=9, leading=11)
    head_style = ParagraphStyle("head", fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=6)
    note_style = ParagraphStyle("note", fontName=FONT, fontSize=SIZE, leading=SIZE + 2)
    story: list[Any] = [
        Paragraph(escape(doc.title), title_style),
        Paragraph(escape(doc.subtitle), sub_style),
        Spacer(1, 4),
    ]
    if doc.legend:
        story += [_legend(doc, width), Spacer(1, 4)]
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(Paragraph(escape(block.text), head_style))
        elif isinstance(block, Note):
            story.append(Paragraph(escape(block.text), note_style))
        elif isinstance(block, Fields):
            story += [_fields(block, width), Spacer(1, 4)]
        elif isinstance(block, Table):
            flow = _table(block, width)
            if len(block.rows) <= 6 and len(flow) == 1:
                story.append(KeepTogether(flow))
            else:
                story += flow
            story.append(Spacer(1, 3))
    while story and isinstance(story[-1], Spacer):  # a trailing spacer can push a blank page
        story.pop()
    footer = doc.footer

    def decorate(canvas: Canvas, template: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, MARGIN / 2, f"{doc.title} · {footer}".rstrip(" ·"))
        canvas.drawRightString(size[0] - MARGIN, MARGIN / 2, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    template = SimpleDocTemplate(
        str(out),
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=doc.title,
        author="daybreak",
        creator="daybreak",
        invariant=1,
    )
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out

"""Self-contained HTML (inline CSS, no scripts, no external files), printable.

Strips keep their colors in print (``print-color-adjust: exact``); header rows repeat on
every printed page (``thead``); wide tables scroll on screen and print landscape.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from daybreak.reports.layout import Document, Fields, Heading, Note, Row, Table, ink_for

_CSS = """
*{box-sizing:border-box}
body{font-family:Helvetica,Arial,sans-serif;font-size:11px;color:#000;margin:16px}
h1{font-size:18px;margin:0 0 2px}
.sub{font-size:12px;margin:0 0 8px;color:#333}
h2{font-size:13px;margin:12px 0 4px}
.wrap{overflow-x:auto;margin-bottom:8px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #888;padding:2px 4px;vertical-align:middle}
th{background:#e6e6e6;font-weight:bold;text-align:left}
td.nw,th.nw{white-space:nowrap}
td.c,th.c{text-align:center}td.r,th.r{text-align:right}
tr.span td{font-weight:bold}
tr.total td{font-weight:bold;background:#f3f3f3}
td.frozen,th.frozen{position:sticky;left:0;background:#fff;z-index:1}
table.fields td.k{background:#eee;font-weight:bold;width:12%}
.legend span{display:inline-block;border:1px solid #888;padding:1px 6px;margin:0 4px 4px 0}
.note{margin:4px 0}
footer{margin-top:10px;color:#555;font-size:10px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{body{margin:0}.wrap{overflow:visible}thead{display:table-header-group}
tr{page-break-inside:avoid}td.frozen,th.frozen{position:static}}
"""


def _row(row: Row, table: Table) -> str:
    style = ""
    if row.fill:
        style = f' style="background:{row.fill};color:{ink_for(row.fill)}"'
    cls = f' class="{row.kind}{" span" if row.span else ""}"'
    if row.span:
        return f"<tr{cls}{style}><td colspan={len(table.columns)}>{escape(row.cells[0])}</td></tr>"
    cells = []
    for i, (col, text) in enumerate(zip(table.columns, row.cells, strict=True)):
        classes = {"left": "", "center": "c", "right": "r"}[col.align]
        if not col.wrap:
            classes += " nw"
        if i < table.frozen:
            classes += " frozen"
        attr = f' class="{classes.strip()}"' if classes.strip() else ""
        if i < table.frozen and row.fill:
            attr += f' style="background:{row.fill}"'
        cells.append(f"<td{attr}>{escape(text)}</td>")
    return f"<tr{cls}{style}>{''.join(cells)}</tr>"


def _table(table: Table) -> str:
    head = []
    for line in table.header_lines:
        head.append(
            "<tr>"
            + "".join(
                f'<th class="c nw{" frozen" if i < table.frozen else ""}">{escape(t)}</th>'
                for i, t in enumerate(line)
            )
            + "</tr>"
        )
    head.append(
        "<tr>"
        + "".join(
            f'<th class="{ {"left": "", "center": "c", "right": "r"}[c.align] }'
            f'{" frozen" if i < table.frozen else ""}">{escape(c.title)}</th>'
            for i, c in enumerate(table.columns)
        )
        + "</tr>"
    )
    body = "\n".join(_row(r, table) for r in table.rows)
    return (
        f'<div class="wrap"><table><thead>{"".join(head)}</thead>'
        f"<tbody>\n{body}\n</tbody></table></div>"
    )


def _fields(fields: Fields) -> str:
    rows = []
    pairs = list(fields.pairs)
    for start in range(0, len(pairs), fields.columns):
        chunk = pairs[start : start + fields.columns]
        cells = "".join(f'<td class="k">{escape(k)}</td><td>{escape(v)}</td>' for k, v in chunk)
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="fields">{"".join(rows)}</table>'


def html_text(doc: Document, paper: str = "letter") -> str:
    """The document as one self-contained HTML page."""
    size = {"letter": "letter", "a4": "A4"}.get(paper, "letter")
    orient = " landscape" if doc.landscape else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{_CSS}@page{{size:{size}{orient};margin:12mm}}</style>",
        "</head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="sub">{escape(doc.subtitle)}</p>',
    ]
    if doc.legend:
        spans = "".join(
            f'<span style="background:{fill};color:{ink_for(fill)}">{escape(label)}</span>'
            for label, fill in doc.legend
        )
        parts.append(f'<div class="legend">{spans}</div>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h2>{escape(block.text)}</h2>")
        elif isinstance(block, Note):
            parts.append(f'<p class="note">{escape(block.text)}</p>')
        elif isinstance(block, Fields):
            parts.append(_fields(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
    if doc.footer:
        parts.append(f"<footer>{escape(doc.footer)}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_html(doc: Document, out: Path, paper: str = "letter") -> Path:
    """Write the document as a self-contained HTML file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html_text(doc, paper), encoding="utf-8")
    return out

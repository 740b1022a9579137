"""A small page model every report builds and every renderer (PDF, HTML, CSV, XLSX) reads.

Reports fill a :class:`Document` with blocks: headings, key/value fields, notes and tables
whose rows may be colored strips or full-width banners. Renderers decide the page: the PDF
one wraps long cells, repeats header rows on every page and splits a wide table across
pages, repeating its first ``frozen`` columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: title, width in points at 7.5 pt text, alignment, wrapping."""

    title: str
    width: float
    align: str = "left"  # left | center | right
    wrap: bool = False  # long text wraps (else it is kept on one line)
    flex: bool = False  # takes the page width left over


@dataclass(frozen=True, slots=True)
class Row:
    """A table row. ``span``: one text across the whole width (a day break, a banner)."""

    cells: tuple[str, ...]
    fill: str | None = None  # background, "#rrggbb"
    bold: bool = False
    span: bool = False
    kind: str = "row"  # row | strip | day_break | week | holiday | off_day | banner | total


@dataclass(frozen=True, slots=True)
class Table:
    """Rows under a header; ``frozen`` leading columns repeat when the table is split."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    title: str | None = None
    frozen: int = 0
    header_lines: tuple[tuple[str, ...], ...] = ()  # extra header rows above the titles


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled values shown as a grid (a call sheet's header)."""

    pairs: tuple[tuple[str, str], ...]
    columns: int = 2


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    text: str


Block = Heading | Note | Fields | Table


@dataclass(frozen=True, slots=True)
class Document:
    """One printable report: title lines, blocks, orientation."""

    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    landscape: bool = False
    footer: str = ""
    legend: tuple[tuple[str, str], ...] = field(default=())  # (label, fill) color key


def ink_for(fill: str | None) -> str:
    """Black or white text, whichever reads better on ``fill``."""
    if not fill:
        return "#000000"
    r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return "#000000" if luminance > 140 else "#ffffff"

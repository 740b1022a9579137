"""PDF screenplay parser: element types from indentation, lengths from real page positions.

Text and positions come from pdfminer.six (the engine under pdfplumber), read through a
minimal text device: building pdfplumber's per-character objects took ten times longer on
a feature script. The indents are learned per document: the action margin is the most
used left edge; the character-cue indent is where upper-case lines followed by a less
indented block sit; dialogue is where the lines after a cue sit; parentheticals are lines
in ``( )`` between the two; lines starting right of the cue indent are transitions. A
line at the action margin is a scene heading when it starts with INT/EXT/EST/I/E, carries
a scene number in the margin, or is set in bold capitals. Page numbers are read from the
page-number line (which is then ignored); ``(MORE)``, ``(CONTINUED)`` and ``CONTINUED:``
lines, and the repeated ``NAME (CONT'D)`` cue after ``(MORE)``, are dropped. Eighths are
measured from the y positions of the real pages.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from daybreak.errors import DaybreakError
from daybreak.importers.screenplay.assemble import Parsed
from daybreak.importers.screenplay.model import ElementKind, ScriptElement
from daybreak.importers.screenplay.pdftext import Unsupported, page_chars

_K = ElementKind
_HEADING = re.compile(r"^(?:INT\.?/EXT|EXT\.?/INT|INT|EXT|EST|I/E)(?:\.|\s)", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\(?\d{1,4}[A-Z]{0,2}\)?\.?$")
_SCENE_NUMBER = re.compile(r"^[A-Z]?\d{1,4}[A-Z]{0,3}\.?$")
_DROP = re.compile(r"^\(?(?:MORE|CONTINUED)\)?:?$|^\(?CONTINUED\)?:?$|^CONTINUED:?\s*\(\d+\)$")
_POINT_TOLERANCE = 4.0


@dataclass(slots=True)
class _Line:
    page: int  # physical page index, 0-based
    top: float
    x0: float
    x1: float
    text: str
    bold: bool
    left_number: str | None = None
    right_number: str | None = None
    header: bool = False


def read_pdf(path: Path) -> Parsed:
    """Read a PDF screenplay into elements with real page positions."""
    pages = _extract(path)
    return parse_lines(pages, str(path))


def _extract(path: Path) -> list[tuple[float, float, list[tuple[float, float, str, str, float]]]]:
    """Per page: (width, height, chars as (x, baseline y, text, font name, width))."""
    try:
        from pdfminer.pdfdevice import PDFTextDevice
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import list_value, stream_value
    except ImportError as exc:  # pragma: no cover - pdfminer ships with pdfplumber
        raise DaybreakError("PDF import needs pdfminer.six", source=str(path)) from exc

    class _Device(PDFTextDevice):
        def __init__(self, manager: Any) -> None:
            super().__init__(manager)
            self.chars: list[tuple[float, float, str, str, float]] = []

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float,
                        rise: float, cid: int, ncs: Any, graphicstate: Any) -> float:  # fmt: skip
            try:
                text = font.to_unichr(cid)
            except Exception:
                text = " "
            advance = float(font.char_width(cid)) * fontsize * scaling
            width = advance * abs(float(matrix[0] or 1.0))
            self.chars.append((float(matrix[4]), float(matrix[5]), text, font.fontname, width))
            return advance

    out: list[tuple[float, float, list[tuple[float, float, str, str, float]]]] = []
    try:
        with path.open("rb") as handle:
            if handle.read(1024).lstrip()[:5] != b"%PDF-":
                raise DaybreakError("this is not a PDF file", source=str(path), where="line 1")
            handle.seek(0)
            document = PDFDocument(PDFParser(handle))
            manager = PDFResourceManager(caching=True)
            device = _Device(manager)
            interpreter = PDFPageInterpreter(manager, device)
            tables: dict[Any, Any] = {}
            for page in PDFPage.create_pages(document):
                x0, y0, x1, y1 = (float(v) for v in page.mediabox)
                try:
                    if page.rotate % 360:
                        raise Unsupported("rotated page")
                    interpreter.init_resources(page.resources)
                    data = b"".join(stream_value(s).get_data() for s in list_value(page.contents))
                    found = page_chars(
                        data, interpreter.fontmap, (1.0, 0.0, 0.0, 1.0, -x0, -y0), tables
                    )
                except Unsupported:
                    device.chars = []
                    interpreter.process_page(page)
                    found = device.chars
                height = y1 - y0
                out.append((x1 - x0, height, [(x, height - y, t, f, w) for x, y, t, f, w in found]))
    except DaybreakError:
        raise
    except OSError as exc:
        raise DaybreakError(f"cannot read the file ({exc.strerror})", source=str(path)) from exc
    except Exception as exc:
        raise DaybreakError(
            f"this is not a readable PDF ({type(exc).__name__})", source=str(path)
        ) from None
    if not out:
        raise DaybreakError("the PDF has no pages", source=str(path))
    return out


def _lines(page: int, chars: Sequence[tuple[float, float, str, str, float]]) -> list[_Line]:
    """Group text runs into lines (same baseline) and segments (gaps wider than 2.5 chars)."""
    rows: dict[int, list[tuple[float, float, str, str, float]]] = {}
    for char in chars:
        rows.setdefault(round(char[1] / 2), []).append(char)
    lines: list[_Line] = []
    for key in sorted(rows):
        row = sorted(rows[key], key=lambda c: c[0])
        segments: list[list[tuple[float, float, str, str, float]]] = [[row[0]]]
        for char in row[1:]:
            previous = segments[-1][-1]
            char_width = max(previous[4] / max(len(previous[2]), 1), 1.0)
            if char[0] - (previous[0] + previous[4]) > 2.5 * char_width:
                segments.append([char])
            else:
                segments[-1].append(char)
        for segment in segments:
            text = "".join(c[2] for c in segment).strip()
            if not text:
                continue
            bold = all("bold" in c[3].lower() for c in segment if c[2].strip())
            last = segment[-1]
            lines.append(_Line(page, key * 2.0, segment[0][0], last[0] + last[4], text, bold))
    return _join_segments(lines)


def _join_segments(segments: list[_Line]) -> list[_Line]:
    """Merge the word segments of one line; keep margin numbers apart for later."""
    out: list[_Line] = []
    for segment in segments:
        if out and abs(out[-1].top - segment.top) < 1.0:
            out[-1].text = f"{out[-1].text}\u0000{segment.text}"
            out[-1].x1 = segment.x1
            continue
        out.append(segment)
    return out


def _line_step(gaps: Sequence[float]) -> float:
    """The line height: the smallest common gap between consecutive lines."""
    counts = Counter(round(g) for g in gaps if 6 <= g <= 30)
    if not counts:
        return 12.0
    peak = max(counts.values())
    return float(min(g for g, n in counts.items() if n >= peak * 0.2))


def _mode(values: Sequence[float]) -> float | None:
    counts = Counter(round(v) for v in values)
    return float(counts.most_common(1)[0][0]) if counts else None


def _near(x: float, level: float | None) -> bool:
    return level is not None and abs(x - level) <= _POINT_TOLERANCE


def _is_caps(text: str) -> bool:
    name = re.sub(r"\([^)]*\)", "", text)
    return any(ch.isalpha() for ch in name) and name == name.upper()


def parse_lines(
    pages: Sequence[tuple[float, float, Sequence[tuple[float, float, str, str, float]]]],
    source: str,
) -> Parsed:
    """Classify positioned text lines into screenplay elements; see the module docstring."""
    lines = [line for index, (_, _, chars) in enumerate(pages) for line in _lines(index, chars)]
    if not any(any(ch.isalpha() for ch in line.text) for line in lines):
        raise DaybreakError("the PDF has no text (a scanned script needs OCR first)", source=source)
    width = pages[0][0]
    heights = [h for _, h, _ in pages]
    printed = _page_numbers(lines, heights)
    lines = [ln for ln in lines if not ln.header]
    action_x = _action_margin(lines)
    _margin_numbers(lines, action_x, width)
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page]
    step = _line_step(gaps)
    cue_x, dialogue_x, paren_x = _levels(lines, action_x, step)
    title_pages = _title_pages(lines, cue_x)
    title: dict[str, str] = {}
    title_lines = [ln.text.replace("\u0000", " ") for ln in lines if ln.page in title_pages]
    if title_lines:
        title = {"title": title_lines[0], "text": "\n".join(title_lines)}
    body = [ln for ln in lines if ln.page not in title_pages]
    top = min((ln.top for ln in body), default=72.0) - step
    elements: list[ScriptElement] = []
    starts: list[tuple[int, float]] = []
    ends: list[tuple[int, float]] = []
    body_pages = sorted({ln.page for ln in body})
    page_index = {page: n + 1 for n, page in enumerate(body_pages)}
    fill = [0.0] * (len(body_pages) + 1)
    kinds = _classify(body, action_x, cue_x, dialogue_x, paren_x, width, step)
    previous: tuple[_Line, ElementKind] | None = None
    for number, (line, kind) in enumerate(zip(body, kinds, strict=True), start=1):
        if kind is None:
            continue
        text = line.text.replace("\u0000", " ")
        page = page_index[line.page]
        offset = (line.top - top) / step
        fill[page] = max(fill[page], offset)
        same_block = (
            previous is not None
            and previous[1] is kind
            and previous[0].page == line.page
            and line.top - previous[0].top <= step * 1.3
            and kind not in (_K.CHARACTER, _K.TRANSITION)
            and not (kind is _K.SCENE_HEADING and (line.left_number or line.right_number))
        )
        if same_block and elements:
            last = elements[-1]
            joiner = "\n" if kind is _K.ACTION else " "
            elements[-1] = ScriptElement(last.kind, f"{last.text}{joiner}{text}", last.line,
                                         last.scene_number, last.dual, last.page)  # fmt: skip
            ends[-1] = (page, offset)
        else:
            elements.append(
                ScriptElement(
                    kind,
                    text,
                    number,
                    line.left_number or line.right_number,
                    page=printed.get(line.page),
                )
            )
            starts.append((page, offset - 1.0))
            ends.append((page, offset))
        previous = (line, kind)
    per_page = max(max(fill), (max(heights) - 144.0) / step)
    return Parsed(title, elements, positions=starts, ends=ends, fill=fill, lines_per_page=per_page)


def _page_numbers(lines: list[_Line], heights: Sequence[float]) -> dict[int, int]:
    """Printed page numbers by physical page; page-number lines are marked as headers."""
    found: dict[int, int] = {}
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page, items in by_page.items():
        height = heights[page]
        for line in items:
            text = line.text.replace("\u0000", " ").strip()
            near_edge = line.top < 60 or line.top > height - 50
            if near_edge and _PAGE_NUMBER.match(text):
                digits = re.sub(r"\D", "", text)
                found.setdefault(page, int(digits))
                line.header = True
    pages = sorted(by_page)
    printed: dict[int, int] = {}
    for page in pages:
        if page in found:
            printed[page] = found[page]
        elif page + 1 in found:
            printed[page] = max(1, found[page + 1] - 1)
        else:
            printed[page] = printed.get(page - 1, 0) + 1
    return printed


def _action_margin(lines: Sequence[_Line]) -> float:
    counts = Counter(
        round(line.x0)
        for line in lines
        if not ("\u0000" in line.text and _SCENE_NUMBER.match(line.text.split("\u0000")[0]))
    )
    if not counts:
        return 72.0
    peak = max(counts.values())
    return float(min(x for x, n in counts.items() if n >= peak * 0.1))


def _margin_numbers(lines: Sequence[_Line], action_x: float, width: float) -> None:
    """Move scene numbers printed in the margins out of the line text."""
    for line in lines:
        parts = line.text.split("\u0000")
        if len(parts) > 1 and line.x0 < action_x - 10 and _SCENE_NUMBER.match(parts[0]):
            line.left_number = parts[0].rstrip(".")
            parts = parts[1:]
            line.x0 = action_x
        if len(parts) > 1 and _SCENE_NUMBER.match(parts[-1]) and line.x1 > width - 72:
            line.right_number = parts[-1].rstrip(".")
            parts = parts[:-1]
        line.text = "\u0000".join(parts)


def _levels(
    lines: Sequence[_Line], action_x: float, step: float
) -> tuple[float | None, float | None, float | None]:
    """Learn the cue, dialogue and parenthetical indents of this document."""
    cue_candidates: list[float] = []
    for a, b in itertools.pairwise(lines):
        if (
            a.page == b.page
            and 0 < b.top - a.top <= step * 1.3
            and a.x0 > action_x + 36
            and action_x + 18 < b.x0 < a.x0 - 18
            and _is_caps(a.text)
        ):
            cue_candidates.append(a.x0)
    cue_x = _mode(cue_candidates)
    if cue_x is None:
        return None, None, None
    after = [
        b.x0
        for a, b in itertools.pairwise(lines)
        if _near(a.x0, cue_x) and not b.text.startswith("(") and b.x0 < cue_x - 18
    ]
    dialogue_x = _mode(after)
    parens = [
        ln.x0
        for ln in lines
        if ln.text.startswith("(") and dialogue_x is not None and dialogue_x < ln.x0 < cue_x - 4
    ]
    return cue_x, dialogue_x, _mode(parens)


def _title_pages(lines: Sequence[_Line], cue_x: float | None) -> set[int]:
    """The leading pages that hold no script (a title page)."""
    first = min((ln.page for ln in lines), default=0)
    items = [ln for ln in lines if ln.page == first]
    cues = [ln for ln in items if _near(ln.x0, cue_x) and _is_caps(ln.text)]
    headings = [ln for ln in items if _HEADING.match(ln.text) or "\u0000" in ln.text]
    if len({ln.page for ln in lines}) > 1 and not headings and not cues:
        return {first}
    return set()


def _classify(
    lines: Sequence[_Line],
    action_x: float,
    cue_x: float | None,
    dialogue_x: float | None,
    paren_x: float | None,
    width: float,
    step: float,
) -> list[ElementKind | None]:
    kinds: list[ElementKind | None] = []
    in_speech = False
    after_more = False
    previous: _Line | None = None
    for line in lines:
        text = line.text.replace("\u0000", " ").strip()
        gap = line.top - previous.top if previous and previous.page == line.page else None
        if previous is not None and (gap is None or gap > step * 1.3):
            in_speech = in_speech and gap is None  # a speech may run over a page break
        kind: ElementKind | None
        if _DROP.match(text.upper()):
            after_more = after_more or "MORE" in text.upper()
            kinds.append(None)
            previous = line
            continue
        if _near(line.x0, action_x) or line.x0 < action_x:
            wraps = bool(kinds) and kinds[-1] is _K.SCENE_HEADING and gap is not None
            continued = wraps and gap is not None and gap <= step * 1.3
            numbered = bool(line.left_number or line.right_number)
            forced = line.bold and _is_caps(text) and not text.endswith(":") and not continued
            if continued or numbered or forced or _HEADING.match(text):
                kind = _K.SCENE_HEADING
            else:
                kind = _K.ACTION
            in_speech = False
        elif cue_x is not None and _near(line.x0, cue_x) and _is_caps(text):
            if after_more and previous is not None and previous.page != line.page:
                kinds.append(None)  # NAME (CONT'D) repeated after (MORE)
                after_more = False
                previous = line
                in_speech = True
                continue
            kind = _K.CHARACTER
            in_speech = True
        elif cue_x is not None and line.x0 > cue_x + 36 and _is_caps(text):
            kind = _K.TRANSITION
            in_speech = False
        elif (in_speech and text.startswith("(")) or (in_speech and _near(line.x0, paren_x)):
            kind = _K.PARENTHETICAL
        elif in_speech:
            kind = _K.DIALOGUE
        elif abs((line.x0 + line.x1) / 2 - width / 2) < 24 and line.x0 > action_x + 36:
            kind = _K.CENTERED
        else:
            kind = _K.ACTION
        after_more = False
        kinds.append(kind)
        previous = line
    return kinds

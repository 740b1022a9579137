"""Lay a script out on standard screenplay pages and measure each scene in eighths.

The page is Courier 12 (10 characters an inch, 6 lines an inch). Element widths and the
blank lines before each element follow the usual Final Draft defaults (action 6.0in = 60
characters, dialogue 3.5in = 35, parenthetical 2.5in = 25, character cue at 3.7in); a page
holds :attr:`PageSpec.lines_per_page` lines (55 on US Letter, about 58 on A4).

Break rules: blank lines are dropped at the top of a page; a scene heading is never the
last thing on a page (it moves down with at least two lines of what follows it); a speech
is split only between dialogue lines, with two lines either side, ``(MORE)`` at the foot
and ``NAME (CONT'D)`` at the head of the next page, otherwise it moves whole; an action
paragraph splits with at least two lines either side; a dual-dialogue pair never splits.

A scene's length is the page space from its heading to the next heading, summed over the
pages it touches (the unused foot of a page is not counted), with 8 eighths to a page,
rounded up, never below 1/8.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from daybreak.importers.screenplay.model import UNPRINTED, ElementKind, ScriptElement

_K = ElementKind


@dataclass(frozen=True, slots=True)
class PageSpec:
    """Page geometry and element widths (in characters) and spacing (in blank lines)."""

    lines_per_page: int = 55
    widths: dict[ElementKind, int] = field(
        default_factory=lambda: {
            _K.SCENE_HEADING: 60,
            _K.ACTION: 60,
            _K.SHOT: 60,
            _K.CENTERED: 60,
            _K.CHARACTER: 38,
            _K.DIALOGUE: 35,
            _K.LYRIC: 35,
            _K.PARENTHETICAL: 25,
            _K.TRANSITION: 20,
        }
    )
    space_before: dict[ElementKind, int] = field(
        default_factory=lambda: {
            _K.SCENE_HEADING: 1,
            _K.ACTION: 1,
            _K.SHOT: 1,
            _K.CENTERED: 1,
            _K.CHARACTER: 1,
            _K.TRANSITION: 1,
            _K.DIALOGUE: 0,
            _K.LYRIC: 0,
            _K.PARENTHETICAL: 0,
        }
    )

    @classmethod
    def for_page(cls, height_in: float, top_pt: float = 72.0, bottom_pt: float = 72.0) -> PageSpec:
        """A spec for a page ``height_in`` inches tall with the given margins (points)."""
        lines = int((height_in * 72.0 - top_pt - bottom_pt) // 12.0)
        return cls(lines_per_page=max(20, min(lines, 200)))


LETTER = PageSpec()


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap of each source line to ``width`` characters (long words are cut)."""
    width = max(width, 1)
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if len(line) <= width:
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            while len(word) > width:
                if current:
                    out.append(current)
                    current = ""
                out.append(word[:width])
                word = word[width:]
            if not current:
                current = word
            elif len(current) + 1 + len(word) <= width:
                current = f"{current} {word}"
            else:
                out.append(current)
                current = word
        out.append(current)
    return out or [""]


@dataclass(slots=True)
class _Unit:
    """Elements placed together: a paragraph, or a speech (cue with its dialogue)."""

    elements: list[int]
    lines: list[ElementKind]  # the kind of each printed line, in order
    space: int
    kind: ElementKind
    dual: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """Where every element landed.

    ``starts[i]`` is the (page, line) of element ``i``'s first printed line (for unprinted
    elements: the position where they sit) and ``ends[i]`` the position just after its last
    line; ``fill[p]`` is the number of lines used on page ``p`` (index 0 unused).
    """

    starts: list[tuple[int, int]]
    ends: list[tuple[int, int]]
    fill: list[int]
    spec: PageSpec

    @property
    def pages(self) -> int:
        """The number of pages."""
        return len(self.fill) - 1


def _units(elements: Sequence[ScriptElement], spec: PageSpec) -> list[_Unit]:
    units: list[_Unit] = []
    speech: _Unit | None = None
    for index, element in enumerate(elements):
        kind = element.kind
        if kind in (_K.DIALOGUE, _K.PARENTHETICAL, _K.LYRIC) and speech is not None:
            width = spec.widths.get(kind, 35)
            speech.elements.append(index)
            speech.lines.extend([kind] * len(wrap(element.text, width)))
            continue
        speech = None
        if kind in UNPRINTED:
            units.append(_Unit([index], [], 0, kind))
            continue
        if kind is _K.PAGE_BREAK:
            units.append(_Unit([index], [], 0, kind))
            continue
        count = len(wrap(element.text, spec.widths.get(kind, 60)))
        unit = _Unit([index], [kind] * count, spec.space_before.get(kind, 1), kind, element.dual)
        if kind is _K.CHARACTER:
            speech = unit
        units.append(unit)
    return _merge_dual(units)


def _merge_dual(units: list[_Unit]) -> list[_Unit]:
    """Set the second speech of a dual-dialogue pair beside the first."""
    merged: list[_Unit] = []
    for unit in units:
        previous = merged[-1] if merged else None
        if unit.kind is _K.CHARACTER and unit.dual and previous and previous.kind is _K.CHARACTER:
            height = max(len(previous.lines), len(unit.lines))
            previous.elements.extend(unit.elements)
            previous.lines = previous.lines + [_K.DIALOGUE] * (height - len(previous.lines))
            previous.dual = True
            continue
        merged.append(unit)
    return merged


def layout(elements: Sequence[ScriptElement], spec: PageSpec = LETTER) -> Layout:
    """Place ``elements`` on pages following the break rules in the module docstring."""
    units = _units(elements, spec)
    size = spec.lines_per_page
    starts: list[tuple[int, int]] = [(1, 0)] * len(elements)
    ends: list[tuple[int, int]] = [(1, 0)] * len(elements)
    fill = [0, 0]
    page, line = 1, 0

    def new_page() -> None:
        nonlocal page, line
        fill[page] = line
        fill.append(0)
        page, line = page + 1, 0

    def place(unit: _Unit) -> None:
        for index in unit.elements:
            starts[index] = (page, line)

    def finish(unit: _Unit) -> None:
        for index in unit.elements:
            ends[index] = (page, line)

    for position, unit in enumerate(units):
        if unit.kind is _K.PAGE_BREAK and line > 0:
            new_page()
        if not unit.lines:
            place(unit)
            finish(unit)
            continue
        space = unit.space if line > 0 else 0
        height = len(unit.lines)
        needed = height
        if unit.kind is _K.SCENE_HEADING:
            follower = next((u for u in units[position + 1 :] if u.lines), None)
            if follower is not None:
                needed += follower.space + min(2, len(follower.lines))
        if line + space + needed > size:
            split = _split_point(unit, size - line - space) if line > 0 else None
            if split is None:
                if line > 0:
                    new_page()
                    space = 0
                if height > size:
                    split = size - (1 if unit.kind is _K.CHARACTER else 0)
        else:
            split = None
        line += space
        place(unit)
        done = 0
        more = 1 if unit.kind is _K.CHARACTER else 0  # (MORE) at the foot, (CONT'D) at the head
        while split is not None and height - done > split:
            done += split
            line += split + more
            new_page()
            line += more
            room = max(1, size - line - more)
            split = room if height - done > size - line else None
        line += height - done
        finish(unit)
    fill[page] = line
    return Layout(starts, ends, fill, spec)


def _split_point(unit: _Unit, room: int) -> int | None:
    """How many lines of ``unit`` to print before a page break, or ``None`` to move it."""
    height = len(unit.lines)
    if unit.dual or unit.kind not in (_K.ACTION, _K.CHARACTER, _K.CENTERED, _K.LYRIC):
        return None
    if unit.kind is _K.CHARACTER:
        room -= 1  # (MORE)
        best = None
        for cut in range(3, min(room, height - 2) + 1):
            if unit.lines[cut - 1] is _K.DIALOGUE:
                best = cut
        return best
    cut = min(room, height - 2)
    return cut if cut >= 2 else None


def measure(
    spans: Sequence[tuple[tuple[int, float], tuple[int, float]]],
    fill: Sequence[float],
    lines_per_page: float,
) -> list[int]:
    """Eighths for each scene from its span: the (page, line) where its heading starts and
    the (page, line) just after its last printed line.

    A scene covers from its heading to its last line, and on every page it continues over,
    down to the last line used there (``fill[p]``); 8 eighths to ``lines_per_page`` lines,
    rounded up, minimum 1.
    """
    out: list[int] = []
    for (page_a, line_a), (page_b, line_b) in spans:
        if page_b < page_a:
            page_b, line_b = page_a, line_a
        covered = 0.0
        for page in range(page_a, page_b + 1):
            top = line_a if page == page_a else 0.0
            bottom = line_b if page == page_b else fill[page]
            covered += max(0.0, bottom - top)
        out.append(max(1, math.ceil(covered * 8 / lines_per_page - 1e-6)))
    return out

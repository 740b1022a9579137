"""The screenplay model every parser returns: elements with source lines, scenes, breakdown.

Parsers (Fountain, FDX, PDF) produce a flat list of :class:`ScriptElement`; the assembler
(:mod:`daybreak.importers.screenplay.assemble`) cuts it into :class:`Scene` objects, lays
it out on pages to measure eighths, and runs the breakdown extraction. Everything here is
a plain frozen dataclass: no I/O, no parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from daybreak.domain.eighths import parse_eighths as domain_parse_eighths
from daybreak.errors import DaybreakError


class ElementKind(StrEnum):
    """The kind of one screenplay paragraph (Fountain and Final Draft share these)."""

    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    DIALOGUE = "dialogue"
    PARENTHETICAL = "parenthetical"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRIC = "lyric"
    SHOT = "shot"
    PAGE_BREAK = "page_break"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"


#: Kinds that take no room on a printed page.
UNPRINTED = frozenset({ElementKind.SECTION, ElementKind.SYNOPSIS, ElementKind.NOTE})


@dataclass(frozen=True, slots=True)
class ScriptElement:
    """One paragraph of the script.

    ``line`` is the 1-based source line where it starts (for a PDF: the line counted over
    the extracted text of the whole document). ``scene_number`` is set on scene headings
    that carry one (``#12A#`` in Fountain, ``Number`` in FDX, margin numbers in a PDF).
    ``dual`` marks the second speaker of a dual-dialogue pair. ``page`` is the printed page
    for PDF input. ``level`` is a section's depth (number of ``#``).
    """

    kind: ElementKind
    text: str
    line: int
    scene_number: str | None = None
    dual: bool = False
    page: int | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class Heading:
    """A scene heading split into its parts.

    ``time_written`` is the time of day as written (``CONTINUOUS``); ``time_effective`` is the
    value used for scheduling (``NIGHT``, inherited from the previous scene for
    ``CONTINUOUS``/``LATER``/``SAME``); both are ``None`` when the heading names none.
    """

    text: str
    int_ext: str | None
    set_name: str
    time_written: str | None
    time_effective: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name or element found in the text, with the words that triggered it."""

    name: str
    category: str
    trigger: str
    line: int


@dataclass(frozen=True, slots=True)
class Scene:
    """One scene: heading parts, page length, characters and suggested elements.

    ``eighths`` is our own measure (layout for Fountain and FDX, real page positions for a
    PDF); ``eighths_stored`` is Final Draft's ``SceneProperties Length`` when the file had
    one. ``characters`` are the speaking characters, normalized; ``cues`` the cue names as
    written minus extensions. ``non_speaking`` and ``elements`` are suggestions for the AD.
    """

    index: int
    number: str | None
    heading: Heading
    line: int
    page: int
    eighths: int
    eighths_stored: int | None
    page_stored: int | None
    story_day: str | None
    characters: tuple[str, ...]
    cues: tuple[str, ...]
    non_speaking: tuple[Mention, ...]
    elements: tuple[Mention, ...]
    synopsis: str
    body: tuple[ScriptElement, ...] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Screenplay:
    """A whole script as imported: title page, every element, and the scenes."""

    source: str
    format: str
    title_page: dict[str, str]
    elements: tuple[ScriptElement, ...]
    scenes: tuple[Scene, ...]
    page_count: int
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The title from the title page, or the file name."""
        return self.title_page.get("title", "").strip() or self.source.rsplit("/", 1)[-1]

    @property
    def characters(self) -> tuple[str, ...]:
        """Every speaking character, in order of first appearance."""
        seen: dict[str, None] = {}
        for scene in self.scenes:
            for name in scene.characters:
                seen.setdefault(name, None)
        return tuple(seen)


def parse_eighths(text: str) -> int | None:
    """Read a stored length (``1 3/8``, ``3/8``, ``2``) into eighths; ``None`` if unreadable."""
    try:
        return domain_parse_eighths(text)
    except DaybreakError:
        return None

"""Screenplay import: Fountain, Final Draft (.fdx) and PDF into one screenplay model.

``read_screenplay(path)`` picks the parser by suffix and returns a :class:`Screenplay`
whose scenes carry heading parts, eighths, characters and suggested elements.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from daybreak.domain.eighths import format_eighths
from daybreak.errors import DaybreakError
from daybreak.importers.screenplay.assemble import Parsed, assemble
from daybreak.importers.screenplay.breakdown import Lexicon, load_lexicon
from daybreak.importers.screenplay.model import (
    ElementKind,
    Heading,
    Mention,
    Scene,
    Screenplay,
    ScriptElement,
)

FOUNTAIN_SUFFIXES = (".fountain", ".spmd", ".txt")

__all__ = [
    "FOUNTAIN_SUFFIXES",
    "ElementKind",
    "Heading",
    "Lexicon",
    "Mention",
    "Scene",
    "Screenplay",
    "ScriptElement",
    "format_eighths",
    "load_lexicon",
    "parse",
    "read_screenplay",
]


def parse(path: Path) -> tuple[Parsed, str]:
    """Run the parser for ``path``'s suffix; return its output and the format name."""
    suffix = path.suffix.lower()
    if suffix in FOUNTAIN_SUFFIXES:
        from daybreak.importers.screenplay.fountain import read_fountain

        title, elements = read_fountain(path)
        return Parsed(title, elements), "fountain"
    if suffix == ".fdx":
        from daybreak.importers.screenplay.fdx import read_fdx

        return read_fdx(path), "fdx"
    if suffix == ".pdf":
        from daybreak.importers.screenplay.pdf import read_pdf

        return read_pdf(path), "pdf"
    raise DaybreakError(
        "unknown screenplay format (expected .fountain, .spmd, .txt, .fdx or .pdf)",
        source=str(path),
    )


def read_screenplay(
    path: Path | str,
    *,
    aliases: Mapping[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> Screenplay:
    """Import a screenplay file (Fountain, FDX or PDF, by suffix) with its breakdown.

    ``aliases`` maps name variants to the character they stand for (``{"BOB": "CYBER
    BOB"}``); ``lexicon`` replaces the packaged keyword lists. Bad input raises
    :class:`DaybreakError` naming the file (and the line when known).
    """
    path = Path(path)
    parsed, fmt = parse(path)
    return assemble(parsed, source=str(path), fmt=fmt, aliases=aliases, lexicon=lexicon)

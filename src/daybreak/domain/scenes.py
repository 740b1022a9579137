"""Scenes (breakdown sheets) and banners: the strips of a stripboard."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class SceneKind(StrEnum):
    """A strip is a scene's breakdown or a banner (an inline note or header on the board)."""

    SCENE = "scene"
    BANNER = "banner"


class IntExt(StrEnum):
    """Where a scene plays: interior, exterior, or both (INT./EXT.)."""

    INT = "INT"
    EXT = "EXT"
    INT_EXT = "INT/EXT"


_NIGHT_WORDS = frozenset({"NIGHT", "EVENING", "DUSK", "MIDNIGHT", "LATE NIGHT", "NIGHT (LATER)"})
_NUMBER = re.compile(r"^([A-Z]*)(\d+)([A-Z]*)(?:\s*PT\.?\s*(\d+))?$", re.IGNORECASE)


def is_night(time_of_day: str | None) -> bool:
    """Whether a written time of day means night work (a NIGHT, EVENING or DUSK strip)."""
    if not time_of_day:
        return False
    word = time_of_day.strip().upper()
    return word in _NIGHT_WORDS or word.startswith("NIGHT")


def parse_int_ext(text: str | None) -> IntExt | None:
    """`INT`, `INT.`, `EXT`, `I/E`, `INT./EXT.`, `EXT/INT` to an IntExt; None when blank."""
    if not text:
        return None
    word = text.upper().replace(".", "").replace(" ", "")
    if word in {"INT", "INTERIOR"}:
        return IntExt.INT
    if word in {"EXT", "EXTERIOR"}:
        return IntExt.EXT
    if word in {"I/E", "E/I", "INT/EXT", "EXT/INT", "INTEXT", "EXTINT"}:
        return IntExt.INT_EXT
    return None


def scene_number_key(number: str | None) -> tuple[int, str, int, str, int]:
    """Sort key for scene numbers: 12 < 12A < 12B < 13, `89PT1` < `89PT2`, A12 before 12."""
    if not number:
        return (1 << 30, "", 0, "", 0)
    match = _NUMBER.match(number.strip())
    if not match:
        return (1 << 29, number, 0, "", 0)
    prefix, digits, suffix, part = match.groups()
    return (int(digits), suffix.upper(), int(part or 0), prefix.upper(), 0)


@dataclass(slots=True)
class Scene:
    """One breakdown: a scene (or part of one) with the ids of every element it needs.

    Structural values (set, INT/EXT, time of day, script day, unit, location) are elements
    too, as in USS; :meth:`daybreak.domain.production.Production.strip` resolves them.
    ``eighths`` is the page length in eighths; ``eighths_reference`` a length stored by the
    source (Final Draft's own) for comparison.
    """

    id: str
    number: str | None = None
    kind: SceneKind = SceneKind.SCENE
    synopsis: str | None = None
    script_page: str | None = None
    eighths: int = 0
    eighths_known: bool = True  # False: the source gave no length (USS `pages: null`)
    duration: timedelta | None = None
    comments: str | None = None
    banner_text: str | None = None
    created: datetime | None = None
    element_ids: list[str] = field(default_factory=list)
    heading: str | None = None
    omitted: bool = False
    eighths_reference: int | None = None
    source_line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("scene id is empty")
        if self.eighths < 0:
            raise ValueError(f"scene {self.number or self.id}: eighths is negative")
        if self.duration is not None and self.duration < timedelta(0):
            raise ValueError(f"scene {self.number or self.id}: duration is negative")
        if len(set(self.element_ids)) != len(self.element_ids):
            raise ValueError(f"scene {self.number or self.id}: an element is listed twice")

    @property
    def is_banner(self) -> bool:
        return self.kind is SceneKind.BANNER

    @property
    def label(self) -> str:
        return self.number or (self.banner_text or "")[:20] or self.id

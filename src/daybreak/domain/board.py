"""Stripboards: scenarios of the shoot, each an ordered board of strips split into days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

BONEYARD = "boneyard"


@dataclass(slots=True)
class StripGroup:
    """A run of strips: one shooting day (``is_day``) or loose strips not split into days."""

    strip_ids: list[str]
    is_day: bool


@dataclass(slots=True)
class BoardSection:
    """One board of a stripboard (USS "board object"): the stripboard, the boneyard, a unit."""

    id: str
    name: str
    groups: list[StripGroup] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_boneyard(self) -> bool:
        return self.name.strip().lower() == BONEYARD

    @property
    def is_second_unit(self) -> bool:
        """A second unit shooting in parallel on its own days (see docs/shoot.md)."""
        return self.extra.get("unit") == "second"

    @property
    def strip_ids(self) -> list[str]:
        return [sid for group in self.groups for sid in group.strip_ids]

    @property
    def has_days(self) -> bool:
        return any(group.is_day for group in self.groups)

    @property
    def days(self) -> list[list[str]]:
        """The strips of each shooting day, in order (loose strips excluded)."""
        return [list(group.strip_ids) for group in self.groups if group.is_day]


@dataclass(slots=True)
class Board:
    """A stripboard (USS "stripboard object"): one scenario with its own calendar.

    ``version`` increases with every saved edit, so concurrent editors can detect conflicts.
    """

    id: str
    name: str
    calendar_id: str | None = None
    sections: list[BoardSection] = field(default_factory=list)
    version: int = 1
    created: datetime | None = None
    description: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("board id is empty")
        if not self.name.strip():
            raise ValueError(f"board {self.id}: name is empty")

    @property
    def main(self) -> BoardSection | None:
        """The section that is shot: the first one that is not the boneyard."""
        return next((s for s in self.sections if not s.is_boneyard and not s.is_second_unit), None)

    @property
    def boneyard(self) -> BoardSection | None:
        return next((s for s in self.sections if s.is_boneyard), None)

    @property
    def placed_strip_ids(self) -> list[str]:
        """Strips of every non-boneyard section, in board order."""
        return [sid for s in self.sections if not s.is_boneyard for sid in s.strip_ids]

    @property
    def main_unit_strip_ids(self) -> list[str]:
        """Placed strips the main unit shoots: second-unit sections left out."""
        return [
            sid
            for s in self.sections
            if not s.is_boneyard and not s.is_second_unit
            for sid in s.strip_ids
        ]

    @property
    def days(self) -> list[list[str]]:
        main = self.main
        return main.days if main else []

    def day_of(self) -> dict[str, int]:
        """Shoot day number (1-based) of each strip placed in a day of the main section."""
        return {sid: n for n, day in enumerate(self.days, start=1) for sid in day}

"""The talent registry: performers and locations shared by identity across productions.

One project (a file or a database) may hold several productions. A registry entry is a
person or a place with a stable id; an element of each production links to it through
``Element.talent_id``. Two productions that both book the same entry on the same dates
clash (see :mod:`daybreak.services.conflicts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from daybreak.domain.categories import CategoryKind


class RegistryKind(StrEnum):
    CAST = "cast"
    LOCATION = "location"

    @classmethod
    def of(cls, kind: CategoryKind) -> RegistryKind | None:
        """The registry kind of a category kind (None: not shared across productions)."""
        if kind is CategoryKind.CAST:
            return cls.CAST
        if kind is CategoryKind.LOCATION:
            return cls.LOCATION
        return None


@dataclass(slots=True)
class RegistryEntry:
    """One performer or location, the same in every production that links to it."""

    id: str
    name: str
    kind: RegistryKind
    created: datetime | None = None
    notes: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("registry entry id is empty")
        if not self.name.strip():
            raise ValueError(f"registry entry {self.id}: name is empty")

"""Breakdown categories: the Movie Magic defaults mapped onto USS universal category ids.

A category's *kind* says what the scheduler does with it. Structural categories (set,
INT/EXT, time of day, script day, unit, sequence, location) hold one value per scene; cast
members are paid by the day; every other category is a list of things a scene needs.
The preset list lives in ``daybreak/data/presets/categories.toml`` so users can change it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from importlib import resources
from typing import Any


class CategoryKind(StrEnum):
    """What a category means to the scheduler."""

    SET = "set"
    INT_EXT = "int_ext"
    TIME_OF_DAY = "time_of_day"
    SCRIPT_DAY = "script_day"
    UNIT = "unit"
    SEQUENCE = "sequence"
    LOCATION = "location"
    CAST = "cast"
    BACKGROUND = "background"
    STUNTS = "stunts"
    VEHICLES = "vehicles"
    PROPS = "props"
    SFX = "sfx"
    OTHER = "other"


# USS universal category ids with a scheduling meaning; all others are OTHER.
_KIND_BY_UCID: dict[int, CategoryKind] = {
    0: CategoryKind.SET,
    1: CategoryKind.INT_EXT,
    2: CategoryKind.TIME_OF_DAY,
    3: CategoryKind.SCRIPT_DAY,
    4: CategoryKind.UNIT,
    5: CategoryKind.SEQUENCE,
    6: CategoryKind.LOCATION,
    100: CategoryKind.CAST,
    101: CategoryKind.BACKGROUND,
    102: CategoryKind.STUNTS,
    103: CategoryKind.VEHICLES,
    104: CategoryKind.PROPS,
    105: CategoryKind.SFX,
}

STRUCTURAL_KINDS = frozenset(
    {
        CategoryKind.SET,
        CategoryKind.INT_EXT,
        CategoryKind.TIME_OF_DAY,
        CategoryKind.SCRIPT_DAY,
        CategoryKind.UNIT,
        CategoryKind.SEQUENCE,
        CategoryKind.LOCATION,
    }
)


def kind_of_ucid(ucid: int) -> CategoryKind:
    """The scheduling kind of a USS universal category id."""
    return _KIND_BY_UCID.get(ucid, CategoryKind.OTHER)


@dataclass(slots=True)
class Category:
    """A group of breakdown elements (Cast, Props, Set...), numbered by its USS `ucid`."""

    id: str
    name: str
    ucid: int
    created: datetime | None = None
    color: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("category id is empty")
        if not self.name.strip():
            raise ValueError(f"category {self.id}: name is empty")

    @property
    def kind(self) -> CategoryKind:
        return kind_of_ucid(self.ucid)


@dataclass(frozen=True, slots=True)
class CategoryPreset:
    """One row of the category preset: name, ucid, highlighter color, Movie Magic default."""

    name: str
    ucid: int
    color: str
    movie_magic: bool


def category_presets() -> list[CategoryPreset]:
    """The shipped category preset, read from the package data."""
    text = resources.files("daybreak.data").joinpath("presets/categories.toml").read_text("utf-8")
    rows = tomllib.loads(text)["category"]
    return [
        CategoryPreset(
            name=row["name"],
            ucid=int(row["ucid"]),
            color=row.get("color", "#ffffff"),
            movie_magic=bool(row.get("movie_magic", False)),
        )
        for row in rows
    ]

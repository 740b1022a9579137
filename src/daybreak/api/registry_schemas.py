"""API schemas of the talent registry and of the production milestones."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

Id = str
Name = Annotated[str, Field(min_length=1, max_length=400, pattern=r"\S")]
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def _plausible(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST} and {LATEST}")
    return value


Day = Annotated[dt.date, AfterValidator(_plausible)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LinkedElementPublic(BaseModel):
    production_id: Id
    production: str
    element_id: Id
    element: str = Field(description="The element's label (`1. ANNA`).")
    performer: str | None


class RegistryEntryPublic(BaseModel):
    """A performer or a location shared by the project's productions, and its links.
    `name` and `kind` are null for links to an entry of another project."""

    id: Id
    name: str | None
    kind: str | None
    elements: list[LinkedElementPublic]


class RegistryPublic(BaseModel):
    entries: list[RegistryEntryPublic]


class LinkIn(_In):
    """Link one cast member or location of a production to a registry entry."""

    production: Name = Field(description="The production (id or name).")
    element: Name = Field(description="Element id, label (`1. ANNA`), name, board ID or performer.")
    entry: Name = Field(description="The registry entry (id or name).")
    new: bool = Field(False, description="Create the entry when no entry has that name.")


class LinkPublic(BaseModel):
    production: str
    element: str
    entry_id: Id
    entry: str
    kind: str
    created: bool


class LinksPublic(BaseModel):
    links: list[LinkPublic]


class UnlinkPublic(BaseModel):
    production: str
    element: str = Field(description="The label of the element unlinked.")


class MilestoneDatesIn(_In):
    """The planned date of each milestone kind to set (the others are kept)."""

    prep: Day | None = None
    shoot: Day | None = None
    wrap: Day | None = None
    post: Day | None = None
    release: Day | None = None


class MilestonesIn(_In):
    dates: MilestoneDatesIn = Field(default_factory=MilestoneDatesIn)
    post_weeks: int | None = Field(
        None, ge=0, le=520, description="Weeks of post after the wrap (the `post delivery` step)."
    )
    board: Name | None = Field(
        None, description="The board whose wrap counts (default: the newest dated board)."
    )


class MilestonePublic(BaseModel):
    name: str
    kind: str
    date: str
    weeks_after_wrap: int | None


class PostStepPublic(BaseModel):
    name: str
    weeks_after_wrap: int | None
    planned: str
    new: str
    moved_days: int


class MilestoneReportPublic(BaseModel):
    """Planned dates, the slip of the wrap, the post steps after it and the slack to the
    release (negative: the release is at risk)."""

    production: str
    board: str | None
    milestones: list[MilestonePublic]
    board_wrap: str | None
    planned_wrap: str | None
    slip_days: int
    slip_from: str | None
    new_wrap: str | None
    post: list[PostStepPublic]
    release: str | None
    slack_days: int | None
    at_risk: bool

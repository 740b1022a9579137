"""What happened on set: the shoot log, and production milestones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ShotStatus(StrEnum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    NOT_SHOT = "not_shot"
    ADDED = "added"  # a pick-up or reshoot of an earlier scene, shot on this day


@dataclass(slots=True)
class ShotRecord:
    """One scene's outcome on one shoot day."""

    scene_id: str
    status: ShotStatus
    eighths_done: int = 0
    setups: int | None = None
    takes: int | None = None
    reshoot: bool = False
    note: str | None = None

    def __post_init__(self) -> None:
        if self.eighths_done < 0:
            raise ValueError(f"shot record {self.scene_id}: eighths done is negative")


@dataclass(slots=True)
class ShootDay:
    """The log of one day of shooting on a board."""

    on: date
    board_id: str
    day_number: int
    records: list[ShotRecord] = field(default_factory=list)
    notes: str | None = None


class MilestoneKind(StrEnum):
    PREP = "prep"
    SHOOT = "shoot"
    WRAP = "wrap"
    POST = "post"
    RELEASE = "release"
    OTHER = "other"


@dataclass(slots=True)
class Milestone:
    """A dated step of the production (prep start, post start, release)."""

    name: str
    kind: MilestoneKind
    on: date
    weeks_after_wrap: int | None = None  # for post steps that follow the wrap

"""API schemas of the repair jobs and of the conflicts across productions."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = str
MAX_RANGE_DAYS = 731


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatesIn(_In):
    """An inclusive range of dates (one day when `end` is left out)."""

    start: dt.date
    end: dt.date | None = None


class NamedDatesIn(DatesIn):
    """A cast member (character, performer or board ID) or a location or set, by name,
    and the dates the disruption covers."""

    name: str = Field(min_length=1, max_length=400, pattern=r"\S")


class RepairIn(_In):
    """What changed; the repair keeps the shot days and moves as little as it can."""

    unavailable: list[NamedDatesIn] = Field(default_factory=list, max_length=100)
    location_lost: list[NamedDatesIn] = Field(default_factory=list, max_length=100)
    location_available: list[NamedDatesIn] = Field(default_factory=list, max_length=100)
    hiatus: DatesIn | None = None
    add_scenes: list[str] = Field(default_factory=list, max_length=500)
    cut: list[str] = Field(default_factory=list, max_length=500)
    reshoot: list[str] = Field(default_factory=list, max_length=500)
    frozen_through: dt.date | None = Field(
        None, description="Keep every day up to this date as shot (default: the logged days)."
    )
    stability_weight: float | None = Field(None, ge=0, le=1e12)
    time_limit: float | None = Field(None, gt=0, le=3600)
    seed: int = Field(0, ge=0, le=2**31 - 1)
    name: str | None = Field(None, min_length=1, max_length=400, pattern=r"\S")


class MovePublic(BaseModel):
    scene: str
    strip_id: Id
    from_day: int | None
    from_date: str | None
    to_day: int | None
    to_date: str | None


class RepairResultPublic(BaseModel):
    """What the repair did: the moves (and new strips placed), the cost before and after,
    and its change by term (`stability` is the price of the moves)."""

    method: str
    feasible: bool
    source_board: str
    board: str | None
    frozen_days: int
    frozen_through: str | None
    disruptions: list[str]
    moved_scenes: int
    distance_days: int
    dates_shifted: int
    moves: list[MovePublic]
    added: list[MovePublic]
    currency: str
    cost_before: dict[str, float]
    cost: dict[str, float]
    cost_delta: dict[str, float]
    stability_cost: float
    objective: float
    broken_before: list[str]
    violations: list[str]
    notes: list[str] = []


class RepairJobPublic(BaseModel):
    id: Id
    production_id: Id
    board_id: Id
    status: Literal["queued", "running", "done", "failed"]
    time_limit: float
    elapsed: float
    message: str | None
    new_board_id: Id | None
    result: RepairResultPublic | None


class ConflictSidePublic(BaseModel):
    production_id: Id
    production: str
    board_id: Id
    board: str
    element: str
    dates: list[str]
    work_dates: list[str]
    days_to_move: int


class ConflictPublic(BaseModel):
    """One registry entry (performer or location) booked by two productions at once."""

    entry_id: Id
    entry: str
    kind: str
    a: ConflictSidePublic
    b: ConflictSidePublic
    overlap: list[str]
    days_to_move: int


class ConflictsPublic(BaseModel):
    conflicts: list[ConflictPublic]
    count: int
    overlap_days: int
    days_to_move: int
    productions: int = Field(description="Productions in the project.")


def result_public(record: dict[str, Any] | None) -> RepairResultPublic | None:
    """The repair service's JSON record as the API shows it."""
    if record is None:
        return None

    def move(m: dict[str, Any]) -> MovePublic:
        return MovePublic(
            scene=m["scene"],
            strip_id=m["id"],
            from_day=m["from_day"],
            from_date=m["from_date"],
            to_day=m["to_day"],
            to_date=m["to_date"],
        )

    fields = {k: v for k, v in record.items() if k in RepairResultPublic.model_fields}
    fields["moves"] = [move(m) for m in record.get("moves", [])]
    fields["added"] = [move(m) for m in record.get("added", [])]
    return RepairResultPublic.model_validate(fields)

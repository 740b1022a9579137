"""API schemas of the "during the shoot" screens: the shoot log and progress of a board.

Kept apart from :mod:`daybreak.api.schemas` so each module stays small; same conventions
(``XPublic`` is read, ``XIn`` is written and refuses unknown fields).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Id = str
Status = Literal["complete", "partial", "not_shot", "added"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ShotEntryIn(_In):
    """One scene of a day's log: by strip id or scene number, with what happened to it.

    ``complete``: shot in full; ``partial``: partly shot (``eighths_done`` pages done);
    ``not_shot``: scheduled but not shot; ``added``: an earlier scene picked up on this day
    (``reshoot`` when it is shot again)."""

    scene: str = Field(min_length=1, max_length=64)
    status: Status
    eighths_done: int = Field(0, ge=0, le=8 * 200)
    reshoot: bool = False


class DayLogIn(_In):
    """The log of one shoot day (it replaces any log of that day)."""

    entries: list[ShotEntryIn] = Field(default_factory=list, max_length=2000)
    date: dt.date | None = Field(None, description="The date shot; default: the board's date.")
    note: str | None = Field(None, max_length=4000)


class ShotRecordPublic(BaseModel):
    scene_id: Id
    number: str | None
    status: Status
    eighths_done: int
    pages_done: str
    reshoot: bool


class ShootDayPublic(BaseModel):
    """One shoot day of the board: what it schedules and, once logged, what it shot."""

    day: int
    date: str | None = Field(description="The board's date for the day.")
    strip_ids: list[Id] = Field(description="The strips the board schedules on the day.")
    scheduled_eighths: int
    scheduled_pages: str
    logged: bool
    shot_on: str | None = Field(description="The date the log gives (logged days).")
    note: str | None
    records: list[ShotRecordPublic]
    shot_eighths: int
    added_eighths: int


class ProgressDayPublic(BaseModel):
    day: int
    date: str
    scheduled_eighths: int
    shot_eighths: int
    added_eighths: int
    scheduled_pages: str
    shot_pages: str
    cumulative_scheduled_eighths: int
    cumulative_shot_eighths: int
    completed: list[str]
    partial: list[str]
    not_shot: list[str]
    added: list[str]


class ProgressPublic(BaseModel):
    """Scheduled against shot pages over the logged days (services.shooting.progress)."""

    board: str
    days_logged: int
    days_scheduled: int
    scheduled_eighths: int
    shot_eighths: int
    balance_eighths: int
    days_ahead: float = Field(description="Positive: ahead of the board; negative: behind.")
    remaining_eighths: int
    days: list[ProgressDayPublic]


class ShootLogPublic(BaseModel):
    """A board's shoot log, day by day, with the progress numbers."""

    board_id: Id
    board_version: int
    days: list[ShootDayPublic]
    progress: ProgressPublic

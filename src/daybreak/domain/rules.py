"""User scheduling rules (hard constraints) and the production's work rules and cost weights."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class RuleKind(StrEnum):
    """The kinds of rule an AD sets on a board."""

    PIN_DAY = "pin_day"  # scene on shoot day N ("open the shoot with the stunt")
    PIN_DATE = "pin_date"  # scene on this calendar date
    NOT_BEFORE = "not_before"  # not before a date (a stunt rig ready after prep)
    NOT_AFTER = "not_after"  # not after a date
    BEFORE = "before"  # first scene on an earlier day than each of the others
    SAME_DAY = "same_day"  # all on one day
    KEEP_TOGETHER = "keep_together"  # consecutive strips, in this order, on consecutive days


_NEEDS_DATE = {RuleKind.PIN_DATE, RuleKind.NOT_BEFORE, RuleKind.NOT_AFTER}
_NEEDS_TWO = {RuleKind.BEFORE, RuleKind.SAME_DAY, RuleKind.KEEP_TOGETHER}


@dataclass(slots=True)
class Rule:
    """One hard rule on scenes, by their stable ids."""

    id: str
    kind: RuleKind
    scene_ids: list[str]
    day: int | None = None
    on: date | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        where = f"rule {self.id} ({self.kind.value})"
        if not self.scene_ids:
            raise ValueError(f"{where}: names no scene")
        if self.kind is RuleKind.PIN_DAY and (self.day is None or self.day < 1):
            raise ValueError(f"{where}: needs a shoot day number of 1 or more")
        if self.kind in _NEEDS_DATE and self.on is None:
            raise ValueError(f"{where}: needs a date")
        if self.kind in _NEEDS_TWO and len(self.scene_ids) < 2:
            raise ValueError(f"{where}: needs at least two scenes")


@dataclass(slots=True)
class WorkRules:
    """Limits of a shooting day, from the union agreement and the producer's plan.

    Eighths and minutes are both supported as a day's capacity; either may be unset.
    """

    max_eighths_per_day: int | None = None
    max_minutes_per_day: int | None = 12 * 60
    turnaround_hours: float = 12.0
    night_day_hours: float = 12.0  # a day's length used to check turnaround across days
    max_company_moves_per_day: int = 1
    company_move_minutes: int = 60
    max_days: int | None = None
    wrap_by: date | None = None
    allow_day_night_mix: bool = False

    def __post_init__(self) -> None:
        if self.max_eighths_per_day is not None and self.max_eighths_per_day < 1:
            raise ValueError("work rules: max eighths per day must be at least 1")
        if self.max_minutes_per_day is not None and self.max_minutes_per_day < 1:
            raise ValueError("work rules: max minutes per day must be at least 1")
        if self.turnaround_hours < 0:
            raise ValueError("work rules: turnaround hours cannot be negative")
        if self.max_company_moves_per_day < 0:
            raise ValueError("work rules: company moves per day cannot be negative")
        if self.max_days is not None and self.max_days < 1:
            raise ValueError("work rules: max days must be at least 1")


@dataclass(slots=True)
class CostWeights:
    """What the production pays, in its currency. Every schedule cost is built from these."""

    shoot_day: float = 50_000.0  # daily burn of the whole unit
    company_move: float = 5_000.0
    default_cast_rate: float = 1_000.0  # for performers without a daily rate
    location_day: float = 0.0  # added to each location's own daily cost
    currency: str = "USD"
    extra: dict[str, float] = field(default_factory=dict)

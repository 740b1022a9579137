"""A schedule (days of ordered scene indices) and a solver's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class Schedule:
    """One list per shoot day (index into ``ProblemData.dates``), scenes in shooting order.

    A day may be empty (nothing shot that day). Scenes missing from every day are
    unscheduled, which the evaluator reports as a violation.
    """

    days: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, days: list[list[int]] | tuple[tuple[int, ...], ...]) -> Schedule:
        return cls(tuple(tuple(day) for day in days))

    def day_of(self) -> dict[int, int]:
        """The day index of every scheduled scene."""
        return {s: d for d, day in enumerate(self.days) for s in day}

    @property
    def used_days(self) -> int:
        return sum(1 for day in self.days if day)

    def to_dict(self) -> dict[str, Any]:
        return {"days": [list(day) for day in self.days]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Schedule:
        return cls.of([list(day) for day in raw["days"]])


class Status(StrEnum):
    """How good a result is known to be."""

    OPTIMAL = "OPTIMAL"  # proven best (cost equals the lower bound)
    FEASIBLE = "FEASIBLE"  # honours every hard rule, not proven best
    INFEASIBLE = "INFEASIBLE"  # no schedule can honour every hard rule (see explanation)
    UNKNOWN = "UNKNOWN"  # no schedule honouring every rule was found in time


@dataclass(slots=True)
class Result:
    """What ``solve`` returns: the schedule, its status, cost by term and a lower bound.

    ``objective`` and ``cost`` come from :func:`daybreak.engine.evaluate.evaluate`;
    ``lower_bound`` is valid for the objective (no schedule can cost less);
    ``explanation`` holds plain sentences (why infeasible, or notes on the search).
    """

    schedule: Schedule | None
    status: Status
    objective: float | None
    cost: dict[str, float]
    lower_bound: float
    seconds: float
    explanation: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        """Relative gap between the objective and the lower bound (0 when proven)."""
        if self.objective is None:
            return None
        if self.objective <= 0:
            return 0.0
        return max(0.0, (self.objective - self.lower_bound) / self.objective)

"""The scheduling problem as the engine sees it: frozen, index-based, JSON round-trip.

Scenes, cast, places, resources and days are referred to by their index. Everything the
solvers and the evaluator need is precomputed here (allowed days per scene, capacities,
cost weights), so the engine never looks at the domain again. Built by
:func:`daybreak.engine.compile.compile_problem`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# Rule kinds the engine checks beyond allowed days (pins and date windows are folded into
# ``ProblemData.allowed`` but kept as rules for the explanations).
PIN_DAY = "pin_day"
PIN_DATE = "pin_date"
NOT_BEFORE = "not_before"
NOT_AFTER = "not_after"
BEFORE = "before"
SAME_DAY = "same_day"
KEEP_TOGETHER = "keep_together"
RULE_KINDS = (PIN_DAY, PIN_DATE, NOT_BEFORE, NOT_AFTER, BEFORE, SAME_DAY, KEEP_TOGETHER)


@dataclass(frozen=True, slots=True)
class RuleData:
    """A user rule on scene indices. ``day`` is a 0-based day index (pins, date windows)."""

    kind: str
    scenes: tuple[int, ...]
    day: int | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class ResourceData:
    """Something a scene needs that is not available every day: a performer, a place, a prop.

    ``unavailable`` are day indices on which it cannot work; ``why`` says why in words
    (``"unavailable"``, ``"outside its window"``, ``"day off"``), one entry per day.
    """

    name: str
    kind: str
    unavailable: tuple[int, ...]
    why: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CastData:
    """A performer paid by the day from first to last work day (holds), with drop rules."""

    name: str
    rate: float
    allow_hold: bool = True
    allow_drop: bool = False
    drop_min_gap: int = 10
    max_drops: int = 1
    travel_days: int = 0
    element_id: str = ""


@dataclass(frozen=True, slots=True)
class CostData:
    """Cost weights of one schedule, in the production's currency."""

    shoot_day: float = 50_000.0
    company_move: float = 5_000.0
    set_change: float = 2_000.0
    location_day: float = 0.0
    drop: float = 0.0
    work_weight: float = 1.0  # share of a work day's pay counted in the objective
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class ProblemData:
    """One scheduling problem, by index. Immutable; ``to_json``/``from_json`` round-trip.

    Per scene ``s``: ``scene_ids[s]`` (the domain id), ``labels[s]`` (scene number),
    ``eighths[s]``, ``minutes[s]`` (0 when unknown), ``night[s]``, ``set_of[s]`` and
    ``place_of[s]`` (-1 for none), ``scene_cast[s]`` (cast indices),
    ``scene_resources[s]`` (resource indices) and ``allowed[s]`` (day indices it may be
    shot on: availability, pins and date windows already applied).
    Per day ``d``: ``dates[d]`` (ISO), ``capacity_eighths`` / ``capacity_minutes``
    (None = no limit). A day holding a single scene may exceed its capacity.
    """

    scene_ids: tuple[str, ...]
    labels: tuple[str, ...]
    eighths: tuple[int, ...]
    minutes: tuple[int, ...]
    night: tuple[bool, ...]
    set_of: tuple[int, ...]
    place_of: tuple[int, ...]
    scene_cast: tuple[tuple[int, ...], ...]
    scene_resources: tuple[tuple[int, ...], ...]
    allowed: tuple[tuple[int, ...], ...]
    set_names: tuple[str, ...]
    place_names: tuple[str, ...]
    place_daily_cost: tuple[float, ...]
    cast: tuple[CastData, ...]
    resources: tuple[ResourceData, ...]
    dates: tuple[str, ...]
    capacity_eighths: tuple[int | None, ...]
    capacity_minutes: tuple[int | None, ...]
    rules: tuple[RuleData, ...] = ()
    costs: CostData = field(default_factory=CostData)
    max_company_moves: int | None = 1
    company_move_minutes: int = 60
    allow_day_night_mix: bool = False
    turnaround_hours: float = 12.0
    night_day_hours: float = 12.0
    night_call_hour: float = 18.0
    day_call_hour: float = 7.0
    name: str = ""

    # -- sizes ------------------------------------------------------------------------
    @property
    def num_scenes(self) -> int:
        return len(self.scene_ids)

    @property
    def num_days(self) -> int:
        return len(self.dates)

    @property
    def num_cast(self) -> int:
        return len(self.cast)

    def day_ordinal(self, day: int) -> int:
        """The proleptic ordinal of a day's date, for gaps in calendar days."""
        return date.fromisoformat(self.dates[day]).toordinal()

    def turnaround_ok(self, night_day: int, next_day: int) -> bool:
        """Whether a day-work day may follow a night-work day: enough rest between them.

        Night work is called at ``night_call_hour`` and lasts ``night_day_hours``; day work
        is called at ``day_call_hour``; the rest between must reach ``turnaround_hours``.
        """
        gap_days = self.day_ordinal(next_day) - self.day_ordinal(night_day)
        rest = 24.0 * gap_days + self.day_call_hour - (self.night_call_hour + self.night_day_hours)
        return rest >= self.turnaround_hours

    def scene_name(self, scene: int) -> str:
        return f"scene {self.labels[scene]}"

    # -- JSON ------------------------------------------------------------------------
    def to_json(self) -> str:
        """The problem as JSON text (every field, indices as they are)."""
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ProblemData:
        """The problem back from :meth:`to_json` text."""
        raw: dict[str, Any] = json.loads(text)
        nested = ("scene_cast", "scene_resources", "allowed")
        flat = (
            "scene_ids",
            "labels",
            "eighths",
            "minutes",
            "night",
            "set_of",
            "place_of",
            "set_names",
            "place_names",
            "place_daily_cost",
            "dates",
            "capacity_eighths",
            "capacity_minutes",
        )
        args: dict[str, Any] = dict(raw)
        for key in flat:
            args[key] = tuple(raw[key])
        for key in nested:
            args[key] = tuple(tuple(v) for v in raw[key])
        args["cast"] = tuple(CastData(**c) for c in raw["cast"])
        args["resources"] = tuple(
            ResourceData(
                name=r["name"],
                kind=r["kind"],
                unavailable=tuple(r["unavailable"]),
                why=tuple(r["why"]),
            )
            for r in raw["resources"]
        )
        args["rules"] = tuple(
            RuleData(kind=r["kind"], scenes=tuple(r["scenes"]), day=r["day"], label=r["label"])
            for r in raw["rules"]
        )
        args["costs"] = CostData(**raw["costs"])
        return cls(**args)

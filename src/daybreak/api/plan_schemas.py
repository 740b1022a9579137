"""API schemas of the scenarios (what-if boards), the board comparison and the joint solve."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from daybreak.api.repair_schemas import NamedDatesIn

Id = str
Name = Annotated[str, Field(min_length=1, max_length=400, pattern=r"\S")]
SceneKey = Annotated[str, Field(min_length=1, max_length=400)]
JobStatus = Literal["queued", "running", "done", "failed"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScenarioIn(_In):
    """The what-ifs of a scenario: a later start, performers lost, a second unit."""

    name: Name | None = Field(None, description="The new board's name (default: <board> scenario).")
    push_weeks: int = Field(0, ge=0, le=104, description="Start the shoot this many weeks later.")
    lose: list[NamedDatesIn] = Field(
        default_factory=list, max_length=100, description="Performers out on those dates."
    )
    second_unit: list[SceneKey] = Field(
        default_factory=list, max_length=500, description="Scenes (numbers or strip ids)."
    )
    second_unit_category: Name | None = Field(
        None, description="Every scene on the board's days with an element of this category."
    )
    time_limit: float | None = Field(None, gt=0, le=3600, description="Seconds per re-plan.")
    seed: int = Field(0, ge=0, le=2**31 - 1)


class ScenarioMovePublic(BaseModel):
    """A strip whose unit (`main` or `second`) or shoot-day number changed."""

    scene: str
    strip_id: Id
    from_unit: str
    from_day: int
    from_date: str | None
    to_unit: str
    to_day: int
    to_date: str | None


class ScenarioResultPublic(BaseModel):
    board: str
    source_board: str
    what_ifs: list[str]
    method: str
    moves: list[ScenarioMovePublic]
    broken_before: list[str] = []
    comparison: dict[str, Any] = Field(
        description="The comparison of the source board (a) with the new one (b)."
    )


class ScenarioJobPublic(BaseModel):
    id: Id
    production_id: Id
    board_id: Id
    status: JobStatus
    time_limit: float
    elapsed: float
    message: str | None
    new_board_id: Id | None
    violations: list[str] = Field(description="The broken hard rules when no plan exists.")
    result: ScenarioResultPublic | None


class CompareSidePublic(BaseModel):
    """One board's summary (see docs/shoot.md, "Compare")."""

    board_id: Id
    board: str
    days: int = Field(description="The main unit's paid span (first to last day with scenes).")
    board_days: int
    second_unit_days: int
    start: str | None
    wrap: str | None
    eighths: int
    pages: float
    main_unit_eighths: int
    currency: str
    total: float
    terms: dict[str, float]
    counts: dict[str, Any]
    feasible: bool
    violations: list[str]
    second_unit: dict[str, Any] | None
    performers: dict[str, dict[str, int]] = Field(description="Work and hold days by name.")


class ComparePublic(BaseModel):
    a: CompareSidePublic
    b: CompareSidePublic
    difference: dict[str, Any]
    currency: str


class JointIn(_In):
    """Two productions sharing cast or locations, scheduled with no double booking."""

    productions: list[Name] = Field(min_length=2, max_length=2, description="Two productions.")
    time_limit: float | None = Field(
        None, gt=0, le=3600, description="Seconds in all, shared by the solves (default 60)."
    )
    rounds: int = Field(3, ge=2, le=20, description="Alternating solves per order.")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    save: bool = Field(True, description="Add the two new boards to the productions.")


class JointSidePublic(BaseModel):
    production_id: Id
    production: str
    board_id: Id
    board: str
    total: float
    shoot_days: int
    first_date: str | None
    wrap_date: str | None


class JointResultPublic(BaseModel):
    method: str
    productions: list[JointSidePublic]
    total: float
    conflicts: int
    candidates: list[dict[str, Any]]
    seconds: float
    saved: bool


class JointJobPublic(BaseModel):
    id: Id
    productions: list[Id]
    status: JobStatus
    time_limit: float
    elapsed: float
    message: str | None
    new_board_ids: list[Id]
    result: JointResultPublic | None


def scenario_result(record: dict[str, Any] | None) -> ScenarioResultPublic | None:
    """The scenario service's record as the API shows it (`id` of a move is `strip_id`)."""
    if record is None:
        return None
    fields = {k: v for k, v in record.items() if k in ScenarioResultPublic.model_fields}
    fields["moves"] = [
        {**{k: v for k, v in m.items() if k != "id"}, "strip_id": m["id"]}
        for m in record.get("moves", [])
    ]
    return ScenarioResultPublic.model_validate(fields)

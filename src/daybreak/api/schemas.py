"""API schemas (pydantic): what goes over the wire, kept apart from domain objects and
store rows. ``XPublic`` is read, ``XCreate`` and ``XUpdate`` are written; mappers in
:mod:`daybreak.api.mappers` join them to the domain."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = str


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- productions, scenes, elements -------------------------------------------------------------


class ProductionPublic(BaseModel):
    id: Id
    name: str
    scenes: int
    boards: int
    company: str | None = None
    author: str | None = None
    currency: str = "USD"


class StripPublic(BaseModel):
    """One strip as the stripboard shows it."""

    id: Id
    number: str | None
    kind: str
    int_ext: str | None
    time_of_day: str | None
    night: bool
    set: str | None
    location: str | None
    eighths: int
    pages: str
    cast_ids: list[str]
    cast: list[str]
    synopsis: str | None
    script_day: str | None
    banner_text: str | None = None
    omitted: bool = False


class ElementRef(BaseModel):
    id: Id
    name: str
    category_id: Id
    category: str
    board_id: str | None = None


class ScenePublic(StripPublic):
    """A breakdown sheet: the strip and every element it needs."""

    script_page: str | None
    comments: str | None
    element_ids: list[Id]
    elements: list[ElementRef]


class SceneUpdate(_In):
    number: str | None = Field(None, max_length=64)
    synopsis: str | None = Field(None, max_length=4000)
    eighths: int | None = Field(None, ge=0, le=8 * 200)
    script_page: str | None = Field(None, max_length=64)
    comments: str | None = Field(None, max_length=4000)
    element_ids: list[Id] | None = Field(None, max_length=500)


class CategoryPublic(BaseModel):
    id: Id
    name: str
    kind: str


class DateRangeModel(BaseModel):
    start: str
    end: str


class ElementPublic(BaseModel):
    id: Id
    category_id: Id
    category: str
    name: str
    board_id: str | None
    performer: str | None = None
    daily_rate: float | None = None
    notes: str | None = None
    address: str | None = None
    daily_cost: float | None = None
    days_off: list[int] = []
    unavailable: list[DateRangeModel] = []
    window: DateRangeModel | None = None
    scenes: int = 0


class ElementCreate(_In):
    category_id: Id = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=400, pattern=r"\S")
    board_id: str | None = Field(None, max_length=16)
    performer: str | None = Field(None, max_length=400)
    daily_rate: float | None = Field(None, ge=0, le=1e9)
    notes: str | None = Field(None, max_length=4000)


class ElementUpdate(_In):
    name: str | None = Field(None, min_length=1, max_length=400, pattern=r"\S")
    board_id: str | None = Field(None, max_length=16)
    performer: str | None = Field(None, max_length=400)
    daily_rate: float | None = Field(None, ge=0, le=1e9)
    notes: str | None = Field(None, max_length=4000)
    unavailable: list[DateRangeModel] | None = Field(None, max_length=200)


class CalendarPublic(BaseModel):
    id: Id
    name: str
    start: str | None
    days_off: list[int]
    events: list[dict[str, Any]]


# -- boards ----------------------------------------------------------------------------------


class GroupPublic(BaseModel):
    is_day: bool
    day: int | None
    date: str | None
    eighths: int
    pages: str
    strip_ids: list[Id]


class SectionPublic(BaseModel):
    id: Id
    name: str
    is_boneyard: bool
    groups: list[GroupPublic]


class BoardSummary(BaseModel):
    id: Id
    name: str
    version: int
    days: int
    strips: int
    pages: str
    boneyard: int
    calendar: str | None
    start: str | None
    end: str | None


class ViolationPublic(BaseModel):
    rule: str
    message: str
    strip_ids: list[Id]
    days: list[int]


class PerformerPublic(BaseModel):
    name: str
    element_id: str | None
    work_days: list[int]
    hold_days: list[int]
    drop_gaps: list[list[int]]
    paid_days: int
    cost: float


class CostPanel(BaseModel):
    """The cost of a board, from the engine's evaluator (nothing computed by the API)."""

    board_id: Id
    version: int
    available: bool
    note: str | None
    total: float | None
    terms: dict[str, float]
    counts: dict[str, int]
    currency: str
    feasible: bool | None
    violations: list[ViolationPublic]
    performers: list[PerformerPublic]
    dates: list[str] = []


class BoardPublic(BaseModel):
    id: Id
    name: str
    version: int
    calendar_id: Id | None
    description: str | None
    sections: list[SectionPublic]


class BoardView(BaseModel):
    """A board with its strips and its cost panel: what the stripboard screen shows."""

    board: BoardPublic
    strips: dict[Id, StripPublic]
    cost: CostPanel


class BoardCopy(_In):
    source_id: Id = Field(min_length=1, max_length=64)
    name: str | None = Field(None, min_length=1, max_length=400, pattern=r"\S")


class BoardUpdate(_In):
    version: int = Field(ge=0)
    name: str = Field(min_length=1, max_length=400, pattern=r"\S")


class MoveRequest(_In):
    """Move strips (kept in board order) to a section, a group or a shoot day, at an index."""

    version: int = Field(ge=0)
    strip_ids: list[Id] = Field(min_length=1, max_length=2000)
    section: Id | None = Field(None, max_length=64)
    group: int | None = Field(None, ge=0, le=100_000)
    day: int | None = Field(None, ge=1, le=100_000)
    index: int | None = Field(None, ge=0, le=100_000)


class BoneyardRequest(_In):
    version: int = Field(ge=0)
    strip_ids: list[Id] = Field(min_length=1, max_length=2000)


class DayBreakCreate(_In):
    """Insert a day break after a strip, or at an index of a group of the shot section."""

    version: int = Field(ge=0)
    after: Id | None = Field(None, max_length=64)
    group: int | None = Field(None, ge=0, le=100_000)
    index: int | None = Field(None, ge=0, le=100_000)


class EditResult(BaseModel):
    """A board after an edit, with its new version and cost."""

    board: BoardPublic
    cost: CostPanel


class ConflictPublic(BaseModel):
    detail: str
    current: BoardPublic


class ChangePublic(BaseModel):
    id: int
    board_id: Id | None
    at: str
    author: str
    action: str
    undone: bool


class UndoRequest(_In):
    board_id: Id | None = Field(None, max_length=64)


class UndoResult(BaseModel):
    change: int
    action: str
    board: BoardPublic | None


# -- solve jobs and reports --------------------------------------------------------------------


class JobCreate(_In):
    board_id: Id = Field(min_length=1, max_length=64)
    time_limit: float | None = Field(None, gt=0, le=3600)
    days: int | None = Field(None, ge=1, le=1000)
    seed: int = Field(0, ge=0, le=2**31 - 1)


class ProgressPoint(BaseModel):
    elapsed: float
    best: float | None
    bound: float | None


class JobPublic(BaseModel):
    id: Id
    production_id: Id
    board_id: Id
    status: Literal["queued", "running", "done", "failed", "cancelled"]
    time_limit: float
    elapsed: float
    best: float | None
    bound: float | None
    progress: list[ProgressPoint]
    message: str | None
    result: dict[str, Any] | None
    new_board_id: Id | None


class ReportKind(BaseModel):
    kind: str
    formats: list[str]
    needs_day: bool = False

"""The "schedule a board" use case: compile, solve, and add the result as a new board.

No store access here: the caller loads the production and saves it (the CLI and the API
do that through :mod:`daybreak.services.projects`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from daybreak.domain import Board, BoardSection, Production, StripGroup, new_id
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import Evaluation, evaluate
from daybreak.engine.explain import explain_holds
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Result, Status
from daybreak.engine.solve import solve
from daybreak.errors import DaybreakError

# (elapsed seconds, best cost or None, lower bound)
ProgressFn = Callable[[float, float | None, float], None]


@dataclass(slots=True)
class ScheduleOutcome:
    """The solver's result, the new board (None when infeasible) and the JSON twin."""

    result: Result
    data: ProblemData
    board: Board | None
    evaluation: Evaluation | None
    record: dict[str, Any] = field(default_factory=dict)


def schedule_board(
    production: Production,
    *,
    board: str | None = None,
    days: int | None = None,
    max_pages_per_day: float | None = None,
    time_limit: float = 30.0,
    seed: int = 0,
    include_boneyard: bool = False,
    progress: ProgressFn | None = None,
    board_name: str | None = None,
) -> ScheduleOutcome:
    """Optimize the strips of a board; append a NEW board "Optimized <date time>".

    The previous boards stay. The new board has one day group per shoot day (in shooting
    order) and a boneyard section with the strips left out (the old boneyard, and any
    scene the solver could not place).
    """
    source = production.board(board)
    eighths = None
    if max_pages_per_day is not None:
        if max_pages_per_day <= 0:
            raise DaybreakError("must be more than 0", where="--max-pages-per-day")
        eighths = max(1, round(max_pages_per_day * 8))
    data = compile_problem(
        production,
        source,
        days=days,
        max_eighths_per_day=eighths,
        include_boneyard=include_boneyard,
    )
    result = solve(data, time_limit=time_limit, seed=seed, progress_callback=progress)
    evaluation = evaluate(data, result.schedule) if result.schedule is not None else None
    new_board: Board | None = None
    if result.schedule is not None and result.status in (Status.OPTIMAL, Status.FEASIBLE):
        new_board = _build_board(production, source, data, result, board_name)
        production.boards.append(new_board)
    record = outcome_record(data, result, evaluation, new_board)
    return ScheduleOutcome(result, data, new_board, evaluation, record)


def _build_board(
    production: Production,
    source: Board,
    data: ProblemData,
    result: Result,
    name: str | None,
) -> Board:
    assert result.schedule is not None
    now = datetime.now()
    groups = [
        StripGroup([data.scene_ids[s] for s in day], is_day=True)
        for day in _trimmed(result.schedule.days)
    ]
    scheduled = {data.scene_ids[s] for day in result.schedule.days for s in day}
    left_out = [
        sid
        for sid in source.placed_strip_ids + (source.boneyard.strip_ids if source.boneyard else [])
        if sid not in scheduled
    ]
    sections = [
        BoardSection(new_id(), "stripboard", groups),
        BoardSection(
            new_id(), "boneyard", [StripGroup(left_out, is_day=False)] if left_out else []
        ),
    ]
    return Board(
        id=new_id(),
        name=name or f"Optimized {now:%Y-%m-%d %H:%M:%S}",
        calendar_id=source.calendar_id,
        sections=sections,
        created=now,
        description=f"daybreak schedule of {source.name!r}: {result.status.value}",
    )


def _trimmed(days: tuple[tuple[int, ...], ...]) -> list[tuple[int, ...]]:
    """Days up to the last one used (empty days in between stay: they are dark days)."""
    last = max((d for d, day in enumerate(days) if day), default=-1)
    return list(days[: last + 1])


def outcome_record(
    data: ProblemData,
    result: Result,
    evaluation: Evaluation | None,
    board: Board | None,
) -> dict[str, Any]:
    """The JSON twin: status, lower bound, cost by term, days in shooting order."""
    days: list[dict[str, Any]] = []
    if result.schedule is not None:
        for d, day in enumerate(_trimmed(result.schedule.days)):
            days.append(
                {
                    "day": d + 1,
                    "date": data.dates[d],
                    "scenes": [data.labels[s] for s in day],
                    "ids": [data.scene_ids[s] for s in day],
                }
            )
    record: dict[str, Any] = {
        "status": result.status.value,
        "objective": result.objective,
        "lower_bound": result.lower_bound if result.lower_bound != float("inf") else None,
        "gap": result.gap,
        "seconds": round(result.seconds, 3),
        "cost": dict(result.cost) if result.cost else {},
        "counts": dict(evaluation.counts) if evaluation is not None else {},
        "days": days,
        "board": board.name if board is not None else None,
        "explanation": list(result.explanation),
        "violations": list(result.violations),
    }
    if evaluation is not None and evaluation.feasible:
        record["holds"] = explain_holds(data, evaluation)
    return record

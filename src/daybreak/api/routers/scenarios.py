"""Scenarios (a what-if copy of a board, re-planned into a new board: a background job) and
the comparison of two boards. Thin adapters of :mod:`daybreak.services.scenarios`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, status

from daybreak.api import plan_schemas as schemas
from daybreak.api.deps import AuthorDep, BoardDep, ProductionIdDep, StateDep
from daybreak.api.repair_schemas import MAX_RANGE_DAYS
from daybreak.api.state import AppState
from daybreak.api.task_jobs import TaskJob, TaskJobs, Work, task_jobs
from daybreak.domain import Board, Calendar, CategoryKind, Production
from daybreak.errors import DaybreakError
from daybreak.services import disruptions as dis
from daybreak.services.boards import add_board, load_boards, write_lock
from daybreak.services.scenarios import (
    Lost,
    compare_boards,
    make_scenario,
    scenes_of_category,
)
from daybreak.services.shooting import find_scene

router = APIRouter(tags=["scenarios"])
DEFAULT_SCENARIO_SECONDS = 10.0


def _lost(production: Production, body: schemas.ScenarioIn) -> list[Lost]:
    out: list[Lost] = []
    for i, item in enumerate(body.lose):
        end = item.end or item.start
        if end < item.start:
            raise DaybreakError("ends before it starts", where=f"lose[{i}].end")
        if (end - item.start).days >= MAX_RANGE_DAYS:
            raise DaybreakError(f"covers more than {MAX_RANGE_DAYS} days", where=f"lose[{i}].end")
        dis.find_element(production, item.name, (CategoryKind.CAST,), f"lose[{i}].name")
        out.append((item.name, item.start, end))
    return out


def _second_unit(production: Production, board: Board, body: schemas.ScenarioIn) -> None:
    """The second-unit scenes must be on the board's days and leave the main unit some."""
    on_days = {s for day in board.days for s in day}
    ids: set[str] = set()
    for i, key in enumerate(body.second_unit):
        for part in (p.strip() for p in key.split(",") if p.strip()):
            scene = find_scene(production, part, where=f"second_unit[{i}]")
            if scene.id not in on_days:
                raise DaybreakError(
                    f"scene {part!r} is not on the board's days", where=f"second_unit[{i}]"
                )
            ids.add(scene.id)
    if body.second_unit_category is not None:
        found = scenes_of_category(production, body.second_unit_category, "second_unit_category")
        found = [s for s in found if s in on_days]
        if not found:
            raise DaybreakError(
                f"no scene on the board's days has a {body.second_unit_category!r} element",
                where="second_unit_category",
            )
        ids.update(found)
    if ids and ids >= on_days:
        raise DaybreakError("leaves the main unit no scene", where="second_unit")


def check_scenario(
    state: AppState, production_id: str, board: Board, body: schemas.ScenarioIn
) -> list[Lost]:
    """Check the request before the job starts: each bad value raises naming its field."""
    production = state.production(production_id)
    if not board.days:
        raise DaybreakError(
            f"board {board.name!r} has no shoot days; schedule it first", where="board"
        )
    calendar = production.board_calendar(board)
    if calendar is None or calendar.start is None:
        raise DaybreakError(
            f"board {board.name!r} has no calendar with a start date", where="board"
        )
    if body.name is not None:
        taken = {b.name for b in load_boards(state.store, production_id)}
        if body.name.strip() in taken:
            raise DaybreakError(f"a board named {body.name.strip()!r} exists", where="name")
    lost = _lost(production, body)
    _second_unit(production, board, body)
    return lost


def _scenario_work(
    state: AppState, board_id: str, body: schemas.ScenarioIn, lost: list[Lost]
) -> Work:
    """The job: re-plan a copy of the board as stored now; save its calendar (a pushed
    start) and the new board, as a logged change. Infeasible: the job fails, nothing saved."""

    def work(job: TaskJob) -> None:
        pid = job.production_id
        assert pid is not None
        production = state.store.load(pid)
        outcome = make_scenario(
            production,
            board_id,
            name=body.name.strip() if body.name else None,
            push_weeks=body.push_weeks,
            lose=lost,
            second_unit=body.second_unit,
            second_unit_category=body.second_unit_category,
            time_limit=job.time_limit,
            seed=body.seed,
        )
        job.record = outcome.record
        board = outcome.board
        with write_lock():
            stored = state.store.load(pid)
            if board.name in {b.name for b in stored.boards}:
                raise DaybreakError(
                    f"a board named {board.name!r} was added while the scenario ran; run it again",
                    where="name",
                )
            known = {c.id for c in stored.calendars}
            new = [c for c in production.calendars if c.id not in known]
            if new:
                state.edit_production(pid, lambda p: _add_calendars(p, new))
            saved = add_board(
                state.store,
                pid,
                board,
                author=job.author,
                action=f"scenario of board {outcome.record['source_board']!r} into {board.name!r}",
            )
        job.new_board_ids = [saved.id]
        job.message = f"{outcome.record['method']}: " + (
            "; ".join(outcome.record["what_ifs"]) or "a copy"
        )

    return work


def _add_calendars(production: Production, calendars: list[Calendar]) -> None:
    known = {c.id for c in production.calendars}
    production.calendars += [c for c in calendars if c.id not in known]


def job_public(job: TaskJob, board_id: str) -> schemas.ScenarioJobPublic:
    assert job.production_id is not None
    return schemas.ScenarioJobPublic(
        id=job.id,
        production_id=job.production_id,
        board_id=board_id,
        status=job.status,
        time_limit=job.time_limit,
        elapsed=round(job.elapsed, 3),
        message=job.message,
        new_board_id=job.new_board_ids[0] if job.new_board_ids else None,
        violations=job.violations,
        result=schemas.scenario_result(job.record) if job.status == "done" else None,
    )


@router.post(
    "/productions/{production_id}/boards/{board_id}/scenarios",
    response_model=schemas.ScenarioJobPublic,
    status_code=status.HTTP_202_ACCEPTED,
)
def start_scenario(
    request: Request,
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.ScenarioIn,
) -> schemas.ScenarioJobPublic:
    """Copy the board under what-ifs (a later start, performers lost, a second unit) and
    re-plan the copy into a NEW board, in the background; the job's result lists the moves
    and compares the new board with this one. What-ifs are not written to the production."""
    lost = check_scenario(state, production_id, board, body)
    limit = min(body.time_limit or DEFAULT_SCENARIO_SECONDS, state.settings.max_solve_time_limit)
    job = TaskJob(
        id=TaskJobs.new_id(),
        kind="scenario",
        production_id=production_id,
        time_limit=limit,
        author=author,
        extra={"board_id": board.id},
    )
    started = task_jobs(request).start(job, _scenario_work(state, board.id, body, lost))
    return job_public(started, board.id)


@router.get(
    "/productions/{production_id}/scenarios/{job_id}", response_model=schemas.ScenarioJobPublic
)
def get_scenario(
    request: Request,
    production_id: ProductionIdDep,
    job_id: Annotated[str, Path(max_length=64)],
) -> schemas.ScenarioJobPublic:
    """A scenario job: its status and, once done, the new board, the moves and the
    comparison; failed with the broken rules when no plan honours them (no board added)."""
    job = task_jobs(request).get(job_id, "scenario")
    if job is None or job.production_id != production_id:
        raise HTTPException(404, f"no scenario job {job_id!r}")
    return job_public(job, str(job.extra["board_id"]))


@router.get("/productions/{production_id}/compare", response_model=schemas.ComparePublic)
def compare(
    state: StateDep,
    production_id: ProductionIdDep,
    a: Annotated[str, Query(max_length=400, description="A board (id or name).")],
    b: Annotated[str, Query(max_length=400, description="Another board (id or name).")],
) -> schemas.ComparePublic:
    """Two boards side by side: days, dates, pages, cost by term, each performer's work and
    hold days, and the differences (b - a)."""
    production = state.store.load(production_id)
    ids = {}
    for field, key in (("a", a), ("b", b)):
        found = [x for x in production.boards if key in (x.id, x.name)]
        if not found:
            raise HTTPException(404, f"{field}: no board {key!r}")
        ids[field] = found[0].id
    result = compare_boards(production, ids["a"], ids["b"])
    result["a"]["board_id"], result["b"]["board_id"] = ids["a"], ids["b"]
    return schemas.ComparePublic.model_validate(result)

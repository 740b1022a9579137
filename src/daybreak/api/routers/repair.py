"""Repair a board after disruptions (a background job: the result is a new board and the
list of moves), and the conflicts across the productions of the project."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status

from daybreak.api import repair_schemas as schemas
from daybreak.api.deps import AuthorDep, BoardDep, ProductionIdDep, StateDep
from daybreak.api.repair_jobs import RepairJob, RepairJobs
from daybreak.domain import CategoryKind, DateRange, Production
from daybreak.errors import DaybreakError
from daybreak.services import disruptions as dis
from daybreak.services.conflicts import conflicts_record, find_conflicts
from daybreak.services.repair import Disruptions
from daybreak.services.shooting import find_scene

router = APIRouter(tags=["repair"])
DEFAULT_REPAIR_SECONDS = 10.0


def repair_jobs(request: Request) -> RepairJobs:
    jobs: RepairJobs = request.app.state.repairs
    return jobs


def _range(dates: schemas.DatesIn, where: str) -> DateRange:
    end = dates.end or dates.start
    if end < dates.start:
        raise DaybreakError("ends before it starts", where=f"{where}.end")
    if (end - dates.start).days >= schemas.MAX_RANGE_DAYS:
        raise DaybreakError(f"covers more than {schemas.MAX_RANGE_DAYS} days", where=f"{where}.end")
    return DateRange(dates.start, end)


def disruptions(production: Production, body: schemas.RepairIn) -> Disruptions:
    """The request's disruptions, checked against the production: each bad value raises
    naming its field (``unavailable[0].name``)."""
    cast = (CategoryKind.CAST,)
    places = (CategoryKind.LOCATION, CategoryKind.SET)

    def named(
        items: list[schemas.NamedDatesIn], field: str, kinds: tuple[CategoryKind, ...]
    ) -> list[dis.NamedDates]:
        out = []
        for i, item in enumerate(items):
            element = dis.find_element(production, item.name, kinds, f"{field}[{i}].name")
            out.append(dis.NamedDates(element.id, _range(item, f"{field}[{i}]")))
        return out

    def scenes(keys: list[str], field: str) -> list[str]:
        out = []
        for i, key in enumerate(keys):
            scene = find_scene(production, key.strip(), where=f"{field}[{i}]")
            if scene.is_banner:
                raise DaybreakError(f"{key!r} is a banner, not a scene", where=f"{field}[{i}]")
            out.append(scene.id)
        return out

    return Disruptions(
        unavailable=named(body.unavailable, "unavailable", cast),
        location_lost=named(body.location_lost, "location_lost", places),
        location_available=named(body.location_available, "location_available", places),
        hiatus=_range(body.hiatus, "hiatus") if body.hiatus else None,
        add_scenes=scenes(body.add_scenes, "add_scenes"),
        cut=scenes(body.cut, "cut"),
        reshoot=scenes(body.reshoot, "reshoot"),
    )


def job_public(job: RepairJob) -> schemas.RepairJobPublic:
    return schemas.RepairJobPublic(
        id=job.id,
        production_id=job.production_id,
        board_id=job.board_id,
        status=job.status,
        time_limit=job.time_limit,
        elapsed=round(job.elapsed, 3),
        message=job.message,
        new_board_id=job.new_board_id,
        result=schemas.result_public(job.record),
    )


@router.post(
    "/productions/{production_id}/boards/{board_id}/repair",
    response_model=schemas.RepairJobPublic,
    status_code=status.HTTP_202_ACCEPTED,
)
def start_repair(
    request: Request,
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.RepairIn,
) -> schemas.RepairJobPublic:
    """Repair the board after disruptions (performer unavailable, location lost or
    available again, hiatus, scenes added, cut or reshot) in the background: the days
    already shot stay, the rest moves as little as it can. The result is a new board."""
    production = state.production(production_id)
    if not board.days:
        raise DaybreakError(f"board {board.name!r} has no shoot days", where="board")
    changes = disruptions(production, body)
    if body.name is not None and body.name.strip() in {b.name for b in production.boards}:
        raise DaybreakError(f"a board named {body.name.strip()!r} exists", where="name")
    settings = state.settings
    limit = min(body.time_limit or DEFAULT_REPAIR_SECONDS, settings.max_solve_time_limit)
    job = RepairJob(
        id=RepairJobs.new_id(),
        production_id=production_id,
        board_id=board.id,
        board_version=board.version,
        changes=changes,
        frozen_through=body.frozen_through,
        stability_weight=body.stability_weight,
        time_limit=limit,
        seed=body.seed,
        name=body.name.strip() if body.name else None,
        author=author,
    )
    return job_public(repair_jobs(request).start(job))


@router.get("/productions/{production_id}/repairs/{job_id}", response_model=schemas.RepairJobPublic)
def get_repair(
    request: Request, production_id: ProductionIdDep, job_id: str
) -> schemas.RepairJobPublic:
    """A repair job: its status and, once done, the new board and the moves."""
    job = repair_jobs(request).get(job_id)
    if job is None or job.production_id != production_id:
        raise HTTPException(404, f"no repair job {job_id!r}")
    return job_public(job)


@router.get("/conflicts", response_model=schemas.ConflictsPublic)
def get_conflicts(
    state: StateDep,
    production: Annotated[
        str | None, Query(max_length=400, description="Only the clashes of this production.")
    ] = None,
) -> schemas.ConflictsPublic:
    """Clashes across the project's productions: a shared performer or location booked by
    two productions' boards on the same dates, with the shoot days to move to clear each."""
    if production is not None and state.resolve(production) is None:
        raise HTTPException(404, f"no production {production!r}")
    record = conflicts_record(find_conflicts(state.store, production))
    return schemas.ConflictsPublic(**record, productions=len(state.store.productions()))

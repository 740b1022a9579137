"""Across productions: the talent registry (entries and links), each production's
milestones and slip report, and the joint solve of two productions sharing cast or
locations (a background job). Thin adapters of :mod:`daybreak.services.registry`,
:mod:`daybreak.services.milestones` and :mod:`daybreak.services.joint`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, status

from daybreak.api import plan_schemas
from daybreak.api import registry_schemas as schemas
from daybreak.api.background import api_field
from daybreak.api.deps import AuthorDep, ProductionIdDep, StateDep
from daybreak.api.state import AppState
from daybreak.api.task_jobs import TaskJob, TaskJobs, Work, task_jobs
from daybreak.domain import MilestoneKind, Production
from daybreak.errors import DaybreakError
from daybreak.services.boards import add_board, write_lock
from daybreak.services.bookings import dated_board
from daybreak.services.joint import schedule_joint
from daybreak.services.milestones import milestone_report, set_milestones
from daybreak.services.registry import auto_link, link_element, registry_listing, unlink_element

router = APIRouter(tags=["across productions"])
DEFAULT_JOINT_SECONDS = 60.0
# The services name their CLI options; the API names its fields.
FIELDS = {"--set": "dates", "--slip-days": "days"}
BoardQuery = Annotated[
    str | None,
    Query(max_length=400, description="The board whose wrap counts (default: newest dated)."),
]


@contextmanager
def fields() -> Iterator[None]:
    """Re-raise a service's error naming the request's field (`element`, not `--element`)."""
    try:
        yield
    except DaybreakError as exc:
        where = FIELDS.get(exc.where or "") or api_field(exc.where)
        raise DaybreakError(exc.message, where=where) from None


def _production(state: AppState, name: str, where: str) -> str:
    found = state.resolve(name)
    if found is None:
        raise DaybreakError(f"no production {name!r}", where=where)
    return found


# -- the registry ---------------------------------------------------------------------------


@router.get("/registry", response_model=schemas.RegistryPublic)
def get_registry(state: StateDep) -> schemas.RegistryPublic:
    """Every registry entry (a performer or location shared by the project's productions)
    with the elements of each production linked to it."""
    return schemas.RegistryPublic.model_validate({"entries": registry_listing(state.store)})


@router.post("/registry/links", response_model=schemas.LinksPublic)
def link(state: StateDep, body: schemas.LinkIn) -> schemas.LinksPublic:
    """Link one cast member or location to a registry entry (`new`: create the entry when
    none has that name; else an unknown entry is refused)."""
    pid = _production(state, body.production, "production")
    with fields(), write_lock():
        made = link_element(state.store, pid, body.element, body.entry, create=body.new)
    state.forget(pid)
    return schemas.LinksPublic.model_validate({"links": [made.record()]})


@router.post("/registry/links/auto", response_model=schemas.LinksPublic)
def link_auto(state: StateDep) -> schemas.LinksPublic:
    """Link the cast members of different productions by performer name (case and spacing
    ignored); linked elements stay as they are, locations are never linked automatically."""
    with fields(), write_lock():
        made = auto_link(state.store)
    state.forget()
    return schemas.LinksPublic.model_validate({"links": [m.record() for m in made]})


@router.delete("/registry/links", response_model=schemas.UnlinkPublic)
def unlink(
    state: StateDep,
    production: Annotated[str, Query(max_length=400, description="The production.")],
    element: Annotated[str, Query(max_length=400, description="The element to unlink.")],
) -> schemas.UnlinkPublic:
    """Remove an element's link to the registry."""
    pid = _production(state, production, "production")
    with fields(), write_lock():
        label = unlink_element(state.store, pid, element)
    state.forget(pid)
    return schemas.UnlinkPublic(production=state.production(pid).name, element=label)


# -- milestones -----------------------------------------------------------------------------


def _report(
    production: Production, board: str | None, slip_days: int | None = None
) -> schemas.MilestoneReportPublic:
    with fields():
        report = milestone_report(production, dated_board(production, board), slip_days=slip_days)
    report["slip_from"] = FIELDS.get(report["slip_from"] or "", report["slip_from"])
    return schemas.MilestoneReportPublic.model_validate(report)


MILESTONES = "/productions/{production_id}/milestones"


@router.get(MILESTONES, response_model=schemas.MilestoneReportPublic)
def get_milestones(
    state: StateDep, production_id: ProductionIdDep, board: BoardQuery = None
) -> schemas.MilestoneReportPublic:
    """The milestones (prep, shoot, wrap, post, release), the board's wrap against the
    planned one, the post steps after it and the slack to the release."""
    return _report(state.store.load(production_id), board)


@router.put(MILESTONES, response_model=schemas.MilestoneReportPublic)
def put_milestones(
    state: StateDep, production_id: ProductionIdDep, body: schemas.MilestonesIn
) -> schemas.MilestoneReportPublic:
    """Set milestone dates (one per kind; the others stay) and the weeks of post after the
    wrap; answers the report."""
    settings = {
        MilestoneKind(kind): on for kind, on in body.dates.model_dump().items() if on is not None
    }

    def edit(production: Production) -> None:
        with fields():
            chosen = dated_board(production, body.board)
            set_milestones(production, settings, post_weeks=body.post_weeks, board=chosen)

    production = state.edit_production(production_id, edit)
    return _report(production, body.board)


@router.get(MILESTONES + "/slip", response_model=schemas.MilestoneReportPublic)
def get_slip(
    state: StateDep,
    production_id: ProductionIdDep,
    days: Annotated[
        int | None,
        Query(
            ge=-3650, le=3650, description="Move the wrap this many days (default: the board's)."
        ),
    ] = None,
    board: BoardQuery = None,
) -> schemas.MilestoneReportPublic:
    """What a slip of the wrap by `days` does to the post steps and the release."""
    return _report(state.store.load(production_id), board, days)


# -- the joint solve ------------------------------------------------------------------------


def _joint_work(state: AppState, ids: list[str], body: plan_schemas.JointIn) -> Work:
    """The job: the joint solve; the best pair of boards is saved as logged changes."""

    def work(job: TaskJob) -> None:
        outcome = schedule_joint(
            state.store,
            ids[0],
            ids[1],
            time_limit=job.time_limit,
            rounds=body.rounds,
            seed=body.seed,
            save=False,
        )
        if body.save:
            with write_lock():
                for pid, solved in zip(ids, (outcome.a, outcome.b), strict=True):
                    saved = add_board(
                        state.store, pid, solved.board, author=job.author, action="joint schedule"
                    )
                    job.new_board_ids.append(saved.id)
        outcome.record["saved"] = body.save
        job.record = outcome.record
        job.message = f"no double booking; total {outcome.total:,.0f}"

    return work


def joint_public(job: TaskJob) -> plan_schemas.JointJobPublic:
    record = job.record if job.status == "done" else None
    return plan_schemas.JointJobPublic(
        id=job.id,
        productions=list(job.extra["productions"]),
        status=job.status,
        time_limit=job.time_limit,
        elapsed=round(job.elapsed, 3),
        message=job.message,
        new_board_ids=job.new_board_ids,
        result=None if record is None else plan_schemas.JointResultPublic.model_validate(record),
    )


@router.post(
    "/joint", response_model=plan_schemas.JointJobPublic, status_code=status.HTTP_202_ACCEPTED
)
def start_joint(
    request: Request, state: StateDep, author: AuthorDep, body: plan_schemas.JointIn
) -> plan_schemas.JointJobPublic:
    """Schedule two productions that share cast or locations with no double booking, in the
    background; the best pair of boards is added as a new board in each (unless `save` is
    false)."""
    ids = [_production(state, name, f"productions[{i}]") for i, name in enumerate(body.productions)]
    if ids[0] == ids[1]:
        raise DaybreakError("name two different productions", where="productions[1]")
    limit = min(body.time_limit or DEFAULT_JOINT_SECONDS, state.settings.max_solve_time_limit)
    job = TaskJob(
        id=TaskJobs.new_id(),
        kind="joint",
        production_id=None,
        time_limit=limit,
        author=author,
        extra={"productions": ids},
    )
    return joint_public(task_jobs(request).start(job, _joint_work(state, ids, body)))


@router.get("/joint/{job_id}", response_model=plan_schemas.JointJobPublic)
def get_joint(
    request: Request, job_id: Annotated[str, Path(max_length=64)]
) -> plan_schemas.JointJobPublic:
    """A joint-solve job: its status and, once done, both new boards and their costs."""
    job = task_jobs(request).get(job_id, "joint")
    if job is None:
        raise HTTPException(404, f"no joint job {job_id!r}")
    return joint_public(job)

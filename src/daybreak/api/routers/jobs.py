"""Solve jobs: start the optimizer on a board, follow its progress (polling or server-sent
events), cancel it, read its result (a new board in the project)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import StreamingResponse

from daybreak.api import schemas
from daybreak.api.deps import AuthorDep, ProductionIdDep, StateDep
from daybreak.api.jobs import Job

router = APIRouter(tags=["jobs"])
JOB = "/productions/{production_id}/jobs/{job_id}"


def job_public(job: Job) -> schemas.JobPublic:
    last = job.progress[-1] if job.progress else None
    points = job.progress[-200:]
    return schemas.JobPublic(
        id=job.id,
        production_id=job.production_id,
        board_id=job.board_id,
        status=job.status,
        time_limit=job.time_limit,
        elapsed=round(job.elapsed, 3),
        best=last[1] if last else None,
        bound=last[2] if last else None,
        progress=[schemas.ProgressPoint(elapsed=e, best=b, bound=lb) for e, b, lb in points],
        message=job.message,
        result=job.result,
        new_board_id=job.new_board_id,
    )


def _job(state: StateDep, production_id: str, job_id: str) -> Job:
    job = state.jobs.get(job_id)
    if job is None or job.production_id != production_id:
        raise HTTPException(404, f"no job {job_id!r}")
    return job


@router.post(
    "/productions/{production_id}/jobs",
    response_model=schemas.JobPublic,
    status_code=status.HTTP_202_ACCEPTED,
)
def start_job(
    state: StateDep, production_id: ProductionIdDep, author: AuthorDep, body: schemas.JobCreate
) -> schemas.JobPublic:
    """Start optimizing a board in the background; the result becomes a new board."""
    try:
        state.store.load_board(production_id, body.board_id)
    except Exception:
        raise HTTPException(404, f"no board {body.board_id!r}") from None
    limit = min(
        body.time_limit or state.settings.solve_time_limit, state.settings.max_solve_time_limit
    )
    job = state.jobs.start(
        production_id,
        body.board_id,
        time_limit=limit,
        days=body.days,
        seed=body.seed,
        author=author,
    )
    return job_public(job)


@router.get("/productions/{production_id}/jobs", response_model=list[schemas.JobPublic])
def list_jobs(state: StateDep, production_id: ProductionIdDep) -> list[schemas.JobPublic]:
    """Every solve job of this production since the server started."""
    return [job_public(j) for j in state.jobs.all(production_id)]


@router.get(JOB, response_model=schemas.JobPublic)
def get_job(state: StateDep, production_id: ProductionIdDep, job_id: str) -> schemas.JobPublic:
    """A job's status, progress (elapsed, best cost, lower bound) and result."""
    return job_public(_job(state, production_id, job_id))


@router.post(JOB + "/cancel", response_model=schemas.JobPublic)
def cancel_job(state: StateDep, production_id: ProductionIdDep, job_id: str) -> schemas.JobPublic:
    """Ask a job to stop; it ends as `cancelled` and adds no board."""
    job = _job(state, production_id, job_id)
    state.jobs.cancel(job)
    return job_public(job)


@router.get(JOB + "/events", include_in_schema=False)
async def job_events(
    state: StateDep, production_id: ProductionIdDep, job_id: str
) -> StreamingResponse:
    """Server-sent events: the job's JSON a few times a second until it ends."""
    job = _job(state, production_id, job_id)

    async def stream() -> AsyncIterator[str]:
        while True:
            payload = job_public(job).model_dump()
            payload["progress"] = payload["progress"][-1:]
            yield f"data: {json.dumps(payload)}\n\n"
            if job.status in ("done", "failed", "cancelled"):
                return
            await asyncio.sleep(0.3)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )

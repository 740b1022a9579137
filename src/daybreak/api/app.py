"""The FastAPI application: JSON under ``/api``, the browser stripboard at ``/``.

``create_app(settings)`` builds everything; ``daybreak serve`` only hands it to uvicorn,
and tests build the same app around a temporary project.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from daybreak.api.mappers import board_public
from daybreak.api.repair_jobs import RepairJobs
from daybreak.api.routers import (
    boards,
    calendars,
    elements,
    jobs,
    productions,
    registry,
    repair,
    reports,
    scenarios,
    scenes,
    shoot,
)
from daybreak.api.settings import Settings
from daybreak.api.state import AppState
from daybreak.api.task_jobs import TaskJobs
from daybreak.errors import DaybreakError
from daybreak.store import ConflictError


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app serving one project (``settings.project`` or ``settings.database_url``)."""
    settings = settings or Settings()
    state = AppState(settings)
    repairs = RepairJobs(state)
    tasks = TaskJobs()  # scenarios and joint solves

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        repairs.shutdown()
        tasks.shutdown()
        state.close()

    app = FastAPI(
        title="daybreak",
        summary="Film and TV production scheduling: the stripboard, its cost, the optimizer.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.daybreak = state
    app.state.repairs = repairs
    app.state.tasks = tasks
    routers = (productions, scenes, elements, calendars, boards, jobs, reports, shoot, repair)
    for module in (*routers, scenarios, registry):
        app.include_router(module.router, prefix="/api")

    @app.exception_handler(ConflictError)
    async def _conflict(request: Request, exc: ConflictError) -> JSONResponse:
        production_id = str(request.path_params.get("production_id", ""))
        try:
            production = state.production(production_id)
            current = board_public(production, exc.current).model_dump()
        except DaybreakError:
            current = None
        return JSONResponse({"detail": str(exc), "current": current}, status_code=409)

    @app.exception_handler(DaybreakError)
    async def _user_error(_request: Request, exc: DaybreakError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    static = resources.files("daybreak.web").joinpath("static")
    with resources.as_file(static) as folder:
        app.mount("/static", StaticFiles(directory=folder), name="static")
        index = folder / "index.html"

    @app.get("/", include_in_schema=False)
    async def home() -> FileResponse:
        return FileResponse(index, headers={"Cache-Control": "no-store"})

    return app

"""Solve jobs: the optimizer runs on a worker thread, off the request thread, reporting
progress a few times a second; the result is added to the project as a new board."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from daybreak.errors import DaybreakError
from daybreak.services.boards import add_board

if TYPE_CHECKING:
    from daybreak.api.state import AppState

log = logging.getLogger(__name__)
JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]


class _Cancelled(Exception):
    """Raised inside the solver's progress callback to stop a cancelled job."""


@dataclass(slots=True)
class Job:
    """One solve: its progress points (elapsed, best, bound), status and result."""

    id: str
    production_id: str
    board_id: str
    time_limit: float
    days: int | None
    seed: int
    author: str
    status: JobStatus = "queued"
    started: float | None = None
    finished: float | None = None
    progress: list[tuple[float, float | None, float | None]] = field(default_factory=list)
    message: str | None = None
    result: dict[str, Any] | None = None
    new_board_id: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    future: Future[None] | None = None

    @property
    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        return (self.finished or time.perf_counter()) - self.started


class JobManager:
    """Runs solve jobs on a small thread pool and keeps them for the app's lifetime."""

    def __init__(self, state: AppState, *, workers: int = 1) -> None:
        self._state = state
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="solve")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(
        self,
        production_id: str,
        board_id: str,
        *,
        time_limit: float,
        days: int | None,
        seed: int,
        author: str,
    ) -> Job:
        job = Job(uuid.uuid4().hex[:12], production_id, board_id, time_limit, days, seed, author)
        with self._lock:
            self._jobs[job.id] = job
        job.future = self._pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self, production_id: str) -> list[Job]:
        with self._lock:
            return [j for j in self._jobs.values() if j.production_id == production_id]

    def cancel(self, job: Job) -> None:
        job.cancel.set()
        if job.status == "queued":
            job.status = "cancelled"
            job.message = "cancelled before it started"

    def shutdown(self) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job) -> None:
        if job.cancel.is_set():
            job.status = "cancelled"
            return
        from daybreak.services.scheduling import schedule_board

        job.status = "running"
        job.started = time.perf_counter()
        state = self._state

        def on_progress(elapsed: float, best: float | None, bound: float) -> None:
            job.progress.append((elapsed, best, bound if bound != float("inf") else None))
            if job.cancel.is_set():
                raise _Cancelled

        try:
            production = state.store.load(job.production_id)
            outcome = schedule_board(
                production,
                board=job.board_id,
                days=job.days,
                time_limit=job.time_limit,
                seed=job.seed,
                progress=on_progress,
            )
            if job.cancel.is_set():
                raise _Cancelled
            job.result = outcome.record
            if outcome.board is not None:
                saved = add_board(
                    state.store,
                    job.production_id,
                    outcome.board,
                    author=job.author,
                    action=f"optimize into board {outcome.board.name!r}",
                )
                job.new_board_id = saved.id
            job.message = f"{outcome.result.status.value} in {outcome.result.seconds:.1f} s"
            job.status = "done"
        except _Cancelled:
            job.status = "cancelled"
            job.message = "cancelled"
        except DaybreakError as exc:
            job.status = "failed"
            job.message = str(exc)
        except Exception as exc:  # a solver bug must not kill the worker thread silently
            log.exception("solve job %s failed", job.id)
            job.status = "failed"
            job.message = f"internal error: {type(exc).__name__}: {exc}"
        finally:
            job.finished = time.perf_counter()

"""Work the API runs off the request thread (repairs, scenarios, joint solves): one worker
thread per kind of work, jobs kept for the app's lifetime, polled by the client until their
``status`` is ``done`` or ``failed``.

A job's work function fills in its result or raises :class:`~daybreak.errors.DaybreakError`
(the job fails with its message, the request field first; an error carrying ``violations``
keeps them on jobs that have a ``violations`` list). Solve jobs (:mod:`daybreak.api.jobs`)
stream progress and can be cancelled, so they keep a runner of their own.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

from daybreak.errors import DaybreakError

log = logging.getLogger(__name__)


class BackgroundJob(Protocol):
    id: str
    status: Any  # each kind of job has its own Literal of statuses
    started: float | None
    finished: float | None
    message: str | None


J = TypeVar("J", bound=BackgroundJob)


def api_field(where: str | None) -> str | None:
    """A service's CLI option name (``--location-lost``) as the request's field."""
    if where is None or not where.startswith("--"):
        return where
    name = where[2:].replace("-", "_")
    return {"add_scene": "add_scenes"}.get(name, name)


class BackgroundJobs(Generic[J]):
    """Runs jobs on one worker thread (made at the first job, again after a shutdown)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._pool: ThreadPoolExecutor | None = None
        self._jobs: dict[str, J] = {}
        self._lock = threading.Lock()

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:12]

    def submit(self, job: J, work: Callable[[J], None]) -> J:
        with self._lock:
            self._jobs[job.id] = job
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self._name)
            self._pool.submit(self._run, job, work)
        return job

    def find(self, job_id: str) -> J | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        """Wait for the running job; queued ones are dropped."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for job in self._jobs.values():
                if job.status == "queued":
                    job.status = "failed"
                    job.message = f"the server stopped before the {self._name} job ran"

    def _run(self, job: J, work: Callable[[J], None]) -> None:
        job.status = "running"
        job.started = time.perf_counter()
        try:
            work(job)
            job.status = "done"
        except DaybreakError as exc:
            job.status = "failed"
            if hasattr(job, "violations"):
                job.violations = [str(v) for v in getattr(exc, "violations", [])]
            where = api_field(exc.where)
            job.message = f"{where}: {exc.message}" if where else exc.message
        except Exception as exc:  # a bug must not kill the worker thread silently
            log.exception("%s job %s failed", self._name, job.id)
            job.status = "failed"
            job.message = f"internal error: {type(exc).__name__}: {exc}"
        finally:
            job.finished = time.perf_counter()

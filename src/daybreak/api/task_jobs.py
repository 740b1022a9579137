"""Background tasks of the API that are neither solve jobs nor repairs: scenarios (a
what-if copy of a board, re-planned) and the joint solve of two productions.

Each runs on one worker thread, off the request thread, like a repair
(:mod:`daybreak.api.repair_jobs`): the request checks its input, starts the job and answers
202 with the job; the client polls it until ``status`` is ``done`` or ``failed``. The work
is a function of the job: it sets ``record`` and ``new_board_ids`` (after saving the new
boards), or raises :class:`~daybreak.errors.DaybreakError` (the job fails with its message,
the field first; an error carrying ``violations``, such as an infeasible scenario, keeps
them on the job).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import Request

from daybreak.api.background import BackgroundJobs

log = logging.getLogger(__name__)
TaskStatus = Literal["queued", "running", "done", "failed"]
TaskKind = Literal["scenario", "joint"]


@dataclass(slots=True)
class TaskJob:
    """One background task: what it is, its status and, once it ends, its result."""

    id: str
    kind: TaskKind
    production_id: str | None
    time_limit: float
    author: str
    status: TaskStatus = "queued"
    started: float | None = None
    finished: float | None = None
    message: str | None = None
    record: dict[str, Any] | None = None
    new_board_ids: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        return (self.finished or time.perf_counter()) - self.started


Work = Callable[[TaskJob], None]


class TaskJobs(BackgroundJobs[TaskJob]):
    """Scenarios and joint solves, on one worker thread."""

    def __init__(self) -> None:
        super().__init__("task")

    def start(self, job: TaskJob, work: Work) -> TaskJob:
        return self.submit(job, work)

    def get(self, job_id: str, kind: TaskKind) -> TaskJob | None:
        job = self.find(job_id)
        return job if job is not None and job.kind == kind else None


def task_jobs(request: Request) -> TaskJobs:
    """The app's task runner (``app.state.tasks``)."""
    jobs: TaskJobs = request.app.state.tasks
    return jobs

"""Repair jobs: :func:`daybreak.services.repair.repair_board` runs on a worker thread, off
the request thread (a repair searches for up to its time limit), like the solve jobs.

When it ends, the production's changes (the disruptions: a performer or a location
unavailable, a hiatus calendar, reshoot and remainder strips) are merged into the production
as stored now, and the new board is added as a logged change (undo removes it). If the
source board changed while the repair ran, nothing is written and the job fails: run it
again on the board as it is.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from daybreak.api.background import BackgroundJobs
from daybreak.domain import Production
from daybreak.domain.codec import to_plain
from daybreak.errors import DaybreakError
from daybreak.services.boards import add_board, write_lock

if TYPE_CHECKING:
    from daybreak.api.state import AppState
    from daybreak.services.repair import Disruptions

log = logging.getLogger(__name__)
RepairStatus = Literal["queued", "running", "done", "failed"]


@dataclass(slots=True)
class RepairJob:
    id: str
    production_id: str
    board_id: str
    board_version: int
    changes: Disruptions
    frozen_through: date | None
    stability_weight: float | None
    time_limit: float
    seed: int
    name: str | None
    author: str
    status: RepairStatus = "queued"
    started: float | None = None
    finished: float | None = None
    message: str | None = None
    record: dict[str, Any] | None = None
    new_board_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        return (self.finished or time.perf_counter()) - self.started


class RepairJobs(BackgroundJobs[RepairJob]):
    """Runs repairs on one worker thread; keeps the jobs for the app's lifetime."""

    def __init__(self, state: AppState) -> None:
        super().__init__("repair")
        self._state = state

    def start(self, job: RepairJob) -> RepairJob:
        return self.submit(job, self._repair)

    def get(self, job_id: str) -> RepairJob | None:
        return self.find(job_id)

    def _repair(self, job: RepairJob) -> None:
        from daybreak.services.repair import repair_board

        state = self._state
        production = state.store.load(job.production_id)
        outcome = repair_board(
            production,
            job.changes,
            board=job.board_id,
            frozen_through=job.frozen_through,
            stability_weight=job.stability_weight,
            time_limit=job.time_limit,
            seed=job.seed,
            board_name=job.name,
        )
        job.record = outcome.record
        if outcome.board is None:
            raise DaybreakError("no plan honours every hard rule; see the violations")
        board = outcome.board
        with write_lock():
            current = state.store.load_board(job.production_id, job.board_id)
            if current.version != job.board_version:
                raise DaybreakError(
                    f"board {current.name!r} changed while the repair ran (version "
                    f"{current.version}, repair made on {job.board_version}); run it again",
                    where="board",
                )
            repaired = outcome.production
            if _changed(production, repaired):
                state.edit_production(job.production_id, lambda p: _merge(p, production, repaired))
            saved = add_board(
                state.store,
                job.production_id,
                board,
                author=job.author,
                action=f"repair board {current.name!r} into {board.name!r}",
            )
        job.new_board_id = saved.id
        job.message = f"{outcome.result.method} in {outcome.result.seconds:.1f} s"


def _changed_elements(before: Production, after: Production) -> dict[str, Any]:
    old = {e.id: to_plain(e) for e in before.elements}
    return {e.id: e for e in after.elements if old.get(e.id) != to_plain(e)}


def _changed(before: Production, repaired: Production) -> bool:
    """Whether the repair changed the production beyond adding its board."""
    return (
        bool(_changed_elements(before, repaired))
        or {s.id for s in before.scenes} != {s.id for s in repaired.scenes}
        or {c.id for c in before.calendars} != {c.id for c in repaired.calendars}
    )


def _merge(production: Production, before: Production, repaired: Production) -> None:
    """Bring the repair's changes into the production as stored now: the elements it made
    unavailable (or available), its new strips and calendars. Boards are not touched."""
    changed = _changed_elements(before, repaired)
    production.elements = [changed.get(e.id, e) for e in production.elements]
    scenes = {s.id for s in production.scenes}
    production.scenes += [s for s in repaired.scenes if s.id not in scenes]
    calendars = {c.id for c in production.calendars}
    production.calendars += [c for c in repaired.calendars if c.id not in calendars]

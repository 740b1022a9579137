"""What the running app holds: the open store, a cache of productions read from it, the
cost panel's compiled problems and the solve jobs. One object, built by ``create_app``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from daybreak.api.jobs import JobManager
from daybreak.api.mappers import strip_public
from daybreak.api.schemas import StripPublic
from daybreak.api.settings import Settings
from daybreak.domain import Production
from daybreak.services.boards import EvaluationCache, write_lock
from daybreak.store import Store


class AppState:
    """The store and caches of one served project.

    Productions are cached after the first read; every edit of a production made through
    the app goes through :meth:`edit_production`, which re-reads it, writes it and drops the
    cached copy. Boards are never served from the cache: they are read at each request.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store.open(None, db=settings.url)
        if settings.url.startswith("sqlite"):
            _set_synchronous(self.store, settings.sqlite_synchronous)
        self.evaluations = EvaluationCache()
        self.jobs = JobManager(self, workers=settings.solve_workers)
        self._lock = threading.Lock()
        self._productions: dict[str, Production] = {}
        self._revisions: dict[str, int] = {}
        self._ids: dict[str, str] = {}
        self._strips: dict[tuple[str, int, int], dict[str, StripPublic]] = {}

    def close(self) -> None:
        self.jobs.shutdown()
        self.store.close()

    def resolve(self, name_or_id: str) -> str | None:
        """The id of a production named by id or name (the store is asked on a miss)."""
        with self._lock:
            found = self._ids.get(name_or_id)
        if found is not None:
            return found
        ids: dict[str, str] = {}
        for summary in self.store.productions():
            ids[summary.name] = summary.id
            ids[summary.id] = summary.id
        with self._lock:
            self._ids = ids
        return ids.get(name_or_id)

    def production(self, production_id: str) -> Production:
        """The production (cached), by id."""
        with self._lock:
            found = self._productions.get(production_id)
        if found is not None:
            return found
        production = self.store.load(production_id)
        with self._lock:
            self._productions[production_id] = production
        return production

    def revision(self, production_id: str) -> int:
        with self._lock:
            return self._revisions.get(production_id, 0)

    def edit_production(self, production_id: str, edit: Callable[[Production], None]) -> Production:
        """Read the production fresh, apply `edit`, write it in one transaction."""
        with write_lock():
            production = self.store.load(production_id)
            edit(production)
            self.store.save(production)
            with self._lock:
                self._productions.pop(production_id, None)
                self._revisions[production_id] = self._revisions.get(production_id, 0) + 1
        return production

    def forget(self, production_id: str | None = None) -> None:
        """Drop the cached copy of a production (of every one without an id) after a write
        made around :meth:`edit_production` (registry links rewrite element rows)."""
        with self._lock:
            ids = [production_id] if production_id is not None else list(self._productions)
            for pid in ids:
                self._productions.pop(pid, None)
                self._revisions[pid] = self._revisions.get(pid, 0) + 1

    def strips(self, production_id: str) -> dict[str, StripPublic]:
        """Every strip of the production as the API shows it (cached per revision)."""
        production = self.production(production_id)
        key = (production_id, self.revision(production_id), id(production))
        with self._lock:
            found = self._strips.get(key)
        if found is not None:
            return found
        records = {sid: strip_public(s) for sid, s in production.strips().items()}
        with self._lock:
            self._strips = {key: records}
        return records


def _set_synchronous(store: Store, mode: str) -> None:
    """Apply the `synchronous` pragma to every connection the store opens from now on."""

    @event.listens_for(store.engine, "connect")
    def _pragma(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA synchronous = {mode}")
        cursor.close()

    store.engine.dispose()  # connections opened before the listener close now

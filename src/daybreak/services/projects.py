"""Opening projects and reading or writing whole productions: the one way in to the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from daybreak.domain import Production
from daybreak.store import Store


@contextmanager
def open_store(
    project: str | Path | None, *, db: str | None = None, create: bool = False
) -> Iterator[Store]:
    """Open the project file (or `--db` URL, or DAYBREAK_DB) for the length of a block."""
    store = Store.open(project, db=db, create=create)
    try:
        yield store
    finally:
        store.close()


def load_production(
    project: str | Path | None, production: str | None = None, *, db: str | None = None
) -> Production:
    """The production named (by id or name), or the only one in the project."""
    with open_store(project, db=db) as store:
        return store.load(production)


def save_production(
    project: str | Path | None,
    production: Production,
    *,
    db: str | None = None,
    create: bool = False,
) -> None:
    """Replace the stored production with this one, in one transaction."""
    with open_store(project, db=db, create=create) as store:
        store.save(production)

"""The import use case: read a file, then create or update a production in the project."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from daybreak.domain import BoardSection, Production, StripGroup, derived_id
from daybreak.importers import SCREENPLAY_SUFFIXES, read_production
from daybreak.services.projects import open_store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ImportReport:
    """What an import did: created or updated which production, with what in it."""

    source: str
    project: str
    production_id: str
    production: str
    action: str  # "created" or "updated"
    scenes: int
    elements: int
    boards: int
    changes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def import_file(
    path: str | Path,
    project: str | Path | None,
    *,
    db: str | None = None,
    production: str | None = None,
) -> ImportReport:
    """Read `path` and store it in the project (created if needed), in one transaction.

    A production with the same id is updated: a schedule file replaces it; a revised
    screenplay is merged so placed strips keep their place. The file is read and checked
    whole before the project is opened for writing, so bad input changes nothing.
    """
    incoming = read_production(path)
    if production:
        incoming.name = production
    with open_store(project, db=db, create=True) as store:
        existing_ids = {p.id for p in store.productions()}
        changes: list[str] = []
        result = incoming
        if incoming.id in existing_ids:
            action = "updated"
            if Path(path).suffix.lower() in SCREENPLAY_SUFFIXES:
                result, changes = _merge_revision(store.load(incoming.id), incoming)
        else:
            action = "created"
        store.save(result)
        log.info("%s production %s from %s", action, result.name, path)
        return ImportReport(
            source=str(path),
            project=store.name,
            production_id=result.id,
            production=result.name,
            action=action,
            scenes=len(result.scenes),
            elements=len(result.elements),
            boards=len(result.boards),
            changes=changes,
        )


def _merge_revision(current: Production, revised: Production) -> tuple[Production, list[str]]:
    """Merge a revised script into the stored production; new scenes go to each boneyard."""
    from daybreak.importers.screenplay.revision import merge_revision

    summary = merge_revision(current, revised, color=revised.script_color)
    for board in current.boards:
        boneyard = board.boneyard
        if boneyard is None:
            boneyard = BoardSection(id=derived_id(board.id, "boneyard"), name="boneyard")
            board.sections.append(boneyard)
        placed = set(board.placed_strip_ids) | set(boneyard.strip_ids)
        new = [sid for sid in summary.added if sid not in placed]
        if new:
            boneyard.groups.append(StripGroup(new, is_day=False))
    return current, [summary.text]

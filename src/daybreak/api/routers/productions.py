"""Productions, their change log and undo."""

from __future__ import annotations

from fastapi import APIRouter, Query

from daybreak.api import schemas
from daybreak.api.deps import AuthorDep, ProductionDep, ProductionIdDep, StateDep, StoreDep
from daybreak.api.mappers import board_public, production_public
from daybreak.services.boards import undo_last

router = APIRouter(tags=["productions"])


@router.get("/productions", response_model=list[schemas.ProductionPublic])
def list_productions(state: StateDep) -> list[schemas.ProductionPublic]:
    """Every production of the project."""
    return [production_public(state.production(s.id), s.boards) for s in state.store.productions()]


@router.get("/productions/{production_id}", response_model=schemas.ProductionPublic)
def get_production(
    state: StateDep, production_id: ProductionIdDep, production: ProductionDep
) -> schemas.ProductionPublic:
    """One production's header and counts."""
    boards = next(s.boards for s in state.store.productions() if s.id == production_id)
    return production_public(production, boards)


@router.get("/productions/{production_id}/changes", response_model=list[schemas.ChangePublic])
def list_changes(
    store: StoreDep,
    production_id: ProductionIdDep,
    limit: int = Query(100, ge=1, le=1000),
) -> list[schemas.ChangePublic]:
    """The change log, newest first: who changed what, and when."""
    return [
        schemas.ChangePublic(
            id=c.id,
            board_id=c.board_id,
            at=c.at.isoformat(),
            author=c.author,
            action=c.action,
            undone=c.undone,
        )
        for c in store.changes(production_id, limit=limit)
    ]


@router.post("/productions/{production_id}/undo", response_model=schemas.UndoResult)
def undo(
    store: StoreDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    author: AuthorDep,
    body: schemas.UndoRequest | None = None,
) -> schemas.UndoResult:
    """Undo the newest change still in force (of one board when `board_id` is given)."""
    done = undo_last(store, production_id, board_id=body.board_id if body else None, author=author)
    board = done["board"]
    return schemas.UndoResult(
        change=done["change"],
        action=done["action"],
        board=board_public(production, board) if board is not None else None,
    )

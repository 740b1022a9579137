"""Boards (scenarios): list, read with cost, copy, rename, delete; strip moves, day breaks,
the boneyard and undo. Every edit names the version it was made on (409 when stale)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from daybreak.api import schemas
from daybreak.api.deps import AuthorDep, BoardDep, ProductionDep, ProductionIdDep, StateDep
from daybreak.api.mappers import board_public, board_summary
from daybreak.api.state import AppState
from daybreak.domain import Board, Production
from daybreak.services import boards as service
from daybreak.services.browse import board_record

router = APIRouter(tags=["boards"])
BOARD = "/productions/{production_id}/boards/{board_id}"
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": schemas.ConflictPublic, "description": "The board changed meanwhile."}
}


def _cost(state: AppState, production_id: str, production: Production, board: Board) -> Any:
    return service.evaluate_board(
        production, board, cache=state.evaluations, revision=state.revision(production_id)
    )


def _edit(
    state: AppState,
    production_id: str,
    board: Board,
    version: int,
    edit: Callable[[Board], Board],
    author: str,
    action: str,
) -> schemas.EditResult:
    production = state.production(production_id)
    new = service.apply_edit(
        state.store,
        production_id,
        board.id,
        version,
        edit,
        author=author,
        action=action,
        current=board,
    )
    return schemas.EditResult(
        board=board_public(production, new),
        cost=schemas.CostPanel.model_validate(_cost(state, production_id, production, new)),
    )


@router.get("/productions/{production_id}/boards", response_model=list[schemas.BoardSummary])
def list_boards(
    state: StateDep, production_id: ProductionIdDep, production: ProductionDep
) -> list[schemas.BoardSummary]:
    """Every board with its day count, pages and dates."""
    return [
        board_summary(board_record(production, b))
        for b in service.load_boards(state.store, production_id)
    ]


@router.post(
    "/productions/{production_id}/boards",
    response_model=schemas.BoardPublic,
    status_code=status.HTTP_201_CREATED,
)
def copy_board(
    state: StateDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    author: AuthorDep,
    body: schemas.BoardCopy,
) -> schemas.BoardPublic:
    """A new board copied from another one (a new scenario to try things on)."""
    try:
        source = state.store.load_board(production_id, body.source_id)
    except service.DaybreakError:
        raise HTTPException(404, f"no board {body.source_id!r}") from None
    new = service.copy_board(source, body.name)
    saved = service.add_board(
        state.store, production_id, new, author=author, action=f"copy board {source.name!r}"
    )
    return board_public(production, saved)


@router.get(BOARD, response_model=schemas.BoardView)
def get_board(
    state: StateDep, production_id: ProductionIdDep, production: ProductionDep, board: BoardDep
) -> schemas.BoardView:
    """The stripboard screen: sections, days (date, pages), strips and the cost panel."""
    return schemas.BoardView(
        board=board_public(production, board),
        strips=state.strips(production_id),
        cost=schemas.CostPanel.model_validate(_cost(state, production_id, production, board)),
    )


@router.get(BOARD + "/cost", response_model=schemas.CostPanel)
def get_cost(
    state: StateDep, production_id: ProductionIdDep, production: ProductionDep, board: BoardDep
) -> schemas.CostPanel:
    """The cost panel of a board, from the engine's evaluator."""
    return schemas.CostPanel.model_validate(_cost(state, production_id, production, board))


@router.patch(BOARD, response_model=schemas.BoardPublic, responses=CONFLICT)
def rename_board(
    state: StateDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.BoardUpdate,
) -> schemas.BoardPublic:
    """Rename a board."""
    new = service.apply_edit(
        state.store,
        production_id,
        board.id,
        body.version,
        lambda b: service.rename_board(b, body.name),
        author=author,
        action=f"rename board {board.name!r} to {body.name.strip()!r}",
    )
    return board_public(production, new)


@router.delete(BOARD, status_code=status.HTTP_204_NO_CONTENT, responses=CONFLICT)
def delete_board(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    version: int = Query(ge=0),
) -> Response:
    """Delete a board (undo brings it back)."""
    service.delete_board(state.store, production_id, board.id, version, author=author)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(BOARD + "/moves", response_model=schemas.EditResult, responses=CONFLICT)
def move_strips(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.MoveRequest,
) -> schemas.EditResult:
    """Move strips to a shoot day, a group or a section, at an index; returns the new
    board and its cost."""
    target = service.MoveTarget(
        section=body.section, group=body.group, day=body.day, index=body.index
    )
    where = f"day {body.day}" if body.day is not None else "a new place"
    return _edit(
        state,
        production_id,
        board,
        body.version,
        lambda b: service.move_strips(b, body.strip_ids, target),
        author,
        f"move {len(body.strip_ids)} strip(s) to {where}",
    )


@router.post(BOARD + "/boneyard", response_model=schemas.EditResult, responses=CONFLICT)
def to_boneyard(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.BoneyardRequest,
) -> schemas.EditResult:
    """Move strips to the boneyard (out of the schedule, kept on the board)."""
    return _edit(
        state,
        production_id,
        board,
        body.version,
        lambda b: service.to_boneyard(b, body.strip_ids),
        author,
        f"move {len(body.strip_ids)} strip(s) to the boneyard",
    )


@router.post(BOARD + "/day-breaks", response_model=schemas.EditResult, responses=CONFLICT)
def insert_day_break(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    body: schemas.DayBreakCreate,
) -> schemas.EditResult:
    """Insert a day break after a strip (the strips before it become a shoot day)."""
    return _edit(
        state,
        production_id,
        board,
        body.version,
        lambda b: service.insert_day_break(b, after=body.after, group=body.group, index=body.index),
        author,
        "insert a day break",
    )


@router.delete(BOARD + "/day-breaks/{day}", response_model=schemas.EditResult, responses=CONFLICT)
def remove_day_break(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    day: int,
    version: int = Query(ge=0),
) -> schemas.EditResult:
    """Remove the day break that ends shoot day `day`."""
    return _edit(
        state,
        production_id,
        board,
        version,
        lambda b: service.remove_day_break(b, day),
        author,
        f"remove the day break after day {day}",
    )


@router.post(BOARD + "/undo", response_model=schemas.UndoResult)
def undo_board(
    state: StateDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    board: BoardDep,
    author: AuthorDep,
) -> schemas.UndoResult:
    """Undo the newest change of this board still in force."""
    done = service.undo_last(state.store, production_id, board_id=board.id, author=author)
    restored = done["board"]
    return schemas.UndoResult(
        change=done["change"],
        action=done["action"],
        board=board_public(production, restored) if restored is not None else None,
    )

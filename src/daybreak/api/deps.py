"""Dependencies injected into the routers, as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Path, Request

from daybreak.api.state import AppState
from daybreak.domain import Board, Production
from daybreak.errors import DaybreakError
from daybreak.store import Store


async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.daybreak
    return state


StateDep = Annotated[AppState, Depends(get_state)]


async def get_store(state: StateDep) -> Store:
    return state.store


StoreDep = Annotated[Store, Depends(get_store)]


async def get_production_id(
    state: StateDep, production_id: Annotated[str, Path(max_length=400)]
) -> str:
    """The production's id (by id or name): 404 when the project has none such."""
    found = state.resolve(production_id)
    if found is None:
        raise HTTPException(404, f"no production {production_id!r}")
    return found


ProductionIdDep = Annotated[str, Depends(get_production_id)]


def get_production(state: StateDep, production_id: ProductionIdDep) -> Production:
    return state.production(production_id)


ProductionDep = Annotated[Production, Depends(get_production)]


def get_board(
    store: StoreDep,
    production_id: ProductionIdDep,
    board_id: Annotated[str, Path(max_length=64)],
) -> Board:
    try:
        return store.load_board(production_id, board_id)
    except DaybreakError:
        raise HTTPException(404, f"no board {board_id!r}") from None


BoardDep = Annotated[Board, Depends(get_board)]


async def get_author(
    state: StateDep,
    x_daybreak_user: Annotated[str | None, Header(max_length=200)] = None,
) -> str:
    """Who makes the change: the ``X-Daybreak-User`` header, else the configured author."""
    name = (x_daybreak_user or "").strip()
    return name or state.settings.author


AuthorDep = Annotated[str, Depends(get_author)]

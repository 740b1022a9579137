"""During the shoot: a board's shoot log (what each day shot) and progress against it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from daybreak.api import shoot_schemas as schemas
from daybreak.api.deps import AuthorDep, BoardDep, ProductionIdDep, StateDep
from daybreak.api.state import AppState
from daybreak.domain import Board, Production, ShotStatus, format_eighths
from daybreak.services import shoot_log
from daybreak.services.boards import day_summaries
from daybreak.services.shooting import progress

router = APIRouter(tags=["shoot"])
LOG = "/productions/{production_id}/boards/{board_id}/log"
DayPath = Annotated[int, Path(ge=1, le=10_000, description="The shoot day (1-based).")]


def shoot_log_public(production: Production, board: Board) -> schemas.ShootLogPublic:
    """Every shoot day of the board (and any logged day past its end) with its log."""
    scenes = {s.id: s for s in production.scenes}
    summaries = day_summaries(production, board)
    days = board.days
    logged = {d.day_number: d for d in production.shoot_log if d.board_id == board.id}
    out = []
    for number in range(1, max([len(days), *logged]) + 1):
        strip_ids = list(days[number - 1]) if number <= len(days) else []
        log = logged.get(number)
        records = [
            schemas.ShotRecordPublic(
                scene_id=r.scene_id,
                number=scenes[r.scene_id].number if r.scene_id in scenes else None,
                status=r.status.value,
                eighths_done=r.eighths_done,
                pages_done=format_eighths(r.eighths_done),
                reshoot=r.reshoot,
            )
            for r in (log.records if log else [])
        ]
        scheduled = summaries[number - 1]["eighths"] if number <= len(summaries) else 0
        out.append(
            schemas.ShootDayPublic(
                day=number,
                date=summaries[number - 1]["date"] if number <= len(summaries) else None,
                strip_ids=strip_ids,
                scheduled_eighths=scheduled,
                scheduled_pages=format_eighths(scheduled),
                logged=log is not None,
                shot_on=log.on.isoformat() if log else None,
                note=log.notes if log else None,
                records=records,
                shot_eighths=sum(r.eighths_done for r in records if r.status != "added"),
                added_eighths=sum(r.eighths_done for r in records if r.status == "added"),
            )
        )
    return schemas.ShootLogPublic(
        board_id=board.id,
        board_version=board.version,
        days=out,
        progress=schemas.ProgressPublic.model_validate(progress(production, board)),
    )


def _refresh(state: AppState, production_id: str, written: Production) -> Production:
    """The cached production gets the shoot log just written (nothing else changed)."""
    cached = state.production(production_id)
    cached.shoot_log = written.shoot_log
    return written


@router.get(LOG, response_model=schemas.ShootLogPublic)
def get_log(
    state: StateDep, production_id: ProductionIdDep, board: BoardDep
) -> schemas.ShootLogPublic:
    """The board's shoot log day by day, and progress: scheduled against shot pages,
    cumulative, days ahead or behind."""
    return shoot_log_public(state.production(production_id), board)


@router.put(LOG + "/{day}", response_model=schemas.ShootLogPublic)
def put_day(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    day: DayPath,
    body: schemas.DayLogIn,
) -> schemas.ShootLogPublic:
    """Record (or replace) what shoot day `day` shot: scenes complete, partly shot (with
    the eighths done), not shot, and earlier scenes added (pick-ups, reshoots)."""
    entries = [
        shoot_log.EntryInput(e.scene, ShotStatus(e.status), e.eighths_done, e.reshoot)
        for e in body.entries
    ]
    written = shoot_log.record_day(
        state.store,
        production_id,
        board.id,
        day,
        entries,
        on=body.date,
        notes=body.note,
        author=author,
    )
    return shoot_log_public(_refresh(state, production_id, written), board)


@router.delete(LOG + "/{day}", response_model=schemas.ShootLogPublic)
def delete_day(
    state: StateDep,
    production_id: ProductionIdDep,
    board: BoardDep,
    author: AuthorDep,
    day: DayPath,
) -> schemas.ShootLogPublic:
    """Clear the log of shoot day `day` (it counts as not logged again)."""
    written = shoot_log.clear_day(state.store, production_id, board.id, day, author=author)
    return shoot_log_public(_refresh(state, production_id, written), board)

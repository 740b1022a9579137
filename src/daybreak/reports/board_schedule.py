"""A board's own day split as the engine sees it: ProblemData + Schedule, then evaluate.

Reports never count holds themselves: they turn the board into the engine's problem and
schedule here and read every work, hold, drop, travel and paid day from
:func:`daybreak.engine.evaluate.evaluate`. For a DOOD of another element category
(props, vehicles...), :func:`category_problem` puts that category's elements in the
performer slots of the same problem, so the same evaluator derives their days.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from daybreak.domain import Board, CategoryKind, Element, Production, cast_sort_key
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import Evaluation, evaluate
from daybreak.engine.problem import CastData, ProblemData
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError


@dataclass(frozen=True, slots=True)
class BoardSchedule:
    """A board's days with their dates, the engine's problem and schedule, and its evaluation.

    ``day_strips[d]`` are the strip ids of shoot day ``d`` (banners included, board order);
    ``dates[d]`` its date; ``elements[c]`` the element behind the evaluator's performer
    ``c``.
    """

    board: Board
    day_strips: tuple[tuple[str, ...], ...]
    dates: tuple[date, ...]
    data: ProblemData
    schedule: Schedule
    evaluation: Evaluation
    elements: tuple[Element, ...]

    @property
    def num_days(self) -> int:
        return len(self.day_strips)


def board_days(production: Production, board: Board) -> tuple[list[list[str]], list[date]]:
    """The board's shoot days (strip ids) and their dates from the board's calendar."""
    days = board.days
    if not days:
        raise DaybreakError(
            f"board {board.name!r} is not split into days; add day breaks first", where="--board"
        )
    calendar = production.board_calendar(board)
    if calendar is None or calendar.start is None:
        raise DaybreakError(f"board {board.name!r} has no calendar with a start date")
    return days, calendar.shoot_dates(len(days))


def board_schedule(
    production: Production, board: Board, category_id: str | None = None
) -> BoardSchedule:
    """Compile the board, place each scene on its board day, and evaluate it.

    ``category_id`` (None: cast) chooses whose days the evaluator counts. Each element's
    own hold and drop rules (USS isHold, isDrop, dropDayCount) are honoured by the engine.
    """
    days, dates = board_days(production, board)
    data = compile_problem(production, board, days=len(days))
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    schedule = Schedule.of([[index[s] for s in day if s in index] for day in days])
    elements: tuple[Element, ...]
    if category_id is None or _is_cast(production, category_id):
        by_id = {e.id: e for e in production.elements}
        elements = tuple(by_id[c.element_id] for c in data.cast)
    else:
        data, elements = category_problem(production, data, category_id)
    evaluation = evaluate(data, schedule)
    return BoardSchedule(
        board=board,
        day_strips=tuple(tuple(day) for day in days),
        dates=tuple(dates),
        data=data,
        schedule=schedule,
        evaluation=evaluation,
        elements=elements,
    )


def category_problem(
    production: Production, data: ProblemData, category_id: str
) -> tuple[ProblemData, tuple[Element, ...]]:
    """The same problem with one category's elements in the performer slots."""
    category = production.category(category_id)
    members = sorted(
        (e for e in production.elements if e.category_id == category.id and e.is_dood),
        key=cast_sort_key,
    )
    slot = {e.id: i for i, e in enumerate(members)}
    scenes = {s.id: s for s in production.scenes}
    scene_cast = tuple(
        tuple(sorted(slot[e] for e in scenes[sid].element_ids if e in slot))
        for sid in data.scene_ids
    )
    cast = tuple(
        CastData(
            name=e.label,
            rate=e.daily_rate if e.daily_rate is not None else (e.daily_cost or 0.0),
            allow_hold=e.allow_hold,
            allow_drop=e.allow_drop,
            drop_min_gap=e.drop_day_count,
            max_drops=e.max_drops,
            travel_days=e.travel_days,
            element_id=e.id,
        )
        for e in members
    )
    return replace(data, cast=cast, scene_cast=scene_cast), tuple(members)


def _is_cast(production: Production, category_id: str) -> bool:
    return production.category(category_id).kind is CategoryKind.CAST

"""The board-editing use cases: pure edits, versioned writes, undo, the cost panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from daybreak.domain import Board
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.services import boards as service
from daybreak.services.demo_production import northbound
from daybreak.store import ConflictError, Store
from tests.web.conftest import demo_project, first_pass


@pytest.fixture
def board() -> Board:
    return first_pass(northbound())


def test_move_to_a_day_keeps_every_strip_once(board: Board) -> None:
    """Moving a strip to another day takes it out of its day and puts it at the index."""
    strip = board.days[0][0]
    moved = service.move_strips(board, [strip], service.MoveTarget(day=3, index=1))
    assert moved.days[2][1] == strip
    assert strip not in moved.days[0]
    assert sorted(moved.placed_strip_ids) == sorted(board.placed_strip_ids)
    assert board.days[0][0] == strip  # the original is untouched


def test_multi_strip_move_keeps_board_order(board: Board) -> None:
    """Several strips move as a block, in their board order, whatever order they are named."""
    a, b = board.days[0][0], board.days[1][0]
    moved = service.move_strips(board, [b, a], service.MoveTarget(day=4, index=0))
    assert moved.days[3][:2] == [a, b]


def test_day_breaks_insert_and_remove(board: Board) -> None:
    """A break after a strip splits its day in two; removing it joins them again."""
    n, day = next((n, d) for n, d in enumerate(board.days) if len(d) >= 2)
    split = service.insert_day_break(board, after=day[0])
    assert len(split.days) == len(board.days) + 1
    assert split.days[n] == [day[0]] and split.days[n + 1] == day[1:]
    joined = service.remove_day_break(split, n + 1)
    assert joined.days == board.days


def test_boneyard_round_trip(board: Board) -> None:
    """Strips sent to the boneyard leave the schedule and can be moved back to a day."""
    strip = board.days[0][0]
    yard = service.to_boneyard(board, [strip])
    assert yard.boneyard is not None and strip in yard.boneyard.strip_ids
    assert strip not in yard.placed_strip_ids
    back = service.move_strips(yard, [strip], service.MoveTarget(day=1, index=0))
    assert back.days[0][0] == strip


def test_unknown_strip_and_day_are_refused(board: Board) -> None:
    """Moves naming a strip or day that does not exist raise a DaybreakError."""
    with pytest.raises(DaybreakError):
        service.move_strips(board, ["nope"], service.MoveTarget(day=1))
    with pytest.raises(DaybreakError):
        service.move_strips(board, [board.days[0][0]], service.MoveTarget(day=999))


def test_cost_panel_is_the_evaluator_total(board: Board) -> None:
    """evaluate_board reports exactly what the engine's evaluate() gives for the board."""
    production = northbound()
    panel = service.evaluate_board(production, board)
    data = compile_problem(production, board, days=len(board.days))
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    expected = evaluate(data, Schedule.of([[index[s] for s in d] for d in board.days]))
    assert panel["total"] == expected.total
    assert panel["counts"] == expected.counts
    assert len(panel["violations"]) == len(expected.violations)


def test_board_without_days_has_no_cost() -> None:
    """A board not split into days says so instead of showing a cost."""
    production = northbound()
    panel = service.evaluate_board(production, production.boards[0])
    assert panel["available"] is False and panel["note"]


def test_versioned_edit_conflict_and_undo(tmp_path: Path) -> None:
    """An edit on an old version is refused with the current board; undo restores."""
    project = demo_project(tmp_path)
    with Store.open(project) as store:
        pid = store.resolve()
        board = next(b for b in service.load_boards(store, pid) if b.days)
        strip = board.days[0][0]

        def edit(b: Board) -> Board:
            return service.move_strips(b, [strip], service.MoveTarget(day=2, index=0))

        saved = service.apply_edit(
            store, pid, board.id, board.version, edit, author="a", action="m"
        )
        assert saved.version == board.version + 1
        with pytest.raises(ConflictError) as caught:
            service.apply_edit(store, pid, board.id, board.version, edit, author="b", action="m")
        assert caught.value.current.version == saved.version
        done = service.undo_last(store, pid, board_id=board.id, author="a")
        assert done["board"].days == board.days
        with pytest.raises(DaybreakError):
            service.undo_last(store, pid, board_id=board.id, author="a")


def test_copy_delete_and_undo_delete(tmp_path: Path) -> None:
    """A copied board is a new scenario; a deleted board comes back with undo."""
    project = demo_project(tmp_path)
    with Store.open(project) as store:
        pid = store.resolve()
        board = service.load_boards(store, pid)[-1]
        copy = service.add_board(
            store, pid, service.copy_board(board, "Try"), author="a", action="copy"
        )
        assert copy.id != board.id and copy.days == board.days
        service.delete_board(store, pid, copy.id, copy.version, author="a")
        assert copy.id not in {b.id for b in service.load_boards(store, pid)}
        service.undo_last(store, pid, author="a")
        assert copy.id in {b.id for b in service.load_boards(store, pid)}

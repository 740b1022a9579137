"""The joint solve: two films sharing three performers and a location, no double booking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from daybreak.domain import Board, Production
from daybreak.errors import DaybreakError
from daybreak.services.bookings import board_bookings
from daybreak.services.conflicts import find_conflicts
from daybreak.services.joint import _solve_after, schedule_joint
from daybreak.services.registry import auto_link, link_element
from daybreak.store import Store
from tests.services.two_films import (
    SHARED,
    expected_overlaps,
    performer_booked,
    project,
    shoot_dates,
)


def _pier_dates(production: Production, board: Board) -> set[date]:
    """Dates a scene is shot at Old Pier (independent of daybreak's services)."""
    pier = next(e.id for e in production.elements if e.name == "Old Pier")
    start = production.calendars[0].start
    assert start is not None
    dates = shoot_dates(start, len(board.days))
    scenes = {s.id: s for s in production.scenes}
    return {
        dates[i]
        for i, day in enumerate(board.days)
        if any(pier in scenes[sid].element_ids for sid in day)
    }


def test_joint_solve_leaves_no_double_booking(tmp_path: Path) -> None:
    path = tmp_path / "two.daybreak"
    project(path)
    with Store.open(path) as store:
        auto_link(store)
        link_element(store, "RIVER", "Old Pier", "Old Pier", create=True)
        link_element(store, "HARBOR", "Old Pier", "Old Pier")
        before_a, before_b = store.load("RIVER"), store.load("HARBOR")
        assert expected_overlaps(
            before_a, before_a.board("Shoot"), before_b, before_b.board("Shoot")
        )
        outcome = schedule_joint(store, "RIVER", "HARBOR", time_limit=6, seed=1)
        a, b = store.load("RIVER"), store.load("HARBOR")
        remaining = find_conflicts(store)
    a_board, b_board = a.boards[-1], b.boards[-1]
    assert a_board.id == outcome.a.board.id and b_board.id == outcome.b.board.id
    # Independent re-check: no shared performer or location is booked twice on any date.
    assert expected_overlaps(a, a_board, b, b_board) == {}
    assert not _pier_dates(a, a_board) & _pier_dates(b, b_board)
    assert remaining == []
    # Every strip is shot exactly once, and the stored productions gained only one board.
    for production, board, old in ((a, a_board, before_a), (b, b_board, before_b)):
        placed = [sid for day in board.days for sid in day]
        assert sorted(placed) == sorted(old.board("Shoot").placed_strip_ids)
        assert len(production.boards) == len(old.boards) + 1
        assert all(e.availability.is_empty for e in production.elements)
    assert outcome.record["total"] == outcome.a.total + outcome.b.total
    assert outcome.record["conflicts"] == 0


def test_joint_needs_two_different_productions(tmp_path: Path) -> None:
    path = tmp_path / "two.daybreak"
    project(path)
    with Store.open(path) as store:
        with pytest.raises(DaybreakError, match="two different"):
            schedule_joint(store, "RIVER", "RIVER")
        with pytest.raises(DaybreakError, match="--rounds"):
            schedule_joint(store, "RIVER", "HARBOR", rounds=1)


def test_back_to_back_fallback_puts_shared_work_after_the_other_booking(tmp_path: Path) -> None:
    path = tmp_path / "two.daybreak"
    project(path)
    with Store.open(path) as store:
        auto_link(store)
        river, harbor = store.load("RIVER"), store.load("HARBOR")
    fixed = board_bookings(river, river.board("Shoot")).bookings
    assert fixed
    solved = _solve_after(
        harbor, [], fixed, board="Shoot", time_limit=5, seed=0, name="Back to back"
    )
    assert solved is not None
    placed = [sid for day in solved.board.days for sid in day]
    assert sorted(placed) == sorted(harbor.board("Shoot").placed_strip_ids)
    # Independent check: every shared performer's HARBOR dates (work, holds, travel) come
    # after their RIVER dates (and RIVER's travel home).
    for performer in SHARED:
        river_dates = performer_booked(river, river.board("Shoot"), performer)
        harbor_dates = performer_booked(harbor, solved.board, performer)
        assert river_dates and harbor_dates
        assert min(harbor_dates) > max(river_dates), performer

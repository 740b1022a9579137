"""Conflicts across productions, checked against counts made from the boards by hand."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest

from daybreak.domain import Board, Production
from daybreak.errors import DaybreakError
from daybreak.services.conflicts import conflicts_record, find_conflicts
from daybreak.services.registry import auto_link, link_element
from daybreak.store import Store
from tests.services.two_films import (
    SHARED,
    TRAVEL,
    expected_overlaps,
    performer_booked,
    project,
    shoot_dates,
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    path = tmp_path / "two.daybreak"
    project(path)
    opened = Store.open(path)
    auto_link(opened)
    yield opened  # type: ignore[misc]
    opened.close()


def _fewest_moves(production: Production, board: Board, performer: str, other: set[date]) -> int:
    """Brute force: keep the largest set of work days whose paid span misses `other`."""
    element_ids = {e.id for e in production.elements if e.performer == performer}
    start = production.calendars[0].start
    assert start is not None
    dates = shoot_dates(start, len(board.days))
    scenes = {s.id: s for s in production.scenes}
    work = [
        i
        for i, day in enumerate(board.days)
        if any(element_ids & set(scenes[sid].element_ids) for sid in day)
    ]
    travel = TRAVEL.get(performer, 0)
    best = 0
    for size in range(len(work), 0, -1):
        for keep in itertools.combinations(work, size):
            paid = set(dates[keep[0] : keep[-1] + 1])
            for k in range(1, travel + 1):
                paid |= {dates[keep[0]] - timedelta(days=k), dates[keep[-1]] + timedelta(days=k)}
            if not paid & other:
                best = size
                break
        if best:
            break
    return len(work) - best


def test_conflicts_are_found_exactly(store: Store) -> None:
    a, b = store.load("RIVER"), store.load("HARBOR")
    a_board, b_board = a.board("Shoot"), b.board("Shoot")
    expected = expected_overlaps(a, a_board, b, b_board)
    assert len(expected) == 3  # the fixture makes all three shared performers clash
    found = find_conflicts(store)
    by_name = {c.name: c for c in found}
    assert {name: set(c.overlap) for name, c in by_name.items()} == expected
    for performer in SHARED:
        conflict = by_name[performer]
        sides = {conflict.a.production: conflict.a, conflict.b.production: conflict.b}
        a_booked = performer_booked(a, a_board, performer)
        b_booked = performer_booked(b, b_board, performer)
        assert set(sides["RIVER"].dates) == a_booked
        assert set(sides["HARBOR"].dates) == b_booked
        moves = {
            "RIVER": _fewest_moves(a, a_board, performer, b_booked),
            "HARBOR": _fewest_moves(b, b_board, performer, a_booked),
        }
        assert conflict.a_days_to_move == moves[conflict.a.production]
        assert conflict.b_days_to_move == moves[conflict.b.production]
        assert conflict.days_to_move == min(moves.values())
    record = conflicts_record(found)
    assert record["count"] == 3
    assert record["overlap_days"] == sum(len(d) for d in expected.values())


def test_a_linked_location_clashes_on_the_days_both_shoot_there(store: Store) -> None:
    link_element(store, "RIVER", "Old Pier", "Old Pier", create=True)
    link_element(store, "HARBOR", "Old Pier", "Old Pier")
    pier = [c for c in find_conflicts(store) if c.name == "Old Pier"]
    assert len(pier) == 1
    # RIVER shoots DOCK scenes on days 1 and 4, HARBOR QUAY scenes on days 2 and 3.
    assert pier[0].overlap == (date(2027, 3, 4),)
    assert pier[0].days_to_move == 1


def test_filter_and_board_choice(store: Store) -> None:
    assert len(find_conflicts(store, "HARBOR")) == 3
    with pytest.raises(DaybreakError, match="no shoot days"):
        find_conflicts(store, boards={"RIVER": "Script Order"})
    with pytest.raises(DaybreakError, match="no board named"):
        find_conflicts(store, boards={"RIVER": "Nope"})
    with pytest.raises(DaybreakError, match="no production"):
        find_conflicts(store, boards={"Nope": "Shoot"})


def test_unlinked_performers_never_clash(tmp_path: Path) -> None:
    path = tmp_path / "plain.daybreak"
    project(path)
    with Store.open(path) as plain:
        assert find_conflicts(plain) == []

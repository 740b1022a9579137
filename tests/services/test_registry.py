"""The talent registry: entries shared across productions, links by hand and by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from daybreak.errors import DaybreakError
from daybreak.services.bookings import bookings_elsewhere, with_bookings
from daybreak.services.registry import auto_link, link_element, registry_listing, unlink_element
from daybreak.store import Store
from daybreak.store.tables import ElementRow
from tests.services.two_films import SHARED, harbor, project, river


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    path = tmp_path / "two.daybreak"
    project(path)
    opened = Store.open(path)
    yield opened  # type: ignore[misc]
    opened.close()


def _linked(store: Store) -> dict[str, set[str]]:
    """Entry name -> 'production: element' labels, from the listing."""
    return {
        e["name"]: {f"{x['production']}: {x['element']}" for x in e["elements"]}
        for e in registry_listing(store)
    }


def test_auto_link_matches_performers_shared_by_two_productions(store: Store) -> None:
    made = auto_link(store)
    assert len(made) == 6
    assert _linked(store) == {
        "Ana Ruiz": {"RIVER: 1. MAYA", "HARBOR: 1. ELENA"},
        "Ben Okafor": {"RIVER: 2. TOM", "HARBOR: 2. CAPTAIN"},
        "Chloe Marsh": {"RIVER: 3. IRIS", "HARBOR: 3. DOCTOR"},
    }
    assert auto_link(store) == []  # nothing left to link


def test_links_are_stored_in_the_element_and_survive_a_save(store: Store) -> None:
    auto_link(store)
    production = store.load("RIVER")
    maya = next(e for e in production.cast if e.performer == "Ana Ruiz")
    assert maya.talent_id is not None
    store.save(production)  # a whole-production save keeps the link
    again = store.load("RIVER")
    assert again.element(maya.id).talent_id == maya.talent_id
    with Session(store.engine) as session:
        column = session.scalar(select(ElementRow.talent_id).where(ElementRow.id == maya.id))
    assert column == maya.talent_id


def test_explicit_link_new_entry_then_by_name(store: Store) -> None:
    first = link_element(store, "RIVER", "Old Pier", "Old Pier", create=True)
    assert first.created and first.entry.kind.value == "location"
    second = link_element(store, "HARBOR", "old pier", "OLD PIER")
    assert not second.created and second.entry.id == first.entry.id
    assert _linked(store)["Old Pier"] == {"RIVER: Old Pier", "HARBOR: Old Pier"}
    assert unlink_element(store, "HARBOR", "Old Pier") == "Old Pier"
    assert _linked(store)["Old Pier"] == {"RIVER: Old Pier"}


def test_bad_links_are_refused_and_change_nothing(store: Store) -> None:
    link_element(store, "RIVER", "Old Pier", "Old Pier", create=True)
    before = store.load("RIVER"), store.load("HARBOR")
    with pytest.raises(DaybreakError, match="add --new"):
        link_element(store, "RIVER", "MAYA", "Nobody")
    with pytest.raises(DaybreakError, match="is a location"):
        link_element(store, "RIVER", "MAYA", "Old Pier")
    with pytest.raises(DaybreakError, match="no cast member or location"):
        link_element(store, "RIVER", "KITCHEN", "Old Pier")
    with pytest.raises(DaybreakError, match="no production"):
        link_element(store, "NOPE", "MAYA", "Old Pier")
    assert (store.load("RIVER"), store.load("HARBOR")) == before


def test_bookings_elsewhere_become_unavailability_on_a_copy_only(store: Store) -> None:
    auto_link(store)
    production = store.load("HARBOR")
    bookings = bookings_elsewhere(store, production.id)
    assert {b.production for b in bookings} == {"RIVER"}
    assert {b.element for b in bookings} == {"1. MAYA", "2. TOM", "3. IRIS"}
    busy = with_bookings(production, bookings)
    elena = next(e for e in busy.cast if e.performer == "Ana Ruiz")
    maya_dates = next(b for b in bookings if b.element == "1. MAYA").dates
    assert all(not elena.works_on(day) for day in maya_dates)
    assert elena.works_on(date(2027, 3, 15))
    nina = next(e for e in busy.cast if e.performer == "Eve Stone")
    assert nina.availability.is_empty  # not linked: untouched
    assert store.load("HARBOR") == production  # nothing written
    assert all(e.availability.is_empty for e in production.cast)


@pytest.mark.postgres
def test_registry_on_postgresql(pg_url: str) -> None:
    project(db=pg_url)
    with Store.open(None, db=pg_url) as store:
        assert len(auto_link(store)) == 2 * len(SHARED)
        link_element(store, "RIVER", "Old Pier", "Old Pier", create=True)
        link_element(store, "HARBOR", "Old Pier", "Old Pier")
        listing = _linked(store)
    assert set(listing) == {*SHARED, "Old Pier"}
    assert all(len(labels) == 2 for labels in listing.values())
    with Store.open(None, db=pg_url) as store:
        assert store.load("RIVER").element(river().cast[0].id).talent_id is not None
        assert store.load("HARBOR").element(harbor().cast[0].id).talent_id is not None

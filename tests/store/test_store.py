"""The store: round trips on SQLite and PostgreSQL, refusals, migrations, transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import create_engine, text

from daybreak.domain import Production, StripGroup
from daybreak.domain.builder import ProductionBuilder
from daybreak.errors import DaybreakError
from daybreak.importers.uss import read_uss
from daybreak.store import ConflictError, Store, head_revision
from daybreak.store.location import resolve_url
from tests.strategies import productions


def small_production(name: str = "Store Test") -> Production:
    builder = ProductionBuilder(name)
    builder.scene("1", set_name="KITCHEN", int_ext="INT", time_of_day="DAY", cast=["MARY"])
    builder.scene("2", set_name="STREET", int_ext="EXT", time_of_day="NIGHT", cast=["GEORGE"])
    builder.script_order_board()
    return builder.build()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(production=productions())
def test_sqlite_round_trip_is_exact(tmp_path: Path, production: Production) -> None:
    """Whatever is saved to a project file loads back equal (property-based)."""
    path = tmp_path / "p.daybreak"
    path.unlink(missing_ok=True)
    with Store.open(path, create=True) as store:
        store.save(production)
        assert store.load() == production
        store.save(production)  # saving again replaces, never duplicates
        assert [p.id for p in store.productions()] == [production.id]


@pytest.mark.postgres
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(production=productions())
def test_postgres_round_trip_is_exact(pg_url: str, production: Production) -> None:
    """The same store on PostgreSQL by URL loads back what it saved."""
    with Store.open(None, db=pg_url) as store:
        store.save(production)
        assert store.load(production.id) == production
        store.delete(production.id)


@pytest.mark.postgres
def test_postgres_holds_the_uss_sample(pg_url: str, full_sample: Path) -> None:
    """The full USS sample saves and loads on PostgreSQL unchanged."""
    production = read_uss(full_sample)
    with Store.open(None, db=pg_url) as store:
        store.save(production)
    with Store.open(None, db=pg_url) as store:
        assert store.load() == production


def test_sqlite_file_is_marked_and_uses_wal(tmp_path: Path) -> None:
    """A project file carries daybreak's application id, WAL mode and foreign keys."""
    path = tmp_path / "p.daybreak"
    with Store.open(path, create=True) as store:
        store.save(small_production())
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x4459424B
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"INT. KITCHEN - DAY\n", "not an SQLite database"),
        (b"", "the file is empty"),
    ],
)
def test_a_file_that_is_not_a_project_is_refused_and_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    """Opening a text file or an empty file as a project fails clearly; the file is unchanged."""
    path = tmp_path / "script.daybreak"
    path.write_bytes(content)
    with pytest.raises(DaybreakError, match=message):
        Store.open(path)
    assert path.read_bytes() == content


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    """An SQLite database of another program is never written to."""
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("create table notes (body text)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DaybreakError, match="another application"):
        Store.open(path, create=True)
    assert path.read_bytes() == before


def test_missing_project_is_an_error_unless_created(tmp_path: Path) -> None:
    """Reading a project that does not exist names it; nothing is created."""
    path = tmp_path / "nope.daybreak"
    with pytest.raises(DaybreakError, match="no such project file"):
        Store.open(path)
    assert not path.exists()


def test_old_schema_is_migrated_on_open(tmp_path: Path) -> None:
    """A file written by the first schema opens, is migrated to the newest, keeps its data."""
    path = tmp_path / "old.daybreak"
    production = small_production()
    old = Store(resolve_url(path), create=True, migrate_to="0001")
    old.close()
    engine = create_engine(resolve_url(path))
    with engine.connect() as connection:
        assert (
            connection.execute(text("select version_num from alembic_version")).scalar() == "0001"
        )
        tables = set(
            connection.exec_driver_sql(
                "select name from sqlite_master where type='table'"
            ).scalars()
        )
    engine.dispose()
    assert "changes" not in tables
    with Store.open(path) as store:  # migrates
        store.save(production)
        assert store.load() == production
    engine = create_engine(resolve_url(path))
    with engine.connect() as connection:
        version = connection.execute(text("select version_num from alembic_version")).scalar()
    engine.dispose()
    assert version == head_revision()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A file from a newer daybreak is not opened (and so not damaged)."""
    path = tmp_path / "new.daybreak"
    Store.open(path, create=True).close()
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DaybreakError, match="newer daybreak"):
        Store.open(path)


def test_failed_save_leaves_stored_data_unchanged(tmp_path: Path) -> None:
    """A save that fails validation writes nothing: the stored production is as it was."""
    path = tmp_path / "p.daybreak"
    production = small_production()
    with Store.open(path, create=True) as store:
        store.save(production)
        broken = store.load()
        broken.scenes[0].element_ids.append("missing")
        with pytest.raises(DaybreakError, match="missing"):
            store.save(broken)
        assert store.load() == production


def test_board_edit_on_an_old_version_is_refused(tmp_path: Path) -> None:
    """Two editors: the second edit, made on the version both read, gets a conflict."""
    path = tmp_path / "p.daybreak"
    production = small_production()
    with Store.open(path, create=True) as store:
        store.save(production)
        board = store.load().boards[0]
        strips = board.sections[0].strip_ids
        first = store.load().boards[0]
        first.sections[0].groups = [StripGroup(list(reversed(strips)), is_day=True)]
        saved = store.save_board(production.id, first, expected_version=board.version)
        assert saved.version == board.version + 1
        second = store.load().boards[0]
        with pytest.raises(ConflictError) as info:
            store.save_board(production.id, second, expected_version=board.version)
        assert info.value.current.sections[0].groups[0].strip_ids == list(reversed(strips))
        changes = store.changes(production.id)
        assert [c.action for c in changes] == ["edit board"]


def test_saving_the_whole_production_keeps_the_change_log(tmp_path: Path) -> None:
    """A breakdown edit saves the production whole; the board changes logged before stay."""
    path = tmp_path / "p.daybreak"
    production = small_production()
    with Store.open(path, create=True) as store:
        store.save(production)
        board = store.load().boards[0]
        board.sections[0].groups = [
            StripGroup(list(reversed(board.sections[0].strip_ids)), is_day=True)
        ]
        store.save_board(production.id, board, expected_version=board.version)
        edited = store.load()
        edited.scenes[0].synopsis = "Mary burns the toast"
        store.save(edited)
        assert [c.action for c in store.changes(production.id)] == ["edit board"]
        assert store.load().scenes[0].synopsis == "Mary burns the toast"


def test_several_productions_in_one_project(tmp_path: Path) -> None:
    """One file holds several productions; naming one is required to read it."""
    path = tmp_path / "studio.daybreak"
    with Store.open(path, create=True) as store:
        store.save(small_production("Film A"))
        store.save(small_production("Film B"))
        assert [p.name for p in store.productions()] == ["Film A", "Film B"]
        with pytest.raises(DaybreakError, match="several productions"):
            store.load()
        assert store.load("Film B").name == "Film B"

"""Migration 0003 (talent registry): a 0002 project opens, keeps its data, gains the links."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, insert, text

from daybreak.domain import CategoryKind
from daybreak.domain.builder import ProductionBuilder
from daybreak.store import Store, head_revision, resolve_url
from daybreak.store.mappers import production_rows
from daybreak.store.registry import element_links, registry_entries


def _write_at_0002(path: Path) -> None:
    """A project written by the 0002 schema: no registry, no elements.talent_id column."""
    builder = ProductionBuilder("Old Film")
    builder.cast("MARY", performer="Mary Stone")
    builder.element(CategoryKind.LOCATION, "Old Pier")
    builder.scene("1", set_name="DOCK", cast=["MARY", "GEORGE"], location="Old Pier")
    builder.script_order_board()
    production = builder.build()
    production.element(production.cast[0].id).talent_id = "mary-stone"
    pier = production.elements_of(CategoryKind.LOCATION)[0]
    pier.talent_id = "old-pier"
    Store(resolve_url(path), create=True, migrate_to="0002").close()
    engine = create_engine(resolve_url(path))
    meta = MetaData()
    with engine.begin() as connection:
        for table, values in production_rows(production):
            reflected = Table(table.__tablename__, meta, autoload_with=connection)
            rows = [{k: v for k, v in row.items() if k in reflected.c} for row in values]
            if rows:
                connection.execute(insert(reflected), rows)
        assert "talent_id" not in Table("elements", MetaData(), autoload_with=connection).c
    engine.dispose()


def test_a_0002_project_is_migrated_and_keeps_its_links(tmp_path: Path) -> None:
    path = tmp_path / "old.daybreak"
    _write_at_0002(path)
    with Store.open(path) as store:  # migrates to the head
        production = store.load()
        entries = {e.id: (e.name, e.kind.value) for e in registry_entries(store)}
        links = {(link.element_id, link.talent_id) for link in element_links(store)}
    assert production.name == "Old Film" and len(production.scenes) == 1
    mary = next(e for e in production.cast if e.name == "MARY")
    george = next(e for e in production.cast if e.name == "GEORGE")
    assert mary.talent_id == "mary-stone" and george.talent_id is None
    assert entries == {"mary-stone": ("Mary Stone", "cast"), "old-pier": ("Old Pier", "location")}
    assert (mary.id, "mary-stone") in links and len(links) == 2
    engine = create_engine(resolve_url(path))
    with engine.connect() as connection:
        version = connection.execute(text("select version_num from alembic_version")).scalar()
    engine.dispose()
    assert version == head_revision()


def test_a_new_project_has_the_registry(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.daybreak", create=True) as store:
        assert registry_entries(store) == [] and element_links(store) == []

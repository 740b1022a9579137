"""The project store: every read and write of a project goes through a :class:`Store`.

A store opens a `.daybreak` SQLite file (WAL, foreign keys on) or a PostgreSQL database,
refuses anything that is not a daybreak project before writing to it, migrates an older
schema with Alembic, and writes each change in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from daybreak.domain import Board, Production
from daybreak.errors import DaybreakError
from daybreak.store.location import (
    APPLICATION_ID,
    check_sqlite_file,
    describe,
    resolve_url,
    sqlite_path,
)
from daybreak.store.mappers import board_from_row, board_row, production_from_rows, production_rows
from daybreak.store.tables import (
    BoardRow,
    CalendarRow,
    CategoryRow,
    ChangeRow,
    ElementRow,
    MetaRow,
    ProductionRow,
    SceneElementRow,
    SceneRow,
)

log = logging.getLogger(__name__)
FORMAT = "daybreak-project"
_CHILD_TABLES = (SceneElementRow, BoardRow, SceneRow, ElementRow, CategoryRow, CalendarRow)


class ConflictError(DaybreakError):
    """A board was changed by someone else since it was read (its version moved on)."""

    def __init__(self, message: str, *, current: Board):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True, slots=True)
class ProductionSummary:
    id: str
    name: str
    scenes: int
    boards: int


@dataclass(frozen=True, slots=True)
class Change:
    id: int
    production_id: str
    board_id: str | None
    at: datetime
    author: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undone: bool


def migrations_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("daybreak.store").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(migrations_config(None))
    head = script.get_current_head()
    assert head is not None
    return head


class Store:
    """An open project. Use as a context manager, or call :meth:`close`."""

    def __init__(self, url: str, *, create: bool = False, migrate_to: str = "head"):
        self.url = url
        self.name = describe(url)
        path = sqlite_path(url)
        self._is_new_file = False
        if path is not None:
            check_sqlite_file(path, create=create)
            self._is_new_file = not path.exists() or path.stat().st_size == 0
        try:
            self.engine = _engine(url)
            self._check_and_migrate(create=create, migrate_to=migrate_to)
        except DaybreakError:
            self.close()
            raise
        except (SQLAlchemyError, OSError) as exc:
            self.close()
            raise DaybreakError(
                f"cannot open the project: {_reason(exc)}", source=self.name
            ) from None

    # -- lifecycle --------------------------------------------------------------------
    @classmethod
    def open(
        cls, project: str | Path | None, *, db: str | None = None, create: bool = False
    ) -> Store:
        return cls(resolve_url(project, db), create=create)

    def close(self) -> None:
        engine: Engine | None = getattr(self, "engine", None)
        if engine is not None:
            engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_and_migrate(self, *, create: bool, migrate_to: str) -> None:
        with self.engine.begin() as connection:
            tables = set(inspect(connection).get_table_names())
            if "daybreak_meta" in tables:
                fmt = connection.execute(
                    select(MetaRow.value).where(MetaRow.key == "format")
                ).scalar()
                if fmt != FORMAT:
                    raise DaybreakError(
                        "not a daybreak project (unknown format mark)", source=self.name
                    )
            elif tables and sqlite_path(self.url) is not None:
                raise DaybreakError(
                    "an SQLite database of another application, not a daybreak project",
                    source=self.name,
                )
            elif not create and sqlite_path(self.url) is not None:
                raise DaybreakError("not a daybreak project", source=self.name)
            current = MigrationContext.configure(connection).get_current_revision()
            script = ScriptDirectory.from_config(migrations_config(connection))
            known = {rev.revision for rev in script.walk_revisions()}
            if current is not None and current not in known:
                raise DaybreakError(
                    f"written by a newer daybreak (schema {current}); upgrade daybreak",
                    source=self.name,
                )
            target = script.get_current_head() if migrate_to == "head" else migrate_to
            if current != target:
                log.info("migrating %s from %s to %s", self.name, current, target)
                command.upgrade(migrations_config(connection), migrate_to)
            if "daybreak_meta" not in tables:
                connection.execute(insert(MetaRow).values(key="format", value=FORMAT))
            if self._is_new_file:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")

    # -- reading ----------------------------------------------------------------------
    def productions(self) -> list[ProductionSummary]:
        with Session(self.engine) as session:
            heads = session.execute(
                select(ProductionRow.id, ProductionRow.name).order_by(ProductionRow.name)
            ).all()
            scenes = dict(
                session.execute(
                    select(SceneRow.production_id, func.count()).group_by(SceneRow.production_id)
                ).all()
            )
            boards = dict(
                session.execute(
                    select(BoardRow.production_id, func.count()).group_by(BoardRow.production_id)
                ).all()
            )
        return [
            ProductionSummary(pid, name, int(scenes.get(pid, 0)), int(boards.get(pid, 0)))
            for pid, name in heads
        ]

    def resolve(self, production: str | None = None) -> str:
        """The id of the production named (by id or name), or of the only one."""
        found = self.productions()
        if production is None:
            if len(found) == 1:
                return found[0].id
            if not found:
                raise DaybreakError(
                    "the project holds no production yet; import one first", source=self.name
                )
            names = ", ".join(repr(p.name) for p in found)
            raise DaybreakError(
                f"the project holds several productions ({names}); name one with --production",
                source=self.name,
            )
        for summary in found:
            if production in (summary.id, summary.name):
                return summary.id
        raise DaybreakError(
            f"no production {production!r} in the project", source=self.name, where="--production"
        )

    def load(self, production: str | None = None) -> Production:
        pid = self.resolve(production)
        with Session(self.engine) as session:
            head = session.get(ProductionRow, pid)
            assert head is not None

            def rows(table: Any) -> list[Any]:
                # Core rows, not ORM instances: loading stays fast on big productions.
                return list(
                    session.execute(select(table.__table__).where(table.production_id == pid))
                )

            return production_from_rows(
                head,
                rows(CategoryRow),
                rows(ElementRow),
                rows(SceneRow),
                rows(SceneElementRow),
                rows(CalendarRow),
                rows(BoardRow),
            )

    def load_board(self, production_id: str, board_id: str) -> Board:
        with Session(self.engine) as session:
            row = session.get(BoardRow, (production_id, board_id))
            if row is None:
                raise DaybreakError(f"no board {board_id!r}", source=self.name)
            return board_from_row(row)

    # -- writing ----------------------------------------------------------------------
    def save(self, production: Production) -> None:
        """Replace the stored production with this one, in one transaction."""
        production.validate(self.name)
        rows = production_rows(production)
        try:
            with Session(self.engine) as session, session.begin():
                # The production row is updated in place, not deleted: deleting it would
                # cascade to the change log and lose every recorded change and undo.
                for table in _CHILD_TABLES:
                    session.execute(delete(table).where(table.production_id == production.id))
                stored = session.scalar(
                    select(ProductionRow.id).where(ProductionRow.id == production.id)
                )
                for table, values in rows:  # parents first, one executemany per table
                    if not values:
                        continue
                    if table is ProductionRow and stored is not None:
                        session.execute(
                            update(ProductionRow)
                            .where(ProductionRow.id == production.id)
                            .values(values[0])
                            .execution_options(synchronize_session=False)
                        )
                    else:
                        session.execute(insert(table), values)
        except DBAPIError as exc:
            raise DaybreakError(f"could not save: {_reason(exc)}", source=self.name) from None

    def delete(self, production_id: str) -> None:
        with Session(self.engine) as session, session.begin():
            self._delete_rows(session, production_id)

    @staticmethod
    def _delete_rows(session: Session, production_id: str) -> None:
        for table in _CHILD_TABLES:
            session.execute(delete(table).where(table.production_id == production_id))
        session.execute(
            delete(ProductionRow)
            .where(ProductionRow.id == production_id)
            .execution_options(synchronize_session=False)
        )

    def save_board(
        self,
        production_id: str,
        board: Board,
        *,
        expected_version: int,
        author: str = "daybreak",
        action: str = "edit board",
    ) -> Board:
        """Write one board if nobody changed it since `expected_version`; log the change."""
        with Session(self.engine) as session, session.begin():
            current = session.get(BoardRow, (production_id, board.id), with_for_update=True)
            if current is None:
                position = (
                    session.scalar(
                        select(func.count())
                        .select_from(BoardRow)
                        .where(BoardRow.production_id == production_id)
                    )
                    or 0
                )
                if session.get(ProductionRow, production_id) is None:
                    raise DaybreakError(f"no production {production_id!r}", source=self.name)
                board.version = 1
                session.add(board_row(production_id, board, position))
                before = None
            else:
                if current.version != expected_version:
                    raise ConflictError(
                        f"board {current.name!r} changed (version {current.version}, "
                        f"edit made on version {expected_version})",
                        current=board_from_row(current),
                    )
                before = board_from_row(current)
                board.version = current.version + 1
                session.execute(
                    update(BoardRow)
                    .where(
                        BoardRow.production_id == production_id,
                        BoardRow.id == board.id,
                        BoardRow.version == expected_version,
                    )
                    .values(
                        name=board.name,
                        version=board.version,
                        data=board_row(production_id, board, 0).data,
                    )
                )
            from daybreak.domain.codec import to_plain

            session.add(
                ChangeRow(
                    production_id=production_id,
                    board_id=board.id,
                    at=datetime.now(UTC),
                    author=author,
                    action=action,
                    before=None if before is None else to_plain(before),
                    after=to_plain(board),
                    undone=0,
                )
            )
        return board

    def changes(self, production_id: str, *, limit: int = 100) -> list[Change]:
        with Session(self.engine) as session:
            rows = session.scalars(
                select(ChangeRow)
                .where(ChangeRow.production_id == production_id)
                .order_by(ChangeRow.id.desc())
                .limit(limit)
            )
            return [
                Change(
                    r.id,
                    r.production_id,
                    r.board_id,
                    r.at,
                    r.author,
                    r.action,
                    r.before,
                    r.after,
                    bool(r.undone),
                )
                for r in rows
            ]

    def mark_undone(self, change_id: int) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(update(ChangeRow).where(ChangeRow.id == change_id).values(undone=1))


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA busy_timeout = 30000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__

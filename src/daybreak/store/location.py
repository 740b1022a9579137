"""Where a project lives: a `.daybreak` SQLite file or a PostgreSQL URL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from daybreak.errors import DaybreakError

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of a daybreak file: "DYBK".
APPLICATION_ID = 0x4459424B
ENV_VAR = "DAYBREAK_DB"


def resolve_url(project: str | Path | None, db: str | None = None) -> str:
    """The SQLAlchemy URL for `--db URL`, else `DAYBREAK_DB`, else the project file path."""
    url = db or (os.environ.get(ENV_VAR) if project is None else None)
    if url:
        return normalize_url(url)
    if project is None:
        raise DaybreakError(f"name a project file, or a database with --db or {ENV_VAR}")
    text = str(project)
    if "://" in text:
        return normalize_url(text)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def normalize_url(url: str) -> str:
    """Use the psycopg 3 driver for plain `postgresql://` URLs."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(url[len(prefix) :]) if url.startswith(prefix) and url != prefix else None


def describe(url: str) -> str:
    """The project as the user named it: a file path, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before SQLite touches it, a file that is not a daybreak project."""
    if not path.exists():
        if not create:
            raise DaybreakError("no such project file", source=str(path))
        if not path.parent.exists():
            raise DaybreakError("the folder does not exist", source=str(path))
        return
    if path.is_dir():
        raise DaybreakError("is a folder, not a daybreak project", source=str(path))
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        if create:
            return
        raise DaybreakError("the file is empty, not a daybreak project", source=str(path))
    if not header.startswith(SQLITE_MAGIC):
        raise DaybreakError(
            "not a daybreak project (not an SQLite database); to import a schedule or a "
            "script, use `daybreak import FILE --project NEW.daybreak`",
            source=str(path),
        )
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise DaybreakError(
            f"an SQLite database of another application (id {application_id:#x}), "
            "not a daybreak project",
            source=str(path),
        )
    if application_id == 0 and _foreign_tables(path):
        raise DaybreakError(
            "an SQLite database of another application, not a daybreak project",
            source=str(path),
        )


def _foreign_tables(path: Path) -> bool:
    """Whether the database has tables but no daybreak mark; read-only, so nothing changes."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {
                row[0]
                for row in connection.execute("select name from sqlite_master where type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DaybreakError(f"not a readable SQLite database ({exc})", source=str(path)) from None
    return bool(names) and "daybreak_meta" not in names

"""Importers and exporters, one module a format. They return domain objects, never touch the store.

`read_production(path)` picks the reader by the file's suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from daybreak.domain import Production
from daybreak.errors import DaybreakError

SCREENPLAY_SUFFIXES = (".fountain", ".spmd", ".fdx", ".pdf")
EXCHANGE_SUFFIXES = (".uss", ".csv")


def _read_uss(path: Path) -> Production:
    from daybreak.importers.uss import read_uss

    return read_uss(path)


def _read_csv(path: Path) -> Production:
    from daybreak.importers.csv_breakdown import read_breakdown_csv

    return read_breakdown_csv(path)


def _read_screenplay(path: Path) -> Production:
    from daybreak.importers.screenplay import read_screenplay
    from daybreak.importers.screenplay.to_production import screenplay_to_production

    script = read_screenplay(path)
    # The title names the production, so a revised script (another file name) finds it.
    title = " ".join(str(script.title_page.get("title", "")).split())
    production: Production = screenplay_to_production(script, name=title or path.stem)
    return production


READERS: dict[str, Callable[[Path], Production]] = {
    ".uss": _read_uss,
    ".csv": _read_csv,
    **{suffix: _read_screenplay for suffix in SCREENPLAY_SUFFIXES},
}


def read_production(path: str | Path) -> Production:
    """Read any supported file into a production; the suffix names the format."""
    file = Path(path)
    reader = READERS.get(file.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise DaybreakError(
            f"unknown file type {file.suffix or '(none)'!r}; daybreak reads {known}",
            source=str(path),
        )
    if not file.is_file():
        raise DaybreakError("no such file", source=str(path))
    return reader(file)

"""The export use case: write a production to an exchange format."""

from __future__ import annotations

from pathlib import Path

from daybreak.errors import DaybreakError
from daybreak.services.projects import load_production

FORMATS = ("uss", "csv")


def export_production(
    project: str | Path | None,
    fmt: str,
    out: str | Path,
    *,
    db: str | None = None,
    production: str | None = None,
) -> Path:
    """Write the production as `fmt` (uss or csv) to `out`; return the path written."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise DaybreakError(
            f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}", where="--format"
        )
    loaded = load_production(project, production, db=db)
    target = Path(out)
    if not target.parent.exists():
        raise DaybreakError("the folder does not exist", source=str(target), where="-o")
    if fmt == "uss":
        from daybreak.importers.uss import write_uss

        write_uss(loaded, target)
    else:
        from daybreak.importers.csv_breakdown import write_breakdown_csv

        write_breakdown_csv(loaded, target)
    return target

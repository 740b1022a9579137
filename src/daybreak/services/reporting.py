"""The report use case: load a production, pick its board, write one report file."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from daybreak.reports.generate import FORMATS, KINDS, check_request, write_report
from daybreak.services.projects import load_production

__all__ = ["FORMATS", "KINDS", "make_report"]

log = logging.getLogger(__name__)


def make_report(
    project: str | Path | None,
    kind: str,
    fmt: str,
    out: Path,
    *,
    board: str | None = None,
    day: int | None = None,
    production: str | None = None,
    db: str | None = None,
    paper: str = "letter",
    category: str | None = None,
    colors: str = "singleton",
) -> Path:
    """Write the ``kind`` report (stripboard, dood, oneliner, shooting, callsheet) of a
    board (default: the newest) as ``fmt`` (pdf, html, csv, xlsx, ics) to ``out``."""
    check_request(kind, fmt, paper)
    started = time.perf_counter()
    loaded = load_production(project, production, db=db)
    chosen = loaded.board(board)
    written = write_report(
        loaded,
        chosen,
        kind,
        fmt,
        Path(out),
        day=day,
        paper=paper,
        category=category,
        colors=colors,
    )
    log.info("wrote %s %s in %.2f s", kind, fmt, time.perf_counter() - started)
    return written

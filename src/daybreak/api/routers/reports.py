"""Reports and exports, downloaded as files: every kind the reporting service offers, in
every format, plus the exchange formats (USS, breakdown CSV)."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from daybreak.api import schemas
from daybreak.api.deps import ProductionIdDep, StateDep
from daybreak.services.exporting import FORMATS as EXPORT_FORMATS
from daybreak.services.exporting import export_production

router = APIRouter(tags=["reports"])
MEDIA = {
    "csv": "text/csv",
    "txt": "text/plain",
    "text": "text/plain",
    "html": "text/html",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ics": "text/calendar",
    "json": "application/json",
    "uss": "application/json",
}


def _reporting() -> Any | None:
    """The reporting service, when it is installed (None otherwise)."""
    try:
        return importlib.import_module("daybreak.services.reporting")
    except ImportError:
        return None


def report_kinds() -> list[schemas.ReportKind]:
    """Every downloadable kind with its formats: the exports, then the reports."""
    kinds = [schemas.ReportKind(kind="export", formats=list(EXPORT_FORMATS))]
    reporting = _reporting()
    if reporting is not None:
        formats: dict[str, tuple[str, ...]] = reporting.FORMATS
        for kind in reporting.KINDS:
            kinds.append(
                schemas.ReportKind(
                    kind=kind, formats=list(formats.get(kind, ())), needs_day=kind == "callsheet"
                )
            )
    return kinds


@router.get("/productions/{production_id}/reports", response_model=list[schemas.ReportKind])
def list_reports(production_id: ProductionIdDep) -> list[schemas.ReportKind]:
    """The reports (and exports) that can be downloaded, with their formats."""
    return report_kinds()


@router.get(
    "/productions/{production_id}/reports/{kind}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def download_report(
    state: StateDep,
    production_id: ProductionIdDep,
    kind: str,
    fmt: str = Query(..., max_length=16, description="The file format."),
    board_id: str | None = Query(None, max_length=64),
    day: int | None = Query(None, ge=1, le=10_000),
) -> Response:
    """One report (or export) as a file download."""
    known = {k.kind: k.formats for k in report_kinds()}
    if kind not in known:
        raise HTTPException(404, f"no report {kind!r}; reports: {', '.join(sorted(known))}")
    if fmt not in known[kind]:
        raise HTTPException(400, f"report {kind!r} comes as {', '.join(known[kind])}")
    production = state.production(production_id)
    with tempfile.TemporaryDirectory(prefix="daybreak-report-") as folder:
        ext = "uss" if fmt == "uss" else fmt
        out = Path(folder) / f"{_slug(production.name)}-{kind}.{ext}"
        if kind == "export":
            export_production(None, fmt, out, db=state.settings.url, production=production_id)
            written = out
        else:
            reporting = _reporting()
            assert reporting is not None
            written = Path(
                reporting.make_report(
                    None,
                    kind,
                    fmt,
                    out,
                    board=board_id,
                    day=day,
                    production=production_id,
                    db=state.settings.url,
                )
            )
        data = written.read_bytes()
        name = written.name
    return Response(
        data,
        media_type=MEDIA.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "production"

"""Golden-file tests: every report of the hand-checked production (conftest.py), every format.

Each report is written to a temporary folder and compared with ``tests/reports/golden/``:
PDFs through their text (``pdftotext -layout``), XLSX through their cell values, HTML,
CSV and ICS as they are (ICS with a fixed DTSTAMP). To regenerate the golden files after a
deliberate change, run::

    DAYBREAK_REGEN_GOLDEN=1 .venv/bin/pytest tests/reports/test_golden.py

and review the diff of ``tests/reports/golden/`` before committing it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from daybreak.domain.production import Production
from daybreak.reports.generate import FORMATS, write_report

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("DAYBREAK_REGEN_GOLDEN") == "1"
STAMP = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)
CASES = [(kind, fmt) for kind, formats in FORMATS.items() for fmt in formats]
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def comparable(path: Path) -> str:
    """The text a golden file holds for ``path``."""
    if path.suffix == ".pdf":
        result = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        )
        return result.stdout
    if path.suffix == ".xlsx":
        ws = load_workbook(path).active
        return "\n".join(
            "\t".join("" if v is None else str(v) for v in row)
            for row in ws.iter_rows(values_only=True)
        )
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if REGEN or not golden.exists():
        golden.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {golden} was missing; written, review it")
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@needs_poppler
@pytest.mark.parametrize(("kind", "fmt"), CASES)
def test_report_matches_golden(tiny: Production, tmp_path: Path, kind: str, fmt: str) -> None:
    """Each report and format of the tiny production equals its reviewed golden file."""
    board = tiny.boards[0]
    day = 4 if kind == "callsheet" else None
    out = write_report(tiny, board, kind, fmt, tmp_path / f"{kind}.{fmt}", day=day, stamp=STAMP)
    suffix = ".txt" if fmt in ("pdf", "xlsx") else f".{fmt}"
    check_golden(f"{kind}-{fmt}{suffix}", comparable(out))


@needs_poppler
def test_a4_pdf_has_a4_pages(tiny: Production, tmp_path: Path) -> None:
    """``paper="a4"`` gives 595 x 842 pt pages; letter 612 x 792 (landscape for the DOOD)."""
    board = tiny.boards[0]
    a4 = write_report(tiny, board, "oneliner", "pdf", tmp_path / "a4.pdf", paper="a4")
    letter = write_report(tiny, board, "dood", "pdf", tmp_path / "letter.pdf")
    info_a4 = subprocess.run(["pdfinfo", str(a4)], capture_output=True, text=True).stdout
    info_letter = subprocess.run(["pdfinfo", str(letter)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info_a4
    assert "792 x 612 pts" in info_letter

"""PDF pages render to non-blank PNGs of the right size; long reports paginate."""

from __future__ import annotations

import shutil
import subprocess
import zlib
from importlib import resources
from pathlib import Path

import pytest

from daybreak.domain.production import Production
from daybreak.importers.uss import read_uss
from daybreak.reports.generate import FORMATS, write_report

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed"
)


def png_size_and_ink(path: Path) -> tuple[int, int, float]:
    """Width, height and the share of non-white bytes of an 8-bit RGB PNG (no Pillow)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    ink = sum(1 for b in raw if b < 200) / len(raw)
    return width, height, ink


def page_one_png(pdf: Path, tmp_path: Path) -> Path:
    prefix = tmp_path / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)], check=True
    )
    return next(tmp_path.glob(f"{pdf.stem}-*.png"))


@pytest.mark.parametrize("kind", [k for k, f in FORMATS.items() if "pdf" in f])
def test_pdf_page_one_renders(tiny: Production, tmp_path: Path, kind: str) -> None:
    """Page 1 of each PDF report renders at Letter size (50 dpi) and is not blank."""
    pdf = write_report(tiny, tiny.boards[0], kind, "pdf", tmp_path / f"{kind}.pdf")
    width, height, ink = png_size_and_ink(page_one_png(pdf, tmp_path))
    expected = (550, 425) if kind == "dood" else (425, 550)
    assert (width, height) == expected
    assert ink > 0.005


def test_long_dood_paginates_with_names_repeated(tmp_path: Path) -> None:
    """The 56-day DOOD of "Rev. WHITE" spans pages; every band of days repeats the names."""
    sample = resources.files("daybreak.data").joinpath("uss/full_sample_schedule.uss")
    production = read_uss(str(sample))
    pdf = write_report(
        production, production.board("Rev. WHITE"), "dood", "pdf", tmp_path / "dood.pdf"
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages >= 3
    george = 0
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Name" in text and "Date" in text  # header rows repeat on every page
        george += text.count("GEORGE")
    everything = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert george >= 3  # once per band of day columns: the name column is repeated
    assert " 56 " in everything and "Paid" in everything


def test_no_blank_pages(tmp_path: Path) -> None:
    """Every page of the Rev. WHITE reports carries more than its footer."""
    sample = resources.files("daybreak.data").joinpath("uss/full_sample_schedule.uss")
    production = read_uss(str(sample))
    board = production.board("Rev. WHITE")
    for kind in ("callsheet", "oneliner"):
        pdf = write_report(production, board, kind, "pdf", tmp_path / f"{kind}.pdf")
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for number, page in enumerate(text.split("\f")[:-1], start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            assert len(lines) > 2, f"{kind} page {number} is blank"

"""Shared fixtures for the screenplay importer tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "screenplays"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "screenplays"


def render_pdf(fountain: Path, out: Path) -> Path:
    """Render a Fountain file to PDF with screenplain (bold headings: ``--strong``)."""
    pytest.importorskip("screenplain", reason="screenplain[PDF] (dev dependency) renders PDFs")
    exe = shutil.which("screenplain") or str(Path(sys.executable).parent / "screenplain")
    subprocess.run([exe, "--strong", str(fountain), str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def pdf_renderer() -> Callable[[Path, Path], Path]:
    """The PDF renderer used to make test PDFs from Fountain files."""
    return render_pdf


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The committed, openly licensed screenplays."""
    return FIXTURES


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared corpus beside the repository, or a skip saying why."""
    if not SHARED.is_dir():
        pytest.skip(f"shared screenplay corpus not found at {SHARED}")
    return SHARED

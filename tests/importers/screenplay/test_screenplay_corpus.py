"""The shared corpus: every file imports; formats agree; Final Draft lengths; CHARADE cues."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from daybreak.importers.screenplay import (
    FOUNTAIN_SUFFIXES,
    Scene,
    Screenplay,
    read_screenplay,
)
from daybreak.importers.screenplay.breakdown import cue_name

pytestmark = pytest.mark.corpus


def _aligned(a: Screenplay, b: Screenplay) -> list[tuple[Scene, Scene]]:
    """Scene pairs of two imports of one script, aligned on their headings."""
    left = [s.heading.text for s in a.scenes]
    right = [s.heading.text for s in b.scenes]
    pairs: list[tuple[Scene, Scene]] = []
    for block in SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
        pairs += [(a.scenes[block.a + k], b.scenes[block.b + k]) for k in range(block.size)]
    return pairs


def test_every_file_imports(shared: Path) -> None:
    """Every screenplay-format file in the shared corpus imports without error; the scripts
    (.fountain, .fdx) have scenes. SOURCES.md is documentation, not a screenplay."""
    suffixes = (*FOUNTAIN_SUFFIXES, ".fdx", ".pdf")
    files = [p for p in sorted(shared.iterdir()) if p.suffix in suffixes]
    assert len(files) >= 19
    for path in files:
        script = read_screenplay(path)
        if path.suffix in (".fountain", ".fdx"):
            assert script.scenes, path.name


def test_fountain_fdx_pairs_agree(shared: Path) -> None:
    """The .fountain/.fdx pairs give the same scenes, headings and characters, and eighths
    within 1/8 on at least 90% of scenes."""
    for fdx in sorted(shared.glob("*.fdx")):
        a = read_screenplay(fdx)
        b = read_screenplay(fdx.with_suffix(".fountain"))
        assert [s.heading for s in a.scenes] == [s.heading for s in b.scenes], fdx.name
        assert [s.characters for s in a.scenes] == [s.characters for s in b.scenes], fdx.name
        pairs = zip(a.scenes, b.scenes, strict=True)
        close = sum(abs(x.eighths - y.eighths) <= 1 for x, y in pairs)
        assert close >= 0.9 * len(a.scenes), fdx.name


def test_final_draft_stored_lengths(shared: Path) -> None:
    """On files with SceneProperties Length, our eighths equal the stored ones."""
    pairs = [
        (s.eighths, s.eighths_stored)
        for fdx in sorted(shared.glob("*.fdx"))
        for s in read_screenplay(fdx).scenes
        if s.eighths_stored is not None
    ]
    assert len(pairs) == 7
    assert all(ours == theirs for ours, theirs in pairs), pairs


@pytest.mark.slow
def test_pdf_agrees_with_fountain(
    shared: Path, tmp_path: Path, pdf_renderer: Callable[[Path, Path], Path]
) -> None:
    """PDFs rendered from the Fountain pair files give the same headings and characters,
    and eighths within 1/8 on at least 90% of scenes; Big Fish's page count is within 3%."""
    total = close = 0
    for fdx in sorted(shared.glob("*.fdx")):
        fountain = fdx.with_suffix(".fountain")
        ours = read_screenplay(fountain)
        pdf = read_screenplay(pdf_renderer(fountain, tmp_path / f"{fountain.stem}.pdf"))
        pairs = _aligned(ours, pdf)
        assert len(pairs) >= len(ours.scenes) - 2, fountain.name
        assert sum(a.characters == b.characters for a, b in pairs) >= 0.95 * len(pairs)
        total += len(pairs)
        close += sum(abs(a.eighths - b.eighths) <= 1 for a, b in pairs)
        if fountain.stem == "Big-Fish":
            assert abs(ours.page_count - pdf.page_count) <= 0.03 * pdf.page_count
    assert close >= 0.9 * total


def test_charade_character_recall(shared: Path) -> None:
    """At least 95% of the 41 reference cues of CHARADE are found."""
    expected = {
        line.strip() for line in (shared / "sample-07-characters.txt").read_text().splitlines()
    } - {""}
    script = read_screenplay(shared / "sample-07.fountain")
    found = {cue for s in script.scenes for cue in s.cues} | set(script.characters)
    found |= {cue_name(c) for c in found}
    recall = len(expected & found) / len(expected)
    assert recall >= 0.95, sorted(expected - found)

"""Parsers, pagination and breakdown on small hand-checkable scripts."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daybreak.errors import DaybreakError
from daybreak.importers.screenplay import (
    ElementKind,
    ScriptElement,
    format_eighths,
    read_screenplay,
)
from daybreak.importers.screenplay.fdx import parse_fdx
from daybreak.importers.screenplay.fountain import parse_fountain
from daybreak.importers.screenplay.paginate import measure, wrap

K = ElementKind

SAMPLE = """Title: Test
Author: Someone
Contact:
    Line one
    Line two

Some text before the first heading.

INT. HOUSE - KITCHEN - NIGHT #12A#

BOB enters with a GUN and a dog. A police car passes.

BOB (V.O.)
(whispering)
Hello *there*.

@McCLANE
Yippee.

TEX & GIDEON
Both of us.

TEX
Me.

GIDEON ^
Me too.

> CUT TO:

[[DAY 2]]

.ROOFTOP

/* a cut line
over two lines */
Action on the roof.

EXT. GARDEN - CONTINUOUS

===

# Act Two

= The garden scene.

~Singing in the rain

>THE END<
"""


def test_fountain_elements_and_lines() -> None:
    """Every Fountain construct is recognized, with 1-based source line numbers."""
    title, elements = parse_fountain(SAMPLE.replace("\n", "\r\n"))
    assert title["title"] == "Test"
    assert title["contact"] == "Line one\nLine two"
    kinds = [e.kind for e in elements]
    heading = elements[kinds.index(K.SCENE_HEADING)]
    assert (heading.text, heading.scene_number, heading.line) == (
        "INT. HOUSE - KITCHEN - NIGHT",
        "12A",
        9,
    )
    assert K.PARENTHETICAL in kinds and K.TRANSITION in kinds and K.CENTERED in kinds
    assert K.PAGE_BREAK in kinds and K.SECTION in kinds and K.SYNOPSIS in kinds
    assert K.LYRIC in kinds and K.NOTE in kinds
    assert any(e.kind is K.CHARACTER and e.text == "McCLANE" for e in elements)
    assert any(e.kind is K.CHARACTER and e.dual for e in elements)
    assert any(e.text == "Hello there." for e in elements)
    assert not any("cut line" in e.text for e in elements)
    roof = next(e for e in elements if e.text == "ROOFTOP")
    assert roof.kind is K.SCENE_HEADING and roof.line == 33


def test_breakdown_of_sample(tmp_path: Path) -> None:
    """Heading parts, inherited time, story day, group cues, aliases, suggestions."""
    path = tmp_path / "s.fountain"
    path.write_text(SAMPLE, encoding="utf-8")
    script = read_screenplay(path, aliases={"BOB": "CYBER BOB"})
    first, roof, garden = script.scenes
    assert (first.heading.int_ext, first.heading.set_name, first.heading.time_written) == (
        "INT", "HOUSE - KITCHEN", "NIGHT")  # fmt: skip
    assert first.characters == ("CYBER BOB", "McCLANE".upper(), "TEX", "GIDEON")
    assert "TEX & GIDEON" in first.cues
    categories = {m.category for m in first.elements}
    assert {"Weapons", "Animals", "Vehicles"} <= categories
    assert garden.heading.time_written == "CONTINUOUS"
    assert garden.heading.time_effective == "NIGHT"
    assert roof.story_day == "2" and garden.story_day == "2"
    assert all(s.eighths >= 1 for s in script.scenes)


def test_eighths_helpers() -> None:
    """Lengths are written unreduced; measure rounds up with a 1/8 minimum."""
    assert [format_eighths(e) for e in (3, 8, 11)] == ["3/8", "1", "1 3/8"]
    assert measure([((1, 0.0), (1, 1.0))], [0.0, 1.0], 56.0) == [1]
    assert measure([((1, 0.0), (2, 7.0))], [0.0, 56.0, 7.0], 56.0) == [9]
    assert wrap("a " * 40, 10)[0] == "a a a a a"


def test_final_draft_lengths(fixtures: Path) -> None:
    """Our eighths equal Final Draft's stored lengths on the genuine FDX fixtures."""
    for name in ("TestFDX-FD.fdx", "TestFDX-FI.fdx"):
        script = read_screenplay(fixtures / name)
        assert [(s.eighths, s.eighths_stored) for s in script.scenes] == [(3, 3), (2, 2)]
        assert [s.number for s in script.scenes] == ["1", "2"]


def test_same_script_three_formats(
    fixtures: Path, tmp_path: Path, pdf_renderer: Callable[[Path, Path], Path]
) -> None:
    """Fountain, FDX and PDF give the same headings and characters, eighths within 1/8."""
    fountain = read_screenplay(fixtures / "TestFDX-FD.fountain")
    fdx = read_screenplay(fixtures / "TestFDX-FD.fdx")
    pdf = read_screenplay(pdf_renderer(fixtures / "TestFDX-FD.fountain", tmp_path / "t.pdf"))
    for other in (fdx, pdf):
        assert [s.heading for s in other.scenes] == [s.heading for s in fountain.scenes]
        assert [s.characters for s in other.scenes] == [s.characters for s in fountain.scenes]
        for a, b in zip(other.scenes, fountain.scenes, strict=True):
            assert abs(a.eighths - b.eighths) <= 1
    assert [s.number for s in pdf.scenes] == ["1", "2"]


def test_aliases_on_public_domain_script(fixtures: Path) -> None:
    """The alias table folds name variants (BOB = CYBER BOB)."""
    script = read_screenplay(
        fixtures / "Cyber_Bob_ep00001.fountain", aliases={"BOB": "CYBER BOB", "BOSS": "CYBER BOSS"}
    )
    assert "BOB" not in script.characters and "CYBER BOB" in script.characters


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.fountain", b"", "empty"),
        ("junk.fountain", bytes(range(256)) * 4, "binary"),
        (
            "cut.fdx",
            b'<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Action">',
            "line 1",
        ),
        ("xxe.fdx", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><FinalDraft/>', "DTD"),
        ("empty.pdf", b"%PDF-1.4\n%%EOF\n", "PDF"),
        ("notes.docx", b"hello", "unknown screenplay format"),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    """Bad input raises DaybreakError naming the file (and the line when known)."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DaybreakError) as info:
        read_screenplay(path)
    assert name in str(info.value) and message in str(info.value)


def test_pdf_without_text(tmp_path: Path) -> None:
    """A PDF with pages but no text (a scan) is refused with a clear message."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DaybreakError, match="no text"):
        read_screenplay(path)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_fuzz_fountain(tmp_path_factory: pytest.TempPathFactory, data: str | bytes) -> None:
    """Any text or bytes as Fountain: a screenplay or a DaybreakError, nothing else."""
    path = tmp_path_factory.mktemp("f") / "x.fountain"
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    with contextlib.suppress(DaybreakError):
        read_screenplay(path)


@FUZZ
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_fuzz_fdx(data: str | bytes) -> None:
    """Any bytes as FDX, and mangled FDX: only DaybreakError."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    for blob in (raw, b'<FinalDraft><Content><Paragraph Type="Scene Heading"><Text>' + raw):
        with contextlib.suppress(DaybreakError):
            parse_fdx(blob, "x.fdx")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_fuzz_pdf(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    """Any bytes as PDF (with and without a PDF header): only DaybreakError."""
    for blob in (data, b"%PDF-1.4\n" + data):
        path = tmp_path_factory.mktemp("p") / "x.pdf"
        path.write_bytes(blob)
        with contextlib.suppress(DaybreakError):
            read_screenplay(path)


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("EXT. PARK--DAY", ("EXT", "PARK", "DAY", "DAY")),
        ("INT. EDWARD'S CAR - NIGHT - [THE STORM]", ("INT", "EDWARD'S CAR", "NIGHT", "NIGHT")),
        ("INT. KITCHEN, EVENING", ("INT", "KITCHEN", "EVENING", "NIGHT")),
        ("INT. LIVING ROOM – NIGHT", ("INT", "LIVING ROOM", "NIGHT", "NIGHT")),
        ("INT./EXT. BLOOM HOUSE - (PRESENT) DAY", ("INT/EXT", "BLOOM HOUSE", "DAY", "DAY")),
        ("I/E CAR - MORNING", ("INT/EXT", "CAR", "MORNING", "DAY")),
        ("EXT./INT. SHACK - DUSK", ("EXT/INT", "SHACK", "DUSK", "DUSK")),
        (
            "INT. HOUSE - KITCHEN - MOMENTS LATER",
            ("INT", "HOUSE - KITCHEN", "MOMENTS LATER", "DAWN"),
        ),
        ("EXT. HOUSE - NIGHT - KITCHEN", ("EXT", "HOUSE - NIGHT - KITCHEN", None, None)),
    ],
)
def test_heading_parts(heading: str, parts: tuple[str | None, ...]) -> None:
    """INT/EXT, set and time of day; continuity times inherit the previous scene's."""
    from daybreak.importers.screenplay.breakdown import load_lexicon, parse_heading

    parsed = parse_heading(heading, "DAWN", load_lexicon())
    assert (parsed.int_ext, parsed.set_name, parsed.time_written, parsed.time_effective) == parts


def test_cue_names_and_groups() -> None:
    """Extensions, CONT'D and NAME'S VOICE fold away; groups split only into solo speakers."""
    from daybreak.importers.screenplay.breakdown import cue_name, split_group

    assert cue_name("EDWARD (V.O.)(CONT'D)") == "EDWARD"
    assert cue_name("REGGIE'S VOICE") == "REGGIE"
    assert split_group("GIDEON, TEX & SCOBIE", {"GIDEON", "TEX", "SCOBIE"}) == [
        "GIDEON",
        "TEX",
        "SCOBIE",
    ]
    assert split_group("PATRONS THREE AND FOUR", {"PATRONS THREE"}) == ["PATRONS THREE AND FOUR"]


def _elements(*items: tuple[ElementKind, str]) -> list[ScriptElement]:
    return [ScriptElement(kind, text, n) for n, (kind, text) in enumerate(items, start=1)]


def test_heading_never_ends_a_page() -> None:
    """A heading that would sit at the foot of a page moves down with its first lines."""
    from daybreak.importers.screenplay.paginate import PageSpec, layout

    spec = PageSpec(lines_per_page=10)
    placed = layout(
        _elements(
            (K.SCENE_HEADING, "INT. A - DAY"),
            (K.ACTION, "\n".join(["x"] * 6)),
            (K.SCENE_HEADING, "INT. B - DAY"),
            (K.ACTION, "one\ntwo"),
        ),
        spec,
    )
    assert placed.starts[2] == (2, 0) and placed.starts[3] == (2, 2)
    assert placed.fill[1] == 8


def test_speech_splits_with_more_and_contd() -> None:
    """A long speech splits between dialogue lines, (MORE) below, NAME (CONT'D) above."""
    from daybreak.importers.screenplay.paginate import PageSpec, layout

    spec = PageSpec(lines_per_page=10)
    speech = " ".join(["word"] * 60)  # 9 lines at 35 characters
    placed = layout(
        _elements(
            (K.SCENE_HEADING, "INT. A - DAY"),
            (K.ACTION, "one\ntwo"),
            (K.CHARACTER, "ANNA"),
            (K.DIALOGUE, speech),
        ),
        spec,
    )
    assert placed.starts[2] == (1, 5)  # heading, blank, 2 action lines, blank
    assert placed.pages == 2
    assert placed.fill[1] == 10  # cue, 3 dialogue lines, (MORE)
    assert placed.fill[2] == 7  # ANNA (CONT'D) and the 6 remaining lines


def test_short_speech_moves_whole() -> None:
    """A speech that cannot leave two lines on each side of the break moves whole."""
    from daybreak.importers.screenplay.paginate import PageSpec, layout

    spec = PageSpec(lines_per_page=10)
    placed = layout(
        _elements(
            (K.SCENE_HEADING, "INT. A - DAY"),
            (K.ACTION, "\n".join(["x"] * 5)),
            (K.CHARACTER, "ANNA"),
            (K.DIALOGUE, " ".join(["word"] * 20)),
        ),
        spec,
    )
    assert placed.starts[2] == (2, 0)

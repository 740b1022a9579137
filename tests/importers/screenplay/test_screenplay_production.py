"""Mapping to the domain and merging revised scripts."""

from __future__ import annotations

from pathlib import Path

from daybreak.domain import CategoryKind
from daybreak.importers.screenplay import read_screenplay
from daybreak.importers.screenplay.revision import merge_revision
from daybreak.importers.screenplay.to_production import screenplay_to_production

SCRIPT = """INT. KITCHEN - DAY #1#

ANNA cooks. A dog sleeps.

ANNA
Dinner!

EXT. GARDEN - NIGHT #2#

BEN waits by the car.

BEN
Late again.

INT. KITCHEN - CONTINUOUS #3#

Anna and Ben eat.

ANNA
Good?
"""


def test_scenes_reference_elements(tmp_path: Path) -> None:
    """Set, INT/EXT, time of day, cast and suggested elements are elements of categories."""
    path = tmp_path / "s.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    production = screenplay_to_production(read_screenplay(path), name="Test")
    assert [s.number for s in production.scenes] == ["1", "2", "3"]
    strip = production.strip(production.scenes[2].id)
    assert strip.set_name == "KITCHEN" and strip.time_of_day == "NIGHT"  # inherited
    assert [c.name for c in strip.cast] == ["ANNA"]
    assert production.scenes[2].extra["_time_written"] == "CONTINUOUS"
    assert {e.name for e in production.elements_of(CategoryKind.CAST)} == {"ANNA", "BEN"}
    names = {e.name for e in production.elements}
    assert {"DOG", "CAR"} <= names
    assert production.scenes[0].heading == "INT. KITCHEN - DAY"


def test_revision_keeps_ids_and_reports(tmp_path: Path) -> None:
    """Matched scenes keep their ids; changes, additions and omissions are summarized."""
    path = tmp_path / "a.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    existing = screenplay_to_production(read_screenplay(path), name="Test")
    ids = [s.id for s in existing.scenes]
    revised_text = (
        SCRIPT.replace(
            "BEN waits by the car.", "BEN waits by the car. He checks his watch.\n\nCARL\nHi."
        ).replace("INT. KITCHEN - CONTINUOUS #3#\n\nAnna and Ben eat.\n\nANNA\nGood?\n", "")
        + "\nEXT. STREET - NIGHT #2A#\n\nRain.\n"
    )
    path.write_text(revised_text, encoding="utf-8")
    revised = screenplay_to_production(read_screenplay(path), name="Test")
    summary = merge_revision(existing, revised, color="Blue")
    assert [s.id for s in existing.scenes[:3]] == ids
    assert summary.unchanged == 1
    assert [c.number for c in summary.changed] == ["2"]
    assert summary.changed[0].fields == ("eighths", "cast members", "props")
    assert summary.omitted == [ids[2]] and existing.scenes[2].omitted
    assert len(summary.added) == 1 and existing.scenes[3].number == "2A"
    assert summary.text.startswith(
        "Blue revision: 1 added (2A), 1 changed (2: eighths, cast members, props), "
    )
    assert "1 omitted (3), 1 unchanged." in summary.text
    existing.validate()


def test_revision_without_numbers_matches_by_content(tmp_path: Path) -> None:
    """Unnumbered scripts are matched by heading and content similarity."""
    plain = SCRIPT.replace(" #1#", "").replace(" #2#", "").replace(" #3#", "")
    path = tmp_path / "a.fountain"
    path.write_text(plain, encoding="utf-8")
    existing = screenplay_to_production(read_screenplay(path), name="Test")
    ids = [s.id for s in existing.scenes]
    new_first = "INT. HALL - DAY\n\nA new scene.\n\n"
    path.write_text(new_first + plain, encoding="utf-8")
    revised = screenplay_to_production(read_screenplay(path), name="Test")
    summary = merge_revision(existing, revised)
    assert [s.id for s in existing.scenes[:3]] == ids
    assert len(summary.added) == 1 and not summary.omitted

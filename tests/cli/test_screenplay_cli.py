"""Screenplay import through the CLI: scenes, characters, and a revised script merged in."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daybreak.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "screenplays"

WHITE = """Title: The Night Ferry
Author: daybreak tests

INT. FERRY CABIN - NIGHT #1#

ANNA sits alone, counting coins.

ANNA
Three short.

EXT. FERRY DECK - NIGHT #2#

The wind. TOM smokes by the rail.

TOM (V.O.)
She never came back up.

INT. FERRY CABIN - CONTINUOUS #3#

Anna hides the coins under the mattress.
"""

BLUE = """Title: The Night Ferry
Author: daybreak tests

INT. FERRY CABIN - NIGHT #1#

ANNA sits alone, counting coins.

ANNA
Three short.

EXT. HARBOUR - DAWN #2A#

A police car waits on the quay.

INT. FERRY CABIN - CONTINUOUS #3#

Anna hides the coins under the mattress. TOM bursts in.

TOM
Give them to me.
"""


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_fountain_import_gives_scenes_and_characters(tmp_path: Path) -> None:
    """A Fountain script becomes scenes with heading parts, eighths and speaking cast."""
    script = tmp_path / "ferry.fountain"
    script.write_text(WHITE)
    project = tmp_path / "ferry.daybreak"
    code, out, err = invoke("import", script, "--project", project, "--json")
    assert code == 0, err
    assert json.loads(out)["production"] == "The Night Ferry"
    scenes = json.loads(invoke("scenes", project, "--json")[1])
    assert [(s["number"], s["int_ext"], s["set"], s["time_of_day"]) for s in scenes] == [
        ("1", "INT", "FERRY CABIN", "NIGHT"),
        ("2", "EXT", "FERRY DECK", "NIGHT"),
        ("3", "INT", "FERRY CABIN", "NIGHT"),  # CONTINUOUS inherits night for scheduling
    ]
    assert scenes[0]["cast"] == ["ANNA"] and scenes[1]["cast"] == ["TOM"]
    assert all(s["eighths"] >= 1 for s in scenes)
    characters = json.loads(invoke("characters", project, "--json")[1])
    assert [(c["board_id"], c["name"], c["scenes"]) for c in characters if not c["suggested"]] == [
        ("1", "ANNA", 1),
        ("2", "TOM", 1),
    ]


def test_revised_script_updates_in_place(tmp_path: Path) -> None:
    """A Blue revision keeps placed strips (same ids, same place), boneyards the new scene,
    marks the dropped scene omitted, and says what changed."""
    project = tmp_path / "ferry.daybreak"
    white = tmp_path / "ferry-white.fountain"
    white.write_text(WHITE)
    assert invoke("import", white, "--project", project)[0] == 0
    before = {s["number"]: s for s in json.loads(invoke("scenes", project, "--json")[1])}
    blue = tmp_path / "ferry-blue.fountain"
    blue.write_text(BLUE)
    code, out, err = invoke("import", blue, "--project", project, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["action"] == "updated"
    summary = " ".join(report["changes"])
    assert "1 added (2A)" in summary and "1 omitted (2)" in summary
    after = json.loads(invoke("scenes", project, "--json")[1])
    by_number = {s["number"]: s for s in after}
    assert by_number["1"]["id"] == before["1"]["id"]
    assert by_number["3"]["id"] == before["3"]["id"]
    assert by_number["3"]["cast"] == ["TOM"]  # Tom now speaks in 3; Anna only acts
    assert by_number["2"]["omitted"] is True
    assert by_number["2A"]["section"] == "boneyard"
    placed = [s["number"] for s in after if s["section"] == "stripboard"]
    assert placed == ["1", "2", "3"]  # strips keep their place on the board


def test_fdx_import(tmp_path: Path) -> None:
    """A Final Draft file imports; its own stored lengths are kept for comparison."""
    project = tmp_path / "fdx.daybreak"
    code, _, err = invoke("import", FIXTURES / "TestFDX-FD.fdx", "--project", project)
    assert code == 0, err
    scenes = json.loads(invoke("scenes", project, "--json")[1])
    assert scenes and all(s["set"] for s in scenes)


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    """Binary junk named .fountain: a clear error naming the file, exit 2, no project made."""
    junk = tmp_path / "junk.fountain"
    junk.write_bytes(bytes(range(256)) * 4)
    project = tmp_path / "p.daybreak"
    code, _, err = invoke("import", junk, "--project", project)
    assert code == 2 and "junk.fountain" in err
    assert not project.exists()

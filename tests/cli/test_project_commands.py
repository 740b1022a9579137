"""CLI: import, export, scenes, boards and demo through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daybreak.cli import app
from daybreak.importers.uss import read_uss

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def project(tmp_path: Path, full_sample: Path) -> Path:
    path = tmp_path / "wonderful.daybreak"
    code, _out, err = invoke("import", full_sample, "--project", path)
    assert code == 0, err
    return path


def test_import_creates_the_project(project: Path) -> None:
    """`daybreak import` creates the project file and reports what it holds."""
    code, out, _ = invoke("boards", project, "--json")
    assert code == 0
    boards = json.loads(out)
    assert [b["name"] for b in boards] == [
        "Script Order",
        "First Pass",
        "Second Pass",
        "Rev. WHITE",
    ]
    rev = boards[-1]
    assert rev["days"] == 56 and rev["start"] == "2022-08-17" and rev["pages"] == "171 7/8"


def test_import_json_report(tmp_path: Path, small_sample: Path) -> None:
    """`--json` on import gives a parseable report; importing again updates, not duplicates."""
    path = tmp_path / "p.daybreak"
    code, out, _ = invoke("import", small_sample, "--project", path, "--json")
    assert code == 0 and json.loads(out)["action"] == "created"
    code, out, _ = invoke("import", small_sample, "--project", path, "--json")
    assert code == 0 and json.loads(out)["action"] == "updated"


def test_scenes_json_in_board_order(project: Path, full_sample: Path) -> None:
    """`scenes --json`: strips in board order with stable ids and shoot days."""
    code, out, _ = invoke("scenes", project, "--board", "Rev. WHITE", "--json")
    assert code == 0
    scenes = json.loads(out)
    original = json.loads(full_sample.read_text())["universalScheduleStandard"]
    board = next(b for b in original["stripboards"] if b["name"] == "Rev. WHITE")
    days = board["boards"][0]["breakdownArrays"]
    expected = [(sid, n) for n, day in enumerate(days, 1) for sid in day]
    banner_ids = {b["id"] for b in original["breakdowns"] if b["type"] == "banner"}
    expected = [e for e in expected if e[0] not in banner_ids]
    placed = [(s["id"], s["day"]) for s in scenes if s["section"] == "stripboard"]
    assert placed == expected
    first = scenes[0]
    assert set(first) >= {
        "id",
        "number",
        "int_ext",
        "set",
        "time_of_day",
        "eighths",
        "cast",
        "synopsis",
        "day",
    }
    assert isinstance(first["eighths"], int) and isinstance(first["cast"], list)
    boneyard = [s for s in scenes if s["section"] == "boneyard"]
    assert boneyard and all(s["day"] is None for s in boneyard)


def test_scenes_without_day_breaks_have_null_days(project: Path) -> None:
    """A board with no day breaks gives `day: null`."""
    code, out, _ = invoke("scenes", project, "--board", "Script Order", "--json")
    assert code == 0 and {s["day"] for s in json.loads(out)} == {None}


def test_scenes_table_output(project: Path) -> None:
    """Without --json, a readable table."""
    code, out, _ = invoke("scenes", project, "--board", "First Pass")
    assert code == 0 and "BEDFORD" in out and "Full Sample Schedule" in out


def test_export_round_trip_through_the_cli(project: Path, tmp_path: Path) -> None:
    """Export, import the export into a new project, export again: identical files."""
    first = tmp_path / "a.uss"
    second = tmp_path / "b.uss"
    assert invoke("export", project, "--format", "uss", "-o", first)[0] == 0
    again = tmp_path / "again.daybreak"
    assert invoke("import", first, "--project", again)[0] == 0
    assert invoke("export", again, "--format", "uss", "-o", second)[0] == 0
    assert first.read_text() == second.read_text()


def test_csv_export_and_import(project: Path, tmp_path: Path, full_sample: Path) -> None:
    """The breakdown CSV export reads back with the same scenes, sets, lengths and cast."""
    out = tmp_path / "breakdown.csv"
    assert invoke("export", project, "--format", "csv", "-o", out)[0] == 0
    target = tmp_path / "csv.daybreak"
    code, _, err = invoke("import", out, "--project", target)
    assert code == 0, err
    _, imported, _ = invoke("scenes", target, "--json")
    original = read_uss(full_sample)
    strips = original.strips()

    def key(number: object, set_name: object, eighths: object, cast: object) -> str:
        return f"{number or ''}|{set_name}|{eighths}|{cast}"  # an empty cell has no number

    expected = sorted(
        key(s.number, strips[s.id].set_name, s.eighths, [c.name for c in strips[s.id].cast])
        for s in original.scenes
        if not s.is_banner
    )
    got = sorted(key(s["number"], s["set"], s["eighths"], s["cast"]) for s in json.loads(imported))
    assert got == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"universalScheduleStandard": {"id": "x", "breakdowns": [', "not valid JSON"),
        ('{"universalScheduleStandard": {"id": 5}}', "universalScheduleStandard.id"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_project_unchanged(
    project: Path, tmp_path: Path, content: str, message: str
) -> None:
    """A broken file: one clear message naming file and field, exit 2, project untouched."""
    bad = tmp_path / "broken.uss"
    bad.write_text(content)
    before = project.read_bytes()
    _, scenes_before, _ = invoke("scenes", project, "--board", "Rev. WHITE", "--json")
    code, _, err = invoke("import", bad, "--project", project)
    assert code == 2
    assert "broken.uss" in err and message in err and "Traceback" not in err
    assert project.read_bytes() == before
    assert invoke("scenes", project, "--board", "Rev. WHITE", "--json")[1] == scenes_before


def test_not_a_project_exits_2(tmp_path: Path) -> None:
    """Asking for the scenes of a text file: a clear error, exit 2, the file unchanged."""
    path = tmp_path / "notes.daybreak"
    path.write_text("shopping list")
    code, _, err = invoke("scenes", path)
    assert code == 2 and "not a daybreak project" in err
    assert path.read_text() == "shopping list"


def test_unknown_board_and_format(project: Path, tmp_path: Path) -> None:
    """Unknown board names list the boards; unknown export formats list the formats."""
    code, _, err = invoke("scenes", project, "--board", "Nope")
    assert code == 2 and "Rev. WHITE" in err
    code, _, err = invoke("export", project, "--format", "docx", "-o", tmp_path / "x")
    assert code == 2 and "uss" in err


def test_postgres_by_db_option(pg_url: str, small_sample: Path) -> None:
    """`--db postgresql://...` stores the production on PostgreSQL."""
    code, _, err = invoke("import", small_sample, "--db", pg_url)
    assert code == 0, err
    code, out, _ = invoke("boards", "--db", pg_url, "--json")
    assert code == 0 and [b["name"] for b in json.loads(out)] == ["Script Order", "First Pass"]


def test_demo_prints_a_summary_and_writes_files(tmp_path: Path) -> None:
    """`daybreak demo --out DIR` builds the demo project and lists what it wrote."""
    code, out, err = invoke("demo", "--out", tmp_path / "demo")
    assert code == 0, err
    assert "Rev. WHITE" in out and "round-trip checked" in out
    assert (tmp_path / "demo" / "demo.daybreak").exists()
    assert (tmp_path / "demo" / "demo-export.uss").exists()

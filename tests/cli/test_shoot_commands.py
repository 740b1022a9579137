"""The shoot log: recording days, refusing bad entries, progress against the board."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daybreak.cli import app

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def project(tmp_path: Path, full_sample: Path) -> Path:
    path = tmp_path / "w.daybreak"
    assert invoke("import", full_sample, "--project", path)[0] == 0
    return path


def scenes_of_day(project: Path, day: int) -> list[dict[str, object]]:
    scenes = json.loads(invoke("scenes", project, "--board", "Rev. WHITE", "--json")[1])
    return [s for s in scenes if s["day"] == day]


def test_log_and_progress(project: Path) -> None:
    """Day 1 shot in full, day 2 one scene short: progress says how far behind, in eighths."""
    day1 = scenes_of_day(project, 1)
    day2 = scenes_of_day(project, 2)
    ids1 = ",".join(str(s["id"]) for s in day1)
    code, out, err = invoke(
        "log", project, "--board", "Rev. WHITE", "--day", "1", "--shot", ids1, "--json"
    )
    assert code == 0, err
    logged = json.loads(out)
    assert logged["on"] == "2022-08-17" and len(logged["records"]) == len(day1)
    first, rest = day2[0], day2[1:]
    code, _, err = invoke(
        "log",
        project,
        "--board",
        "Rev. WHITE",
        "--day",
        "2",
        "--shot",
        ",".join(str(s["id"]) for s in rest),
        "--not-shot",
        str(first["id"]),
        "--reshoot",
        str(day1[0]["id"]),
    )
    assert code == 0, err
    code, out, _ = invoke("progress", project, "--board", "Rev. WHITE", "--json")
    report = json.loads(out)
    scheduled = sum(int(s["eighths"]) for s in day1 + day2)  # type: ignore[call-overload]
    assert report["scheduled_eighths"] == scheduled
    assert report["shot_eighths"] == scheduled - int(first["eighths"])  # type: ignore[call-overload]
    assert report["balance_eighths"] == -int(first["eighths"])  # type: ignore[call-overload]
    assert report["days_ahead"] < 0
    assert report["days"][1]["added_eighths"] == day1[0]["eighths"]
    code, out, _ = invoke("progress", project, "--board", "Rev. WHITE")
    assert code == 0 and "days behind" in out


def test_logging_a_day_again_replaces_it(project: Path) -> None:
    """A corrected log for the same day replaces the first, never duplicates it."""
    day1 = scenes_of_day(project, 1)
    for _ in range(2):
        assert (
            invoke(
                "log", project, "--board", "Rev. WHITE", "--day", "1", "--shot", str(day1[0]["id"])
            )[0]
            == 0
        )
    report = json.loads(invoke("progress", project, "--board", "Rev. WHITE", "--json")[1])
    assert report["days_logged"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--day", "99", "--shot", "1"], "no shoot day 99"),
        (["--day", "1", "--shot", "NOPE"], "no scene 'NOPE'"),
        (["--day", "1", "--partial", "2"], "write the eighths done"),
        (["--day", "1", "--date", "soon", "--shot", "2"], "not a date"),
    ],
)
def test_bad_entries_are_refused_and_nothing_changes(
    project: Path, args: list[str], message: str
) -> None:
    """A wrong day, scene or length: exit 2 with the option named; the log stays empty."""
    code, _, err = invoke("log", project, "--board", "Rev. WHITE", *args)
    assert code == 2 and message in err
    report = json.loads(invoke("progress", project, "--board", "Rev. WHITE", "--json")[1])
    assert report["days_logged"] == 0

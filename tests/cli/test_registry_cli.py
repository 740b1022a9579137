"""`daybreak registry`, `conflicts`, `schedule-joint` and `milestones` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daybreak.cli import app
from tests.services.two_films import project as two_films

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    path = tmp_path / "two.daybreak"
    two_films(path)
    return path


def test_registry_link_list_and_conflicts(project: Path) -> None:
    code, out, err = invoke("registry", "link", project, "--auto", "--json")
    assert code == 0, err
    assert len(json.loads(out)["links"]) == 6
    code, _, err = invoke(
        "registry", "link", project, "--production", "RIVER", "--element", "Old Pier",
        "--entry", "Old Pier", "--new",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = invoke("registry", "list", project, "--json")
    entries = {e["name"]: e for e in json.loads(out)["entries"]}
    assert set(entries) == {"Ana Ruiz", "Ben Okafor", "Chloe Marsh", "Old Pier"}
    assert len(entries["Old Pier"]["elements"]) == 1
    code, out, err = invoke("conflicts", project, "--json")
    assert code == 0, err
    record = json.loads(out)
    assert record["count"] == 3
    first = record["conflicts"][0]
    assert {"entry", "kind", "a", "b", "overlap", "days_to_move"} <= set(first)
    assert first["a"]["board"] == "Shoot" and first["overlap"]
    code, out, _ = invoke("conflicts", project)
    assert code == 0 and "3 conflicts" in out
    code, out, _ = invoke("registry", "list", project)
    assert code == 0 and "Chloe Marsh" in out


def test_schedule_joint_then_no_conflicts(project: Path) -> None:
    assert invoke("registry", "link", project, "--auto")[0] == 0
    code, out, err = invoke(
        "schedule-joint", project, "--production", "RIVER", "--production", "HARBOR",
        "--time-limit", "4", "--rounds", "2", "--seed", "3", "--json",
    )  # fmt: skip
    assert code == 0, err
    record = json.loads(out)
    assert record["conflicts"] == 0 and record["saved"]
    boards = [side["board"] for side in record["productions"]]
    code, out, _ = invoke("conflicts", project, "--json")
    assert json.loads(out)["count"] == 0
    code, out, _ = invoke(
        "conflicts", project, "--board", f"RIVER={boards[0]}", "--board", "HARBOR=Shoot"
    )
    assert code == 0


def test_milestones_set_and_slip(project: Path) -> None:
    code, out, err = invoke(
        "milestones", project, "--production", "RIVER", "--board", "Shoot",
        "--set", "wrap=2027-03-05", "--set", "release=2027-06-01", "--post-weeks", "10",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["slack_days"] == 18
    code, out, _ = invoke("milestones", project, "--production", "RIVER", "--slip-days", "30")
    assert code == 0 and "AT RISK" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["conflicts", "P", "--board", "RIVER"], "PRODUCTION=BOARD"),
        (["schedule-joint", "P", "--production", "RIVER"], "exactly two"),
        (["registry", "link", "P", "--production", "RIVER", "--element", "MAYA"], "--entry"),
        (["registry", "link", "P", "--auto", "--element", "MAYA"], "--auto"),
        (["registry", "link", "P", "--production", "RIVER", "--element", "X", "--entry", "Y"],
         "--element"),
        (["milestones", "P", "--production", "RIVER", "--set", "premiere=2027-01-01"], "--set"),
        (["milestones", "P", "--production", "RIVER", "--post-weeks", "-2"], "--post-weeks"),
    ],
)  # fmt: skip
def test_bad_options_exit_2_naming_them(project: Path, args: list[str], message: str) -> None:
    code, _, err = invoke(*[project if a == "P" else a for a in args])
    assert code == 2, err
    assert message in err

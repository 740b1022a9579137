"""`daybreak repair` and `daybreak report dpr` on a scheduled NORTHBOUND project."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daybreak.cli import app
from daybreak.services.demo_production import northbound
from daybreak.services.projects import load_production, save_production
from daybreak.services.scheduling import schedule_board

runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    production = northbound()
    assert schedule_board(production, time_limit=2.0, board_name="Plan").board is not None
    path = tmp_path_factory.mktemp("nb") / "nb.daybreak"
    save_production(path, production, create=True)
    return path


@pytest.fixture()
def project(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "nb.daybreak"
    path.write_bytes(template.read_bytes())
    return path


def test_log_repair_and_dpr(project: Path, tmp_path: Path) -> None:
    plan = load_production(project).board("Plan")
    days = [d for d in plan.days[:3]]
    for k, day in enumerate(days, start=1):
        shot = ["--shot", ",".join(day)] if day else []  # a dark day is logged empty
        code, _, err = invoke("log", project, "--board", "Plan", "--day", k, *shot)
        assert code == 0, err
    code, out, err = invoke(
        "repair",
        project,
        "--board",
        "Plan",
        "--reshoot",
        "7",
        "--time-limit",
        "1",
        "--stability-weight",
        "5000",
        "--name",
        "After reshoot",
        "--json",
    )
    assert code == 0, err
    record = json.loads(out)
    assert record["board"] == "After reshoot" and record["frozen_days"] == 3
    assert record["stability_weight"] == 5000
    assert [m["scene"] for m in record["added"]] == ["7R"]
    for key in (
        "moves",
        "moved_scenes",
        "distance_days",
        "cost",
        "cost_before",
        "cost_delta",
        "stability_cost",
        "objective",
        "violations",
        "broken_before",
        "disruptions",
    ):
        assert key in record
    loaded = load_production(project)
    assert [b.name for b in loaded.boards] == ["Script Order", "Plan", "After reshoot"]
    assert loaded.board("After reshoot").days[:3] == plan.days[:3]
    # rich output names the new board
    code, out, err = invoke("repair", project, "--board", "After reshoot", "--time-limit", "1")
    assert code == 0, err
    assert "New board" in out and "unchanged" in out
    # the DPR of the repaired board inherits the log
    target = tmp_path / "dpr.csv"
    code, _, err = invoke(
        "report", "dpr", project, "--board", "After reshoot", "--format", "csv", "-o", target
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(target.read_text())))
    assert rows[0][:4] == ["Day", "Date", "Sched.", "Shot"]
    assert len(rows) - 1 == 3
    code, _, err = invoke(
        "report", "dpr", project, "--board", "After reshoot", "-o", tmp_path / "d.pdf"
    )
    assert code == 0, err
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--unavailable", "KIRA"], "--unavailable"),
        (["--unavailable", "NOBODY:2027-10-01"], "--unavailable"),
        (["--location-lost", "Mars:2027-10-01"], "--location-lost"),
        (["--location-available", "Mars:2027-10-01"], "--location-available"),
        (["--hiatus", "2027-10-10..2027-10-01"], "--hiatus"),
        (["--frozen-through", "yesterday"], "--frozen-through"),
        (["--stability-weight", "-3"], "--stability-weight"),
        (["--time-limit", "0"], "--time-limit"),
        (["--cut", "nope"], "--cut"),
        (["--reshoot", "nope"], "--reshoot"),
        (["--add-scene", "nope"], "--add-scene"),
        (["--board", "nope"], "--board"),
    ],
)
def test_bad_input_exits_2_naming_the_option(project: Path, args: list[str], option: str) -> None:
    before = project.read_bytes()
    code, _, err = invoke("repair", project, "--board", "Plan", *args)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and option in lines[0], err
    assert load_production(project).boards[-1].name == "Plan"
    assert len(before) > 0

"""Tests of `daybreak talent solve` and `daybreak mssp solve`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daybreak.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "talent"
runner = CliRunner()


def test_talent_solve_json_has_exactly_the_documented_keys() -> None:
    """--json prints order (1-based), cost, idle_cost, lower_bound, status, seconds."""
    result = runner.invoke(app, ["talent", "solve", str(FIXTURES / "tiny.dzn"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["order", "cost", "idle_cost", "lower_bound", "status", "seconds"]
    assert sorted(data["order"]) == [1, 2, 3, 4]
    assert (data["cost"], data["idle_cost"], data["status"]) == (29, 2, "OPTIMAL")
    assert data["lower_bound"] == 29


def test_talent_solve_summary() -> None:
    """Without --json a short summary with the cost and status is printed."""
    result = runner.invoke(app, ["talent", "solve", str(FIXTURES / "small2"), "--time-limit", "10"])
    assert result.exit_code == 0, result.output
    assert "56" in result.stdout and "OPTIMAL" in result.stdout


def test_mssp_solve_json_adds_location_cost() -> None:
    """mssp --json has the talent keys plus location_cost; cost is idle plus location."""
    result = runner.invoke(app, ["mssp", "solve", str(FIXTURES / "movie_tiny.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "order",
        "cost",
        "idle_cost",
        "location_cost",
        "lower_bound",
        "status",
        "seconds",
    }
    assert data["cost"] == data["idle_cost"] + data["location_cost"]
    assert data["status"] == "OPTIMAL"
    assert sorted(data["order"]) == list(range(1, 7))


def test_bad_input_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    """A malformed file gives exit code 2 and a message with the file and the line."""
    bad = tmp_path / "bad.txt"
    bad.write_text("name\n3\n1\n1 0 q 2\n1 1 1\n")
    result = runner.invoke(app, ["talent", "solve", str(bad), "--json"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "line 4" in result.stderr
    result = runner.invoke(app, ["mssp", "solve", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr

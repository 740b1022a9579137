"""`daybreak scenario` and `daybreak compare` on a scheduled NORTHBOUND project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daybreak.cli import app
from daybreak.services.board_compare import second_unit_section
from daybreak.services.boards import evaluate_board
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
    assert schedule_board(production, time_limit=3, board_name="Plan").board is not None
    path = tmp_path_factory.mktemp("nb") / "nb.daybreak"
    save_production(path, production, create=True)
    return path


@pytest.fixture()
def project(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "nb.daybreak"
    path.write_bytes(template.read_bytes())
    return path


def test_scenario_then_compare(project: Path) -> None:
    code, out, err = invoke(
        "scenario", project, "--board", "Plan", "--push-weeks", "2",
        "--lose", "KIRA:2027-10-04..2027-10-08", "--name", "Later", "--time-limit", "2",
        "--seed", "1", "--json",
    )  # fmt: skip
    assert code == 0, err
    record = json.loads(out)
    assert record["board"] == "Later" and record["source_board"] == "Plan"
    assert len(record["what_ifs"]) == 2
    production = load_production(project)
    later = production.board("Later")
    assert later.extra["scenario"]["push_weeks"] == 2
    code, out, err = invoke("compare", project, "Plan", "Later", "--json")
    assert code == 0, err
    result = json.loads(out)
    difference = result["difference"]
    assert difference["start_days"] == 14  # the push itself
    # the re-plan may take a day less or more; with no fewer days it wraps 2 weeks later
    assert difference["wrap_days"] > 0
    assert difference["days"] < 0 or difference["wrap_days"] >= 14
    for side, board in (("a", production.board("Plan")), ("b", later)):
        panel = evaluate_board(production, board)
        assert result[side]["total"] == pytest.approx(panel["total"])
        assert result[side]["terms"] == pytest.approx(panel["terms"])
    code, out, err = invoke("compare", project, "Plan", "Later")
    assert code == 0, err
    assert "Summary" in out and "Cost by term" in out and "hold days" in out


def test_second_unit_from_the_command_line(project: Path) -> None:
    code, out, err = invoke(
        "scenario", project, "--second-unit", "3,9", "--second-unit-category", "Stunts",
        "--name", "Two units", "--time-limit", "2",
    )  # fmt: skip
    assert code == 0, err
    assert "Second-unit days" in out
    board = load_production(project).board("Two units")
    su = second_unit_section(board)
    assert su is not None and su.strip_ids
    assert not set(su.strip_ids) & {s for day in board.days for s in day}


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--push-weeks", "-2"], "--push-weeks"),
        (["--lose", "ELENA VOSS"], "--lose"),
        (["--lose", "ELENA VOSS:2027-13-01"], "--lose"),
        (["--lose", "NOBODY:2027-10-01..2027-10-02"], "--lose"),
        (["--second-unit", "999"], "--second-unit"),
        (["--second-unit-category", "Dragons"], "--second-unit-category"),
        (["--name", "Plan"], "--name"),
        (["--time-limit", "0"], "--time-limit"),
        (["--board", "Nope"], "Nope"),
    ],
)
def test_bad_scenario_input_exits_2(project: Path, args: list[str], option: str) -> None:
    code, _, err = invoke("scenario", project, *args)
    assert code == 2
    assert option in err
    assert len(err.strip().splitlines()) == 1


def test_bad_compare_input_exits_2(project: Path) -> None:
    code, _, err = invoke("compare", project, "Plan", "Nope")
    assert code == 2 and "Nope" in err
    code, _, err = invoke("compare", project)
    assert code == 2 and "BOARD_A BOARD_B" in err
    code, _, err = invoke("compare", project, "Plan")  # one board
    assert code == 2 and "BOARD_A BOARD_B" in err


def test_no_plan_under_the_what_ifs_exits_1(project: Path) -> None:
    # a four-week push starts after the cliff location's September window closes
    code, _, err = invoke("scenario", project, "--push-weeks", "4", "--time-limit", "1")
    assert code == 1
    assert "Preikestolen" in err
    assert len(load_production(project).boards) == 2

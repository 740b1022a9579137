"""The scenario jobs and the board comparison through the API, on the demo production."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daybreak.services.scenarios import compare_boards
from daybreak.store import Store


@pytest.fixture
def pid(client: TestClient) -> str:
    production_id: str = client.get("/api/productions").json()[0]["id"]
    return production_id


@pytest.fixture
def first_pass(client: TestClient, pid: str) -> str:
    boards = client.get(f"/api/productions/{pid}/boards").json()
    board_id: str = next(b["id"] for b in boards if b["name"] == "First Pass")
    return board_id


def _wait(client: TestClient, url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(url).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def _run(client: TestClient, pid: str, board_id: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/productions/{pid}/boards/{board_id}/scenarios", json=body)
    assert response.status_code == 202, response.text
    assert response.json()["status"] in ("queued", "running")
    return _wait(client, f"/api/productions/{pid}/scenarios/{response.json()['id']}")


def test_scenario_job_adds_a_board_and_compares(
    client: TestClient, project: Path, pid: str, first_pass: str
) -> None:
    job = _run(client, pid, first_pass, {"time_limit": 2, "name": "What if", "seed": 1})
    assert job["status"] == "done", job["message"]
    assert job["board_id"] == first_pass and job["time_limit"] == 2
    result = job["result"]
    assert result["board"] == "What if" and result["source_board"] == "First Pass"
    assert result["method"] in ("unchanged", "repair", "re-solve")
    for move in result["moves"]:
        assert {"scene", "strip_id", "from_unit", "from_day", "to_unit", "to_day"} <= set(move)

    # the new board is stored, the source board kept; a logged change undo can revert
    boards = {b["id"]: b["name"] for b in client.get(f"/api/productions/{pid}/boards").json()}
    assert boards[job["new_board_id"]] == "What if" and first_pass in boards
    change = client.get(f"/api/productions/{pid}/changes").json()[0]
    assert change["action"] == "scenario of board 'First Pass' into 'What if'"

    # compare: the API's numbers are the service's on the stored production
    response = client.get(
        f"/api/productions/{pid}/compare", params={"a": first_pass, "b": "What if"}
    )
    assert response.status_code == 200, response.text
    compared = response.json()
    with Store.open(project) as store:
        expected = compare_boards(store.load(pid), "First Pass", "What if")
    assert compared["a"]["board_id"] == first_pass
    assert compared["b"]["board_id"] == job["new_board_id"]
    assert compared["difference"] == expected["difference"]
    for side in ("a", "b"):
        for key in ("days", "total", "terms", "start", "wrap", "pages", "performers"):
            assert compared[side][key] == expected[side][key], (side, key)
    assert result["comparison"]["difference"] == expected["difference"]
    assert result["comparison"]["b"]["total"] == expected["b"]["total"]

    assert client.post(f"/api/productions/{pid}/undo").status_code == 200
    boards = {b["id"] for b in client.get(f"/api/productions/{pid}/boards").json()}
    assert job["new_board_id"] not in boards


def test_second_unit_scenario(client: TestClient, pid: str, first_pass: str) -> None:
    job = _run(client, pid, first_pass, {"time_limit": 1, "second_unit_category": "Stunts"})
    assert job["status"] == "done", job["message"]
    comparison = job["result"]["comparison"]
    assert comparison["a"]["second_unit_days"] == 0
    assert comparison["b"]["second_unit_days"] > 0
    assert "second_unit" in comparison["b"]["terms"]
    assert any(m["to_unit"] == "second" for m in job["result"]["moves"])
    assert job["result"]["board"] == "First Pass scenario"


def test_infeasible_push_fails_and_saves_nothing(
    client: TestClient, project: Path, pid: str, first_pass: str
) -> None:
    with Store.open(project) as store:
        before = store.load(pid)
    job = _run(client, pid, first_pass, {"time_limit": 2, "push_weeks": 4})
    assert job["status"] == "failed"
    assert job["new_board_id"] is None and job["result"] is None
    assert job["violations"] and any("available only" in v for v in job["violations"])
    assert job["message"].startswith("no plan honours every hard rule")
    with Store.open(project) as store:
        after = store.load(pid)
    assert [b.id for b in after.boards] == [b.id for b in before.boards]
    assert [c.id for c in after.calendars] == [c.id for c in before.calendars]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"lose": [{"name": "NOBODY", "start": "2027-09-08"}]}, 400, "lose[0].name"),
        (
            {"lose": [{"name": "KIRA", "start": "2027-09-10", "end": "2027-09-01"}]},
            400,
            "lose[0].end",
        ),
        ({"second_unit": ["999"]}, 400, "second_unit[0]"),
        ({"second_unit_category": "Dragons"}, 400, "second_unit_category"),
        ({"name": "First Pass"}, 400, "name"),
        ({"push_weeks": -1}, 422, "push_weeks"),
        ({"time_limit": 0}, 422, "time_limit"),
        ({"lose": [{"name": "KIRA", "start": "someday"}]}, 422, "start"),
        ({"storm": True}, 422, "storm"),
    ],
)
def test_scenario_bad_input_names_the_field(
    client: TestClient,
    pid: str,
    first_pass: str,
    body: dict[str, Any],
    status: int,
    field: str,
) -> None:
    response = client.post(f"/api/productions/{pid}/boards/{first_pass}/scenarios", json=body)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    if status == 400:
        assert detail.startswith(field + ":"), detail
    else:
        assert any(field in [str(p) for p in error["loc"]] for error in detail), detail


def test_scenario_of_a_board_without_days_is_refused(client: TestClient, pid: str) -> None:
    boards = client.get(f"/api/productions/{pid}/boards").json()
    empty = next(b["id"] for b in boards if b["name"] == "Script Order")
    response = client.post(f"/api/productions/{pid}/boards/{empty}/scenarios", json={})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("board:")


def test_unknown_jobs_and_boards(client: TestClient, pid: str, first_pass: str) -> None:
    assert client.get(f"/api/productions/{pid}/scenarios/nope").status_code == 404
    assert client.post(f"/api/productions/{pid}/boards/nope/scenarios", json={}).status_code == 404
    missing = client.get(f"/api/productions/{pid}/compare", params={"a": first_pass, "b": "x"})
    assert missing.status_code == 404 and missing.json()["detail"].startswith("b:")
    url = f"/api/productions/{pid}/compare"
    assert client.get(url, params={"a": first_pass}).status_code == 422
    same = client.get(url, params={"a": first_pass, "b": first_pass})
    assert same.status_code == 200 and same.json()["difference"]["total"] == 0

"""The JSON API: every screen's data, versioned edits, undo, solve jobs, reports."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daybreak.cli.serve_command import is_local
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.schedule import Schedule
from daybreak.store import Store


def _ids(client: TestClient) -> tuple[str, str]:
    pid = client.get("/api/productions").json()[0]["id"]
    boards = client.get(f"/api/productions/{pid}/boards").json()
    return pid, next(b["id"] for b in boards if b["name"] == "First Pass")


def _view(client: TestClient, pid: str, bid: str) -> dict[str, Any]:
    response = client.get(f"/api/productions/{pid}/boards/{bid}")
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def _days(view: dict[str, Any]) -> list[list[str]]:
    main = view["board"]["sections"][0]
    return [g["strip_ids"] for g in main["groups"] if g["is_day"]]


def test_home_serves_the_stripboard_ui(client: TestClient) -> None:
    """`/` is the browser app and its static files are served."""
    assert "stripboard" in client.get("/").text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "daybreak"


def test_read_screens(client: TestClient) -> None:
    """Productions, scenes, a breakdown sheet, cast, locations, calendars all read as JSON."""
    pid, _ = _ids(client)
    scenes = client.get(f"/api/productions/{pid}/scenes").json()
    assert len(scenes) == 44
    sheet = client.get(f"/api/productions/{pid}/scenes/{scenes[0]['id']}").json()
    assert sheet["elements"] and sheet["number"] == scenes[0]["number"]
    cast = client.get(f"/api/productions/{pid}/cast").json()
    assert cast[0]["board_id"] == "1"
    assert any(c["unavailable"] for c in cast)
    assert client.get(f"/api/productions/{pid}/locations").json()
    calendars = client.get(f"/api/productions/{pid}/calendars").json()
    assert calendars[0]["start"] == "2027-09-06"
    assert client.get(f"/api/productions/{pid}/scenes/nope").status_code == 404
    assert client.get("/api/productions/nope").status_code == 404


def test_move_returns_the_evaluator_cost(client: TestClient, project: Any) -> None:
    """A strip move lands on the day asked and the cost is the engine evaluator's total."""
    pid, bid = _ids(client)
    view = _view(client, pid, bid)
    strip = _days(view)[0][0]
    response = client.post(
        f"/api/productions/{pid}/boards/{bid}/moves",
        json={"version": view["board"]["version"], "strip_ids": [strip], "day": 5, "index": 0},
    )
    assert response.status_code == 200
    result = response.json()
    days = _days(result)
    assert days[4][0] == strip
    with Store.open(project) as store:
        production = store.load(pid)
        board = store.load_board(pid, bid)
    data = compile_problem(production, board, days=len(board.days))
    index = {s: i for i, s in enumerate(data.scene_ids)}
    expected = evaluate(data, Schedule.of([[index[s] for s in d] for d in board.days]))
    assert result["cost"]["total"] == expected.total
    assert result["cost"]["total"] != view["cost"]["total"]


def test_stale_edit_gets_409_with_current_state(client: TestClient) -> None:
    """An edit made on an old version is refused with 409 and the current board."""
    pid, bid = _ids(client)
    view = _view(client, pid, bid)
    strip = _days(view)[0][0]
    body = {"version": view["board"]["version"], "strip_ids": [strip], "day": 2}
    assert client.post(f"/api/productions/{pid}/boards/{bid}/moves", json=body).status_code == 200
    stale = client.post(f"/api/productions/{pid}/boards/{bid}/moves", json=body)
    assert stale.status_code == 409
    assert stale.json()["current"]["version"] == view["board"]["version"] + 1


def test_day_breaks_boneyard_and_undo(client: TestClient) -> None:
    """Day breaks and boneyard moves are logged changes, each undone in turn."""
    pid, bid = _ids(client)
    view = _view(client, pid, bid)
    first = _days(view)[0][0]
    version = view["board"]["version"]
    url = f"/api/productions/{pid}/boards/{bid}"
    r = client.post(url + "/day-breaks", json={"version": version, "after": first})
    assert r.status_code == 200 and len(_days(r.json())) == len(_days(view)) + 1
    r = client.post(url + "/boneyard", json={"version": version + 1, "strip_ids": [first]})
    yard = r.json()["board"]["sections"][1]
    assert first in yard["groups"][0]["strip_ids"]
    r = client.delete(url + "/day-breaks/1", params={"version": version + 2})
    assert r.status_code == 200
    changes = client.get(f"/api/productions/{pid}/changes").json()
    assert [c["author"] for c in changes[:3]] == ["web"] * 3
    for _ in range(3):
        assert client.post(url + "/undo").status_code == 200
    assert _days(_view(client, pid, bid)) == _days(view)


def test_copy_rename_delete_board(client: TestClient) -> None:
    """Boards are copied, renamed and deleted through the API; undo brings one back."""
    pid, bid = _ids(client)
    copy = client.post(f"/api/productions/{pid}/boards", json={"source_id": bid, "name": "Alt"})
    assert copy.status_code == 201
    new = copy.json()
    url = f"/api/productions/{pid}/boards/{new['id']}"
    renamed = client.patch(url, json={"version": new["version"], "name": "Alt 2"}).json()
    assert renamed["name"] == "Alt 2"
    assert client.delete(url, params={"version": renamed["version"]}).status_code == 204
    assert client.get(url).status_code == 404
    assert client.post(f"/api/productions/{pid}/undo").status_code == 200
    assert client.get(url).status_code == 200


def test_edit_breakdown_and_elements(client: TestClient) -> None:
    """A breakdown sheet and an element are edited; the strips show the change."""
    pid, bid = _ids(client)
    scene = client.get(f"/api/productions/{pid}/scenes").json()[0]
    props = next(
        c for c in client.get(f"/api/productions/{pid}/categories").json() if c["kind"] == "props"
    )
    created = client.post(
        f"/api/productions/{pid}/elements", json={"category_id": props["id"], "name": "Lantern"}
    )
    assert created.status_code == 201
    element = created.json()
    sheet = client.get(f"/api/productions/{pid}/scenes/{scene['id']}").json()
    r = client.patch(
        f"/api/productions/{pid}/scenes/{scene['id']}",
        json={"synopsis": "Rewritten", "element_ids": [*sheet["element_ids"], element["id"]]},
    )
    assert r.status_code == 200 and "Lantern" in [e["name"] for e in r.json()["elements"]]
    assert _view(client, pid, bid)["strips"][scene["id"]]["synopsis"] == "Rewritten"
    r = client.patch(
        f"/api/productions/{pid}/elements/{element['id']}",
        json={"name": "Oil lantern", "unavailable": [{"start": "2027-09-06", "end": "2027-09-07"}]},
    )
    assert r.json()["name"] == "Oil lantern" and r.json()["unavailable"]


def test_reports_download_in_every_format(client: TestClient) -> None:
    """Each listed report kind downloads as a non-empty file in each of its formats."""
    pid, bid = _ids(client)
    kinds = client.get(f"/api/productions/{pid}/reports").json()
    assert {"export", "dood", "stripboard"} <= {k["kind"] for k in kinds}
    for kind in kinds:
        for fmt in kind["formats"]:
            params: dict[str, Any] = {"fmt": fmt, "board_id": bid}
            if kind["needs_day"]:
                params["day"] = 1
            r = client.get(f"/api/productions/{pid}/reports/{kind['kind']}", params=params)
            assert r.status_code == 200, (kind["kind"], fmt, r.text[:200])
            assert r.content and "attachment" in r.headers["content-disposition"]


def _wait(client: TestClient, pid: str, job_id: str) -> dict[str, Any]:
    for _ in range(200):
        job: dict[str, Any] = client.get(f"/api/productions/{pid}/jobs/{job_id}").json()
        if job["status"] in ("done", "failed", "cancelled"):
            return job
        time.sleep(0.1)
    raise AssertionError("the job did not end")


def test_solve_job_runs_off_the_request_thread(client: TestClient) -> None:
    """A solve job streams progress while the API keeps answering, then adds a board."""
    pid, bid = _ids(client)
    job = client.post(f"/api/productions/{pid}/jobs", json={"board_id": bid, "time_limit": 1.5})
    assert job.status_code == 202
    started = time.perf_counter()
    assert client.get(f"/api/productions/{pid}/boards/{bid}/cost").status_code == 200
    assert time.perf_counter() - started < 1.0
    done = _wait(client, pid, job.json()["id"])
    assert done["status"] == "done" and done["progress"] and done["new_board_id"]
    board = client.get(f"/api/productions/{pid}/boards/{done['new_board_id']}").json()
    assert board["cost"]["total"] == done["result"]["objective"]
    with client.stream("GET", f"/api/productions/{pid}/jobs/{done['id']}/events") as events:
        first = next(events.iter_lines())
    assert first.startswith("data: ") and '"done"' in first


def test_cancel_a_job(client: TestClient) -> None:
    """A cancelled job ends as cancelled and adds no board."""
    pid, bid = _ids(client)
    job = client.post(f"/api/productions/{pid}/jobs", json={"board_id": bid, "time_limit": 20})
    time.sleep(0.5)
    client.post(f"/api/productions/{pid}/jobs/{job.json()['id']}/cancel")
    done = _wait(client, pid, job.json()["id"])
    assert done["status"] == "cancelled" and done["new_board_id"] is None


@pytest.mark.parametrize(
    ("host", "local"), [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False)]
)
def test_serve_listens_locally_unless_allowed(host: str, local: bool) -> None:
    """`daybreak serve` treats only loopback addresses as local."""
    assert is_local(host) is local


def test_serve_refuses_a_remote_host_without_the_flag(tmp_path: Any) -> None:
    """`daybreak serve --host 0.0.0.0` fails with a clear message unless --allow-remote."""
    from typer.testing import CliRunner

    from daybreak.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "x.daybreak"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.output

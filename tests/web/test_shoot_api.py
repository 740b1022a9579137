"""The shoot log API: log a day, read progress, clear a day; bad input is a 4xx naming the
field; the log is kept in the project and the change log."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daybreak.domain import ShotStatus
from daybreak.services.registry import auto_link
from daybreak.store import Store


@pytest.fixture
def base(client: TestClient) -> str:
    pid = client.get("/api/productions").json()[0]["id"]
    board = client.get(f"/api/productions/{pid}/boards").json()[-1]
    return f"/api/productions/{pid}/boards/{board['id']}"


def _log(client: TestClient, base: str) -> dict[str, Any]:
    response = client.get(base + "/log")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_empty_log_lists_every_day(client: TestClient, base: str) -> None:
    log = _log(client, base)
    board = client.get(base).json()["board"]
    days = [g for g in board["sections"][0]["groups"] if g["is_day"]]
    assert len(log["days"]) == len(days)
    assert log["days"][0]["strip_ids"] == days[0]["strip_ids"]
    assert log["days"][0]["date"] == days[0]["date"]
    assert not any(d["logged"] for d in log["days"])
    progress = log["progress"]
    assert progress["days_logged"] == 0
    assert progress["days_scheduled"] == len(days)
    assert progress["remaining_eighths"] == sum(d["scheduled_eighths"] for d in log["days"])


def test_log_day_and_progress(client: TestClient, base: str, project: Path) -> None:
    log = _log(client, base)
    day1, day2 = log["days"][0], log["days"][1]
    entries = [{"scene": sid, "status": "complete"} for sid in day1["strip_ids"]]
    response = client.put(
        base + "/log/1",
        json={"entries": entries, "note": "  a good day  "},
        headers={"X-Daybreak-User": "ad"},
    )
    assert response.status_code == 200, response.text
    log = response.json()
    first = log["days"][0]
    assert first["logged"] and first["note"] == "a good day"
    assert first["shot_on"] == day1["date"]
    assert first["shot_eighths"] == day1["scheduled_eighths"]
    assert {r["status"] for r in first["records"]} == {"complete"}
    progress = log["progress"]
    assert progress["days_logged"] == 1
    assert progress["shot_eighths"] == progress["scheduled_eighths"] == day1["scheduled_eighths"]
    assert progress["days_ahead"] == 0.0
    assert progress["days"][0]["cumulative_shot_eighths"] == day1["scheduled_eighths"]

    # day 2: one scene partly shot, one not shot, a reshoot of a day-1 scene
    strips = client.get(base).json()["strips"]
    big = max(day2["strip_ids"], key=lambda s: strips[s]["eighths"])
    assert strips[big]["eighths"] > 1
    others = [s for s in day2["strip_ids"] if s != big]
    entries = [{"scene": big, "status": "partial", "eighths_done": 1}]
    entries += [{"scene": s, "status": "not_shot"} for s in others]
    entries.append({"scene": day1["strip_ids"][0], "status": "added", "reshoot": True})
    response = client.put(base + "/log/2", json={"entries": entries, "date": "2027-09-08"})
    assert response.status_code == 200, response.text
    log = response.json()
    second = log["days"][1]
    assert second["shot_on"] == "2027-09-08"
    assert second["shot_eighths"] == 1
    assert second["added_eighths"] == strips[day1["strip_ids"][0]]["eighths"]
    reshoot = next(r for r in second["records"] if r["status"] == "added")
    assert reshoot["reshoot"] is True
    progress = log["progress"]
    assert progress["days_logged"] == 2
    assert progress["balance_eighths"] == 1 - day2["scheduled_eighths"]
    assert progress["days_ahead"] < 0  # behind

    # the log is in the project, and in the change log
    with Store.open(project) as store:
        production = store.load()
    stored = {d.day_number: d for d in production.shoot_log}
    assert set(stored) == {1, 2}
    expected = {ShotStatus.PARTIAL, ShotStatus.ADDED} | ({ShotStatus.NOT_SHOT} if others else set())
    assert {r.status for r in stored[2].records} == expected
    pid = base.split("/")[3]
    changes = client.get(f"/api/productions/{pid}/changes").json()
    assert changes[0]["action"].startswith("log shoot day 2")
    assert changes[1]["action"].startswith("log shoot day 1") and changes[1]["author"] == "ad"

    # re-logging a day replaces its log; clearing it removes it
    response = client.put(base + "/log/2", json={"entries": []})
    assert response.status_code == 200
    assert response.json()["days"][1]["records"] == []
    response = client.delete(base + "/log/2")
    assert response.status_code == 200
    assert not response.json()["days"][1]["logged"]
    assert response.json()["progress"]["days_logged"] == 1
    assert client.delete(base + "/log/2").status_code == 400


def test_log_survives_board_edits_and_undo(client: TestClient, base: str) -> None:
    """A board edit and its undo leave the shoot log alone (and the reverse)."""
    log = _log(client, base)
    day1 = log["days"][0]
    client.put(
        base + "/log/1", json={"entries": [{"scene": day1["strip_ids"][0], "status": "complete"}]}
    )
    board = client.get(base).json()["board"]
    moved = client.post(
        base + "/moves",
        json={"version": board["version"], "strip_ids": [day1["strip_ids"][-1]], "day": 3},
    )
    assert moved.status_code == 200
    assert client.post(base + "/undo").status_code == 200
    assert _log(client, base)["days"][0]["logged"]
    # undo restores boards only: with no board change left, there is nothing to undo
    assert client.post(base + "/undo").status_code == 400


@pytest.mark.parametrize(
    ("day", "body", "status", "field"),
    [
        (
            1,
            {"entries": [{"scene": "no-such-scene", "status": "complete"}]},
            400,
            "entries[0].scene",
        ),
        (
            1,
            {
                "entries": [
                    {"scene": "S1", "status": "complete"},
                    {"scene": "S1", "status": "not_shot"},
                ]
            },
            400,
            "entries[1].scene",
        ),
        (
            1,
            {"entries": [{"scene": "S1", "status": "partial", "eighths_done": 0}]},
            400,
            "entries[0].eighths_done",
        ),
        (
            1,
            {"entries": [{"scene": "S1", "status": "partial", "eighths_done": 200}]},
            400,
            "entries[0].eighths_done",
        ),
        (
            1,
            {"entries": [{"scene": "S1", "status": "complete", "eighths_done": 3}]},
            400,
            "entries[0].eighths_done",
        ),
        (
            1,
            {"entries": [{"scene": "S1", "status": "complete", "reshoot": True}]},
            400,
            "entries[0].reshoot",
        ),
        (1, {"entries": [{"scene": "S1", "status": "shot"}]}, 422, "status"),
        (1, {"entries": [{"scene": "", "status": "complete"}]}, 422, "scene"),
        (1, {"date": "the ninth"}, 422, "date"),
        (1, {"entries": [], "colour": "red"}, 422, "colour"),
        (999, {"entries": []}, 400, "day"),
        (0, {"entries": []}, 422, "day"),
    ],
)
def test_bad_input_names_the_field(
    client: TestClient, base: str, day: int, body: dict[str, Any], status: int, field: str
) -> None:
    first = _log(client, base)["days"][0]["strip_ids"][0]
    text = json.dumps(body).replace('"S1"', json.dumps(first))
    response = client.put(
        f"{base}/log/{day}", content=text, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    if status == 400:
        assert detail.startswith(field + ":"), detail
    else:
        assert any(field in [str(p) for p in error["loc"]] for error in detail), detail
    assert not _log(client, base)["progress"]["days_logged"]


def test_unknown_board_or_production_is_404(client: TestClient, base: str) -> None:
    assert client.get(base.rsplit("/", 1)[0] + "/nope/log").status_code == 404
    assert client.put("/api/productions/nope/boards/x/log/1", json={}).status_code == 404


# -- repair and conflicts ------------------------------------------------------------------


def _wait(client: TestClient, url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(url).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def test_repair_makes_a_new_board_with_its_moves(client: TestClient, base: str) -> None:
    pid = base.split("/")[3]
    body = {
        "unavailable": [{"name": "KIRA", "start": "2027-09-08", "end": "2027-09-10"}],
        "time_limit": 4,
        "name": "After Kira's week off",
    }
    response = client.post(base + "/repair", json=body)
    assert response.status_code == 202, response.text
    job = _wait(client, f"/api/productions/{pid}/repairs/{response.json()['id']}")
    assert job["status"] == "done", job["message"]
    result = job["result"]
    assert result["board"] == "After Kira's week off"
    assert result["moved_scenes"] == len(result["moves"]) > 0
    move = result["moves"][0]
    assert {"scene", "strip_id", "from_day", "from_date", "to_day", "to_date"} <= set(move)
    assert "total" in result["cost_delta"] and "cast_hold" in result["cost_delta"]
    assert any("KIRA" in d for d in result["disruptions"])

    # the new board is stored, the source board kept; the strips moved where the job says
    boards = {b["id"]: b for b in client.get(f"/api/productions/{pid}/boards").json()}
    assert job["new_board_id"] in boards and base.rsplit("/", 1)[1] in boards
    new = client.get(f"/api/productions/{pid}/boards/{job['new_board_id']}").json()
    days = [g for g in new["board"]["sections"][0]["groups"] if g["is_day"]]
    assert move["strip_id"] in days[move["to_day"] - 1]["strip_ids"]
    # the disruption is in the production: KIRA is unavailable on those dates
    cast = client.get(f"/api/productions/{pid}/cast").json()
    kira = next(c for c in cast if c["name"] == "KIRA")
    assert {"start": "2027-09-08", "end": "2027-09-10"} in kira["unavailable"]
    # the new board is a logged change: undo removes it
    changes = client.get(f"/api/productions/{pid}/changes").json()
    assert changes[0]["action"].startswith("repair board")
    assert client.post(f"/api/productions/{pid}/undo").status_code == 200
    boards = {b["id"] for b in client.get(f"/api/productions/{pid}/boards").json()}
    assert job["new_board_id"] not in boards


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"unavailable": [{"name": "NOBODY", "start": "2027-09-08"}]}, 400, "unavailable[0].name"),
        (
            {"location_lost": [{"name": "KIRA", "start": "2027-09-08"}]},
            400,
            "location_lost[0].name",
        ),
        ({"hiatus": {"start": "2027-09-10", "end": "2027-09-01"}}, 400, "hiatus.end"),
        ({"hiatus": {"start": "2027-01-01", "end": "2099-01-01"}}, 400, "hiatus.end"),
        ({"reshoot": ["no-such-scene"]}, 400, "reshoot[0]"),
        ({"name": "First Pass"}, 400, "name"),
        ({"hiatus": {"start": "someday"}}, 422, "start"),
        ({"time_limit": -1}, 422, "time_limit"),
        ({"storm": True}, 422, "storm"),
    ],
)
def test_repair_bad_input_names_the_field(
    client: TestClient, base: str, body: dict[str, Any], status: int, field: str
) -> None:
    response = client.post(base + "/repair", json=body)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    if status == 400:
        assert detail.startswith(field + ":"), detail
    else:
        assert any(field in [str(p) for p in error["loc"]] for error in detail), detail


def test_unknown_repair_job_is_404(client: TestClient, base: str) -> None:
    pid = base.split("/")[3]
    assert client.get(f"/api/productions/{pid}/repairs/nope").status_code == 404


def test_conflicts_across_productions(client: TestClient, project: Path) -> None:
    found = client.get("/api/conflicts")
    assert found.status_code == 200
    assert found.json()["count"] == 0 and found.json()["productions"] == 1
    assert client.get("/api/conflicts?production=nope").status_code == 404

    # a second production shooting the same dates with the same performers
    with Store.open(project) as store:
        second = copy.deepcopy(store.load())
        second.id, second.name = "second-unit", "Northbound II"
        store.save(second)
        auto_link(store)
    found = client.get("/api/conflicts").json()
    assert found["productions"] == 2
    assert found["count"] > 0 and found["overlap_days"] > 0
    clash = found["conflicts"][0]
    assert {clash["a"]["production"], clash["b"]["production"]} == {"Northbound", "Northbound II"}
    assert clash["overlap"] and clash["days_to_move"] >= 1
    only = client.get("/api/conflicts", params={"production": "Northbound II"}).json()
    assert only["count"] == found["count"]

"""Across productions through the API: the registry, conflicts, milestones, the joint solve,
on two small films sharing three performers and a location (tests/services/two_films.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daybreak.api.app import create_app
from daybreak.api.settings import Settings
from daybreak.services.conflicts import conflicts_record, find_conflicts
from daybreak.store import Store
from tests.services.two_films import SHARED, expected_overlaps, project


@pytest.fixture
def two(tmp_path: Path) -> Path:
    path = tmp_path / "two.daybreak"
    project(path)
    return path


@pytest.fixture
def api(two: Path) -> Iterator[TestClient]:
    app = create_app(Settings(project=two, solve_time_limit=2.0))
    with TestClient(app) as client:
        yield client
    app.state.daybreak.close()


def _wait(client: TestClient, url: str, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(url).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def _link_all(api: TestClient) -> list[dict[str, Any]]:
    auto = api.post("/api/registry/links/auto")
    assert auto.status_code == 200, auto.text
    pier = {"production": "RIVER", "element": "Old Pier", "entry": "Old Pier", "new": True}
    assert api.post("/api/registry/links", json=pier).status_code == 200
    made = api.post("/api/registry/links", json={**pier, "production": "HARBOR", "new": False})
    assert made.status_code == 200, made.text
    assert made.json()["links"][0]["created"] is False
    links: list[dict[str, Any]] = auto.json()["links"]
    return links


def test_link_list_unlink(api: TestClient) -> None:
    assert api.get("/api/registry").json() == {"entries": []}
    links = _link_all(api)
    assert sorted({link["entry"] for link in links}) == sorted(SHARED)
    assert len(links) == 2 * len(SHARED) and all(link["kind"] == "cast" for link in links)
    again = api.post("/api/registry/links/auto").json()
    assert again == {"links": []}  # running it twice links nothing the second time

    entries = {e["name"]: e for e in api.get("/api/registry").json()["entries"]}
    assert set(entries) == {*SHARED, "Old Pier"}
    assert entries["Old Pier"]["kind"] == "location"
    for entry in entries.values():
        assert sorted(e["production"] for e in entry["elements"]) == ["HARBOR", "RIVER"]
    ana = {e["production"]: e for e in entries["Ana Ruiz"]["elements"]}
    assert ana["RIVER"]["performer"] == "Ana Ruiz" and "MAYA" in ana["RIVER"]["element"]

    # unlink one element: the entry keeps the other production's
    gone = api.delete("/api/registry/links", params={"production": "HARBOR", "element": "Old Pier"})
    assert gone.status_code == 200, gone.text
    assert gone.json() == {"production": "HARBOR", "element": "Old Pier"}
    entries = {e["name"]: e for e in api.get("/api/registry").json()["entries"]}
    assert [e["production"] for e in entries["Old Pier"]["elements"]] == ["RIVER"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"production": "NOPE", "element": "Ana Ruiz", "entry": "X"}, 400, "production"),
        ({"production": "RIVER", "element": "NOBODY", "entry": "X"}, 400, "element"),
        ({"production": "RIVER", "element": "Ana Ruiz", "entry": "Nobody"}, 400, "entry"),
        ({"production": "RIVER", "element": "Old Pier", "entry": "Ana Ruiz"}, 400, "entry"),
        ({"production": "RIVER", "element": "Ana Ruiz"}, 422, "entry"),
        ({"production": "RIVER", "element": "Ana Ruiz", "entry": "X", "x": 1}, 422, "x"),
    ],
)
def test_link_bad_input_names_the_field(
    api: TestClient, body: dict[str, Any], status: int, field: str
) -> None:
    _link_all(api)
    response = api.post("/api/registry/links", json=body)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    if status == 400:
        assert detail.startswith(field + ":"), detail
    else:
        assert any(field in [str(p) for p in error["loc"]] for error in detail), detail
    bad = api.delete("/api/registry/links", params={"production": "RIVER", "element": "NOBODY"})
    assert bad.status_code == 400 and bad.json()["detail"].startswith("element:")


def test_conflicts_then_joint_solve_clears_them(api: TestClient, two: Path) -> None:
    assert api.get("/api/conflicts").json()["count"] == 0  # nothing linked yet
    _link_all(api)
    found = api.get("/api/conflicts").json()
    with Store.open(two) as store:
        expected = conflicts_record(find_conflicts(store))
    assert found["count"] == expected["count"] > 0
    assert found["days_to_move"] == expected["days_to_move"]
    assert found["productions"] == 2

    for body, field in (
        ({"productions": ["RIVER", "RIVER"]}, "productions[1]"),
        ({"productions": ["RIVER", "NOPE"]}, "productions[1]"),
    ):
        response = api.post("/api/joint", json=body)
        assert response.status_code == 400 and response.json()["detail"].startswith(field + ":")
    assert api.post("/api/joint", json={"productions": ["RIVER"]}).status_code == 422
    assert api.get("/api/joint/nope").status_code == 404

    response = api.post(
        "/api/joint", json={"productions": ["RIVER", "HARBOR"], "time_limit": 6, "seed": 1}
    )
    assert response.status_code == 202, response.text
    job = _wait(api, f"/api/joint/{response.json()['id']}")
    assert job["status"] == "done", job["message"]
    result = job["result"]
    assert result["conflicts"] == 0 and result["saved"] is True
    assert len(job["new_board_ids"]) == 2
    assert result["total"] == pytest.approx(sum(p["total"] for p in result["productions"]))
    assert api.get("/api/conflicts").json()["count"] == 0
    with Store.open(two) as store:
        a, b = store.load("RIVER"), store.load("HARBOR")
        changes = store.changes(a.id)
    assert [a.boards[-1].id, b.boards[-1].id] == job["new_board_ids"]
    assert expected_overlaps(a, a.boards[-1], b, b.boards[-1]) == {}  # counted independently
    assert changes[0].action == "joint schedule" and changes[0].author == "web"


def test_milestones_set_and_slip(api: TestClient) -> None:
    url = "/api/productions/RIVER/milestones"
    report = api.get(url).json()
    assert report["milestones"] == [] and report["board_wrap"] == "2027-03-05"
    body = {"dates": {"wrap": "2027-03-05", "release": "2027-06-01"}, "post_weeks": 8}
    response = api.put(url, json=body)
    assert response.status_code == 200, response.text
    report = response.json()
    kinds = {m["kind"]: m["date"] for m in report["milestones"]}
    assert kinds == {"wrap": "2027-03-05", "release": "2027-06-01", "post": "2027-04-30"}
    assert report["slack_days"] == (31 + 1) and report["at_risk"] is False
    assert api.get(url).json()["milestones"] == report["milestones"]  # stored

    slip = api.get(url + "/slip", params={"days": 14}).json()
    assert slip["new_wrap"] == "2027-03-19" and slip["slip_from"] == "days"
    assert slip["post"][0]["new"] == "2027-05-14" and slip["slack_days"] == 18
    late = api.get(url + "/slip", params={"days": 60}).json()
    assert late["slack_days"] == -28 and late["at_risk"] is True

    for bad, status, field in (
        ({"dates": {"shoot": "2027-07-01"}}, 400, "dates"),
        ({"board": "nope"}, 400, "board"),
        ({"dates": {"wrap": "soon"}}, 422, "wrap"),
        ({"dates": {"wrap": "9999-12-31"}}, 422, "wrap"),
        ({"post_weeks": -1}, 422, "post_weeks"),
        ({"dates": {"other": "2027-01-01"}}, 422, "other"),
    ):
        response = api.put(url, json=bad)
        assert response.status_code == status, (bad, response.text)
        detail = response.json()["detail"]
        if status == 400:
            assert detail.startswith(field + ":"), detail
        else:
            assert any(field in [str(p) for p in e["loc"]] for e in detail), detail
    assert api.get("/api/productions/NOPE/milestones").status_code == 404
    assert api.get(url + "/slip", params={"days": 10**6}).status_code == 422

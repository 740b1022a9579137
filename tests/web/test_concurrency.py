"""Two clients editing one board at the same time never lose an edit."""

from __future__ import annotations

import threading
from typing import Any

import httpx

from daybreak.domain import Board
from daybreak.domain.codec import from_plain
from daybreak.store import Store

EDITS_PER_CLIENT = 12


def test_concurrent_edits_land_or_get_409(live_server: str, project: Any) -> None:
    """Each edit either lands (a new version, in the change log) or is refused with 409;
    the board ends as the last landed edit left it."""
    with httpx.Client(base_url=live_server) as client:
        pid = client.get("/api/productions").json()[0]["id"]
        boards = client.get(f"/api/productions/{pid}/boards").json()
        bid = next(b["id"] for b in boards if b["name"] == "First Pass")
    landed: list[dict[str, Any]] = []
    refused: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(2)

    def editor(name: str, day: int) -> None:
        with httpx.Client(base_url=live_server, headers={"X-Daybreak-User": name}) as http:
            barrier.wait()
            for n in range(EDITS_PER_CLIENT):
                view = http.get(f"/api/productions/{pid}/boards/{bid}").json()
                groups = [g for g in view["board"]["sections"][0]["groups"] if g["is_day"]]
                strip = next(
                    g["strip_ids"][n % len(g["strip_ids"])]
                    for g in groups
                    if g["strip_ids"] and g["day"] != day
                )
                response = http.post(
                    f"/api/productions/{pid}/boards/{bid}/moves",
                    json={
                        "version": view["board"]["version"],
                        "strip_ids": [strip],
                        "day": day,
                        "index": 0,
                    },
                )
                with lock:
                    if response.status_code == 200:
                        landed.append({"who": name, "board": response.json()["board"]})
                    else:
                        assert response.status_code == 409, response.text
                        assert response.json()["current"]["version"] > view["board"]["version"]
                        refused.append(view["board"]["version"])

    threads = [threading.Thread(target=editor, args=(n, d)) for n, d in (("ann", 6), ("bob", 7))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(landed) + len(refused) == 2 * EDITS_PER_CLIENT
    versions = sorted(edit["board"]["version"] for edit in landed)
    assert versions == list(range(2, 2 + len(landed)))  # every landed edit is one new version
    with Store.open(project) as store:
        changes = [c for c in store.changes(pid, limit=1000) if c.board_id == bid]
        final = store.load_board(pid, bid)
    assert len(changes) == len(landed)
    by_version = {e["board"]["version"]: e for e in landed}
    for change in changes:  # the log holds each landed edit, by its author
        assert change.after is not None
        after: Board = from_plain(Board, change.after)
        assert by_version[after.version]["who"] == change.author
    last = by_version[max(by_version)]["board"]
    assert final.version == last["version"]
    assert [g.strip_ids for g in final.sections[0].groups] == [
        g["strip_ids"] for g in last["sections"][0]["groups"]
    ]

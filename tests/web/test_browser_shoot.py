"""The shoot log in the browser (Playwright, Debian's Chromium): open it from the keyboard,
log day 1 as shot, see the progress numbers update; log day 2 partly shot with a reshoot.
Screenshots go to ``test-artifacts/shoot-log.png`` and ``shoot-board.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from daybreak.domain import ShotStatus
from daybreak.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


@pytest.fixture
def page(live_server: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1600, "height": 900})
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(live_server + "/")
        tab.wait_for_selector(".strip[data-strip-id]")
        tab.wait_for_selector('#shoot-summary[data-days-logged="0"]')
        yield tab
        context.close()
        browser.close()
        assert not errors, errors


def stored_log(project: Path) -> dict[int, Any]:
    with Store.open(project) as store:
        production = store.load()
    return {d.day_number: d for d in production.shoot_log}


def test_log_day_one_shot_then_day_two_partial(page: Any, project: Path) -> None:
    # L opens the shoot log on the first day not logged
    page.locator("#board").focus()
    page.keyboard.press("l")
    page.wait_for_selector("#shoot-dialog[open] #shoot-strips select.shot-status")
    assert page.locator("#shoot-days tr.current").get_attribute("data-day") == "1"
    day1 = page.locator("#shoot-strips select.shot-status").evaluate_all(
        "els => els.map(e => e.dataset.stripId)"
    )
    assert day1

    # mark day 1 shot: "All shot", then save with Ctrl+Enter
    page.click("#shoot-all")
    assert set(
        page.locator("#shoot-strips select.shot-status").evaluate_all(
            "els => els.map(e => e.value)"
        )
    ) == {"complete"}
    page.keyboard.press("Control+Enter")
    page.wait_for_selector('#shoot-progress[data-days-logged="1"]')
    page.wait_for_selector('#shoot-summary[data-days-logged="1"]')
    scheduled = page.locator("#shoot-days tr[data-day='1'] td.num").first.inner_text()
    assert "1 of" in page.inner_text("#shoot-progress")
    assert f"shot {scheduled} pgs" in page.inner_text("#shoot-progress")
    assert "on schedule" in page.inner_text("#shoot-progress")
    assert page.inner_text("#shoot-ahead").startswith("on schedule")
    page.screenshot(path=str(ARTIFACTS / "shoot-log.png"))
    log = stored_log(project)
    assert [r.scene_id for r in log[1].records] == day1
    assert {r.status for r in log[1].records} == {ShotStatus.COMPLETE}

    # day 2 by keyboard: PageDown, first strip partial (1/8 done), the rest not shot
    page.keyboard.press("PageDown")
    page.wait_for_selector("#shoot-days tr.current[data-day='2']")
    selects = page.locator("#shoot-strips select.shot-status")
    selects.first.focus()
    selects.first.select_option("partial")
    page.keyboard.type("1")
    for i in range(1, selects.count()):
        selects.nth(i).select_option("not_shot")
    # a reshoot of a day-1 scene
    page.select_option("#shoot-add-scene", day1[0])
    page.select_option("#shoot-add-kind", "reshoot")
    page.click("#shoot-add-button")
    assert page.locator("#shoot-added li[data-strip-id]").count() == 1
    page.fill("#shoot-note", "rain in the afternoon")
    page.click("#shoot-save")
    page.wait_for_selector('#shoot-summary[data-days-logged="2"]')
    assert "behind" in page.inner_text("#shoot-ahead")
    log = stored_log(project)
    assert log[2].notes == "rain in the afternoon"
    statuses = [r.status for r in log[2].records]
    assert statuses[0] is ShotStatus.PARTIAL and log[2].records[0].eighths_done == 1
    assert statuses[-1] is ShotStatus.ADDED and log[2].records[-1].reshoot
    page.screenshot(path=str(ARTIFACTS / "shoot-log-day2.png"))

    # Escape closes the dialog; shot strips carry their mark on the board
    page.keyboard.press("Escape")
    page.wait_for_selector("#shoot-dialog", state="hidden")
    for strip_id in day1:
        assert page.get_attribute(f'#board .strip[data-strip-id="{strip_id}"]', "data-shot") == (
            "complete"
        )
    page.screenshot(path=str(ARTIFACTS / "shoot-board.png"))


def test_repair_dialog_and_conflicts(page: Any, project: Path) -> None:
    """Repair after a performer's days off: the diff shows the moves and the cost change,
    the new board opens with the moved strips outlined; the conflicts panel opens."""
    source = page.input_value("#board-select")
    page.click("#repair-button")
    page.wait_for_selector("#repair-dialog[open]")
    page.select_option("#repair-kind", "unavailable")
    page.select_option("#repair-what", label="3. KIRA")
    page.fill("#repair-start", "2027-09-08")
    page.fill("#repair-end", "2027-09-10")
    page.click("#repair-add")
    assert "KIRA" in page.inner_text("#repair-list")
    page.fill("#repair-time", "4")
    page.click("#repair-run")
    page.wait_for_selector("#repair-status[data-status]", timeout=60_000)
    assert page.get_attribute("#repair-status", "data-status") == "done", page.inner_text(
        "#repair-status"
    )
    moved = int(page.get_attribute("#repair-moved", "data-moved"))
    assert moved > 0
    assert page.locator("#repair-moves tr[data-strip-id]").count() >= moved
    page.screenshot(path=str(ARTIFACTS / "repair.png"))
    page.click("#repair-open")
    page.wait_for_function(f"document.querySelector('#board-select').value !== '{source}'")
    page.wait_for_selector("#board .strip.moved")
    assert 0 < page.locator("#board .strip.moved").count() <= moved
    page.screenshot(path=str(ARTIFACTS / "repair-board.png"))
    with Store.open(project) as store:
        boards = {b.id: b for b in store.load().boards}
    assert source in boards  # the source board is kept
    new = boards[page.input_value("#board-select")]
    assert new.name.startswith("Repair") and new.extra.get("disruptions")

    page.click("#conflicts-button")
    page.wait_for_selector('#conflicts-body[data-count="0"]')
    assert "No clash" in page.inner_text("#conflicts-body")
    page.click("#conflicts-dialog form button")

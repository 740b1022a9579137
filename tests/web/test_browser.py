"""The browser stripboard, driven by Playwright in Debian's Chromium: drag a strip, see the
evaluator's cost, use the keyboard, optimize, undo, download a report. Screenshots of the
board are written to ``test-artifacts/``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.schedule import Schedule
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
        context = browser.new_context(
            viewport={"width": 1600, "height": 900}, accept_downloads=True
        )
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(live_server + "/")
        tab.wait_for_selector(".strip[data-strip-id]")
        yield tab
        context.close()
        browser.close()
        assert not errors, errors


def evaluator_total(project: Path, board_id: str) -> float:
    """What the engine's evaluator says the stored board costs."""
    with Store.open(project) as store:
        pid = store.resolve()
        production = store.load(pid)
        board = store.load_board(pid, board_id)
    data = compile_problem(production, board, days=len(board.days))
    index = {s: i for i, s in enumerate(data.scene_ids)}
    return evaluate(data, Schedule.of([[index[s] for s in d] for d in board.days])).total


def wait_version(page: Any, version: int) -> None:
    page.wait_for_selector(f'#cost-total[data-version="{version}"]', timeout=10_000)


def total(page: Any) -> float:
    return float(page.get_attribute("#cost-total", "data-total"))


def test_drag_cost_keyboard_optimize_undo_report(page: Any, project: Path) -> None:
    """The whole story of an AD's session on the board, checked against the evaluator."""
    board_id = page.input_value("#board-select")
    page.screenshot(path=str(ARTIFACTS / "board.png"), full_page=True)
    start_total = total(page)
    assert start_total == evaluator_total(project, board_id)

    # drag the first strip of day 1 onto the first strip of day 5 (its left half)
    source = page.locator("#board .strip[data-strip-id]").first
    strip_id = source.get_attribute("data-strip-id")
    day5 = page.locator('#board .strip[data-group="4"][data-index="0"]')
    source.drag_to(day5, target_position={"x": 3, "y": 40})
    wait_version(page, 2)
    moved = page.locator(f'#board .strip[data-strip-id="{strip_id}"]')
    assert moved.get_attribute("data-group") == "4"
    assert total(page) == evaluator_total(project, board_id) != start_total
    page.locator(f'#board .strip[data-strip-id="{strip_id}"]').scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "board-after-move.png"))

    # keyboard: select, move one strip later with Alt+Right, then Ctrl+Z twice
    moved.click()
    page.keyboard.press("Alt+ArrowRight")
    wait_version(page, 3)
    assert (
        page.locator(f'#board .strip[data-strip-id="{strip_id}"]').get_attribute("data-index")
        == "1"
    )
    page.keyboard.press("Control+z")
    wait_version(page, 4)
    page.keyboard.press("Control+z")
    wait_version(page, 5)
    assert total(page) == start_total == evaluator_total(project, board_id)

    # the breakdown sheet, the DOOD and the compare views open
    page.locator("#board .strip[data-strip-id]").first.dblclick()
    page.wait_for_selector("#sheet-dialog[open]")
    page.screenshot(path=str(ARTIFACTS / "breakdown-sheet.png"))
    page.click("#sheet-dialog button[value=cancel]")
    page.click("#dood-button")
    page.wait_for_selector("#dood-dialog[open] td.SW")
    page.screenshot(path=str(ARTIFACTS / "dood.png"))
    page.click("#dood-dialog button")

    # optimize to the end: a new board, its cost the job's
    page.click("#optimize-button")
    page.wait_for_selector('#job-status[data-status="done"]', timeout=60_000)
    page.wait_for_function(f"document.querySelector('#board-select').value !== '{board_id}'")
    new_board = page.input_value("#board-select")
    page.wait_for_function(
        "document.querySelector('#cost-total').dataset.total !== ''", timeout=10_000
    )
    assert total(page) == evaluator_total(project, new_board)
    page.screenshot(path=str(ARTIFACTS / "board-optimized.png"), full_page=True)
    page.click("#compare-button")
    page.wait_for_selector("#compare-dialog[open] .compare table")
    page.screenshot(path=str(ARTIFACTS / "compare.png"))
    page.click("#compare-dialog form button")

    # download a report of the board on screen
    page.select_option("#report-select", label="dood (csv)")
    with page.expect_download() as download:
        page.click("#report-link")
    target = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(target)
    assert target.read_text(encoding="utf-8").startswith("id,name,1,")

    # undo removes the optimized board and shows the previous one again
    page.click("#undo-button")
    page.wait_for_function(f"document.querySelector('#board-select').value !== '{new_board}'")
    options = page.locator("#board-select option").evaluate_all("els => els.map(e => e.value)")
    assert new_board not in options


@pytest.fixture(autouse=True, scope="module")
def _clean_old_downloads() -> None:
    if ARTIFACTS.exists():
        for old in ARTIFACTS.glob("*.csv"):
            old.unlink()
    shutil.os.makedirs(ARTIFACTS, exist_ok=True)  # type: ignore[attr-defined]

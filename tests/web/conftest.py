"""Fixtures of the web tests: a project holding the demo production (NORTHBOUND) with a
"First Pass" board split into days, and the API app built around it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from daybreak.api.app import create_app
from daybreak.api.settings import Settings
from daybreak.domain import Board, BoardSection, Production, StripGroup
from daybreak.domain.ids import derived_id
from daybreak.services.demo_production import northbound
from daybreak.services.projects import save_production


def first_pass(production: Production, eighths_per_day: int | None = None) -> Board:
    """A board in script order with a day break whenever a day reaches its pages."""
    eighths_per_day = eighths_per_day or production.work_rules.max_eighths_per_day or 40
    days: list[list[str]] = [[]]
    total = 0
    for scene in production.scenes_in_script_order():
        if scene.is_banner:
            continue
        if days[-1] and total + scene.eighths > eighths_per_day:
            days.append([])
            total = 0
        days[-1].append(scene.id)
        total += scene.eighths
    board_id = derived_id(production.id, "board", "First Pass")
    calendar = production.calendars[0].id if production.calendars else None
    return Board(
        id=board_id,
        name="First Pass",
        calendar_id=calendar,
        sections=[
            BoardSection(
                derived_id(board_id, "stripboard"),
                "stripboard",
                [StripGroup(day, is_day=True) for day in days],
            ),
            BoardSection(derived_id(board_id, "boneyard"), "boneyard"),
        ],
    )


def demo_project(folder: Path) -> Path:
    """The demo production saved to `folder/demo.daybreak` with a First Pass board."""
    production = northbound()
    production.boards.append(first_pass(production))
    project = folder / "demo.daybreak"
    save_production(project, production, create=True)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return demo_project(tmp_path)


@pytest.fixture
def app(project: Path) -> Iterator[FastAPI]:
    application = create_app(Settings(project=project, solve_time_limit=2.0))
    yield application
    application.state.daybreak.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free local port (a thread); yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)

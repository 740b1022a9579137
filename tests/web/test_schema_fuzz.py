"""The API fuzzed by schemathesis against its own OpenAPI spec: no server error (5xx)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from daybreak.api.app import create_app
from daybreak.api.settings import Settings
from tests.web.conftest import demo_project

# schemathesis reads the spec when the module is collected, so the app is built here.
_FOLDER = Path(tempfile.mkdtemp(prefix="daybreak-fuzz-"))
_APP = create_app(
    Settings(project=demo_project(_FOLDER), solve_time_limit=0.2, max_solve_time_limit=0.2)
)
schema = schemathesis.openapi.from_asgi("/openapi.json", _APP)
# Real ids for the path parameters, so the fuzzer reaches the boards, not only 404s.
_STATE = _APP.state.daybreak
_PID = _STATE.store.resolve()
_PRODUCTION = _STATE.production(_PID)
REAL_IDS = {
    "production_id": [_PID],
    "board_id": [_PRODUCTION.boards[-1].id],
    "scene_id": [scene.id for scene in _PRODUCTION.scenes[:5]],
    "element_id": [element.id for element in _PRODUCTION.elements[:5]],
    "calendar_id": [calendar.id for calendar in _PRODUCTION.calendars[:1]],
}


@st.composite
def cases(draw: st.DrawFn, operation: Any) -> Any:
    """A generated case whose path ids are, on half the draws, real ones."""
    case = draw(operation.as_strategy())
    if draw(st.booleans()):
        for name in list(case.path_parameters or {}):
            if REAL_IDS.get(name):
                case.path_parameters[name] = draw(st.sampled_from(REAL_IDS[name]))
    return case


@pytest.fixture(scope="module", autouse=True)
def _close_app() -> Iterator[None]:
    yield
    _APP.state.daybreak.close()
    shutil.rmtree(_FOLDER, ignore_errors=True)


def test_api_never_answers_5xx() -> None:
    """Every operation, with generated valid and invalid input, answers without a 5xx, and
    the fuzzed requests are not all refused: the real ids lead to successful calls too.

    One test walks every operation (rather than ``schema.parametrize``) so the run is the
    same whichever pytest-xdist worker gets it."""
    statuses: dict[str, list[int]] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        seen: list[int] = []
        statuses[operation.label] = seen

        @given(case=cases(operation))
        @settings(
            max_examples=10,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def call(case: Any) -> None:
            response = case.call_and_validate(checks=[not_a_server_error])
            seen.append(response.status_code)  # noqa: B023 (call() runs before the next loop)

        call()
    assert len(statuses) >= 20, sorted(statuses)
    every = [code for codes in statuses.values() for code in codes]
    assert {200, 400, 404, 409} <= set(every), sorted(set(every))
    reached = [label for label, codes in statuses.items() if any(c < 300 for c in codes)]
    assert len(reached) >= len(statuses) // 2, sorted(set(statuses) - set(reached))

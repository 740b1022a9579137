"""The DOOD of the USS sample's three day-split boards against an independent count.

The independent count reads the USS JSON with the standard library only: a day is a list
in the stripboard's ``breakdownArrays``; a performer works on a day when one of the day's
breakdowns lists them; holds are the days between their first and last work day they do
not work; with ``isHold`` false no gap is paid; with ``isDrop`` the longest gap longer
than ``dropDayCount`` (``doodDayCount`` in the sample) is a drop, not paid (one drop per
performer, daybreak's default, earliest first on ties).
"""

from __future__ import annotations

import itertools
import json
from importlib import resources
from typing import Any

import pytest

from daybreak.importers.uss import read_uss
from daybreak.reports.board_schedule import board_schedule
from daybreak.reports.dood import build_dood

BOARDS = ("First Pass", "Second Pass", "Rev. WHITE")


def _sample_path() -> str:
    return str(resources.files("daybreak.data").joinpath("uss/full_sample_schedule.uss"))


def independent_counts(raw: dict[str, Any], board_name: str) -> dict[str, tuple[int, int, int]]:
    """Board id -> (work, hold, paid), straight from the JSON."""
    uss = raw["universalScheduleStandard"]
    cast_category = next(c["id"] for c in uss["categories"] if c["name"] == "Cast")
    cast = {e["id"]: e for e in uss["elements"] if e["category"] == cast_category}
    breakdowns = {b["id"]: b for b in uss["breakdowns"]}
    board = next(s for s in uss["stripboards"] if s["name"] == board_name)
    main = next(b for b in board["boards"] if b["name"] != "boneyard")
    days = [group for group in main["breakdownArrays"] if isinstance(group, list)]
    worked: dict[str, set[int]] = {}
    for d, group in enumerate(days):
        for bid in group:
            for element in breakdowns[bid].get("elements") or []:
                if element in cast:
                    worked.setdefault(element, set()).add(d)
    out: dict[str, tuple[int, int, int]] = {}
    for element_id, work_set in worked.items():
        e = cast[element_id]
        work = sorted(work_set)
        gaps = [(a, b - a - 1) for a, b in itertools.pairwise(work) if b - a > 1]
        span = work[-1] - work[0] + 1
        holds = span - len(work)
        if not e.get("isHold", True):
            holds = 0
        elif e.get("isDrop", True):
            limit = e.get("dropDayCount", e.get("doodDayCount", 10))
            eligible = [g for g in gaps if g[1] > limit]
            if eligible:
                longest = max(g[1] for g in eligible)
                holds -= longest
        out[str(e["elementId"])] = (len(work), holds, len(work) + holds)
    return out


@pytest.mark.parametrize("board_name", BOARDS)
def test_dood_matches_independent_count(board_name: str) -> None:
    """Every performer's work, hold and paid days, and the totals, match the JSON count."""
    with open(_sample_path(), encoding="utf-8") as handle:
        raw = json.load(handle)
    expected = independent_counts(raw, board_name)
    production = read_uss(_sample_path())
    board = production.board(board_name)
    bs = board_schedule(production, board)
    table = build_dood(production, board, schedule=bs)
    got = {r.board_id: (r.work, r.hold, r.paid) for r in table.rows}
    assert got == expected
    assert table.total("work") == sum(v[0] for v in expected.values())
    assert table.total("hold") == sum(v[1] for v in expected.values())
    assert table.total("paid") == sum(v[2] for v in expected.values())
    assert table.total("work") == bs.evaluation.counts["work_days"]
    assert table.total("hold") == bs.evaluation.counts["hold_days"]
    for row in table.rows:
        codes = [c for c, col in zip(row.codes, table.columns, strict=True) if col.day]
        assert sum(c in ("SW", "W", "WF", "SWF", "PU", "WD") for c in codes) == row.work
        assert codes.count("H") == row.hold

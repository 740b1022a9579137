"""schedule_board and `daybreak schedule`: a new board, the JSON twin, rules re-checked."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from daybreak.cli import app
from daybreak.domain import Production, RuleKind
from daybreak.engine.generator import generate_production
from daybreak.services.projects import save_production
from daybreak.services.scheduling import schedule_board


def check_independently(production: Production, record: dict[str, Any]) -> list[str]:
    """Every hard rule re-checked from the domain and the JSON alone (no engine code)."""
    problems: list[str] = []
    strips = production.strips()
    board = production.board("Generated")
    wanted = set(board.placed_strip_ids)
    seen: list[str] = []
    cap = production.work_rules.max_eighths_per_day or 40
    day_of: dict[str, int] = {}
    date_of: dict[str, date] = {}
    position: dict[str, int] = {}
    lengths: dict[int, int] = {}
    night_days: dict[int, tuple[bool, bool, date]] = {}
    for entry in record["days"]:
        ids = entry["ids"]
        when = date.fromisoformat(entry["date"])
        seen += ids
        lengths[entry["day"]] = len(ids)
        for i, sid in enumerate(ids):
            day_of[sid], date_of[sid], position[sid] = entry["day"], when, i
        load = sum(strips[s].scene.eighths for s in ids)
        if len(ids) > 1 and load > cap:
            problems.append(f"day {entry['day']} over capacity")
        nights = {strips[s].is_night for s in ids}
        if len(nights) > 1:
            problems.append(f"day {entry['day']} mixes day and night")
        if ids:
            night_days[entry["day"]] = (True in nights, False in nights, when)
        places = [strips[s].place_id for s in ids]
        moves = sum(1 for a, b in itertools.pairwise(places) if a != b)
        if moves > production.work_rules.max_company_moves_per_day:
            problems.append(f"day {entry['day']} has {moves} company moves")
        for sid in ids:
            strip = strips[sid]
            for element_id in strip.scene.element_ids:
                element = production.element(element_id)
                if not element.works_on(when):
                    problems.append(f"{sid} needs {element.name}, unavailable on {when}")
            home = strip.set.location_id if strip.set is not None else None
            if home and strip.location is None and not production.element(home).works_on(when):
                problems.append(f"{sid} location unavailable on {when}")
    if sorted(seen) != sorted(wanted):
        problems.append("not every placed strip is scheduled exactly once")
    used = sorted(night_days)
    for a, b in itertools.pairwise(used):
        night_a, _, when_a = night_days[a]
        _, day_b, when_b = night_days[b]
        rest = 24 * (when_b - when_a).days + 7 - (18 + 12)
        if night_a and day_b and rest < production.work_rules.turnaround_hours:
            problems.append(f"turnaround broken between days {a} and {b}")
    for rule in production.rules:
        ids = [s for s in rule.scene_ids if s in day_of]
        if len(ids) != len(rule.scene_ids):
            continue
        first = ids[0]
        if rule.kind is RuleKind.PIN_DAY and day_of[first] != rule.day:
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.PIN_DATE and date_of[first] != rule.on:
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.NOT_BEFORE and rule.on and date_of[first] < rule.on:
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.NOT_AFTER and rule.on and date_of[first] > rule.on:
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.BEFORE and any(day_of[s] <= day_of[first] for s in ids[1:]):
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.SAME_DAY and len({day_of[s] for s in ids}) > 1:
            problems.append(f"{rule.id} broken")
        if rule.kind is RuleKind.KEEP_TOGETHER:
            for a, b in itertools.pairwise(ids):
                same = day_of[a] == day_of[b] and position[b] == position[a] + 1
                nxt = (
                    day_of[b] == day_of[a] + 1
                    and position[a] == lengths[day_of[a]] - 1
                    and position[b] == 0
                )
                if not (same or nxt):
                    problems.append(f"{rule.id} broken")
    # hold days recomputed: days between first and last work day without work
    holds = 0
    for member in production.cast:
        worked = sorted(
            {day_of[s] for s, st in strips.items() if s in day_of and member in st.cast}
        )
        if worked:
            holds += worked[-1] - worked[0] + 1 - len(worked)
    if record["counts"]["hold_days"] > holds:  # drops may only lower it
        problems.append("hold days reported above the undropped count")
    return problems


def test_schedule_board_adds_a_new_board() -> None:
    """A new "Optimized ..." board with day groups and a boneyard; old boards stay."""
    production = generate_production("small", seed=2)
    before = [b.name for b in production.boards]
    outcome = schedule_board(production, time_limit=3.0)
    assert outcome.board is not None
    assert [b.name for b in production.boards][:-1] == before
    assert production.boards[-1].name.startswith("Optimized ")
    main, boneyard = outcome.board.sections
    assert all(group.is_day for group in main.groups)
    assert boneyard.is_boneyard and boneyard.strip_ids == production.boards[0].boneyard.strip_ids  # type: ignore[union-attr]
    record = outcome.record
    assert record["status"] in ("OPTIMAL", "FEASIBLE")
    assert record["cost"]["total"] == sum(v for k, v in record["cost"].items() if k != "total")
    assert record["days"][0]["day"] == 1 and "date" in record["days"][0]
    assert json.loads(json.dumps(record)) == record


def test_json_schedule_rechecked_without_the_engine() -> None:
    """The JSON days of a feature-sized schedule honour every hard rule, checked directly."""
    production = generate_production("feature", seed=3)
    outcome = schedule_board(production, board="Generated", time_limit=6.0)
    assert outcome.record["status"] in ("OPTIMAL", "FEASIBLE")
    assert check_independently(production, outcome.record) == []


def test_cli_schedule_json_and_errors(tmp_path: Path) -> None:
    """`daybreak schedule P --json` prints the JSON and saves the board; a bad board exits 2."""
    project = tmp_path / "p.daybreak"
    save_production(str(project), generate_production("tiny", seed=1), create=True)
    runner = CliRunner()
    result = runner.invoke(app, ["schedule", str(project), "--time-limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["status"] in ("OPTIMAL", "FEASIBLE") and record["days"]
    summary = runner.invoke(app, ["schedule", str(project), "--time-limit", "1", "--no-save"])
    assert summary.exit_code == 0 and "lower bound" in summary.stdout
    bad = runner.invoke(app, ["schedule", str(project), "--board", "nope"])
    assert bad.exit_code == 2

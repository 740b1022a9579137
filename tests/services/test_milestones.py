"""Milestones: setting them, and what a slip of the wrap does to post and the release."""

from __future__ import annotations

from datetime import date

import pytest

from daybreak.domain import MilestoneKind
from daybreak.errors import DaybreakError
from daybreak.services.milestones import milestone_report, parse_settings, set_milestones
from tests.services.two_films import river

PLAN = [
    "prep=2027-01-15",
    "shoot=2027-03-01",
    "wrap=2027-03-05",
    "post=2027-03-15",
    "release=2027-06-01",
]


def _planned():  # type: ignore[no-untyped-def]
    production = river()
    board = production.board("Shoot")
    set_milestones(production, parse_settings(PLAN), post_weeks=10, board=board)
    return production, board


def test_settings_and_the_post_steps_that_follow_the_wrap() -> None:
    production, board = _planned()
    kinds = {m.name: (m.kind, m.on, m.weeks_after_wrap) for m in production.milestones}
    assert kinds["post"] == (MilestoneKind.POST, date(2027, 3, 15), 1)
    assert kinds["post delivery"] == (MilestoneKind.POST, date(2027, 5, 14), 10)
    report = milestone_report(production, board)
    assert report["board_wrap"] == "2027-03-05"  # 5 weekdays from Monday March 1
    assert report["slip_days"] == 0
    assert report["slack_days"] == (date(2027, 6, 1) - date(2027, 5, 14)).days == 18
    assert not report["at_risk"]
    set_milestones(production, parse_settings(["release=2027-06-02"]), board=board)
    assert milestone_report(production, board)["slack_days"] == 19  # one per kind, replaced
    assert [m.kind for m in production.milestones].count(MilestoneKind.RELEASE) == 1


def test_a_slip_pushes_post_and_puts_the_release_at_risk() -> None:
    production, board = _planned()
    report = milestone_report(production, board, slip_days=30)
    assert report["new_wrap"] == "2027-04-04"
    steps = {s["name"]: s["new"] for s in report["post"]}
    assert steps["post"] == "2027-04-11"  # one week after the new wrap
    assert steps["post delivery"] == "2027-06-13"  # ten weeks after it
    assert report["slack_days"] == -12 and report["at_risk"]
    small = milestone_report(production, board, slip_days=3)
    assert {s["name"]: s["new"] for s in small["post"]}["post"] == "2027-03-15"  # buffer


def test_the_slip_defaults_to_the_board_wrap_against_the_planned_wrap() -> None:
    production, board = _planned()
    set_milestones(production, parse_settings(["wrap=2027-03-03"]), board=board)
    report = milestone_report(production, board)
    assert (report["planned_wrap"], report["board_wrap"]) == ("2027-03-03", "2027-03-05")
    assert report["slip_days"] == 2 and report["slip_from"] == "board"


def test_bad_milestone_input_names_the_option() -> None:
    with pytest.raises(DaybreakError, match=r"--set.*KIND=YYYY-MM-DD"):
        parse_settings(["premiere=2027-01-01"])
    with pytest.raises(DaybreakError, match=r"--set.*not a date"):
        parse_settings(["release=June"])
    production = river()
    with pytest.raises(DaybreakError, match="--post-weeks"):
        set_milestones(production, {}, post_weeks=-1)
    with pytest.raises(DaybreakError, match=r"--post-weeks.*no wrap"):
        set_milestones(production, {}, post_weeks=4, board=None)
    with pytest.raises(DaybreakError, match="before the shoot"):
        set_milestones(production, parse_settings(["shoot=2027-03-01", "release=2027-01-01"]))
    assert production.milestones == []  # refused before any change

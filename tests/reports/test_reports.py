"""Report data: codes, call sheet fields, colors, errors, the CLI."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from astral import Observer
from astral.sun import sun
from typer.testing import CliRunner

from daybreak.cli.app import app
from daybreak.domain.production import Production
from daybreak.errors import DaybreakError
from daybreak.reports.callsheet import build_callsheet
from daybreak.reports.colors import cue, strip_colors
from daybreak.reports.dood import build_dood
from daybreak.reports.generate import write_report
from daybreak.reports.stripboard import DayBreak, build_stripboard
from daybreak.services.projects import save_production


def test_dood_codes_by_hand(tiny: Production) -> None:
    """ANNA holds over a holiday, BEN is dropped and picked up, CARL is never held."""
    table = build_dood(tiny, tiny.boards[0])
    assert [c.heading for c in table.columns] == ["1", "2", "Hol", "3", "4", "5", "6"]
    rows = {r.name: r for r in table.rows}
    assert rows["ANNA"].codes == ("SW", "W", "HOL", "H", "W", "W", "WF")
    assert rows["BEN"].codes == ("SW", "D", "", "PU", "H", "W", "WF")
    assert rows["CARL"].codes == ("T", "SW", "", "D", "D", "WF", "R")
    assert [(r.work, r.hold, r.drop, r.paid) for r in table.rows] == [
        (5, 1, 0, 6),
        (4, 1, 1, 5),
        (2, 0, 0, 2),
    ]


def test_day_breaks_show_date_and_pages(tiny: Production) -> None:
    """Each day ends with `End of Day N - Day, Mon D - pages pgs`."""
    lines = build_stripboard(tiny, tiny.boards[0]).lines
    breaks = [line.text for line in lines if isinstance(line, DayBreak)]
    assert breaks[0] == "End of Day 1 - Thu, Sep 3 - 1 7/8 pgs"
    assert breaks[3] == "End of Day 4 - Wed, Sep 9 - 6/8 pgs"


def test_call_sheet_sun_times_and_blank_calls(tiny: Production) -> None:
    """Sunrise/sunset come from astral at the location; no coordinates or no entry: blank."""
    board = tiny.boards[0]
    day4 = build_callsheet(tiny, board, 4)
    times = sun(Observer(34.05, -118.25), date=day4.on, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert day4.sunrise == f"{times['sunrise']:%H:%M}"
    assert day4.sunset == f"{times['sunset']:%H:%M}"
    assert (day4.crew_call, day4.shooting_call) == ("05:30", "06:30")
    assert day4.places[0].hospital.startswith("County General")
    day1 = build_callsheet(tiny, board, 1)
    assert (day1.sunrise, day1.sunset, day1.crew_call, day1.shooting_call) == ("", "", "", "")
    assert all(c.pickup == c.makeup == c.on_set == "" for c in day1.cast)
    assert [(c.board_id, c.code) for c in day1.cast] == [("1", "SW"), ("2", "SW"), ("3", "T")]
    assert [a.day for a in day1.advance] == [2, 3]
    assert day1.requirements == (("Props", "Coffee pot"),)


def test_call_sheet_day_out_of_range(tiny: Production) -> None:
    """A day that is not on the board is a clear error naming the range."""
    with pytest.raises(DaybreakError, match="1 to 6"):
        build_callsheet(tiny, tiny.boards[0], 7)


def test_color_presets_and_cues(tiny: Production) -> None:
    """Both presets load; EXT NIGHT is blue in Singleton, green in the alternative."""
    strips = {s.scene.number: s for s in tiny.strips().values()}
    singleton, alternative = strip_colors("singleton"), strip_colors("alternative")
    assert singleton.strip(strips["3"]) == "#6fa8dc"
    assert alternative.strip(strips["3"]) == "#7fc97f"
    assert alternative.strip(strips["5"]) == "#f4b6c2"  # EXT dawn pink
    assert alternative.strip(strips["6"]) == "#f6b26b"  # EXT dusk orange
    assert singleton.row("day_break") == "#000000"
    assert [cue(strips[n]) for n in ("1", "3", "5", "6")] == [
        "INT/D",
        "EXT/N",
        "EXT/DAWN",
        "EXT/DUSK",
    ]
    with pytest.raises(DaybreakError):
        strip_colors("rainbow")


def test_unsupported_combination_is_an_error(tiny: Production, tmp_path: Path) -> None:
    """A call sheet has no CSV; --day only applies to call sheets."""
    board = tiny.boards[0]
    with pytest.raises(DaybreakError, match="no 'csv' format"):
        write_report(tiny, board, "callsheet", "csv", tmp_path / "x.csv")
    with pytest.raises(DaybreakError, match="call sheet only"):
        write_report(tiny, board, "dood", "pdf", tmp_path / "x.pdf", day=2)


def test_cli_report(tiny: Production, tmp_path: Path) -> None:
    """`daybreak report` writes the file; bad kind, format or board exit with code 2."""
    project = tmp_path / "tiny.daybreak"
    save_production(project, tiny, create=True)
    runner = CliRunner()
    out = tmp_path / "dood.csv"
    result = runner.invoke(app, ["report", "dood", str(project), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[0].startswith("id,name,1,2,3,4,5,6,travel,work")
    sheet = tmp_path / "call.pdf"
    args = ["report", "callsheet", str(project), "--day", "4", "--paper", "a4", "-o", str(sheet)]
    assert runner.invoke(app, args).exit_code == 0
    assert sheet.read_bytes().startswith(b"%PDF")
    for bad in (
        ["report", "callsheet", str(project), "-f", "xlsx", "-o", str(tmp_path / "c.xlsx")],
        ["report", "gantt", str(project), "-f", "pdf"],
        ["report", "dood", str(project), "--board", "Nope", "-f", "pdf"],
        ["report", "dood", str(project), "--paper", "legal", "-f", "pdf"],
    ):
        assert runner.invoke(app, bad).exit_code == 2


def test_demo_step_writes_reports(tmp_path: Path) -> None:
    """The demo's report step writes the DOOD, one-liner, stripboard, call sheet and ICS."""
    from daybreak.services.demo import DemoContext, step_import, step_reports

    ctx = DemoContext(out=tmp_path, project=tmp_path / "demo.daybreak")
    step_import(ctx)
    step_reports(ctx)
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert names == [
        "callsheet-day1.pdf",
        "dood.csv",
        "dood.pdf",
        "dood.xlsx",
        "oneliner.pdf",
        "shoot-days.ics",
        "stripboard.html",
        "stripboard.pdf",
    ]
    assert "245 work, 224 hold, 469 paid days" in ctx.lines[-1]

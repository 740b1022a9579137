"""The daily production report: scheduled against shot, added pages, running totals."""

from __future__ import annotations

from pathlib import Path

from daybreak.domain import Board, BoardSection, Production, ShotStatus, StripGroup
from daybreak.reports.generate import write_report
from daybreak.reports.production_report import build_dpr, dpr_document
from daybreak.reports.render.tables import document_rows
from daybreak.services.demo_production import northbound
from daybreak.services.shooting import DayEntry, log_day


def boarded() -> tuple[Production, Board]:
    """NORTHBOUND with a board of four-scene days in script order (no solve needed)."""
    production = northbound()
    ids = [s.id for s in production.scenes]
    board = Board(
        id="b",
        name="Days",
        calendar_id=production.calendars[0].id,
        sections=[
            BoardSection(
                "m", "stripboard", [StripGroup(ids[i : i + 4], True) for i in range(0, 44, 4)]
            )
        ],
    )
    production.boards.append(board)
    return production, board


def test_dpr_numbers_follow_the_log() -> None:
    production, board = boarded()
    eighths = {s.id: s.eighths for s in production.scenes}
    day1, day2 = board.days[0], board.days[1]
    log_day(production, board, 1, [DayEntry(s, ShotStatus.COMPLETE) for s in day1])
    entries = [DayEntry(s, ShotStatus.COMPLETE) for s in day2[:2]]
    entries += [DayEntry(day2[2], ShotStatus.PARTIAL, eighths_done=3)]
    entries += [DayEntry(day2[3], ShotStatus.NOT_SHOT)]
    entries += [DayEntry(day1[0], ShotStatus.ADDED, reshoot=True)]
    log_day(production, board, 2, entries, notes="wind")
    dpr = build_dpr(production, board)
    first, second = dpr.days
    assert first.scheduled == first.shot == sum(eighths[s] for s in day1)
    assert second.scheduled == sum(eighths[s] for s in day2)
    assert second.shot == sum(eighths[s] for s in day2[:2]) + 3
    assert second.added == eighths[day1[0]]
    assert second.cumulative_shot == first.shot + second.shot
    assert second.balance == second.shot - second.scheduled < 0
    assert second.days_ahead < 0 and first.days_ahead == 0
    assert dpr.remaining == sum(eighths[s] for day in board.days[2:] for s in day)
    rows = document_rows(dpr_document(dpr))
    assert rows[0][0] == "Day" and len(rows) == 3
    assert "Not shot" in rows[2][-1] and "(reshoot)" in rows[2][-1] and "wind" in rows[2][-1]


def test_dpr_files(tmp_path: Path) -> None:
    production, board = boarded()
    log_day(production, board, 1, [DayEntry(s, ShotStatus.COMPLETE) for s in board.days[0]])
    csv = write_report(production, board, "dpr", "csv", tmp_path / "dpr.csv")
    assert csv.read_text().splitlines()[1].startswith("1,2027-09-06,")
    pdf = write_report(production, board, "dpr", "pdf", tmp_path / "dpr.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_dpr_with_nothing_logged() -> None:
    production, board = boarded()
    dpr = build_dpr(production, board)
    assert dpr.days == () and dpr.days_ahead == 0
    assert len(document_rows(dpr_document(dpr))) == 1

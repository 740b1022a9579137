"""Compare two boards side by side, and how a board carries a second unit.

A board's second unit is a section named ``Second Unit`` (``extra["unit"] == "second"``)
between the stripboard and the boneyard. Its day groups are shoot days of the board's
calendar like the main unit's: second-unit day k is on the same date as main-unit day k
(an empty day group is a day the second unit does not shoot). Its strips are on no
main-unit day.

The main unit is costed by :func:`daybreak.services.boards.evaluate_board` on the board
without the second-unit section (identical to ``evaluate_board`` for a board without
one). The second unit is costed by the same engine evaluator on its own days with the
``shoot_day`` cost replaced by the second-unit daily cost (``CostWeights.extra
["second_unit_day"]``, else ``SECOND_UNIT_SHARE`` of the main unit's ``shoot_day``), and
the cast it needs paid from their first to their last second-unit day. A second unit is
called only on the days it shoots: it is paid ``daily cost x days with scenes`` (not the
span from its first to its last day, as the main unit is). A performer's
second-unit paid date that the main unit already pays (a work or hold date of the main
unit) is paid once: its rate is credited back (``cast_overlap_credit``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from daybreak.domain import Board, BoardSection, Production, StripGroup
from daybreak.engine.compile import compile_problem
from daybreak.engine.evaluate import evaluate
from daybreak.engine.schedule import Schedule
from daybreak.errors import DaybreakError
from daybreak.services.boards import evaluate_board

SECOND_UNIT = "Second Unit"
SECOND_UNIT_KEY = "second_unit_day"  # CostWeights.extra: the second unit's daily cost
SECOND_UNIT_SHARE = 0.4  # else this share of the main unit's shoot_day cost


def second_unit_section(board: Board) -> BoardSection | None:
    for section in board.sections:
        if section.extra.get("unit") == "second" or section.name == SECOND_UNIT:
            return section
    return None


def second_unit_daily_cost(production: Production) -> float:
    costs = production.costs
    return float(costs.extra.get(SECOND_UNIT_KEY, SECOND_UNIT_SHARE * costs.shoot_day))


def main_view(board: Board) -> Board:
    """The board without its second-unit section (the main unit alone)."""
    su = second_unit_section(board)
    if su is None:
        return board
    return replace(board, sections=[s for s in board.sections if s is not su])


def second_unit_panel(
    production: Production, board: Board, main: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The second unit's days, dates, pages and cost (None when the board has none)."""
    su = second_unit_section(board)
    if su is None or not any(su.days):
        return None
    days = su.days
    view = Board(
        id=board.id,
        name=board.name,
        calendar_id=board.calendar_id,
        sections=[BoardSection(su.id, "stripboard", [StripGroup(d, True) for d in days])],
    )
    daily = second_unit_daily_cost(production)
    weights = replace(production.costs, shoot_day=0.0)
    data = compile_problem(production, view, days=len(days), costs=weights)
    index = {sid: i for i, sid in enumerate(data.scene_ids)}
    ev = evaluate(data, Schedule.of([[index[s] for s in d if s in index] for d in days]))
    shoot_days = sum(1 for d in days if d)
    terms = {**ev.terms, "shoot_days": daily * shoot_days}
    main = main if main is not None else evaluate_board(production, main_view(board))
    main_paid = _paid_dates(main)
    credit = 0.0
    performers: dict[str, dict[str, Any]] = {}
    for p in ev.performers:
        cast = data.cast[p.cast]
        work = {date.fromisoformat(data.dates[d]) for d in p.work_days}
        hold = {date.fromisoformat(data.dates[d]) for d in p.hold_days}
        overlap = (work | hold) & main_paid.get(cast.element_id, set())
        credit += cast.rate * len(overlap)
        performers[cast.element_id] = {"name": p.name, "work": work, "hold": hold}
    eighths = sum(data.eighths)
    return {
        "days": len(days),
        "shoot_days": shoot_days,
        "dates": list(data.dates),
        "eighths": eighths,
        "daily_cost": daily,
        "terms": terms,
        "cast_overlap_credit": credit,
        "total": sum(terms.values()) - credit,
        "feasible": ev.feasible,
        "violations": [v.message for v in ev.violations],
        "performers": performers,
    }


def _paid_dates(panel: dict[str, Any]) -> dict[str, set[date]]:
    dates = [date.fromisoformat(d) for d in panel.get("dates", [])]
    return {
        p["element_id"]: {dates[d - 1] for d in p["work_days"] + p["hold_days"]}
        for p in panel["performers"]
    }


def board_summary(production: Production, board: Board) -> dict[str, Any]:
    """Days, dates, pages, cost by term (main unit, plus a ``second_unit`` term) and each
    performer's work and hold days (by date, both units together).

    ``days`` is the main unit's paid span (first to last day with scenes, the evaluator's
    ``shoot_days`` count), ``board_days`` the board's day groups (with empty ones);
    ``second_unit_days`` the days the second unit shoots; ``start`` and ``wrap`` the first
    and last dates with scenes on either unit."""
    main = evaluate_board(production, main_view(board))
    if not main["available"]:
        raise DaybreakError(f"board {board.name!r}: {main['note']}", where="board")
    su = second_unit_panel(production, board, main)
    scenes = {s.id: s for s in production.scenes}
    main_dates = [date.fromisoformat(d) for d in main["dates"]]
    used = [main_dates[k] for k, day in enumerate(board.days) if day]
    eighths = sum(scenes[s].eighths for day in board.days for s in day if s in scenes)
    terms = dict(main["terms"])
    total = float(main["total"])
    clashes: list[str] = []
    performers: dict[str, dict[str, Any]] = {}
    for p in main["performers"]:
        performers[p["element_id"]] = {
            "name": p["name"],
            "work": {main_dates[d - 1] for d in p["work_days"]},
            "hold": {main_dates[d - 1] for d in p["hold_days"]},
        }
    if su is not None:
        terms["second_unit"] = su["total"]
        total += su["total"]
        su_dates = [date.fromisoformat(d) for d in su["dates"]]
        used += [su_dates[k] for k, day in enumerate(_su_days(board)) if day]
        for eid, p in su["performers"].items():
            mine = performers.setdefault(eid, {"name": p["name"], "work": set(), "hold": set()})
            both = sorted(mine["work"] & p["work"])
            clashes += [f"{p['name']} works on both units on {d}" for d in both]
            mine["work"] |= p["work"]
            mine["hold"] |= p["hold"]
    for p in performers.values():
        p["hold"] -= p["work"]
    return {
        "board": board.name,
        "days": main["counts"].get("shoot_days", len(board.days)),
        "board_days": len(board.days),
        "second_unit_days": su["shoot_days"] if su else 0,
        "start": min(used).isoformat() if used else None,
        "wrap": max(used).isoformat() if used else None,
        "eighths": eighths + (su["eighths"] if su else 0),
        "pages": _pages(eighths + (su["eighths"] if su else 0)),
        "main_unit_eighths": eighths,
        "currency": main["currency"],
        "total": total,
        "terms": terms,
        "counts": dict(main["counts"]),
        "feasible": bool(main["feasible"]) and (su is None or su["feasible"]) and not clashes,
        "violations": [v["message"] for v in main["violations"]]
        + (su["violations"] if su else [])
        + clashes,
        "second_unit": None
        if su is None
        else {k: v for k, v in su.items() if k not in ("performers", "dates")},
        "performers": {
            p["name"]: {"work_days": len(p["work"]), "hold_days": len(p["hold"])}
            for p in performers.values()
        },
    }


def _su_days(board: Board) -> list[list[str]]:
    su = second_unit_section(board)
    return su.days if su else []


def _pages(eighths: int) -> float:
    return round(eighths / 8, 3)


def placements(production: Production, board: Board) -> dict[str, tuple[str, int, str]]:
    """Each placed strip's (unit, shoot-day number, date)."""
    calendar = production.board_calendar(board)
    su = _su_days(board)
    n = max(len(board.days), len(su))
    dates = (
        [d.isoformat() for d in calendar.shoot_dates(n)]
        if calendar is not None and calendar.start is not None
        else [""] * n
    )
    out: dict[str, tuple[str, int, str]] = {}
    for unit, days in (("main", board.days), ("second", su)):
        for k, day in enumerate(days):
            for sid in day:
                out[sid] = (unit, k + 1, dates[k])
    return out


def compare_boards(production: Production, board_a: str, board_b: str) -> dict[str, Any]:
    """Both boards' summaries and the differences (b - a): days, pages, cost by term and
    total, wrap date (calendar days), each performer's work and hold days, and the strips
    placed on a different shoot day (unit and day number) or date."""
    a, b = production.board(board_a), production.board(board_b)
    sa, sb = board_summary(production, a), board_summary(production, b)
    pa, pb = placements(production, a), placements(production, b)
    both = pa.keys() & pb.keys()

    def days_between(x: str | None, y: str | None) -> int | None:
        if x is None or y is None:
            return None
        return (date.fromisoformat(y) - date.fromisoformat(x)).days

    terms = list(dict.fromkeys([*sa["terms"], *sb["terms"]]))
    names = list(dict.fromkeys([*sa["performers"], *sb["performers"]]))
    zero = {"work_days": 0, "hold_days": 0}
    diff = {
        "days": sb["days"] - sa["days"],
        "second_unit_days": sb["second_unit_days"] - sa["second_unit_days"],
        "start_days": days_between(sa["start"], sb["start"]),
        "wrap_days": days_between(sa["wrap"], sb["wrap"]),
        "pages": _pages(sb["eighths"] - sa["eighths"]),
        "total": sb["total"] - sa["total"],
        "terms": {t: sb["terms"].get(t, 0.0) - sa["terms"].get(t, 0.0) for t in terms},
        "performers": {
            n: {
                k: sb["performers"].get(n, zero)[k] - sa["performers"].get(n, zero)[k]
                for k in ("work_days", "hold_days")
            }
            for n in names
        },
        "strips_on_different_days": sum(1 for s in both if pa[s][:2] != pb[s][:2]),
        "strips_on_different_dates": sum(1 for s in both if pa[s][2] != pb[s][2]),
        "strips_only_in_a": len(pa.keys() - pb.keys()),
        "strips_only_in_b": len(pb.keys() - pa.keys()),
    }
    return {"a": sa, "b": sb, "difference": diff, "currency": sa["currency"]}

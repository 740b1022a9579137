"""Production milestones (prep, shoot, wrap, post, release) and what a slip does to them.

Milestones are stored on the production (``Production.milestones``), one per kind for
prep, shoot, wrap and release; post steps (kind ``post``) may be several. A post step with
``weeks_after_wrap`` follows the wrap: it cannot start before that many weeks after
the wrap, so a late wrap pushes it to ``new wrap + weeks`` (a step planned later than that
keeps its date: the buffer absorbs the slip). The wrap is the ``wrap``
milestone, else the last shoot day of the board. A slip moves the wrap by a number of
calendar days (``slip_days``), or, without one, by the board's wrap date against the
planned wrap milestone; the report shows each post step's new date and the slack to the
release: release date minus the last post step, negative when the release is at risk.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from daybreak.domain import Board, Milestone, MilestoneKind, Production
from daybreak.errors import DaybreakError

SETTABLE = (
    MilestoneKind.PREP,
    MilestoneKind.SHOOT,
    MilestoneKind.WRAP,
    MilestoneKind.POST,
    MilestoneKind.RELEASE,
)
DELIVERY = "post delivery"


def parse_settings(items: list[str]) -> dict[MilestoneKind, date]:
    """``KIND=YYYY-MM-DD`` strings (from ``--set``) as kinds and dates."""
    found: dict[MilestoneKind, date] = {}
    kinds = ", ".join(k.value for k in SETTABLE)
    for item in items:
        kind_text, sep, day_text = item.partition("=")
        try:
            kind = MilestoneKind(kind_text.strip().lower())
        except ValueError:
            kind = MilestoneKind.OTHER
        if not sep or kind not in SETTABLE:
            raise DaybreakError(
                f"{item!r}: write KIND=YYYY-MM-DD, KIND one of {kinds}", where="--set"
            )
        try:
            found[kind] = date.fromisoformat(day_text.strip())
        except ValueError:
            raise DaybreakError(
                f"{day_text!r} is not a date like 2027-09-06", where="--set"
            ) from None
    return found


def board_wrap(production: Production, board: Board | None) -> date | None:
    """The date of the board's last shoot day (None without days or a dated calendar)."""
    if board is None or not board.days:
        return None
    calendar = production.board_calendar(board)
    if calendar is None or calendar.start is None:
        return None
    return calendar.shoot_dates(len(board.days))[-1]


def _milestone(production: Production, kind: MilestoneKind) -> Milestone | None:
    return next((m for m in production.milestones if m.kind is kind), None)


def set_milestones(
    production: Production,
    settings: Mapping[MilestoneKind, date],
    *,
    post_weeks: int | None = None,
    board: Board | None = None,
) -> None:
    """Set the dates given (one milestone per kind; the post start follows the wrap).

    ``post_weeks``: post-production takes that many weeks after the wrap; recorded as the
    post step "post delivery", ``post_weeks`` after the wrap.
    """
    if post_weeks is not None and post_weeks < 0:
        raise DaybreakError("must be 0 or more", where="--post-weeks")

    def planned(kind: MilestoneKind) -> date | None:
        found = _milestone(production, kind)
        return settings.get(kind) or (found.on if found is not None else None)

    shoot, release = planned(MilestoneKind.SHOOT), planned(MilestoneKind.RELEASE)
    if shoot is not None and release is not None and release < shoot:
        raise DaybreakError(f"the release ({release}) is before the shoot ({shoot})", where="--set")
    wrap = planned(MilestoneKind.WRAP) or board_wrap(production, board)
    if post_weeks is not None and wrap is None:
        raise DaybreakError(
            "no wrap date: set one with --set wrap=YYYY-MM-DD or schedule a dated board",
            where="--post-weeks",
        )
    for kind, on in settings.items():
        found = _milestone(production, kind)
        if found is None:
            production.milestones.append(Milestone(kind.value, kind, on))
        else:
            found.on = on
    post = _milestone(production, MilestoneKind.POST)
    if MilestoneKind.POST in settings and post is not None and wrap is not None:
        post.weeks_after_wrap = max(0, (post.on - wrap).days // 7)
    if post_weeks is not None and wrap is not None:
        delivery = next((m for m in production.milestones if m.name == DELIVERY), None)
        on = wrap + timedelta(weeks=post_weeks)
        if delivery is None:
            production.milestones.append(Milestone(DELIVERY, MilestoneKind.POST, on, post_weeks))
        else:
            delivery.on, delivery.weeks_after_wrap = on, post_weeks


def planned_wrap(production: Production, board: Board | None) -> date | None:
    wrap = _milestone(production, MilestoneKind.WRAP)
    return wrap.on if wrap is not None else board_wrap(production, board)


def milestone_report(
    production: Production, board: Board | None, *, slip_days: int | None = None
) -> dict[str, Any]:
    """Planned dates, the slip, the wrap and post steps after it, and the slack to release."""
    planned = planned_wrap(production, board)
    on_board = board_wrap(production, board)
    if slip_days is not None:
        slip, source = slip_days, "--slip-days"
    elif planned is not None and on_board is not None:
        slip, source = (on_board - planned).days, "board"
    else:
        slip, source = 0, None
    new_wrap = planned + timedelta(days=slip) if planned is not None else None
    steps: list[dict[str, Any]] = []
    for m in production.milestones:
        if m.kind is not MilestoneKind.POST:
            continue
        moved = m.on
        if m.weeks_after_wrap is not None and new_wrap is not None:
            moved = max(m.on, new_wrap + timedelta(weeks=m.weeks_after_wrap))
        steps.append(
            {
                "name": m.name,
                "weeks_after_wrap": m.weeks_after_wrap,
                "planned": m.on.isoformat(),
                "new": moved.isoformat(),
                "moved_days": (moved - m.on).days,
            }
        )
    release = _milestone(production, MilestoneKind.RELEASE)
    last = max((date.fromisoformat(s["new"]) for s in steps), default=new_wrap)
    slack = (release.on - last).days if release is not None and last is not None else None
    return {
        "production": production.name,
        "board": board.name if board is not None else None,
        "milestones": [
            {
                "name": m.name,
                "kind": m.kind.value,
                "date": m.on.isoformat(),
                "weeks_after_wrap": m.weeks_after_wrap,
            }
            for m in sorted(production.milestones, key=lambda m: m.on)
        ],
        "board_wrap": on_board.isoformat() if on_board else None,
        "planned_wrap": planned.isoformat() if planned else None,
        "slip_days": slip,
        "slip_from": source,
        "new_wrap": new_wrap.isoformat() if new_wrap else None,
        "post": steps,
        "release": release.on.isoformat() if release is not None else None,
        "slack_days": slack,
        "at_risk": slack is not None and slack < 0,
    }

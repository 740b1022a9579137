"""The call sheet of one shoot day, built from the board and the breakdown.

Times the user has entered (crew call, shooting call, each performer's pickup, makeup and
on-set calls) are read from the board's ``extra["call_sheets"]["<day>"]``; those not
entered stay blank, never invented. Sunrise and sunset are computed with astral from the
day's first location with coordinates (blank without them). DOOD codes come from the DOOD
(and so from the evaluator).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from astral import Observer
from astral.sun import sun

from daybreak.domain import Board, CategoryKind, Element, Production, Strip, format_eighths
from daybreak.domain.categories import STRUCTURAL_KINDS
from daybreak.errors import DaybreakError
from daybreak.reports.board_schedule import BoardSchedule, board_schedule
from daybreak.reports.colors import cue
from daybreak.reports.dood import build_dood
from daybreak.reports.layout import Column, Document, Fields, Heading, Note, Row, Table
from daybreak.reports.stripboard import day_label

ADVANCE_DAYS = 2


@dataclass(frozen=True, slots=True)
class CallTimes:
    """What the AD has entered for a day; every field may be blank."""

    crew_call: str = ""
    shooting_call: str = ""
    cast: dict[str, dict[str, str]] = field(default_factory=dict)  # board id -> calls
    weather: str = ""
    notes: str = ""

    @classmethod
    def from_extra(cls, raw: dict[str, Any]) -> CallTimes:
        cast = {
            str(k): {str(a): str(b) for a, b in v.items()}
            for k, v in dict(raw.get("cast", {})).items()
        }
        return cls(
            crew_call=str(raw.get("crew_call", "")),
            shooting_call=str(raw.get("shooting_call", "")),
            cast=cast,
            weather=str(raw.get("weather", "")),
            notes=str(raw.get("notes", "")),
        )


@dataclass(frozen=True, slots=True)
class SceneLine:
    number: str
    cue: str
    set: str
    synopsis: str
    pages: str
    cast_ids: str
    location: str


@dataclass(frozen=True, slots=True)
class CastCall:
    board_id: str
    character: str
    performer: str
    code: str
    pickup: str
    makeup: str
    on_set: str


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str
    address: str
    hospital: str


@dataclass(frozen=True, slots=True)
class AdvanceDay:
    day: int
    on: date
    scenes: tuple[SceneLine, ...]
    pages: str


@dataclass(frozen=True, slots=True)
class CallSheet:
    """Everything printed on one day's call sheet."""

    production: str
    company: str
    board: str
    day: int
    total_days: int
    on: date
    crew_call: str
    shooting_call: str
    sunrise: str
    sunset: str
    weather: str
    notes: str
    places: tuple[PlaceInfo, ...]
    scenes: tuple[SceneLine, ...]
    pages: str
    cast: tuple[CastCall, ...]
    background: tuple[str, ...]
    requirements: tuple[tuple[str, str], ...]  # (category, names)
    advance: tuple[AdvanceDay, ...]


def _scene_line(strip: Strip) -> SceneLine:
    return SceneLine(
        number=strip.scene.number or "",
        cue=cue(strip),
        set=strip.set_name,
        synopsis=strip.scene.synopsis or "",
        pages=format_eighths(strip.scene.eighths),
        cast_ids=", ".join(c.board_id or c.name for c in strip.cast),
        location=strip.location.name if strip.location else "",
    )


def _place(production: Production, strip: Strip) -> Element | None:
    if strip.location is not None:
        return strip.location
    if strip.set is not None and strip.set.location_id:
        return next((e for e in production.elements if e.id == strip.set.location_id), None)
    return None


def sun_times(place: Element | None, on: date) -> tuple[str, str]:
    """Sunrise and sunset (`06:31`) at a place on a date; blank without coordinates."""
    if place is None or place.latitude is None or place.longitude is None:
        return "", ""
    suffix = ""
    try:
        tz = ZoneInfo(place.timezone) if place.timezone else ZoneInfo("UTC")
    except ZoneInfoNotFoundError:
        tz = ZoneInfo("UTC")
    if tz.key == "UTC":
        suffix = " UTC"
    try:
        times = sun(Observer(place.latitude, place.longitude), date=on, tzinfo=tz)
    except ValueError:  # polar day or night
        return "", ""
    rise: datetime = times["sunrise"]
    sets: datetime = times["sunset"]
    return f"{rise:%H:%M}{suffix}", f"{sets:%H:%M}{suffix}"


def build_callsheet(
    production: Production,
    board: Board,
    day: int,
    times: CallTimes | None = None,
    schedule: BoardSchedule | None = None,
) -> CallSheet:
    """The call sheet of shoot day ``day`` (1-based) of a board."""
    bs = schedule or board_schedule(production, board)
    if not 1 <= day <= bs.num_days:
        raise DaybreakError(
            f"day {day} is not a shoot day of board {board.name!r} (1 to {bs.num_days})",
            where="--day",
        )
    if times is None:
        raw = board.extra.get("call_sheets", {}).get(str(day), {})
        times = CallTimes.from_extra(raw if isinstance(raw, dict) else {})
    strips = production.strips()
    todays = [strips[s] for s in bs.day_strips[day - 1] if not strips[s].scene.is_banner]
    on = bs.dates[day - 1]
    places: list[Element] = []
    for strip in todays:
        place = _place(production, strip)
        if place is not None and place not in places:
            places.append(place)
    with_coords = next((p for p in places if p.latitude is not None), None)
    sunrise, sunset = sun_times(with_coords, on)
    dood = build_dood(production, board, schedule=bs)
    cast_ids = {c.id for s in todays for c in s.cast}
    cast: list[CastCall] = []
    for row in dood.rows:
        code = row.code_on(day, dood.columns)
        if row.element_id not in cast_ids and code not in ("H", "T", "R"):
            continue
        calls = times.cast.get(row.board_id, {})
        cast.append(
            CastCall(
                row.board_id,
                row.name,
                row.performer or "",
                code,
                calls.get("pickup", ""),
                calls.get("makeup", ""),
                calls.get("on_set", ""),
            )
        )
    background: dict[str, None] = {}
    requirements: dict[str, dict[str, None]] = {}
    for strip in todays:
        for category, elements in strip.elements:
            kind = category.kind
            if kind is CategoryKind.CAST or kind in STRUCTURAL_KINDS:
                continue
            if kind is CategoryKind.BACKGROUND:
                background.update((e.name, None) for e in elements)
            else:
                requirements.setdefault(category.name, {}).update((e.name, None) for e in elements)
    advance: list[AdvanceDay] = []
    for d in range(day, min(day + ADVANCE_DAYS, bs.num_days)):
        scenes = [strips[s] for s in bs.day_strips[d] if not strips[s].scene.is_banner]
        advance.append(
            AdvanceDay(
                d + 1,
                bs.dates[d],
                tuple(_scene_line(s) for s in scenes),
                format_eighths(sum(s.scene.eighths for s in scenes)),
            )
        )
    return CallSheet(
        production=production.project or production.name,
        company=production.company or "",
        board=board.name,
        day=day,
        total_days=bs.num_days,
        on=on,
        crew_call=times.crew_call,
        shooting_call=times.shooting_call,
        sunrise=sunrise,
        sunset=sunset,
        weather=times.weather,
        notes=times.notes,
        places=tuple(PlaceInfo(p.name, p.address or "", p.nearest_hospital or "") for p in places),
        scenes=tuple(_scene_line(s) for s in todays),
        pages=format_eighths(sum(s.scene.eighths for s in todays)),
        cast=tuple(cast),
        background=tuple(background),
        requirements=tuple((k, ", ".join(v)) for k, v in requirements.items()),
        advance=tuple(advance),
    )


def callsheet_document(sheet: CallSheet) -> Document:
    """The call sheet as a page model (portrait)."""
    header = Fields(
        (
            ("Production", sheet.production),
            ("Date", f"{day_label(sheet.on)}, {sheet.on.year}"),
            ("Company", sheet.company),
            ("Day", f"Day {sheet.day} of {sheet.total_days}"),
            ("Crew call", sheet.crew_call),
            ("Shooting call", sheet.shooting_call),
            ("Sunrise", sheet.sunrise),
            ("Sunset", sheet.sunset),
            ("Weather", sheet.weather),
            ("Board", sheet.board),
        ),
        columns=2,
    )
    scene_cols = (
        Column("Sc.", 34),
        Column("I/E D/N", 56),
        Column("Set — synopsis", 240, wrap=True, flex=True),
        Column("Location", 110, wrap=True),
        Column("Cast", 70, wrap=True),
        Column("Pages", 38, "right"),
    )

    def scene_rows(lines: tuple[SceneLine, ...]) -> tuple[Row, ...]:
        return tuple(
            Row(
                (
                    s.number,
                    s.cue,
                    s.set + (f" — {s.synopsis}" if s.synopsis else ""),
                    s.location,
                    s.cast_ids,
                    s.pages,
                )
            )
            for s in lines
        )

    blocks: list[Any] = [header]
    if sheet.places:
        blocks.append(Heading("Locations"))
        blocks.append(
            Table(
                (
                    Column("Location", 160, wrap=True),
                    Column("Address", 180, wrap=True, flex=True),
                    Column("Nearest hospital", 180, wrap=True),
                ),
                tuple(Row((p.name, p.address, p.hospital)) for p in sheet.places),
            )
        )
    blocks.append(Heading(f"Scenes ({sheet.pages} pgs)"))
    blocks.append(Table(scene_cols, scene_rows(sheet.scenes)))
    blocks.append(Heading("Cast"))
    blocks.append(
        Table(
            (
                Column("ID", 26, "right"),
                Column("Character", 130, wrap=True, flex=True),
                Column("Performer", 130, wrap=True),
                Column("DOOD", 36, "center"),
                Column("Pickup", 52, "center"),
                Column("Makeup", 52, "center"),
                Column("On set", 52, "center"),
            ),
            tuple(
                Row((c.board_id, c.character, c.performer, c.code, c.pickup, c.makeup, c.on_set))
                for c in sheet.cast
            ),
        )
    )
    blocks.append(Heading("Background"))
    blocks.append(Note(", ".join(sheet.background) or "None"))
    blocks.append(Heading("Special requirements"))
    if sheet.requirements:
        blocks.append(
            Table(
                (Column("Department", 120), Column("Requirements", 400, wrap=True, flex=True)),
                tuple(Row(r) for r in sheet.requirements),
            )
        )
    else:
        blocks.append(Note("None"))
    if sheet.notes:
        blocks.append(Heading("Notes"))
        blocks.append(Note(sheet.notes))
    for adv in sheet.advance:
        blocks.append(
            Heading(f"Advance schedule — Day {adv.day}, {day_label(adv.on)} ({adv.pages} pgs)")
        )
        blocks.append(Table(scene_cols, scene_rows(adv.scenes)))
    return Document(
        title=f"{sheet.production} — Call Sheet",
        subtitle=f"Day {sheet.day} of {sheet.total_days} · {day_label(sheet.on)}, {sheet.on.year}",
        blocks=tuple(blocks),
    )

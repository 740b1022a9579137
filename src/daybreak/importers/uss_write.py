"""Write a Production as a Universal Schedule Standard (.uss) file, in the spec's own terms.

Every key of every object is written (null when unknown), as the spec asks; extra keys
read from the source are written back; daybreak's own fields go under `_daybreak`, and only
where they differ from their defaults, so files from other tools stay as they were.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from daybreak.domain import (
    Board,
    BoardSection,
    Calendar,
    Category,
    Element,
    Event,
    Production,
    Scene,
)
from daybreak.domain.codec import to_plain
from daybreak.importers.uss_dates import format_uss_datetime
from daybreak.importers.uss_schema import (
    EXACT_PAGES,
    EXTENSION_KEY,
    element_extension_fields,
    production_extension_fields,
    scene_extension_fields,
)


def write_uss(production: Production, path: str | Path) -> None:
    """Write the production to `path` as UTF-8 JSON (written whole, then renamed into place)."""
    target = Path(path)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(dumps_uss(production), encoding="utf-8")
    temporary.replace(target)


def dumps_uss(production: Production) -> str:
    return json.dumps(to_uss(production), indent=2, ensure_ascii=False) + "\n"


def to_uss(production: Production) -> dict[str, Any]:
    """The USS document as a JSON-ready dict."""
    p = production
    body: dict[str, Any] = {
        "id": p.id,
        "author": p.author,
        "company": p.company,
        "created": _date(p.created),
        "episode": p.episode,
        "episodeName": p.episode_name,
        "description": p.description,
        "name": p.name,
        "project": p.project,
        "schedColor": p.sched_color,
        "schedDate": _date(p.sched_date),
        "scriptColor": p.script_color,
        "scriptDate": _date(p.script_date),
        "season": p.season,
        "source": p.source,
        "ussVersion": p.uss_version or "1.0.0",
        "breakdowns": [_breakdown(s) for s in p.scenes],
        "categories": [_category(c) for c in p.categories],
        "elements": [_element(e) for e in p.elements],
        "stripboards": [_stripboard(b) for b in p.boards],
        "calendars": [_calendar(c) for c in p.calendars],
    }
    _with_extras(body, p.extra)
    _with_extension(body, p, production_extension_fields())
    return {"universalScheduleStandard": body}


def _date(value: Any) -> str | None:
    return None if value is None else format_uss_datetime(value)


def _breakdown(s: Scene) -> dict[str, Any]:
    pages: float | None = None
    if s.eighths_known:
        exact = s.extra.get(EXACT_PAGES)
        pages = (
            exact
            if isinstance(exact, int | float) and round(exact * 8) == s.eighths
            else (s.eighths / 8)
        )
        if isinstance(pages, float) and pages.is_integer():
            pages = int(pages)
    out: dict[str, Any] = {
        "id": s.id,
        "bannerText": s.banner_text,
        "comments": s.comments,
        "created": _date(s.created),
        "description": s.synopsis,
        "elements": list(s.element_ids),
        "pages": pages,
        "scene": s.number,
        "scriptPage": s.script_page,
        "duration": None if s.duration is None else round(s.duration.total_seconds() * 1000),
        "type": s.kind.value,
    }
    _with_extras(out, s.extra)
    _with_extension(out, s, scene_extension_fields())
    return out


def _category(c: Category) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "created": _date(c.created), "name": c.name, "ucid": c.ucid}
    _with_extras(out, c.extra)
    return out


def _element(e: Element) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "category": e.category_id,
        "created": _date(e.created),
        "daysOff": list(e.days_off),
        "dropDayCount": e.drop_day_count,
        "elementId": e.board_id,
        "events": None if e.events is None else [_event(v) for v in e.events],
        "isDood": e.is_dood,
        "isDrop": e.allow_drop,
        "isHold": e.allow_hold,
        "isIdLock": e.is_id_lock,
        "linkedElements": None if e.linked_element_ids is None else list(e.linked_element_ids),
        "name": e.name,
    }
    _with_extras(out, e.extra)
    _with_extension(out, e, element_extension_fields())
    return out


def _event(v: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": v.id, "date": _date(v.when), "type": v.type.value, "name": v.name}
    _with_extras(out, v.extra)
    return out


def _stripboard(b: Board) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": b.id,
        "boards": [_section(s) for s in b.sections],
        "calendar": b.calendar_id,
        "name": b.name,
    }
    _with_extras(out, b.extra)
    ours = {
        k: v
        for k, v in (("version", b.version), ("description", b.description))
        if v not in (None, 1)
    }
    if ours:
        out[EXTENSION_KEY] = ours
    return out


def _section(s: BoardSection) -> dict[str, Any]:
    items: list[Any] = []
    for group in s.groups:
        if group.is_day:
            items.append(list(group.strip_ids))
        else:
            items.extend(group.strip_ids)
    out: dict[str, Any] = {"id": s.id, "name": s.name, "breakdownIds": items}
    _with_extras(out, s.extra)
    return out


def _calendar(c: Calendar) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": c.id,
        "daysOff": list(c.days_off),
        "events": [_event(v) for v in c.events],
        "name": c.name,
    }
    _with_extras(out, c.extra)
    default = Calendar(id="x", name="x").non_shooting
    if tuple(c.non_shooting) != tuple(default):
        out[EXTENSION_KEY] = {"non_shooting": list(c.non_shooting)}
    return out


def _with_extras(out: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if not key.startswith("__") and key not in out:
            out[key] = value


def _with_extension(out: dict[str, Any], obj: Any, fields: dict[str, Any]) -> None:
    """Our own fields, where they differ from the dataclass default."""
    defaults = {f.name: _default(f) for f in dataclasses.fields(obj)}
    ours = {
        name: to_plain(getattr(obj, name))
        for name in fields
        if to_plain(getattr(obj, name)) != defaults.get(name)
    }
    if ours:
        out[EXTENSION_KEY] = ours


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return to_plain(f.default)
    if f.default_factory is not dataclasses.MISSING:
        return to_plain(f.default_factory())
    return dataclasses.MISSING

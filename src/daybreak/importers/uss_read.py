"""Read a Universal Schedule Standard (.uss) file into a Production.

Reads what real files write as well as what the spec says: a board's strips under
`breakdownIds` (spec) or `breakdownArrays` (the full sample), strips typed `scene` or
`strip`, `dropDayCount` or `doodDayCount`. Keys starting with `_` are extensions: ours
(`_daybreak`) restore daybreak's own fields; any other extra key is kept as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from daybreak.domain import (
    Board,
    BoardSection,
    Calendar,
    Category,
    Element,
    Event,
    EventType,
    Production,
    Scene,
    SceneKind,
    StripGroup,
    pages_to_eighths,
)
from daybreak.domain.codec import decode
from daybreak.errors import DaybreakError
from daybreak.importers.uss_dates import parse_uss_datetime
from daybreak.importers.uss_schema import (
    BOARD_KEYS,
    BREAKDOWN_KEYS,
    CALENDAR_KEYS,
    CATEGORY_KEYS,
    ELEMENT_KEYS,
    EVENT_KEYS,
    EXACT_PAGES,
    EXTENSION_KEY,
    HEADER_KEYS,
    STRIPBOARD_KEYS,
    element_extension_fields,
    production_extension_fields,
    scene_extension_fields,
)

_MISSING = object()
_T = TypeVar("_T")


class _Reader:
    """Walks the JSON with a path, so every error names the field it is about."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, path: str, message: str) -> DaybreakError:
        return DaybreakError(message, source=self.source, where=path)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, got {_kind(value)}")
        return value

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        kind: type | tuple[type, ...],
        *,
        required: bool = True,
        nullable: bool = True,
        default: Any = None,
    ) -> Any:
        value = obj.get(key, _MISSING)
        if value is _MISSING:
            if required:
                raise self.fail(f"{path}.{key}", "required key is missing")
            return default
        if value is None:
            if not nullable:
                raise self.fail(f"{path}.{key}", "must not be null")
            return None
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(f"{path}.{key}", f"expected {_names(kinds)}, got {value!r}")
        if not isinstance(value, kinds):
            raise self.fail(f"{path}.{key}", f"expected {_names(kinds)}, got {_kind(value)}")
        return value

    def text(self, obj: dict[str, Any], key: str, path: str, **kw: Any) -> str | None:
        value = self.get(obj, key, path, str, **kw)
        return value if value is None else str(value)

    def when(self, obj: dict[str, Any], key: str, path: str, **kw: Any) -> datetime | None:
        value = self.text(obj, key, path, **kw)
        if value is None:
            return None
        try:
            return parse_uss_datetime(value)
        except ValueError:
            raise self.fail(f"{path}.{key}", f"{value!r} is not an ISO date") from None

    def id_list(self, obj: dict[str, Any], key: str, path: str, **kw: Any) -> list[str] | None:
        values = self.get(obj, key, path, list, **kw)
        if values is None:
            return None
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise self.fail(f"{path}.{key}[{i}]", f"expected an id string, got {_kind(value)}")
        return list(values)

    def build(self, path: str, factory: Callable[..., _T], **kwargs: Any) -> _T:
        try:
            return factory(**kwargs)
        except (TypeError, ValueError) as exc:
            raise self.fail(path, str(exc)) from None

    def extension(self, obj: dict[str, Any], path: str, allowed: set[str]) -> dict[str, Any]:
        ext = obj.get(EXTENSION_KEY)
        if ext is None:
            return {}
        ext = self.obj(ext, f"{path}.{EXTENSION_KEY}")
        return {k: v for k, v in ext.items() if k in allowed}


def read_uss(path: str | Path) -> Production:
    """Read a .uss file; raise a DaybreakError naming the file and field on bad input."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DaybreakError(f"cannot read file: {exc.strerror}", source=source) from None
    return parse_uss(raw, source=source)


def parse_uss(raw: bytes | str, *, source: str = "<uss>") -> Production:
    """Parse USS JSON text into a validated Production."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise DaybreakError(f"not UTF-8 text (byte {exc.start})", source=source) from None
    if not text.strip():
        raise DaybreakError("the file is empty", source=source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DaybreakError(
            f"not valid JSON ({exc.msg}); the file may be truncated",
            source=source,
            where=f"line {exc.lineno}, column {exc.colno}",
        ) from None
    reader = _Reader(source)
    root = reader.obj(document, "$")
    if "universalScheduleStandard" not in root:
        raise reader.fail("$", "not a USS file: no 'universalScheduleStandard' object")
    uss = reader.obj(root["universalScheduleStandard"], "universalScheduleStandard")
    production = _production(reader, uss)
    production.validate(source)
    return production


def _production(r: _Reader, uss: dict[str, Any]) -> Production:
    p = "universalScheduleStandard"
    header = {
        "id": r.text(uss, "id", p, nullable=False),
        "name": r.text(uss, "name", p, nullable=False),
        "author": r.text(uss, "author", p, required=False),
        "company": r.text(uss, "company", p, required=False),
        "created": r.when(uss, "created", p, required=False),
        "description": r.text(uss, "description", p, required=False),
        "episode": r.text(uss, "episode", p, required=False),
        "episode_name": r.text(uss, "episodeName", p, required=False),
        "project": r.text(uss, "project", p, required=False),
        "sched_color": r.text(uss, "schedColor", p, required=False),
        "sched_date": r.when(uss, "schedDate", p, required=False),
        "script_color": r.text(uss, "scriptColor", p, required=False),
        "script_date": r.when(uss, "scriptDate", p, required=False),
        "season": r.text(uss, "season", p, required=False),
        "source": r.text(uss, "source", p, required=False),
        "uss_version": r.text(uss, "ussVersion", p, required=False),
    }
    categories = [
        _category(r, r.obj(c, f"{p}.categories[{i}]"), f"{p}.categories[{i}]")
        for i, c in enumerate(r.get(uss, "categories", p, list, nullable=False))
    ]
    elements = [
        _element(r, r.obj(e, f"{p}.elements[{i}]"), f"{p}.elements[{i}]")
        for i, e in enumerate(r.get(uss, "elements", p, list, nullable=False))
    ]
    scenes = [
        _scene(r, r.obj(b, f"{p}.breakdowns[{i}]"), f"{p}.breakdowns[{i}]")
        for i, b in enumerate(r.get(uss, "breakdowns", p, list, nullable=False))
    ]
    boards_raw = r.get(uss, "stripboards", p, list, required=False)
    calendars_raw = r.get(uss, "calendars", p, list, required=False)
    boards = [
        _board(r, r.obj(b, f"{p}.stripboards[{i}]"), f"{p}.stripboards[{i}]")
        for i, b in enumerate(boards_raw or [])
    ]
    calendars = [
        _calendar(r, r.obj(c, f"{p}.calendars[{i}]"), f"{p}.calendars[{i}]")
        for i, c in enumerate(calendars_raw or [])
    ]
    extra = {k: v for k, v in uss.items() if k not in HEADER_KEYS and k != EXTENSION_KEY}
    ours = _decoded_extension(r, uss, p, production_extension_fields())
    return r.build(
        p,
        Production,
        **header,
        categories=categories,
        elements=elements,
        scenes=scenes,
        boards=boards,
        calendars=calendars,
        extra=extra,
        **ours,
    )


def _decoded_extension(
    r: _Reader, obj: dict[str, Any], path: str, fields: dict[str, Any]
) -> dict[str, Any]:
    """Our `_daybreak` extension, each field decoded to its domain type."""
    decoded: dict[str, Any] = {}
    for key, value in r.extension(obj, path, set(fields)).items():
        try:
            decoded[key] = decode(fields[key], value, f"{path}.{EXTENSION_KEY}.{key}")
        except (TypeError, ValueError) as exc:
            raise r.fail(f"{path}.{EXTENSION_KEY}.{key}", str(exc)) from None
    return decoded


def _category(r: _Reader, c: dict[str, Any], path: str) -> Category:
    ucid = r.get(c, "ucid", path, int, nullable=False)
    return r.build(
        path,
        Category,
        id=r.text(c, "id", path, nullable=False),
        name=r.text(c, "name", path, nullable=False),
        ucid=ucid,
        created=r.when(c, "created", path, required=False),
        extra=_extra(c, CATEGORY_KEYS),
    )


def _event(r: _Reader, e: dict[str, Any], path: str) -> Event:
    type_text = r.text(e, "type", path, nullable=False) or ""
    try:
        event_type = EventType(type_text)
    except ValueError:
        raise r.fail(f"{path}.type", f"{type_text!r} is not one of start, dayOff, event") from None
    return r.build(
        path,
        Event,
        id=r.text(e, "id", path, nullable=False),
        when=r.when(e, "date", path, nullable=False),
        type=event_type,
        name=r.text(e, "name", path, required=False),
        extra=_extra(e, EVENT_KEYS),
    )


def _events(r: _Reader, obj: dict[str, Any], path: str, *, nullable: bool) -> list[Event] | None:
    raw = r.get(obj, "events", path, list, required=not nullable, nullable=nullable)
    if raw is None:
        return None
    return [
        _event(r, r.obj(e, f"{path}.events[{i}]"), f"{path}.events[{i}]") for i, e in enumerate(raw)
    ]


def _days_off(r: _Reader, obj: dict[str, Any], path: str) -> list[int]:
    days = r.get(obj, "daysOff", path, list, required=False) or []
    for i, day in enumerate(days):
        if isinstance(day, bool) or not isinstance(day, int):
            raise r.fail(f"{path}.daysOff[{i}]", f"expected a weekday number 0-6, got {day!r}")
    return list(days)


def _element(r: _Reader, e: dict[str, Any], path: str) -> Element:
    drop_count = e.get("dropDayCount", e.get("doodDayCount"))
    if drop_count is not None and (isinstance(drop_count, bool) or not isinstance(drop_count, int)):
        raise r.fail(f"{path}.dropDayCount", f"expected an integer, got {drop_count!r}")
    ours = _decoded_extension(r, e, path, element_extension_fields())
    extra = _extra(e, ELEMENT_KEYS | {"doodDayCount"})
    return r.build(
        path,
        Element,
        id=r.text(e, "id", path, nullable=False),
        category_id=r.text(e, "category", path, nullable=False),
        name=r.text(e, "name", path, nullable=False),
        board_id=r.text(e, "elementId", path, required=False),
        created=r.when(e, "created", path, required=False),
        is_dood=_flag(r, e, "isDood", path),
        allow_hold=_flag(r, e, "isHold", path),
        allow_drop=_flag(r, e, "isDrop", path),
        is_id_lock=_flag(r, e, "isIdLock", path, False),
        drop_day_count=10 if drop_count is None else drop_count,
        days_off=_days_off(r, e, path),
        events=_events(r, e, path, nullable=True),
        linked_element_ids=r.id_list(e, "linkedElements", path, required=False),
        extra=extra,
        **ours,
    )


def _flag(r: _Reader, obj: dict[str, Any], key: str, path: str, default: bool = True) -> bool:
    # USS: "default to true if the data you're importing from doesn't contain these features"
    value = r.get(obj, key, path, bool, required=False)
    return default if value is None else bool(value)


def _scene(r: _Reader, b: dict[str, Any], path: str) -> Scene:
    type_text = r.text(b, "type", path, nullable=False)
    if type_text in ("scene", "strip"):
        kind = SceneKind.SCENE
    elif type_text == "banner":
        kind = SceneKind.BANNER
    else:
        raise r.fail(f"{path}.type", f"{type_text!r} is not one of scene, banner")
    pages = r.get(b, "pages", path, (int, float), required=False)
    if pages is not None and pages < 0:
        raise r.fail(f"{path}.pages", f"page count {pages} is negative")
    duration_ms = r.get(b, "duration", path, (int, float), required=False)
    if duration_ms is not None and duration_ms < 0:
        raise r.fail(f"{path}.duration", f"duration {duration_ms} is negative")
    extra = _extra(b, BREAKDOWN_KEYS)
    if pages is not None and pages * 8 != pages_to_eighths(pages):
        extra[EXACT_PAGES] = pages  # not a whole number of eighths: keep the exact value
    ours = _decoded_extension(r, b, path, scene_extension_fields())
    return r.build(
        path,
        Scene,
        id=r.text(b, "id", path, nullable=False),
        number=r.text(b, "scene", path, required=False),
        kind=kind,
        synopsis=r.text(b, "description", path, required=False),
        script_page=r.text(b, "scriptPage", path, required=False),
        eighths=0 if pages is None else pages_to_eighths(pages),
        eighths_known=pages is not None,
        duration=None if duration_ms is None else timedelta(milliseconds=duration_ms),
        comments=r.text(b, "comments", path, required=False),
        banner_text=r.text(b, "bannerText", path, required=False),
        created=r.when(b, "created", path, required=False),
        element_ids=r.id_list(b, "elements", path, nullable=False) or [],
        extra=extra,
        **ours,
    )


def _board(r: _Reader, s: dict[str, Any], path: str) -> Board:
    sections = []
    for i, raw in enumerate(r.get(s, "boards", path, list, nullable=False)):
        bpath = f"{path}.boards[{i}]"
        sections.append(_section(r, r.obj(raw, bpath), bpath))
    extra = _extra(s, STRIPBOARD_KEYS)
    ours = r.extension(s, path, {"version", "description"})
    return r.build(
        path,
        Board,
        id=r.text(s, "id", path, nullable=False),
        name=r.text(s, "name", path, nullable=False),
        calendar_id=r.text(s, "calendar", path, required=False),
        sections=sections,
        extra=extra,
        **ours,
    )


def _section(r: _Reader, b: dict[str, Any], path: str) -> BoardSection:
    key = "breakdownIds" if "breakdownIds" in b else "breakdownArrays"
    items = r.get(b, key, path, list, nullable=False)
    groups: list[StripGroup] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            if groups and not groups[-1].is_day:
                groups[-1].strip_ids.append(item)
            else:
                groups.append(StripGroup([item], is_day=False))
        elif isinstance(item, list):
            for j, strip_id in enumerate(item):
                if not isinstance(strip_id, str):
                    raise r.fail(
                        f"{path}.{key}[{i}][{j}]", f"expected a breakdown id, got {_kind(strip_id)}"
                    )
            groups.append(StripGroup(list(item), is_day=True))
        else:
            raise r.fail(
                f"{path}.{key}[{i}]",
                f"expected a breakdown id or a day's list of ids, got {_kind(item)}",
            )
    extra = _extra(b, BOARD_KEYS | {"breakdownArrays"})
    return r.build(
        path,
        BoardSection,
        id=r.text(b, "id", path, nullable=False),
        name=r.text(b, "name", path, nullable=False),
        groups=groups,
        extra=extra,
    )


def _calendar(r: _Reader, c: dict[str, Any], path: str) -> Calendar:
    ours = r.extension(c, path, {"non_shooting"})
    if "non_shooting" in ours:
        ours["non_shooting"] = tuple(str(x) for x in ours["non_shooting"])
    return r.build(
        path,
        Calendar,
        id=r.text(c, "id", path, nullable=False),
        name=r.text(c, "name", path, nullable=False),
        days_off=_days_off(r, c, path),
        events=_events(r, c, path, nullable=False) or [],
        extra=_extra(c, CALENDAR_KEYS),
        **ours,
    )


def _extra(obj: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """Keys the spec does not define (other than our own extension), kept as they are."""
    return {k: v for k, v in obj.items() if k not in known and k != EXTENSION_KEY}


def _kind(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        type(None): "null",
    }.get(type(value), f"a number ({value!r})")


def _names(kinds: tuple[type, ...]) -> str:
    if int in kinds and float in kinds:
        kinds = tuple(k for k in kinds if k is not int)
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "an object",
    }
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))

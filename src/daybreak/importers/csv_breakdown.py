"""Breakdown CSV: one row per scene, as spreadsheets and other tools exchange it.

Columns (headers are matched without regard to case, spaces or punctuation):
`scene`, `int_ext` (INT, EXT, INT/EXT), `set`, `time_of_day` (DAY, NIGHT...), `pages`
(`1 3/8`, or decimal pages) or `eighths`, `cast` (names separated by `;`), `synopsis`,
`location`, `script_day`, `estimated_minutes`, `id`. A cast entry may carry its board ID:
`1. GEORGE; 4. MARY`. Any other column is a breakdown category
(`Props`, `Vehicles`, `Stunts`...) holding `;`-separated element names.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from daybreak.domain import Production, format_eighths, parse_eighths, parse_int_ext
from daybreak.domain.builder import ProductionBuilder
from daybreak.domain.categories import CategoryKind
from daybreak.errors import DaybreakError

_ALIASES = {
    "scene": "scene",
    "sc": "scene",
    "scenenumber": "scene",
    "number": "scene",
    "intext": "int_ext",
    "ie": "int_ext",
    "set": "set",
    "settings": "set",
    "timeofday": "time_of_day",
    "dn": "time_of_day",
    "daynight": "time_of_day",
    "pages": "pages",
    "length": "pages",
    "eighths": "eighths",
    "cast": "cast",
    "castmembers": "cast",
    "synopsis": "synopsis",
    "description": "synopsis",
    "location": "location",
    "scriptday": "script_day",
    "storyday": "script_day",
    "estimatedminutes": "estimated_minutes",
    "minutes": "estimated_minutes",
    "id": "id",
}
_CAST_WITH_ID = re.compile(r"^([0-9A-Za-z]{1,4})\.\s+(\S.*)$")
COLUMNS = [
    "id",
    "scene",
    "int_ext",
    "set",
    "time_of_day",
    "pages",
    "cast",
    "synopsis",
    "location",
    "script_day",
    "estimated_minutes",
]


def _normal(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def read_breakdown_csv(path: str | Path, *, name: str | None = None) -> Production:
    """Read a breakdown CSV into a production with a script-order board."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DaybreakError(f"cannot read file: {exc.strerror}", source=source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DaybreakError(f"not UTF-8 text (byte {exc.start})", source=source) from None
    if not text.strip():
        raise DaybreakError("the file is empty", source=source)
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]]
    fields = [_ALIASES.get(_normal(h), h) for h in header]
    if "set" not in fields:
        raise DaybreakError("no `set` column in the header", source=source, where="line 1")
    builder = ProductionBuilder(name or Path(path).stem)
    if "cast" in fields:  # board IDs given in the file: number nobody else
        column = fields.index("cast")
        builder.auto_number_cast = not any(
            _CAST_WITH_ID.match(entry)
            for row in rows[1:]
            if len(row) > column
            for entry in _split(row[column])
        )
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(fields):
            raise DaybreakError(
                f"{len(row)} cells but the header has {len(fields)}",
                source=source,
                where=f"line {line_no}",
            )
        record = dict(zip(fields, (c.strip() for c in row), strict=False))
        _scene_from_row(builder, record, source, line_no)
    if not builder.production.scenes:
        raise DaybreakError("no scene rows under the header", source=source)
    builder.script_order_board()
    return builder.build()


def _scene_from_row(
    builder: ProductionBuilder, record: dict[str, str], source: str, line_no: int
) -> None:
    where = f"line {line_no}"
    set_name = record.get("set", "")
    if not set_name:
        raise DaybreakError("the `set` cell is empty", source=source, where=where)
    int_ext = record.get("int_ext") or None
    if int_ext and parse_int_ext(int_ext) is None:
        raise DaybreakError(
            f"int_ext {int_ext!r} is not INT, EXT or INT/EXT", source=source, where=where
        )
    eighths = 8
    if record.get("eighths"):
        if not record["eighths"].isdigit():
            raise DaybreakError(
                f"eighths {record['eighths']!r} is not a whole number",
                source=source,
                where=f"{where}, column eighths",
            )
        eighths = int(record["eighths"])
    elif record.get("pages"):
        eighths = _pages(record["pages"], source, f"{where}, column pages")
    minutes = None
    if record.get("estimated_minutes"):
        try:
            minutes = float(record["estimated_minutes"])
        except ValueError:
            raise DaybreakError(
                f"{record['estimated_minutes']!r} is not a number of minutes",
                source=source,
                where=f"{where}, column estimated_minutes",
            ) from None
    others = {k: _split(v) for k, v in record.items() if k not in COLUMNS and k != "eighths"}
    extra: dict[str, Any] = {}
    if record.get("id"):
        extra["scene_id"] = record["id"]
    cast = []
    for entry in _split(record.get("cast", "")):
        match = _CAST_WITH_ID.match(entry)
        name = match.group(2) if match else entry
        if match:
            builder.cast(name, board_id=match.group(1))
        cast.append(name)
    builder.scene(
        record.get("scene") or None,
        set_name=set_name,
        int_ext=parse_int_ext(int_ext) if int_ext else None,
        time_of_day=record.get("time_of_day") or None,
        eighths=eighths,
        cast=cast,
        location=record.get("location") or None,
        script_day=record.get("script_day") or None,
        synopsis=record.get("synopsis") or None,
        duration_minutes=minutes,
        elements={k: v for k, v in others.items() if v},
        **extra,
    )


def _pages(text: str, source: str, where: str) -> int:
    try:
        return parse_eighths(text, where=where)
    except DaybreakError:
        pass
    try:
        return round(float(text) * 8)
    except ValueError:
        raise DaybreakError(
            f"{text!r} is not a page length like '1 3/8' or 1.375", source=source, where=where
        ) from None


def write_breakdown_csv(production: Production, path: str | Path) -> None:
    """Write every scene (script order) as a breakdown CSV that `read_breakdown_csv` reads."""
    strips = production.strips()
    categories = [
        c
        for c in production.categories
        if c.kind is CategoryKind.OTHER
        or c.kind
        in (
            CategoryKind.BACKGROUND,
            CategoryKind.STUNTS,
            CategoryKind.VEHICLES,
            CategoryKind.PROPS,
            CategoryKind.SFX,
        )
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + [c.name for c in categories])
    for scene in production.scenes_in_script_order():
        if scene.is_banner:
            continue
        strip = strips[scene.id]
        grouped = {c.id: [e.name for e in els] for c, els in strip.elements}
        writer.writerow(
            [
                scene.id,
                scene.number or "",
                strip.int_ext.value if strip.int_ext else "",
                strip.set_name,
                strip.time_of_day or "",
                format_eighths(scene.eighths),
                "; ".join(c.label for c in strip.cast),
                scene.synopsis or "",
                strip.location.name if strip.location else "",
                strip.script_day or "",
                "" if scene.duration is None else f"{scene.duration.total_seconds() / 60:g}",
            ]
            + ["; ".join(grouped.get(c.id, [])) for c in categories]
        )
    Path(path).write_text(out.getvalue(), encoding="utf-8")

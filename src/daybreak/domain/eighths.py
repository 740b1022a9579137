"""Page lengths in eighths of a page, written the way ADs write them (`1 3/8`, `4/8`)."""

from __future__ import annotations

import re

from daybreak.errors import DaybreakError

_PATTERN = re.compile(r"^\s*(?:(\d+)\s*)?(?:(\d+)\s*/\s*8)?\s*$")


def format_eighths(eighths: int) -> str:
    """`11` -> `1 3/8`, `4` -> `4/8`, `16` -> `2`, `0` -> `0`. Never reduced to halves."""
    if eighths < 0:
        raise ValueError("eighths cannot be negative")
    pages, rest = divmod(eighths, 8)
    if rest == 0:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"


def parse_eighths(text: str, *, where: str | None = None) -> int:
    """Parse `1 3/8`, `4/8`, `2` into eighths; raise a DaybreakError naming `where`."""
    match = _PATTERN.match(text)
    if not match or (match.group(1) is None and match.group(2) is None):
        raise DaybreakError(f"{text!r} is not a page length like '1 3/8' or '4/8'", where=where)
    pages = int(match.group(1) or 0)
    rest = int(match.group(2) or 0)
    if rest >= 8:
        raise DaybreakError(f"{text!r}: eighths must be 0 to 7", where=where)
    return pages * 8 + rest


def pages_to_eighths(pages: float) -> int:
    """Decimal pages (USS: 1/8 = 0.125) to whole eighths, rounding to the nearest eighth."""
    return round(pages * 8)

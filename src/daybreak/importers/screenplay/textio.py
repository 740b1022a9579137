"""Reading a text screenplay file: decode, reject binary junk and empty input."""

from __future__ import annotations

import re
from pathlib import Path

from daybreak.errors import DaybreakError

_BAD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into a :class:`DaybreakError` naming the file."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DaybreakError(f"cannot read the file ({exc.strerror})", source=str(path)) from exc


def decode_text(data: bytes, source: str) -> str:
    """Decode a text screenplay (UTF-8, else Windows-1252, else Latin-1).

    Raises :class:`DaybreakError` for an empty file and for binary data (NUL bytes or
    many control characters), naming the first offending line.
    """
    if not data.strip():
        raise DaybreakError("the file is empty", source=source)
    text: str | None = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        text = data.decode("latin-1")
    bad = [m.start() for m in _BAD.finditer(text)]
    if "\x00" in text or len(bad) > max(2, len(text) // 200):
        line = text.count("\n", 0, bad[0]) + 1
        raise DaybreakError(
            "this is not a text screenplay (binary data)", source=source, where=f"line {line}"
        )
    return text


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF (mixed endings are common in Fountain files)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

"""Identifiers: 24-hex-digit ids in the style of BSON ObjectIds, as USS recommends."""

from __future__ import annotations

import itertools
import os
import time

_counter = itertools.count(int.from_bytes(os.urandom(3), "big"))
_process_tag = os.urandom(5).hex()


def new_id() -> str:
    """A fresh unique id: 4 bytes of seconds, 5 random bytes per process, a 3-byte counter."""
    seconds = int(time.time()) & 0xFFFFFFFF
    count = next(_counter) & 0xFFFFFF
    return f"{seconds:08x}{_process_tag}{count:06x}"


def derived_id(*parts: str) -> str:
    """A stable id made from names, so that the same input always yields the same id."""
    import hashlib

    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]

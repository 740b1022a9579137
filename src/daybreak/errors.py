"""The one exception type of the package, turned into a clear message by every adapter."""

from __future__ import annotations


class DaybreakError(Exception):
    """A problem the user can fix: bad input, a missing file, an impossible request.

    ``source`` names the file (or project), ``where`` the line or field, so the message
    always tells the user where to look.
    """

    def __init__(self, message: str, *, source: str | None = None, where: str | None = None):
        self.message = message
        self.source = source
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.where) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message

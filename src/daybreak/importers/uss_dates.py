"""USS dates: ISO 8601 in, the spec's `2022-06-24T08:00:00.000Z` out."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_uss_datetime(text: str) -> datetime:
    """Parse `2022-06-11T00:11:59.000Z` or `2022-08-03T07:00:00.000+0000`; naive means UTC."""
    value = datetime.fromisoformat(text.strip())
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def format_uss_datetime(value: datetime) -> str:
    """The spec's form, in UTC with milliseconds: `2022-06-24T08:00:00.000Z`."""
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"

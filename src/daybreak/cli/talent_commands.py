"""`daybreak talent ...` and `daybreak mssp ...`: solve published benchmark instances."""

from __future__ import annotations

"""Storage: SQLite project files and PostgreSQL databases, behind one Store class."""

from daybreak.store.location import resolve_url
from daybreak.store.store import Change, ConflictError, ProductionSummary, Store, head_revision

__all__ = ["Change", "ConflictError", "ProductionSummary", "Store", "head_revision", "resolve_url"]

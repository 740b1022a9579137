"""Universal Schedule Standard: read and write .uss files (spec 1.0.0)."""

from daybreak.importers.uss_read import parse_uss, read_uss
from daybreak.importers.uss_write import dumps_uss, to_uss, write_uss

__all__ = ["dumps_uss", "parse_uss", "read_uss", "to_uss", "write_uss"]

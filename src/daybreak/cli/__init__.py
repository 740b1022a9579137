"""The `daybreak` command line: thin typer commands over the service layer."""

from __future__ import annotations

from daybreak.cli.app import app


def main() -> None:
    """Entry point of the `daybreak` console script."""
    app()


__all__ = ["app", "main"]

"""The root typer application; each command group lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="daybreak",
    help="Film and TV production scheduling: breakdown, stripboard, optimized schedules, reports.",
    no_args_is_help=True,
    add_completion=False,
)


def _register() -> None:
    # Command modules register themselves on import; keep this list the only wiring.
    from daybreak.cli import (  # noqa: F401
        demo_command,
        project_commands,
        registry_commands,
        repair_commands,
        report_commands,
        scenario_commands,
        schedule_commands,
        serve_command,
        shoot_commands,
        talent_commands,
    )


_register()

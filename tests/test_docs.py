"""Docs cannot rot: every CLI command and option is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from daybreak.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "") -> list[tuple[str, typer.models.CommandInfo]]:
    found = [
        (f"{prefix}{c.name or c.callback.__name__}", c)  # type: ignore[union-attr]
        for c in group.registered_commands
    ]
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        found += _commands(sub.typer_instance, f"{prefix}{sub.name} ")
    return found


def test_readme_opens_with_the_two_setup_commands() -> None:
    """The README's first code block is exactly the demo and the test command."""
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert commands == ["python3 dev.py demo", "python3 dev.py test"]


def test_every_command_and_option_is_documented() -> None:
    """Each `daybreak` command is named in the README, and so is each of its options."""
    root = typer.main.get_command(app)
    missing = []
    for name, _ in _commands(app):
        if f"daybreak {name}" not in README and f"`{name}`" not in README:
            missing.append(name)
        command = root
        for part in name.split():
            command = command.commands[part]  # type: ignore[attr-defined]
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in README:
                    missing.append(f"{name} {opt}")
    assert not missing, f"undocumented in README.md: {missing}"

"""`daybreak serve`: the browser stripboard and the JSON API for one project."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from daybreak.cli.app import app
from daybreak.cli.common import DbOption, ProjectArg, console, handle_errors
from daybreak.errors import DaybreakError

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def is_local(host: str) -> bool:
    """Whether `host` only listens on this machine (a loopback address or localhost)."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
@handle_errors
def serve_command(
    project: ProjectArg = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (a loopback one by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Allow a non-loopback --host (anyone who reaches it can edit the project).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Open the project in a browser: the stripboard, its cost, the optimizer, reports."""
    if not is_local(host) and not allow_remote:
        raise DaybreakError(
            f"{host} is reachable from other machines; add --allow-remote to listen there",
            where="--host",
        )
    import uvicorn

    from daybreak.api.app import create_app
    from daybreak.api.settings import Settings

    settings = Settings(project=project, database_url=db)
    web = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"daybreak: serving {settings.url} at http://{shown}:{port}/ (Ctrl+C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")

"""The web app's settings: one pydantic-settings class (environment prefix ``DAYBREAK_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from daybreak.store.location import normalize_url, resolve_url


class Settings(BaseSettings):
    """Where the project lives and how the server behaves.

    ``database_url`` defaults to the project file (``sqlite:///<project>``).
    """

    model_config = SettingsConfigDict(env_prefix="DAYBREAK_", extra="ignore")

    project: Path | None = Field(None, description="The project file (*.daybreak).")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: the project.")
    author: str = Field("web", description="Who edits, when a request names nobody.")
    solve_time_limit: float = Field(30.0, gt=0, description="Default seconds per solve job.")
    max_solve_time_limit: float = Field(600.0, gt=0, description="Longest solve job allowed.")
    solve_workers: int = Field(1, ge=1, description="Solve jobs run at the same time.")
    sqlite_synchronous: Literal["FULL", "NORMAL"] = Field(
        "NORMAL",
        description=(
            "SQLite `synchronous` pragma for the served file. NORMAL (with WAL) never "
            "corrupts the file but a power cut may lose the last edits; FULL syncs each edit."
        ),
    )

    @model_validator(mode="after")
    def _default_url(self) -> Settings:
        if self.database_url is None:
            self.database_url = resolve_url(self.project)
        else:
            self.database_url = normalize_url(self.database_url)
        return self

    @property
    def url(self) -> str:
        assert self.database_url is not None
        return self.database_url

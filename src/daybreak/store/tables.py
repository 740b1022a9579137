"""SQLAlchemy tables of a daybreak project. One database may hold several productions.

Each entity row keeps its key columns (for joins, foreign keys and queries) and its whole
domain value in a JSON `data` column, written by the domain codec. A scene's elements are
rows of `scene_elements`, so the database itself refuses a breakdown naming a missing element.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class MetaRow(Base):
    """Marks the database as a daybreak project (`format` = `daybreak-project`)."""

    __tablename__ = "daybreak_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ProductionRow(Base):
    __tablename__ = "productions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _owned(table: str) -> Any:
    return mapped_column(
        String(64), ForeignKey("productions.id", ondelete="CASCADE"), primary_key=True
    )


class CategoryRow(Base):
    __tablename__ = "categories"
    production_id: Mapped[str] = _owned("categories")
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(400))
    ucid: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]


class ElementRow(Base):
    __tablename__ = "elements"
    production_id: Mapped[str] = _owned("elements")
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(400))
    data: Mapped[dict[str, Any]]
    # The talent registry entry (`Element.talent_id`, also in `data`): a column for queries.
    talent_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    __table_args__ = (
        ForeignKeyConstraint(
            ["production_id", "category_id"],
            ["categories.production_id", "categories.id"],
            ondelete="CASCADE",
        ),
    )


class SceneRow(Base):
    __tablename__ = "scenes"
    production_id: Mapped[str] = _owned("scenes")
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    eighths: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]


class SceneElementRow(Base):
    __tablename__ = "scene_elements"
    production_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scene_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    element_id: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        ForeignKeyConstraint(
            ["production_id", "scene_id"],
            ["scenes.production_id", "scenes.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["production_id", "element_id"],
            ["elements.production_id", "elements.id"],
            ondelete="CASCADE",
        ),
    )


class CalendarRow(Base):
    __tablename__ = "calendars"
    production_id: Mapped[str] = _owned("calendars")
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(400))
    data: Mapped[dict[str, Any]]


class BoardRow(Base):
    __tablename__ = "boards"
    production_id: Mapped[str] = _owned("boards")
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(400))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]


class ChangeRow(Base):
    """The change log: who changed what and when, with the state before, for undo."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    production_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("productions.id", ondelete="CASCADE"), index=True
    )
    board_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    undone: Mapped[int] = mapped_column(Integer, default=0)


class RegistryRow(Base):
    """The talent registry: performers and locations shared across productions by identity.

    Elements link to an entry by `elements.talent_id` (no foreign key: a production imported
    from another project may name an entry this project does not hold yet).
    """

    __tablename__ = "registry"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]

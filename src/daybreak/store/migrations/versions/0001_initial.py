"""The first project schema: productions and their breakdown, calendars and boards.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _owned(table: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column(
            "production_id",
            sa.String(64),
            sa.ForeignKey(
                "productions.id", ondelete="CASCADE", name=f"fk_{table}_production_id_productions"
            ),
            primary_key=True,
        ),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "daybreak_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "productions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "categories",
        *_owned("categories"),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("ucid", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "elements",
        *_owned("elements"),
        sa.Column("category_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["production_id", "category_id"],
            ["categories.production_id", "categories.id"],
            ondelete="CASCADE",
            name="fk_elements_production_id_categories",
        ),
    )
    op.create_table(
        "scenes",
        *_owned("scenes"),
        sa.Column("number", sa.String(64), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("eighths", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "scene_elements",
        sa.Column("production_id", sa.String(64), primary_key=True),
        sa.Column("scene_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("element_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["production_id", "scene_id"],
            ["scenes.production_id", "scenes.id"],
            ondelete="CASCADE",
            name="fk_scene_elements_production_id_scenes",
        ),
        sa.ForeignKeyConstraint(
            ["production_id", "element_id"],
            ["elements.production_id", "elements.id"],
            ondelete="CASCADE",
            name="fk_scene_elements_production_id_elements",
        ),
    )
    op.create_table(
        "calendars",
        *_owned("calendars"),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "boards",
        *_owned("boards"),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "boards",
        "calendars",
        "scene_elements",
        "scenes",
        "elements",
        "categories",
        "productions",
        "daybreak_meta",
    ):
        op.drop_table(table)

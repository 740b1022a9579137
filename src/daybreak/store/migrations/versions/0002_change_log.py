"""The change log: every edit recorded (who, when, what, the state before) for undo.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "production_id",
            sa.String(64),
            sa.ForeignKey(
                "productions.id", ondelete="CASCADE", name="fk_changes_production_id_productions"
            ),
            nullable=False,
        ),
        sa.Column("board_id", sa.String(64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("action", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
        sa.Column("undone", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_changes_production_id", "changes", ["production_id"])


def downgrade() -> None:
    op.drop_index("ix_changes_production_id", "changes")
    op.drop_table("changes")

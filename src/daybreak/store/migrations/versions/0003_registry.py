"""The talent registry: performers and locations shared by identity across productions.

Adds the `registry` table and an indexed `elements.talent_id` column, filled from each
element's stored `talent_id`; every linked cast member or location gets its registry entry,
so existing links keep working.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_KINDS = {100: "cast", 6: "location"}  # USS ucids of the cast and location categories


def upgrade() -> None:
    op.create_table(
        "registry",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.add_column("elements", sa.Column("talent_id", sa.String(64), nullable=True))
    op.create_index("ix_elements_talent_id", "elements", ["talent_id"])
    _backfill()


def _backfill() -> None:
    connection = op.get_bind()
    meta = sa.MetaData()
    elements = sa.Table(
        "elements",
        meta,
        sa.Column("production_id", sa.String(64)),
        sa.Column("id", sa.String(64)),
        sa.Column("category_id", sa.String(64)),
        sa.Column("data", sa.JSON),
        sa.Column("talent_id", sa.String(64)),
    )
    categories = sa.Table(
        "categories",
        meta,
        sa.Column("production_id", sa.String(64)),
        sa.Column("id", sa.String(64)),
        sa.Column("ucid", sa.Integer),
    )
    registry = sa.Table(
        "registry",
        meta,
        sa.Column("id", sa.String(64)),
        sa.Column("name", sa.String(400)),
        sa.Column("kind", sa.String(16)),
        sa.Column("data", sa.JSON),
    )
    ucids = {
        (row.production_id, row.id): row.ucid for row in connection.execute(sa.select(categories))
    }
    entries: dict[str, dict[str, object]] = {}
    for row in connection.execute(sa.select(elements)):
        talent_id = (row.data or {}).get("talent_id")
        if not talent_id:
            continue
        connection.execute(
            sa.update(elements)
            .where(elements.c.production_id == row.production_id, elements.c.id == row.id)
            .values(talent_id=talent_id)
        )
        kind = _KINDS.get(ucids.get((row.production_id, row.category_id), -1))
        if kind is not None and talent_id not in entries:
            name = row.data.get("performer") or row.data.get("name") or talent_id
            entries[talent_id] = {"id": talent_id, "name": name, "kind": kind}
    for entry in entries.values():
        connection.execute(sa.insert(registry).values(**entry, data=dict(entry)))


def downgrade() -> None:
    op.drop_index("ix_elements_talent_id", "elements")
    with op.batch_alter_table("elements") as batch:
        batch.drop_column("talent_id")
    op.drop_table("registry")

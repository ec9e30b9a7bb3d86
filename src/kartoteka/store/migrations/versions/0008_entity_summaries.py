"""entity summaries and the person block keys' index: the writer's cost a file kept flat

An entity's summary (what its label, names and gender are made of: each name with the first
profile that gives it, the fullest label's rank, each gender's count) lets ingest add the
profiles that join an entity without reading its other members; an entity without one (every
entity of an older database) is rebuilt from its members once and gets one then. The index on
(kind, block_key) lets the stored person block keys be read from the index alone.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary", sa.JSON(), nullable=True))
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.create_index("ix_profiles_kind_block_key", ["kind", "block_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_index("ix_profiles_kind_block_key")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_column("summary")

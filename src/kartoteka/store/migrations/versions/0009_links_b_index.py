"""the links' second end indexed: a profile's stale links are found without reading the table

The linker's stored links of a set of profiles are made what it last said of them
(``store.links``): the links of each profile are read by either end, a by the primary key,
b by this index.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.create_index("ix_links_b", ["b"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_index("ix_links_b")

"""linkage models: the person model of the last full run and its name frequencies, for ingest

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "linkage_models",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=False),
        sa.Column("link_threshold", sa.Float(), nullable=False),
        sa.Column("profiles", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind"),
    )
    op.create_table(
        "linkage_term_frequencies",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("frequency", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "field", "value"),
    )


def downgrade() -> None:
    op.drop_table("linkage_term_frequencies")
    op.drop_table("linkage_models")

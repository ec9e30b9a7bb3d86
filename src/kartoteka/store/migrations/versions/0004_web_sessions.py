"""web sessions: server-side sessions, API tokens, login failures, user ids, one undo a round

Revision ID: 0004
Revises: 0003

- ``users.id``: a random id a session is bound to, so a user deleted and created again under
  the same name is another person to every old session and token.
- ``web_sessions`` and ``api_tokens`` hold only SHA-256 hashes of what the browser or
  OpenRefine presents; revoking a row ends it in every worker at once.
- ``login_failures``: failed logins counted in the database, shared by every worker.
- ``edits.undo_round``: the number of undos of the same edit before this one; unique with
  ``reverts``, so two concurrent undos of one edit cannot both be written.
- The session-signing key no longer lives in the database: the old ``web.secret_key`` goes.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("id", sa.String(length=32), nullable=True))
    connection = op.get_bind()
    users = sa.table("users", sa.column("name", sa.String), sa.column("id", sa.String))
    for (name,) in connection.execute(sa.select(users.c.name)).all():
        connection.execute(users.update().where(users.c.name == name)
                           .values(id=secrets.token_hex(16)))
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("id", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_index("ix_users_id", ["id"], unique=True)

    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_web_sessions_user_id", "web_sessions", ["user_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failures_address_at", "login_failures", ["address", "at"])
    op.create_index("ix_login_failures_username_at", "login_failures", ["username", "at"])

    with op.batch_alter_table("edits") as batch_op:
        batch_op.add_column(sa.Column("undo_round", sa.Integer(), nullable=True))
    edits = sa.table("edits", sa.column("id", sa.Integer), sa.column("action", sa.String),
                     sa.column("reverts", sa.Integer), sa.column("undo_round", sa.Integer))
    rounds: dict[int, int] = {}
    rows = connection.execute(sa.select(edits.c.id, edits.c.reverts)
                              .where(edits.c.action == "undo").order_by(edits.c.id)).all()
    for edit_id, reverts in rows:
        if reverts is None:
            continue
        rounds[reverts] = rounds.get(reverts, -1) + 1
        connection.execute(edits.update().where(edits.c.id == edit_id)
                           .values(undo_round=rounds[reverts]))
    with op.batch_alter_table("edits") as batch_op:
        batch_op.create_index("ux_edits_reverts_round", ["reverts", "undo_round"], unique=True)

    settings = sa.table("settings", sa.column("key", sa.String))
    connection.execute(settings.delete().where(settings.c.key == "web.secret_key"))


def downgrade() -> None:
    with op.batch_alter_table("edits") as batch_op:
        batch_op.drop_index("ux_edits_reverts_round")
        batch_op.drop_column("undo_round")
    op.drop_table("login_failures")
    op.drop_table("api_tokens")
    op.drop_table("web_sessions")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_index("ix_users_id")
        batch_op.drop_column("id")

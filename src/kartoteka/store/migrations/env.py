"""Alembic environment: runs against the connection kartoteka hands over (see session.py)."""

from __future__ import annotations

from alembic import context

from kartoteka.store.tables import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the alembic CLI takes this path
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

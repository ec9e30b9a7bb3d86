"""What every command shares: the ``--db`` option and opening the store with a clear error.

``kartoteka.cli`` and the commands that live beside what they run (``web.commands``,
``curate.commands``) all take ``--db`` from here, so it reads ``KARTOTEKA_DB`` and names
PostgreSQL the same everywhere.
"""

from __future__ import annotations

import click

from kartoteka.errors import KartotekaError
from kartoteka.store.session import Store

DB_OPTION = click.option("--db", required=True, envvar="KARTOTEKA_DB", type=click.Path(
    dir_okay=False), help="A SQLite file (created when missing) or postgresql://user@host/name;"
    " also from KARTOTEKA_DB (keeps a password out of the process list).")


def open_store(db: str, *, create: bool = False) -> Store:
    """The store at ``db``; a missing or foreign database is a usage error naming it."""
    try:
        return Store(db, create=create)
    except KartotekaError as exc:
        raise click.UsageError(str(exc)) from exc

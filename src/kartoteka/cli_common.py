"""What every ``kartoteka`` command shares: the ``--db`` option and opening the store."""

from __future__ import annotations

import click

from kartoteka.errors import KartotekaError
from kartoteka.store.session import Store

DB_OPTION = click.option("--db", required=True, type=click.Path(dir_okay=False),
                         help="The database file (SQLite; created when missing).")


def _open(db: str, *, create: bool = False) -> Store:
    try:
        return Store(db, create=create)
    except KartotekaError as exc:
        raise click.UsageError(str(exc)) from exc

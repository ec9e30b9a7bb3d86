"""Opening a database: SQLite file (or any SQLAlchemy URL), migrated to the current schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from kartoteka.errors import StoreError


def database_url(db: str | Path) -> str:
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the web UI) working while an ingest writes; synchronous=NORMAL is
    # safe with WAL: a crash loses at most the last transaction, never corrupts the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("kartoteka.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = _alembic_config()
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(config).get_current_head()
        if current == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_engine(db: str | Path, *, create: bool = True) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"{db}: no such database (run 'kartoteka ingest' first)")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except DatabaseError as exc:
        raise StoreError(f"{db}: not a kartoteka database ({exc.orig})") from exc
    return engine


class Store:
    """A database and its session factory; the only writer of kartoteka's data."""

    def __init__(self, db: str | Path, *, create: bool = True) -> None:
        self.engine = open_engine(db, create=create)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

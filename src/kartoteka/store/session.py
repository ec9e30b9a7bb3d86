"""Opening a database — a SQLite file or a PostgreSQL URL — migrated to the current schema.

Both backends run the same SQLAlchemy schema and Alembic migrations. Two rules hold on both:

* Schema creation and every migration run in one transaction, so a kill during the first
  creation of a database leaves either the whole schema or none (SQLite's driver would
  otherwise commit each CREATE TABLE on its own; see ``_sqlite_begin``).
* Writers take turns: concurrent processes migrating or ingesting into one database wait for
  each other instead of failing (SQLite ``BEGIN IMMEDIATE``; PostgreSQL advisory locks).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kartoteka.errors import StoreError

# Keys of PostgreSQL's transaction-scoped advisory locks (any two fixed 64-bit numbers).
MIGRATION_LOCK = 0x6B617274_0001
WRITER_LOCK = 0x6B617274_0002


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL: a path means a SQLite file; postgresql:// means psycopg 3."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; kartoteka ships psycopg 3.
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text.removeprefix(prefix)
    return text


def _sqlite_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the web UI) working while an ingest writes; synchronous=NORMAL is
    # safe with WAL: a crash loses at most the last transaction, never corrupts the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """A writer's transaction (and a migration) starts with BEGIN IMMEDIATE; others as before.

    The driver's own handling begins a transaction only before INSERT/UPDATE/DELETE, so DDL
    and the reads before a write run outside it: a migration killed half-way left some tables
    made. A writer therefore takes control (isolation_level None) and says BEGIN IMMEDIATE,
    which waits (busy_timeout) for the write lock up front and then holds it for its reads
    and writes alike. Readers and other sessions keep the driver's handling: a reader holds
    no snapshot open, and a read-then-write session waits for the lock at its first write
    rather than failing with "database is locked" when another writer got in between.
    """
    dbapi = connection.connection.dbapi_connection
    if connection.get_execution_options().get("kartoteka_write"):
        dbapi.isolation_level = None
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        dbapi.isolation_level = ""


def _lock_writers(connection: Connection, key: int) -> None:
    """Take a writer's turn for the rest of the transaction (PostgreSQL; SQLite locks itself)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({key})")


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("kartoteka.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, *, create: bool = True) -> None:
    """Bring the schema to the newest revision in one transaction (a no-op when it is there)."""
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:  # the common case, without waiting for any lock
        if current_revision(connection) == head:
            return
    with engine.connect().execution_options(kartoteka_write=True) as connection:
        with connection.begin():
            _lock_writers(connection, MIGRATION_LOCK)
            # Another process may have migrated while this one waited for the lock.
            current = current_revision(connection)
            if current == head:
                return
            if current is None and not create:
                raise StoreError(f"{engine.url.render_as_string(hide_password=True)}: "
                                 "no kartoteka schema (run 'kartoteka ingest' first)")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def open_engine(db: str | Path, *, create: bool = True) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"{db}: no such database (run 'kartoteka ingest' first)")
    try:
        engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    except Exception as exc:  # noqa: BLE001 - unknown dialect, missing driver, bad URL
        raise StoreError(f"{db}: cannot open ({exc})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        # A SQLite file that exists keeps working read-only tools without an ingest first.
        migrate(engine, create=create or engine.dialect.name == "sqlite")
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"{_safe(db)}: cannot open ({exc.orig})") from exc
    except DatabaseError as exc:
        engine.dispose()
        raise StoreError(f"{_safe(db)}: not a kartoteka database ({exc.orig})") from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


def _safe(db: str | Path) -> str:
    """The database's name for messages, without a password."""
    text = str(db)
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return text


class Store:
    """A database and its session factory; the only writer of kartoteka's data."""

    def __init__(self, db: str | Path, *, create: bool = True) -> None:
        self.engine = open_engine(db, create=create)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.writers = sessionmaker(self.engine.execution_options(kartoteka_write=True),
                                    expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error.

        ``write=True`` makes it a writer's turn: it waits for other writers of the database
        (other ingests, in this process or another) to finish first, so read-then-write steps
        such as "is this document stored? no: store it" never race.
        """
        factory = self.writers if write else self.sessions
        with factory() as session, session.begin():
            if write:
                _lock_writers(session.connection(), WRITER_LOCK)
            yield session

    def close(self) -> None:
        self.engine.dispose()

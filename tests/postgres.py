"""PostgreSQL for the tests: a server (the Makefile's, or one started here) and fresh databases.

``make test`` starts a throwaway server (scripts/pg_server.py) and passes its URL in
``KARTOTEKA_TEST_POSTGRES``; it also sets ``KARTOTEKA_REQUIRE_POSTGRES=1`` so that a missing
server fails the run instead of skipping. A plain ``pytest`` starts its own server with the
same script when Debian's binaries are there, and skips the PostgreSQL half (saying why) when
they are not.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url

SERVER_ENV = "KARTOTEKA_TEST_POSTGRES"
REQUIRE_ENV = "KARTOTEKA_REQUIRE_POSTGRES"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg_server.py"


def _script():  # noqa: ANN202 - a module loaded by path (scripts/ is not a package)
    spec = importlib.util.spec_from_file_location("pg_server", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"PostgreSQL is required here ({REQUIRE_ENV} is set) but {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


def server() -> Iterator[str]:
    """The URL of a server the tests may create databases on (a session fixture's body)."""
    url = os.environ.get(SERVER_ENV)
    if url:
        yield url
        return
    script = _script()
    directory = Path(tempfile.mkdtemp(prefix="kartoteka-pg-"))
    try:
        url = script.start(directory)
    except Exception as exc:  # noqa: BLE001 - any reason the server cannot start is a skip
        script.stop(directory)
        unavailable(f"scripts/pg_server.py could not start one ({exc})")
    try:
        yield url
    finally:
        script.stop(directory)


def _admin(server_url: str):  # noqa: ANN202 - an Engine
    return create_engine(server_url, isolation_level="AUTOCOMMIT")


def create_database(server_url: str, template: str | None = None) -> str:
    """A new empty database (or a copy of ``template``'s), by URL."""
    name = "kt_" + uuid.uuid4().hex[:16]
    engine = _admin(server_url)
    try:
        with engine.connect() as connection:
            suffix = f" TEMPLATE {make_url(template).database}" if template else ""
            connection.exec_driver_sql(f"CREATE DATABASE {name}{suffix}")
    finally:
        engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, url: str) -> None:
    engine = _admin(server_url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(
                f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
    finally:
        engine.dispose()

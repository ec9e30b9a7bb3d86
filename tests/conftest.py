"""Shared fixtures: the ../shared folder beside the repository, fresh databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import postgres

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "000_631d22f20abd596a.txt"
SEED_GOLD = SHARED / "gold" / "000_631d22f20abd596a.gold.yaml"

# The two backends every store, curation, linkage and web test runs against.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file, for tests about the file itself (size, junk, a missing file)."""
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    yield from postgres.server()


@pytest.fixture(params=BACKENDS)
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty databases on one backend: SQLite files or PostgreSQL databases."""
    made: list[str] = []
    server = request.getfixturevalue("postgres_server") if request.param != "sqlite" else ""

    def new() -> str:
        if not server:
            made.append(str(tmp_path / f"test-{len(made)}.db"))
        else:
            made.append(postgres.create_database(server))
        return made[-1]

    try:
        yield new
    finally:
        for url in made if server else []:
            postgres.drop_database(server, url)


@pytest.fixture
def db(new_db: Callable[[], str]) -> str:
    """A fresh, empty database: a SQLite file's path or a new PostgreSQL database's URL."""
    return new_db()

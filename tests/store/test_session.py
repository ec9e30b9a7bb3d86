from pathlib import Path

import pytest
from sqlalchemy import inspect

from kartoteka.errors import StoreError
from kartoteka.store.session import Store


def test_session_creates_every_table(db: str) -> None:
    store = Store(db)
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "mentions", "profiles", "entities", "claims", "evidence", "edits",
            "failures", "links", "authority_records", "authority_links",
            "alembic_version"} <= tables


def test_session_reopening_is_a_noop(db_path: Path) -> None:
    Store(db_path).close()
    before = db_path.stat().st_size
    Store(db_path).close()
    assert db_path.stat().st_size == before


def test_session_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(junk)


def test_session_refuses_a_missing_database_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", create=False)


def test_session_rolls_back_a_failed_transaction(db: str) -> None:
    from kartoteka.store.tables import FailureRow

    store = Store(db)
    with pytest.raises(RuntimeError), store.session() as session:
        session.add(FailureRow(path="x", reason="y"))
        session.flush()
        raise RuntimeError("crash mid-document")
    with store.session() as session:
        assert session.query(FailureRow).count() == 0

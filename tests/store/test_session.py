import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect

from kartoteka.errors import StoreError
from kartoteka.store.session import Store
from kartoteka.store.tables import FailureRow


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
    store = Store(db)
    with pytest.raises(RuntimeError), store.session() as session:
        session.add(FailureRow(path="x", reason="y"))
        session.flush()
        raise RuntimeError("crash mid-document")
    with store.session() as session:
        assert session.query(FailureRow).count() == 0


# Creates the schema with a pause after the third table (a marker file says "kill me now").
CREATE_SLOWLY = """
import sys, time
from alembic.operations import Operations
create_table, made = Operations.create_table, []
def slow(self, *args, **kwargs):
    made.append(args[0])
    if len(made) == 4:
        open(sys.argv[2], "w").close()
        time.sleep(120)
    return create_table(self, *args, **kwargs)
Operations.create_table = slow
from kartoteka.store.session import Store
Store(sys.argv[1]).close()
"""


def test_session_kill_during_first_creation_leaves_a_database_that_opens(
    db: str, tmp_path: Path,
) -> None:
    marker = tmp_path / "three-tables-made"
    proc = subprocess.Popen([sys.executable, "-c", CREATE_SLOWLY, db, str(marker)],
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the creation never reached its fourth table"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Store(db)  # the half-made schema was rolled back: creation starts afresh
    assert "authority_links" in inspect(store.engine).get_table_names()
    with store.session() as session:
        assert session.query(FailureRow).count() == 0
    store.close()


def _open_and_count(db: str) -> int:
    store = Store(db)
    with store.session() as session:
        count = session.query(FailureRow).count()
    store.close()
    return count


def test_session_concurrent_first_creations_all_succeed(db: str) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        assert pool.map(_open_and_count, [db] * 4) == [0, 0, 0, 0]

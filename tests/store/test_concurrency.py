"""Two ingests and the web UI on one database at once: nothing lost, nothing duplicated.

Both ingests read the same folder into one new database (SQLite file or PostgreSQL), so they
race for the schema's creation and for every document; the web UI reads all the while.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kartoteka.errors import StoreError
from kartoteka.export.json import export_store
from kartoteka.pipeline import ingest, iter_source_files
from kartoteka.store.session import Store
from kartoteka.store.tables import DocumentRow, EntityRow, FailureRow
from kartoteka.web.app import WebSettings, create_app
from tests.corpus import write_folder

pytestmark = pytest.mark.slow


def _read_while(db: str, running: Callable[[], bool], statuses: list[int]) -> None:
    """The web UI's list, search and person pages, requested until both ingests end."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            app = create_app(WebSettings(db=db, allow_anonymous=True))
            break
        except StoreError:  # the first ingest has not made the schema yet
            time.sleep(0.2)
    with TestClient(app) as client:
        while running():
            for url in ("/persons.json", "/search.json?q=Frolov", "/persons"):
                statuses.append(client.get(url).status_code)
            people = client.get("/persons.json").json().get("items", [])
            for person in people[:2]:
                statuses.append(client.get(f"/persons/{person['id']}").status_code)


def test_concurrency_two_ingests_and_the_web_lose_and_duplicate_nothing(
    new_db: Callable[[], str], tmp_path: Path,
) -> None:
    folder = write_folder(tmp_path / "in", 16, broken=1)
    db = new_db()
    command = [sys.executable, "-m", "kartoteka.cli", "ingest", str(folder), "--db", db, "-q"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    statuses: list[int] = []
    reader = threading.Thread(target=_read_while, args=(
        db, lambda: any(p.poll() is None for p in procs), statuses))
    reader.start()
    outputs = [p.communicate(timeout=600) for p in procs]
    reader.join()
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 1, err  # exit 1: the broken file, and nothing else, failed
        assert "UNIQUE" not in err and "Traceback" not in err, err
        failed = [line for line in err.splitlines() if "failed:" in line]
        assert len(failed) == 1 and "broken0.pdf" in failed[0], err
    assert statuses and set(statuses) == {200}, statuses

    alone = Store(tmp_path / "alone.db")  # the same folder, one ingest, nothing beside it
    ingest(alone, list(iter_source_files([folder])))
    store = Store(db)
    with store.session() as session, alone.session() as expected:
        assert session.query(DocumentRow).count() == 16
        assert session.query(FailureRow).count() == 1
        assert session.query(EntityRow).count() == expected.query(EntityRow).count()
        assert export_store(session) == export_store(expected)
    store.close()
    alone.close()

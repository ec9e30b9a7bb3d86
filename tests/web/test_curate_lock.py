"""Curation takes the writers' turn, as an ingest does (SQLite and PostgreSQL).

A merge that ran beside an ingest linking the same people would have its entities rewritten
by the ingest's transaction, computed without the decision (PostgreSQL takes no lock of its own
for that); so a merge waits for the writer in progress and goes in after it.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from kartoteka.pipeline import ingest
from kartoteka.store.session import Store
from tests.corpus import write_folder
from tests.web.conftest import Fixture, entity

Editor = tuple[TestClient, str]


def _merge(editor: Editor, keep: str, other: str) -> str:
    """Merge ``other`` into ``keep``; returns the entity that holds both."""
    client, token = editor
    reply = client.post(f"/api/persons/{keep}/merge", json={"other": other},
                        headers={"X-CSRF-Token": token})
    assert reply.status_code == 200, reply.text
    return reply.json()["redirect"].rsplit("/", 1)[1]


def _until_waiting(store: Store, merging: Future) -> None:
    """Until the merge waits for the writers' lock (PostgreSQL shows it in pg_locks), or has
    finished without it; SQLite shows nothing, so a few seconds there."""
    deadline = time.monotonic() + (60 if store.dialect == "postgresql" else 3)
    while time.monotonic() < deadline and not merging.done():
        if store.dialect == "postgresql":
            with store.session() as session:
                if session.scalar(text("SELECT count(*) FROM pg_locks WHERE "
                                       "locktype = 'advisory' AND NOT granted")):
                    return
        time.sleep(0.1)


def test_curate_lock_merge_waits_for_the_writer_in_progress(
    editor_client: Editor, fixture_db: Fixture,
) -> None:
    store = Store(fixture_db.path)
    held, release = threading.Event(), threading.Event()

    def writer() -> None:
        with store.session(write=True):
            held.set()
            release.wait(30)

    try:
        with ThreadPoolExecutor(2) as pool:
            holding = pool.submit(writer)
            assert held.wait(30)
            merging = pool.submit(_merge, editor_client, entity("yagoda"), entity("lyushkov"))
            _until_waiting(store, merging)
            waited = not merging.done()
            release.set()
            holding.result(30)
            kept = merging.result(60)
        assert waited, "the merge went in while another writer held the database"
    finally:
        release.set()
        store.close()
    client, _ = editor_client
    names = client.get(f"/persons/{kept}.json").json()["names"]
    assert "Genrikh Yagoda" in names and "Genrikh Lyushkov" in names


@pytest.mark.slow
def test_curate_lock_merges_during_an_ingest_are_all_kept(
    editor_client: Editor, fixture_db: Fixture, tmp_path: Path,
) -> None:
    """An ingest linking the very people an editor merges meanwhile: every merge holds."""
    folder = write_folder(tmp_path / "in", 4)
    # Files naming the merged people, so the ingest re-links their entities (made up here).
    for i, name in enumerate(["Genrikh Yagoda", "Genrikh Lyushkov", "Nikolai Yezhov"]):
        (folder / f"named{i}.txt").write_text(
            f"Note {i}.\n\nThe archive keeps a card for {name}, signed in 193{i + 4}.\n",
            encoding="utf-8")
    store = Store(fixture_db.path)
    pairs = [("yagoda", "lyushkov"), ("yezhov", "shpigelglas")]
    try:
        with ThreadPoolExecutor(1) as pool:
            ingesting = pool.submit(ingest, store, sorted(folder.iterdir()))
            kept = [_merge(editor_client, entity(a), entity(b)) for a, b in pairs]
            results = ingesting.result(600)
    finally:
        store.close()
    assert [r.status for r in results] == ["stored"] * 7
    client, _ = editor_client
    yagoda = client.get(f"/persons/{kept[0]}.json").json()["names"]
    assert "Genrikh Yagoda" in yagoda and "Genrikh Lyushkov" in yagoda
    yezhov = client.get(f"/persons/{kept[1]}.json").json()["names"]
    assert "Nikolai Yezhov" in yezhov and "Shpigelglas" in yezhov

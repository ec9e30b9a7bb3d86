"""kartoteka ingest --workers N: N extraction processes, one writer, the same card index."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kartoteka.export.json import export_store
from kartoteka.model import Document, Extraction, Mention
from kartoteka.pipeline import ingest, iter_source_files, link_everything
from kartoteka.store.session import Store
from kartoteka.store.tables import DocumentRow, EntityRow, FailureRow, ProfileRow
from kartoteka.workers import ingest_parallel, ingest_with, plain, sendable
from tests.corpus import write_folder


class Grammeme(str):
    """A str subclass like the ones taggers put into attrs."""


def test_workers_sendable_makes_attrs_plain_strings() -> None:
    doc = Document(sha256="0" * 64, text="Ivan Orlov", meta={"k": [Grammeme("x")]})
    mention = Mention(start=0, end=10, text="Ivan Orlov", kind="person",
                      attrs={"case": Grammeme("nomn"), "forms": (Grammeme("a"),)})
    out = sendable(Extraction(document=doc, mentions=[mention]))
    assert type(out.mentions[0].attrs["case"]) is str
    assert out.mentions[0].attrs == {"case": "nomn", "forms": ["a"]}
    assert type(out.document.meta["k"][0]) is str
    assert plain({"n": 1, "f": 0.5, "b": None}) == {"n": 1, "f": 0.5, "b": None}


@pytest.mark.slow
def test_workers_store_what_the_sequential_ingest_stores(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 10, broken=1)
    files = list(iter_source_files([folder]))
    plain_store, parallel_store = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    expected = ingest(plain_store, files)
    seen = []
    got = ingest_parallel(parallel_store, files, workers=2, on_file=seen.append)
    assert [(r.path, r.status, r.reason) for r in got] == [
        (r.path, r.status, r.reason) for r in expected]
    assert seen == got  # the progress callback hears of every file
    assert sum(r.status == "failed" for r in got) == 1
    with plain_store.session() as a, parallel_store.session() as b:
        assert export_store(a) == export_store(b)
        assert [f.path for f in b.query(FailureRow)] == [str(folder / "broken0.pdf")]
    again = ingest_parallel(parallel_store, files, workers=2)
    assert [r.status for r in again].count("unchanged") == 10


def _clusters(store: Store) -> list[list[str]]:
    """The profiles each entity holds, as sorted key lists (entity ids aside)."""
    with store.session() as session:
        rows = session.query(ProfileRow.key, ProfileRow.entity_id).all()
    groups: dict[str, list[str]] = {}
    for key, entity in rows:
        groups.setdefault(entity or key, []).append(key)
    return sorted(sorted(keys) for keys in groups.values())


@pytest.mark.slow
def test_workers_link_at_end_makes_the_index_a_full_relink_makes(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 12)
    files = list(iter_source_files([folder]))
    each, deferred = Store(tmp_path / "each.db"), Store(tmp_path / "end.db")
    ingest(each, files)
    with each.session(write=True) as session:
        link_everything(session)
    got = ingest_with(deferred, files, workers=2, defer_linking=True)
    assert [r.status for r in got] == ["stored"] * 12
    with deferred.session() as session:  # stored, not yet linked: on no card
        assert session.query(ProfileRow).filter(ProfileRow.entity_id.is_not(None)).count() == 0
    with deferred.session(write=True) as session:
        touched, authority = link_everything(session)
    assert touched and authority is None
    assert _clusters(deferred) == _clusters(each)
    assert max(len(keys) for keys in _clusters(deferred)) > 1  # people met across files


@pytest.mark.slow
def test_workers_kill_9_loses_only_the_files_in_flight(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 60)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "kartoteka.cli", "ingest", str(folder), "--db", str(db),
               "-q", "--workers", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None and stored < 5:
        time.sleep(0.5)
        if db.exists():
            with Store(db).session() as session:
                stored = session.query(DocumentRow).count()
    children = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert stored >= 5, "the ingest stored nothing in three minutes"
    time.sleep(2)  # the workers watch their parent every half second
    assert not [pid for pid in children if _alive(pid)], "workers outlived their parent"
    assert subprocess.run(command, capture_output=True).returncode == 0
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == 60
        assert session.query(DocumentRow.sha256).distinct().count() == 60
        assert session.query(FailureRow).count() == 0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing


@pytest.mark.slow
def test_workers_batch_stores_every_file_once_and_fails_only_the_bad_one(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 9, broken=1)
    files = list(iter_source_files([folder]))
    store = Store(tmp_path / "k.db")
    results = ingest_parallel(store, files, workers=2, batch=4)
    assert [r.path for r in results] == [str(f) for f in files]  # reported in input order
    assert [r.status for r in results].count("stored") == 9
    failed = [r for r in results if r.status == "failed"]
    assert [r.path for r in failed] == [str(folder / "broken0.pdf")] and failed[0].reason
    with store.session() as session:
        assert session.query(DocumentRow).count() == 9
        names = {e.label for e in session.query(EntityRow).filter(EntityRow.kind == "person")}
    assert {"Ivan Orlovsky", "Ivan Mironov"} <= names  # people of the first and a later batch

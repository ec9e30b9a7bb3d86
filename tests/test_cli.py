"""The command line as a user meets it: exit codes, bad files, re-runs, the export contract."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kartoteka.cli import main
from kartoteka.pipeline import deferred_linking, ingest
from kartoteka.store.session import Store
from kartoteka.store.tables import DocumentRow, FailureRow, ProfileRow

pytestmark = pytest.mark.slow

TEXTS = [
    "Colonel Pavel Orlovsky was arrested in Kiev in March 1938.",
    "Anna Kuznetsova, a typist of the NKVD, was released in 1940.",
    "Mikhail Frinovsky was made People's Commissar of the Navy in 1938.",
    "Yakov Agranov was shot in 1938 after a closed trial.",
    "In the spring of 1937 the engineer Boris Lvov was arrested.",
    "Comrade Stepan Mironov told me that his brother had been shot.",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def make_folder(root: Path) -> tuple[int, int]:
    """12 good files and 8 broken ones of every kind the issue names."""
    root.mkdir()
    for i in range(12):
        (root / f"good-{i:02d}.txt").write_text(TEXTS[i % len(TEXTS)] + f" (note {i})\n",
                                                encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    (root / "oneline.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    locked = root / "locked.txt"
    locked.write_text("Secret text.", encoding="utf-8")
    locked.chmod(0)
    (root / "whitespace.txt").write_text("   \n\n  \t\n", encoding="utf-8")
    (root / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 300)
    return 12, 8


def test_cli_ingest_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    """20 files, 8 broken: 12 stored, 8 reported and recorded, exit 1; a re-run adds nothing.

    As root (CI) the unreadable file is readable, so it goes in and 7 fail.
    """
    good, bad = make_folder(tmp_path / "in")
    if os.geteuid() == 0:
        bad -= 1  # locked.txt is readable by root and goes in
        good += 1
    db = tmp_path / "k.db"
    code, _, err = run("ingest", str(tmp_path / "in"), "--db", str(db), "--quiet")
    assert code == 1
    for name in ("empty.txt", "junk.txt", "broken.pdf", "broken.docx", "oneline.txt",
                 "whitespace.txt", "image.pdf"):
        assert name in err
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == good
        assert session.query(FailureRow).count() == bad
        integrity = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar()
        assert integrity == "ok"
    code, _, err = run("ingest", str(tmp_path / "in"), "--db", str(db), "--quiet")
    assert code == 1
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == good
        assert session.query(FailureRow).count() == bad


def test_cli_ingest_link_at_end_links_once_and_again_after_an_interrupted_run(
        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:4]):
        (folder / f"t{i}.txt").write_text(text + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    with deferred_linking():  # a run stopped before its last step: stored, on no card
        ingest(Store(db), sorted(folder.iterdir()))
    with Store(db).session() as session:
        assert session.query(ProfileRow).filter(ProfileRow.entity_id.is_not(None)).count() == 0
    code, _, err = run("ingest", str(folder), "--db", str(db), "--quiet", "--link-at-end")
    assert code == 0 and "already present 4" in err and "entities linked" in err
    with Store(db).session() as session:
        assert session.query(ProfileRow).filter(ProfileRow.entity_id.is_(None)).count() == 0


def test_cli_ingest_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, _ = run("ingest", "--db", str(tmp_path / "x.db"))
    assert code == 2
    code, _, _ = run("export", "--db", str(tmp_path / "missing.db"))
    assert code == 2


def test_cli_reingest_is_a_noop_and_changed_bytes_are_a_new_version(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXTS[0] + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    assert run("ingest", str(doc), "--db", str(db), "-q")[0] == 0
    assert run("ingest", str(doc), "--db", str(db), "-q")[0] == 0
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == 1
    doc.write_text(TEXTS[0] + " He was shot in 1938.\n", encoding="utf-8")
    assert run("ingest", str(doc), "--db", str(db), "-q")[0] == 0
    with Store(db).session() as session:
        rows = session.query(DocumentRow).order_by(DocumentRow.version).all()
        assert [(r.version, r.superseded) for r in rows] == [(1, True), (2, False)]
        assert rows[1].previous_id == rows[0].id
    code, out, _ = run("export", "--db", str(db))
    assert [d["version"] for d in json.loads(out)["documents"]] == [2]


def test_cli_export_of_the_seed_meets_the_contract(tmp_path: Path, shared_dir: Path) -> None:
    seed = shared_dir / "corpus" / "000_631d22f20abd596a.txt"
    db, out = tmp_path / "seed.db", tmp_path / "seed.json"
    assert run("ingest", str(seed), "--db", str(db), "-q")[0] == 0
    assert run("export", "--db", str(db), "--format", "json", "-o", str(out))[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((shared_dir / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    text = seed.read_text(encoding="utf-8")
    assert data["mentions"]
    for m in data["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    score = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "--gold",
         str(shared_dir / "gold" / "000_631d22f20abd596a.gold.yaml"), "--text", str(seed),
         "--export", str(out), "--min", "offset_problems=0"],
        capture_output=True, text=True, check=False)
    assert score.returncode == 0, score.stdout + score.stderr
    assert "offset_problems=0" in score.stdout


def test_cli_persons_and_person_card(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Yakov Agranov was arrested in July 1937. Agranov was shot in 1938.\n",
                   encoding="utf-8")
    db = tmp_path / "k.db"
    run("ingest", str(doc), "--db", str(db), "-q")
    code, out, _ = run("persons", "--db", str(db))
    assert code == 0 and "Agranov" in out
    code, out, _ = run("person", "Агранов", "--db", str(db))
    assert code == 0
    assert "Name forms" in out and "Agranov was shot in 1938" in out


def test_cli_vocabulary_json_lists_every_type() -> None:
    code, out, _ = run("vocabulary", "--json")
    assert code == 0
    assert {t["id"] for t in json.loads(out)["claim_types"]} >= {"execution", "position"}


def test_cli_survives_kill_9_and_resumes(tmp_path: Path) -> None:
    """kill -9 in the middle of a 500-file ingest; the re-run stores every file exactly once."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(500):
        (folder / f"f{i:03d}.txt").write_text(
            f"Witness {i} said that Ivan Petrov{i % 7} was arrested in {1930 + i % 9}.\n",
            encoding="utf-8")
    db = tmp_path / "k.db"
    exe = Path(sys.executable).with_name("kartoteka")
    proc = subprocess.Popen([str(exe), "ingest", str(folder), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if db.exists():
            with Store(db).session() as session:
                if session.query(DocumentRow).count() >= 20:
                    break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db).session() as session:
        partial = session.query(DocumentRow).count()
    assert 0 < partial < 500
    code = subprocess.call([str(exe), "ingest", str(folder), "--db", str(db), "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert code == 0
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == 500
        shas = [r.sha256 for r in session.query(DocumentRow)]
        assert len(set(shas)) == 500


def test_cli_export_csv_needs_an_output(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXTS[1] + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    run("ingest", str(doc), "--db", str(db), "-q")
    assert run("export", "--db", str(db), "--format", "csv")[0] == 2
    out = tmp_path / "x.zip"
    assert run("export", "--db", str(db), "--format", "csv", "-o", str(out))[0] == 0
    assert "persons.csv" in zipfile.ZipFile(out).namelist()


def test_cli_authority_import_links_the_right_record_and_no_namesake(
        tmp_path: Path, shared_dir: Path) -> None:
    records = shared_dir / "corpus" / "memorial-moscow" / "records.jsonl"
    doc = tmp_path / "bokii.txt"
    doc.write_text(
        "Gleb Ivanovich Bokii (1879 – 15 November 1937) headed a special department of the "
        "NKVD. Bokii was arrested in May 1937 and shot in November 1937.\n\n"
        "A clerk called Orlov was arrested that year as well.\n", encoding="utf-8")
    db = tmp_path / "k.db"
    assert run("ingest", str(doc), "--db", str(db), "-q")[0] == 0
    code, _, err = run("authority", "import", str(records), "--source", "memorial-moscow",
                       "--format", "memorial", "--db", str(db))
    assert code == 0, err
    data = json.loads(run("export", "--db", str(db))[1])
    linked = {e["label"]: e["authority"] for e in data["entities"] if e["authority"]}
    bokii = [links for label, links in linked.items() if "Bokii" in label]
    assert len(bokii) == 1 and len(bokii[0]) == 1
    line = int(bokii[0][0]["id"])
    record = json.loads(records.read_text(encoding="utf-8").splitlines()[line - 1])
    assert record["name"].startswith("Бокий Глеб")
    assert not any("Orlov" in label for label in linked)


def test_cli_authority_import_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("name;year\nIvanov;1900\n", encoding="utf-8")
    code, _, err = run("authority", "import", str(bad), "--source", "x", "--format", "csv",
                       "--db", str(tmp_path / "k.db"))
    assert code == 1 and "list.csv" in err and "id" in err


def test_cli_export_import_export_of_the_seed_is_lossless(tmp_path: Path,
                                                          shared_dir: Path) -> None:
    seed = shared_dir / "corpus" / "000_631d22f20abd596a.txt"
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert run("ingest", str(seed), "--db", str(tmp_path / "a.db"), "-q")[0] == 0
    assert run("export", "--db", str(tmp_path / "a.db"), "-o", str(first))[0] == 0
    code, _, err = run("import", str(first), "--db", str(tmp_path / "b.db"))
    assert code == 0, err
    assert run("export", "--db", str(tmp_path / "b.db"), "-o", str(second))[0] == 0
    one, two = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert one["documents"] == two["documents"]
    for part in ("entities", "claims"):
        assert sorted(one[part], key=lambda x: x["id"]) == sorted(two[part],
                                                                    key=lambda x: x["id"])
    assert sorted(one["mentions"], key=lambda m: m["id"]) == sorted(two["mentions"],
                                                                    key=lambda m: m["id"])


@pytest.mark.spark
def test_cli_resolve_on_spark_gives_the_duckdb_persons(tmp_path: Path) -> None:
    # The same stored profiles relinked by Splink on Spark (local mode) and on DuckDB.
    pytest.importorskip("pyspark")
    texts = ["Ivan Petrovich Sidorov was arrested in Moscow in 1937.",
             "Ivan Petrovich Sidorov, an engineer, was shot in 1938.",
             "Pyotr Ivanovich Kozlov was released in 1940."]
    for i, text in enumerate(texts):
        (tmp_path / f"doc{i}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run("ingest", str(tmp_path), "--db", db, "-q")[0] == 0
    code, _, err = run("resolve", "--db", db, "--engine", "spark")
    assert code == 0, err
    _, spark_persons, counted = run("persons", "--db", db)
    assert "2 persons" in counted  # the two Sidorovs are one
    assert run("resolve", "--db", db)[0] == 0
    assert run("persons", "--db", db)[1] == spark_persons
    assert "Sidorov" in spark_persons and "Kozlov" in spark_persons

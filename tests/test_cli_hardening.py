"""The command line against hostile folders, a full disk and kill -9: every good file stored
once, every bad one named with a reason, exit codes that tell failed files from a failed run,
and a database that ``kartoteka check`` finds consistent after all of it."""

from __future__ import annotations

import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kartoteka.sources import display_path
from kartoteka.store.session import Store
from kartoteka.store.tables import ClaimRow, DocumentRow, EditRow, FailureRow
from tests.hostile import build_hostile
from tests.test_cli import run

pytestmark = pytest.mark.slow

# Made-up testimony lines, one person each, so every good file is distinct.
TEXTS = [f"Witness {i} said that the engineer Pavel Orlov{chr(97 + i)} was arrested in "
         f"Kharkov in {1930 + i % 9}.\n" for i in range(8)]


def kartoteka(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
    return subprocess.run([sys.executable, "-m", "kartoteka.cli", *args], capture_output=True,
                          text=True, **kwargs)


def test_cli_hardening_hostile_folder_good_stored_once_bad_named(tmp_path: Path) -> None:
    folder = build_hostile(tmp_path / "in", TEXTS)
    db = tmp_path / "k.db"
    code, _, err = run("ingest", str(folder.root), "--db", str(db), "-q")
    assert code == 1
    lines = err.splitlines()
    # A newline in a file name shows as \n: it cannot start a report line of its own.
    assert not any(line.startswith("kartoteka: stored x.txt") for line in lines)
    for path in folder.bad:
        assert any(line.startswith((f"kartoteka: failed: {display_path(path)}: ",
                                    f"kartoteka: skipped: {display_path(path)}: "))
                   for line in lines), path
    with Store(db).session() as session:
        stored = [row.source_path for row in session.query(DocumentRow)]
        texts = [row.text for row in session.query(DocumentRow)]
    good = sorted(display_path(path) for path in folder.good)
    assert sorted(set(stored) - {display_path(p) for p in folder.harmless}) == good
    assert len(stored) == len(set(stored))
    assert not any("root:" in text for text in texts)  # /etc/passwd never read

    # A re-run does not parse the failed bytes again (the bombs are not inflated again) ...
    code, _, err = run("ingest", str(folder.root), "--db", str(db), "-q")
    assert code == 1
    assert err.count("unchanged since it failed") >= 10
    # ... unless asked to.
    code, _, err = run("ingest", str(folder.root), "--db", str(db), "-q", "--retry-failed")
    assert code == 1 and "unchanged since it failed" not in err
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == len(stored)
        paths = [row.path for row in session.query(FailureRow)]
        assert len(paths) == len(set(paths))
    assert run("check", "--db", str(db))[0] == 0


def test_cli_hardening_full_disk_exits_3_with_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"t{i:02d}.txt").write_text("\n\n".join(
            f"Witness {i}-{j} said that Pavel Orlov{i}x{j} was arrested in {1930 + j % 9}."
            for j in range(120)), encoding="utf-8")
    db = tmp_path / "k.db"

    def small_disk() -> None:  # writes beyond 1.5 MB fail as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, 1_500_000))

    done = kartoteka("ingest", str(folder), "--db", str(db), "-q", preexec_fn=small_disk)
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert "ingest stopped: the disk is full" in done.stderr
    assert kartoteka("check", "--db", str(db)).returncode == 0
    assert kartoteka("ingest", str(folder), "--db", str(db), "-q").returncode == 0


def test_cli_hardening_kill_9_loop_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """Ingest and a re-resolution killed at random moments, five times each, then finished:
    every good file stored once, the human decisions kept, and the database consistent."""
    folder = build_hostile(tmp_path / "in", TEXTS)
    for i in range(60):
        (folder.root / "more" / f"m{i:02d}.txt").parent.mkdir(exist_ok=True)
        (folder.root / "more" / f"m{i:02d}.txt").write_text(
            f"Witness {i} said that Ivan Petrov{i % 7} was arrested in {1930 + i % 9}.\n",
            encoding="utf-8")
    db = tmp_path / "k.db"
    rng = random.Random(15)
    command = [sys.executable, "-m", "kartoteka.cli", "ingest", str(folder.root),
               "--db", str(db), "-q"]
    for _ in range(5):
        kill_after(command, rng.uniform(2.0, 9.0))
    assert kartoteka(*command[3:]).returncode == 1  # the hostile files fail; the rest is in
    with Store(db).session() as session:
        shas = [row.sha256 for row in session.query(DocumentRow)]
        claims = [row.id for row in session.query(ClaimRow).order_by(ClaimRow.id).limit(2)]
    assert len(shas) == len(set(shas)) >= len(folder.good) + 60
    assert kartoteka("claim", claims[0], "rejected", "--db", str(db)).returncode == 0
    assert kartoteka("claim", claims[1], "accepted", "--db", str(db)).returncode == 0
    for _ in range(5):
        kill_after([sys.executable, "-m", "kartoteka.cli", "resolve", "--db", str(db)],
                   rng.uniform(1.5, 6.0))
    assert kartoteka("resolve", "--db", str(db)).returncode == 0
    with Store(db).session() as session:
        assert session.query(DocumentRow).count() == len(shas)
        assert session.query(EditRow).count() == 2
        statuses = [session.get(ClaimRow, claim).status for claim in claims]
    assert statuses == ["rejected", "accepted"]  # the decisions made by hand survived
    checked = kartoteka("check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr


def kill_after(command: list[str], seconds: float) -> None:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

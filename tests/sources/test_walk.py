"""The folder walk and the file reads against hostile folders: nothing followed out of the
folder or into a loop, nothing special opened, nothing read beyond its limit, any name shown."""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import display_path, iter_source_files, read_file_bytes, read_source
from tests.hostile import build_hostile

TEXTS = [f"Witness {i} said that Pavel Orlov{i} was arrested in {1930 + i}.\n" for i in range(20)]


def test_walk_display_path_makes_any_name_one_printable_line() -> None:
    name = os.fsdecode(b"/tmp/a\xff\nb") + "\u202ec\t.txt"
    shown = display_path(name)
    assert shown == "/tmp/a\\xff\\nb\\u202ec\\t.txt"
    assert shown.isprintable()
    shown.encode("utf-8")  # storable
    assert display_path("/tmp/Ежов Н.И. — дело.txt") == "/tmp/Ежов Н.И. — дело.txt"


def test_walk_hostile_folder_every_file_read_refused_or_skipped(tmp_path: Path) -> None:
    folder = build_hostile(tmp_path / "in", TEXTS)
    skipped: dict[Path, str] = {}
    files = list(iter_source_files([folder.root], lambda p, r: skipped.setdefault(p, r)))
    stored, refused = [], {}
    for path in files:
        try:
            document = read_source(path)
        except SourceError as exc:
            refused[path] = exc.reason
        else:
            stored.append(path)
            assert "root:" not in document.text  # /etc/passwd never read, not even via XXE
            document.source_path.encode("utf-8")
            assert "\n" not in document.source_path
    assert sorted(set(stored) - set(folder.harmless)) == sorted(folder.good)
    for path in folder.bad:
        assert path in refused or path in skipped, path
    assert "outside the folder" in skipped[folder.root / "hostile-00" / "passwd.txt"]
    assert "loops" in skipped[folder.root / "hostile-00" / "self.txt"]
    assert "FIFO" in skipped[folder.root / "hostile-00" / "pipe.txt"]
    assert "zip bomb" in refused[folder.root / "hostile-00" / "bomb-ratio.docx"]
    assert "zip bomb" in refused[folder.root / "hostile-00" / "bomb-size.docx"]
    assert "too large" in refused[folder.root / "hostile-00" / "sparse.txt"]


def test_walk_reports_hidden_notes_and_unsupported_files(tmp_path: Path) -> None:
    for name in ("a.txt", ".hidden.txt", "README.md", "photo.jpg"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Text.", encoding="utf-8")
    skipped: dict[str, str] = {}
    found = list(iter_source_files([tmp_path], lambda p, r: skipped.setdefault(p.name, r)))
    assert found == [tmp_path / "a.txt"]
    assert set(skipped) == {".hidden.txt", "README.md", "photo.jpg", ".git"}
    assert "unsupported" in skipped["photo.jpg"]


def test_walk_link_inside_the_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to("a.txt")
    skipped: list[str] = []
    found = list(iter_source_files([tmp_path], lambda p, r: skipped.append(r)))
    assert found == [tmp_path / "a.txt"]
    assert skipped == ["the same file as one already read (a link or a repeated name)"]


def test_walk_fifo_given_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def attempt() -> None:
        try:
            read_source(fifo)
        except SourceError as exc:
            outcome.append(exc.reason)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome and "FIFO" in outcome[0]


def test_walk_device_given_directly_is_refused(tmp_path: Path) -> None:
    """/dev/zero, or a link to it named like a text, is refused without reading a byte."""
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(SourceError, match="a device"):
        read_file_bytes(Path("/dev/zero"))
    with pytest.raises(SourceError, match="a device"):
        read_source(tmp_path / "zero.txt")


def test_walk_size_checked_before_reading(tmp_path: Path) -> None:
    """A 2 GiB file and a 50 MB single line are refused by their size, not read."""
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as handle:
        handle.truncate(2 << 30)
    line = tmp_path / "line.txt"
    line.write_bytes(b"a" * (50 * 1000 * 1000))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for path in (sparse, line):
        with pytest.raises(SourceError, match="too large"):
            read_source(path)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 20 * 1024


def test_walk_reader_over_its_time_budget_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real reader (HTML, 40,000 nested cells) given a budget far below what it needs."""
    from kartoteka.sources import budget

    page = tmp_path / "slow.html"
    page.write_text("<table>" + "<tr><td>Orlov</td><td>1937</td></tr>" * 20_000 + "</table>",
                    encoding="utf-8")
    read_source(page)  # readable with the normal budget
    monkeypatch.setattr(budget, "READ_SECONDS", 0.001)
    with pytest.raises(SourceError, match="slow.html: reading took over"):
        read_source(page)

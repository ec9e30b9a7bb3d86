"""read_source on bad input: every failure a SourceError naming the file and the reason."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import SUPPORTED_SUFFIXES, read_source
from kartoteka.sources.data import MAX_LINE_CHARS
from kartoteka.sources.formats import FORMATS

BAD_CONTENT = {
    "empty": (b"", "empty file"),
    "whitespace": (b" \r\n\t\n   \n", "only whitespace"),
    "nul-bytes": (b"Yezhov\x00\x01\x02\x03 and more\x00\xff\xfe\x00", "NUL"),
    "control-chars": (bytes(range(1, 32)) * 20 + b"some text", "printable"),
    "long-line": (b"a" * (MAX_LINE_CHARS + 1), "single line of 1,000,001 characters"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONTENT))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_read_source_refuses_bad_content(tmp_path: Path, case: str, suffix: str) -> None:
    raw, reason = BAD_CONTENT[case]
    path = tmp_path / f"bad-{case}{suffix}"
    path.write_bytes(raw)
    with pytest.raises(SourceError, match=reason) as caught:
        read_source(path)
    assert path.name in str(caught.value)
    assert caught.value.path == str(path)


def test_read_source_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(SourceError, match=r"nowhere\.txt: no such file"):
        read_source(path)


def test_read_source_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "letters.txt"
    folder.mkdir()
    with pytest.raises(SourceError, match=r"letters\.txt: a folder"):
        read_source(folder)


def test_read_source_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Yezhov", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the refusal happen as it would for a user
        def refuse(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", refuse)
    try:
        with pytest.raises(SourceError, match=r"locked\.txt: permission denied"):
            read_source(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["photo.heic", "ledger.xlsx", "old.doc", "README"])
def test_read_source_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(SourceError, match=rf"{name}: unsupported file type.*\.txt"):
        read_source(path)


@pytest.mark.parametrize("from_disk", [True, False], ids=["disk", "data"])
def test_read_source_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, from_disk: bool
) -> None:
    limit = 1000
    monkeypatch.setitem(FORMATS, ".txt", dataclasses.replace(FORMATS[".txt"], max_bytes=limit))
    path = tmp_path / "huge.txt"
    raw = b"Yezhov " * limit
    if from_disk:
        path.write_bytes(raw)
    with pytest.raises(SourceError, match=r"huge\.txt: too large"):
        read_source(path, data=None if from_disk else raw)


def test_read_source_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "LETTER.TXT"
    path.write_text("A letter of 1938.", encoding="utf-8")
    assert read_source(path).text == "A letter of 1938."


def test_read_source_parser_surprise_becomes_source_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: Path, raw: bytes):
        raise KeyError("a part nobody foresaw")

    monkeypatch.setitem(FORMATS, ".txt", dataclasses.replace(FORMATS[".txt"], read=explode))
    path = tmp_path / "odd.txt"
    path.write_text("text", encoding="utf-8")
    with pytest.raises(SourceError, match=r"odd\.txt: could not be read as plain text: KeyError"):
        read_source(path)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_read_source_every_suffix_refuses_random_bytes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(SourceError, match=rf"junk\{suffix}"):
        read_source(path)

"""Plain text and Markdown: the stored text is the decoded file, unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kartoteka.sources import read_source
from kartoteka.sources.data import MAX_TITLE_CHARS

# Our own sample: Windows line ends, trailing spaces, a tab, blank lines, a non-breaking space.
RUSSIAN_TEXT = (
    "  Воспоминания Н. П. Орловой  \r\n"
    "\r\n"
    "Осенью 1937 года\tотца вызвали в наркомат.  \r\n"
    "Больше мы его не видели; справку выдали в 1956\u00a0году.\r\n"
)


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"]
)
def test_txt_stored_text_is_decoded_file(tmp_path: Path, codec: str) -> None:
    raw = RUSSIAN_TEXT.encode(codec)
    path = tmp_path / "memoir.txt"
    path.write_bytes(raw)
    document = read_source(path)
    assert document.text == RUSSIAN_TEXT
    assert document.encoding == codec
    assert raw.decode(document.encoding) == document.text
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.source_path == str(path)
    assert document.media_type == "text/plain"
    assert document.language == "ru"
    assert document.title == "Воспоминания Н. П. Орловой"


def test_txt_offsets_index_the_file(tmp_path: Path) -> None:
    text = "Frinovsky (7 February 1898 – 4 February 1940)\nwas Yezhov's deputy.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    document = read_source(path)
    start = text.index("Yezhov")
    assert document.text[start : start + len("Yezhov")] == "Yezhov"


def test_txt_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Ежов".encode())
    document = read_source(path)
    assert document.text == "Ежов"
    assert document.encoding == "utf-8-sig"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # with the mark


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\n   \nFirst line\nsecond", "First line"),
        ("x" * 500, "x" * MAX_TITLE_CHARS),
        ("Title   with\tspaces\nbody", "Title with spaces"),
    ],
)
def test_txt_title_is_first_nonempty_line(tmp_path: Path, text: str, title: str) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).title == title


def test_txt_markdown_keeps_markup_and_titles_heading(tmp_path: Path) -> None:
    text = "# The Berzins\n\n*In the autumn of 1937* they were taken.\n"
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    document = read_source(path)
    assert document.text == text
    assert document.title == "The Berzins"
    assert document.media_type == "text/markdown"


def test_txt_kind_and_language_are_guessed(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Q: Where did you serve?\nA: In Kharkov.\nQ: When?\nA: In 1936.\n")
    document = read_source(path)
    assert (document.kind, document.language) == ("interrogation", "en")


def test_txt_data_argument_is_read_instead_of_disk(tmp_path: Path) -> None:
    raw = "Письмо из лагеря, 1939 год".encode("cp1251")
    document = read_source(tmp_path / "upload.txt", data=raw)  # no such file on disk
    assert document.text == "Письмо из лагеря, 1939 год"
    assert document.sha256 == hashlib.sha256(raw).hexdigest()

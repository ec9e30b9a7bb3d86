"""DOCX: paragraphs and table cells in document order; non-Word and damaged files refused."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import read_source

BEFORE = ["Воспоминания о семье Лапиных", "Осенью 1937 года отец перестал ночевать дома."]
TABLE = [["Имя", "Судьба"], ["Лапин Г. М.", "расстрелян 20.02.1938"]]
AFTER = ["Лапины жили на Арбате до 1938 года."]


def test_docx_paragraphs_and_tables_in_order(make_docx) -> None:
    path = make_docx(BEFORE, table=TABLE, after=AFTER)
    document = read_source(path)
    expected = "\n\n".join([*BEFORE, "Имя\tСудьба\nЛапин Г. М.\tрасстрелян 20.02.1938", *AFTER])
    assert document.text == expected
    assert document.language == "ru"
    assert document.media_type.endswith("wordprocessingml.document")
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("title", "expected"), [("Семья Лапиных", "Семья Лапиных"), ("", BEFORE[0]), (None, BEFORE[0])]
)
def test_docx_title_from_core_properties_or_first_line(make_docx, title, expected) -> None:
    assert read_source(make_docx(BEFORE, title=title)).title == expected


def test_docx_merged_cell_counted_once(make_docx) -> None:
    table = [["Семья Лапиных", "", ""], ["Григорий", "1898", "1938"]]
    document = read_source(make_docx(["Таблица"], table=table, merge_first_row=True))
    assert "Семья Лапиных\n" in document.text
    assert document.text.count("Семья Лапиных") == 1


def test_docx_without_text_is_refused(make_docx) -> None:
    path = make_docx(["", "   "], name="blank.docx")
    with pytest.raises(SourceError, match=r"blank\.docx.*no text"):
        read_source(path)


def _zip_without_document(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda raw: b"\xd0\xcf\x11\xe0" + raw[4:], "not a zip"),  # an old .doc header
        (lambda raw: "Просто текст".encode(), "not a zip"),
        (lambda raw: raw[: len(raw) // 2], "corrupt DOCX"),
        (_zip_without_document, "corrupt DOCX"),
    ],
    ids=["ole-header", "plain-text", "truncated", "no-document-part"],
)
def test_docx_damaged_is_refused(make_docx, tmp_path: Path, damage, reason: str) -> None:
    raw = make_docx(BEFORE).read_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(damage(raw))
    with pytest.raises(SourceError, match=rf"broken\.docx.*{reason}"):
        read_source(path)

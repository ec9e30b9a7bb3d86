"""PDF: the text layer, page by page; encrypted and damaged files are refused; a scan with no
readable page is refused with each page's reason (OCR itself: tests/sources/test_ocr*.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import read_source

PAGES = [
    "Statement of V. N. Sokolova. My husband was not arrested at that time.",
    "He was taken on 2 October 1938, three weeks before Blyukher.",
]


def test_pdf_text_layer_by_page(make_pdf) -> None:
    path = make_pdf(PAGES, title="Statement of V. N. Sokolova")
    document = read_source(path)
    assert document.media_type == "application/pdf"
    assert document.title == "Statement of V. N. Sokolova"
    assert document.meta["pages"] == 2
    assert document.language == "en"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    for start, page_text in zip(document.meta["page_starts"], PAGES, strict=True):
        first_words = page_text[:20]
        assert document.text[start : start + len(first_words)] == first_words


def test_pdf_title_falls_back_to_first_line(make_pdf) -> None:
    assert read_source(make_pdf(PAGES)).title == PAGES[0]


def test_pdf_cyrillic_text_layer(make_pdf) -> None:
    text = "Протокол допроса Фриновского М. П., 1939 год."
    document = read_source(make_pdf([text], unicode_font=True))
    assert document.text.strip() == text
    assert document.language == "ru"


def test_pdf_encrypted_with_empty_user_password_opens(make_pdf) -> None:
    document = read_source(make_pdf(PAGES, user_password=""))
    assert "Blyukher" in document.text


def test_pdf_needing_a_password_is_refused(make_pdf) -> None:
    path = make_pdf(PAGES, name="locked.pdf", user_password="secret")
    with pytest.raises(SourceError, match=r"locked\.pdf.*encrypted"):
        read_source(path)


def test_pdf_without_text_layer_or_readable_page_is_refused(make_pdf) -> None:
    path = make_pdf(["", ""], name="scan.pdf", draw_only=True)
    with pytest.raises(SourceError, match=r"scan\.pdf.*no page could be read.*page 1.*page 2"):
        read_source(path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 3],  # truncated
        lambda raw: b"%PDF-1.4\n" + bytes(len(raw)),  # a header, then zeros
        lambda raw: b"%PDF-1.4\n" + b"garbage " * 50,  # a header and nothing else
    ],
    ids=["truncated", "zeros", "header-only"],
)
def test_pdf_damaged_is_refused(make_pdf, tmp_path: Path, damage) -> None:
    raw = make_pdf(PAGES).read_bytes()
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damage(raw))
    with pytest.raises(SourceError, match=r"damaged\.pdf"):
        read_source(path)


def test_pdf_repaired_is_never_silent(make_pdf, tmp_path: Path) -> None:
    raw = make_pdf(PAGES).read_bytes()
    path = tmp_path / "overwritten.pdf"
    path.write_bytes(raw[:200] + b"#" * 200 + raw[400:])
    try:
        document = read_source(path)
    except SourceError as exc:
        assert "overwritten.pdf" in str(exc)
    else:
        assert document.meta["repairs"]  # what pypdf had to repair is on record


def test_pdf_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_text("Just a letter, misnamed.", encoding="utf-8")
    with pytest.raises(SourceError, match=r"letter\.pdf.*not a PDF"):
        read_source(path)

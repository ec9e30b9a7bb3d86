"""OCR through Tesseract on scans the tests make: character error rate against the known text,
names found, pages turned and skewed, unreadable pages reported, time and page caps.

The bound on the character error rate: 2% on every page below. Typescript that a reader calls
clean (a 300-dpi scan, a few degrees of skew, light blur, grain) reads at 0-0.7% here (one
letter's case in a monospaced face: "ЕГО" for "Его"); 2% is about one wrong letter in every
second line, the level at which names still match through the linker's fuzzy keys, and
over three times what these pages need, so a Tesseract update does not make the test flaky
while a broken deskew, a wrong model or lost lines (10% and more) fail it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kartoteka.errors import SourceError
from kartoteka.sources import read_source
from tests.sources.scans import (
    EN_TEXT,
    RU_TEXT,
    cer,
    image_bytes,
    render,
    render_text,
    scanned_pdf,
    spoil,
)

pytestmark = pytest.mark.slow
MAX_CER = 0.02


@pytest.fixture(autouse=True, scope="module")
def _tesseract() -> None:
    from kartoteka.sources.ocr import check_tesseract

    try:
        check_tesseract()
    except SourceError as exc:
        pytest.skip(str(exc))


@pytest.mark.parametrize(("lang", "face", "angle", "blur", "noise"), [
    ("ru", "typewriter", 0, 0, 0),
    ("ru", "typewriter", 3, 1.0, 0),
    ("ru", "serif", -2, 1.2, 25),
    ("en", "typewriter", -3, 1.0, 20),
    ("en", "sans", 2, 0, 30),
], ids=["ru-typewriter", "ru-skew-blur", "ru-serif-noise", "en-typewriter-skew", "en-noise"])
def test_ocr_reads_spoilt_scans_under_the_error_bound(tmp_path: Path, lang: str, face: str,
                                                      angle: float, blur: float,
                                                      noise: float) -> None:
    truth = RU_TEXT if lang == "ru" else EN_TEXT
    path = tmp_path / "scan.png"
    path.write_bytes(image_bytes(spoil(render_text(truth, face=face), angle=angle, blur=blur,
                                       noise=noise), "PNG"))
    document = read_source(path)
    assert cer(document.text, truth) <= MAX_CER, document.text
    assert document.language == lang
    scan = document.scans[0]
    assert scan.lang == ("rus" if lang == "ru" else "eng")
    assert abs(scan.skew + angle) <= 0.5  # deskew turned it back
    names = ["Соколов", "Андрей", "Анна Сергеевна"] if lang == "ru" else ["Thomas Warren"]
    assert all(name in document.text for name in names)
    # Every word box maps to the text it became, and the words lie on the page.
    for start, end, left, top, width, height, conf in scan.words:
        assert 0 <= start < end <= len(document.text)
        assert 0 <= left and left + width <= scan.width and 0 <= conf <= 100
        assert 0 <= top and top + height <= scan.height
    spans = [(w[0], w[1]) for w in scan.words]
    assert spans == sorted(spans)


def test_ocr_multipage_tiff_reports_blank_and_photo_pages_and_keeps_the_rest(
        tmp_path: Path) -> None:
    import numpy as np

    text_page = render_text(RU_TEXT)
    blank = Image.new("L", text_page.size, 255)
    ramp = np.tile(np.linspace(40, 220, text_page.width, dtype=np.float32), (text_page.height, 1))
    photo = Image.fromarray(ramp.astype("uint8"), "L")
    path = tmp_path / "box.tiff"
    text_page.save(path, save_all=True, append_images=[blank, photo, render_text(EN_TEXT)],
                   compression="tiff_deflate")
    document = read_source(path)
    assert document.meta["pages"] == 4
    problems = {p["page"]: p["reason"] for p in document.meta["unreadable_pages"]}
    assert set(problems) == {2, 3}
    assert "blank" in problems[2] and "photograph" in problems[3]
    assert "Соколов" in document.text and "Thomas Warren" in document.text
    assert [s.status for s in document.scans] == ["ok", "unreadable", "unreadable", "ok"]
    assert document.scans[0].lang == "rus" and document.scans[3].lang == "eng"


def test_ocr_jpeg_page_upside_down_is_turned(tmp_path: Path) -> None:
    path = tmp_path / "turned.jpg"
    path.write_bytes(image_bytes(render_text(EN_TEXT).rotate(180), "JPEG", quality=85))
    document = read_source(path)
    assert document.scans[0].rotation == 180
    assert cer(document.text, EN_TEXT) <= MAX_CER


def test_ocr_a_page_with_no_readable_text_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    path.write_bytes(image_bytes(Image.new("L", (1200, 1600), 255), "PNG"))
    with pytest.raises(SourceError, match=r"blank\.png: no page could be read.*page 1: blank"):
        read_source(path)


def test_ocr_time_per_page_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kartoteka.sources import ocr

    monkeypatch.setattr(ocr, "PAGE_TIMEOUT_SECONDS", 0.05)
    path = tmp_path / "slow.png"
    path.write_bytes(image_bytes(render_text(RU_TEXT), "PNG"))
    with pytest.raises(SourceError, match=r"page 1: OCR stopped after 0.05 s"):
        read_source(path)


def test_ocr_pages_over_the_cap_are_reported_not_read(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kartoteka.sources import image

    monkeypatch.setattr(image, "MAX_OCR_PAGES", 1)
    page = render(["Лавров был арестован в 1938 году."], page=(1240, 600), top=100, left=80)
    path = tmp_path / "capped.tif"
    page.save(path, save_all=True, append_images=[page, page])
    document = read_source(path)
    assert document.meta["pages"] == 3 and len(document.scans) == 1
    assert document.meta["skipped_pages"]["count"] == 2


def test_ocr_pdf_with_one_scanned_page_keeps_the_text_layer_of_the_other(
        tmp_path: Path, make_pdf) -> None:
    import pypdf

    typed = make_pdf(["Statement typed on a computer by Helen Warren."], name="typed.pdf")
    scan = scanned_pdf([render_text(RU_TEXT)], tmp_path / "scan-only.pdf")
    writer = pypdf.PdfWriter()
    for part in (typed, scan):
        writer.append(str(part))
    mixed = tmp_path / "mixed.pdf"
    writer.write(str(mixed))
    document = read_source(mixed)
    starts = document.meta["page_starts"]
    assert document.text.startswith("Statement typed on a computer by Helen Warren.")
    assert cer(document.text[starts[1]:], RU_TEXT) <= MAX_CER
    assert [s.number for s in document.scans] == [2]
    assert document.meta["ocr"]["pages"] == [2]


def test_ocr_pdf_text_layer_pages_over_the_cap_are_reported(
        make_pdf, monkeypatch: pytest.MonkeyPatch) -> None:
    from kartoteka.sources import pdf

    monkeypatch.setattr(pdf, "MAX_TEXT_LAYER_PAGES", 2)
    document = read_source(make_pdf(["one", "two", "three"]))
    assert document.meta["pages"] == 3
    assert document.meta["skipped_pages"]["count"] == 1
    assert "three" not in document.text

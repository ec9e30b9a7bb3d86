"""The reader of a scanned document: page images beside the text, the highlighted passage and
unsure words drawn where they stand, the page image served from the database.

The document and its page are built by hand: a page rendered with a Debian font, its word boxes
measured from the same rendering (no OCR), so the expected positions are known.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageFont

from kartoteka.store.session import Store
from kartoteka.store.tables import DocumentRow, PageRow
from kartoteka.web.app import WebSettings, create_app

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WORDS = ["Лавров", "был", "арестован", "в", "1938", "году."]
DOC = "dscan0000000000001"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    if not FONT.exists():
        pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core)")
    face = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (1000, 400), 255)
    draw = ImageDraw.Draw(image)
    text, boxes, x = "", [], 50
    for n, word in enumerate(WORDS):
        if text:
            text += " "
        left, top, right, bottom = draw.textbbox((x, 100), word, font=face)
        draw.text((x, 100), word, font=face, fill=0)
        conf = 41 if word == "арестован" else 95  # one word OCR was unsure of
        boxes.append([len(text), len(text) + len(word), left, top, right - left, bottom - top,
                      conf])
        text += word
        x = right + 20 + n
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG")
    db = tmp_path / "scan.db"
    store = Store(str(db), create=True)
    with store.session() as session:
        session.add(DocumentRow(id=DOC, sha256="0" * 64, title="Скан", language="ru",
                                text=text, media_type="image/png", meta={}))
        session.flush()
        session.add(PageRow(document_id=DOC, number=1, width=1000, height=400,
                            image=jpeg.getvalue(), lang="rus", confidence=87.0, status="ok",
                            words=boxes))
        session.add(PageRow(document_id=DOC, number=2, width=1000, height=400,
                            image=jpeg.getvalue(), status="unreadable",
                            reason="blank page (ink on 0.01% of it)", words=[]))
    store.close()
    return TestClient(create_app(WebSettings(db=str(db), allow_anonymous=True)))


def test_scans_json_lists_pages_with_word_boxes(client: TestClient) -> None:
    data = client.get(f"/documents/{DOC}.json").json()
    first, second = data["pages"]
    assert first["image"] == f"/documents/{DOC}/pages/1.jpg"
    assert first["lang"] == "rus" and first["status"] == "ok"
    start, end = first["words"][2][:2]
    assert data["text"][start:end] == "арестован"
    assert second["status"] == "unreadable" and "blank" in second["reason"]


def test_scans_page_image_is_served_from_the_database(client: TestClient) -> None:
    response = client.get(f"/documents/{DOC}/pages/1.jpg")
    assert response.status_code == 200 and response.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(response.content)).size == (1000, 400)
    assert client.get(f"/documents/{DOC}/pages/9.jpg").status_code == 404


@pytest.mark.parametrize("number", ["0", "-1", "36794845527580614852608"])
def test_scans_page_number_out_of_range_is_a_client_error(client: TestClient,
                                                          number: str) -> None:
    # Found by schemathesis: a huge number overflowed SQLite's integer (a 500).
    assert client.get(f"/documents/{DOC}/pages/{number}.jpg").status_code == 422


def test_scans_highlight_is_drawn_over_the_words_it_covers(client: TestClient) -> None:
    data = client.get(f"/documents/{DOC}.json").json()
    words = data["pages"][0]["words"]
    a, b = words[0][0], words[2][1]  # "Лавров был арестован"
    html = client.get(f"/documents/{DOC}?highlight={a}-{b}").text
    assert html.count('class="box hl"') == 1
    rect = html.split('class="box hl"', 1)[1].split(">", 1)[0]
    x = int(rect.split('x="', 1)[1].split('"', 1)[0])
    width = int(rect.split('width="', 1)[1].split('"', 1)[0])
    # One box over the line, from the first word to the end of the third (a little air).
    assert abs(x - words[0][2]) <= 5
    assert abs(x + width - (words[2][2] + words[2][4])) <= 5


def test_scans_unsure_words_are_marked_on_the_image_and_in_the_text(
        client: TestClient) -> None:
    html = client.get(f"/documents/{DOC}").text
    assert html.count('class="box low"') == 1
    assert "<title>OCR confidence 41</title>" in html
    assert '<span class="low">арестован</span>' in html
    assert "not read: blank page" in html  # the unreadable page says why


def test_scans_a_typed_document_has_no_page_column(client: TestClient,
                                                         tmp_path: Path) -> None:
    store = Store(str(tmp_path / "scan.db"))
    with store.session() as session:
        session.add(DocumentRow(id="dtyped00000000001", sha256="1" * 64, text="Typed text.",
                                meta={}))
    store.close()
    html = client.get("/documents/dtyped00000000001").text
    assert "scan-pages" not in html and "Typed text." in html

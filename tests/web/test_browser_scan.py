"""The reader of a scanned protocol in Debian's chromium: the page image beside the text, the
evidence of an execution highlighted on the image, mentions lit on the image from the text.

The screenshot goes to ``test-artifacts/reader-scan.png``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sources.scans import protocol_scan
from tests.web.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def scanned_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, tuple[int, int]]:
    """The protocol scan ingested; its document id and an execution claim's evidence span."""
    from sqlalchemy import select

    from kartoteka.errors import SourceError
    from kartoteka.pipeline import ingest
    from kartoteka.sources.ocr import check_tesseract
    from kartoteka.store.session import Store
    from kartoteka.store.tables import ClaimRow, EvidenceRow

    try:
        check_tesseract()
    except SourceError as exc:
        pytest.skip(str(exc))
    folder = tmp_path_factory.mktemp("scan")
    db = folder / "scan.db"
    store = Store(str(db), create=True)
    [result] = ingest(store, [protocol_scan(folder / "protocol.pdf")])
    assert result.status == "stored", result.reason
    with store.session() as session:
        start, end = session.execute(
            select(EvidenceRow.start, EvidenceRow.end).join(
                ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
            .where(ClaimRow.type == "execution")).first()
    store.close()
    return db, result.document_id, (start, end)


@pytest.fixture
def server(scanned_db) -> Iterator[str]:  # noqa: ANN001
    from kartoteka.web.app import WebSettings

    with serving(WebSettings(db=str(scanned_db[0]), allow_anonymous=True)) as url:
        yield url


def test_browser_scan_reader_highlights_evidence_on_the_page_image(server: str,
                                                                   scanned_db) -> None:  # noqa: ANN001
    _, document_id, (start, end) = scanned_db
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                         args=CHROMIUM_ARGS)
    try:
        page = browser.new_page(base_url=server, viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(15000)
        page.goto(f"/documents/{document_id}?highlight={start}-{end}#hl")
        # wait_for_function evaluates a string, which the pages' CSP forbids: poll instead.
        deadline = time.monotonic() + 15
        while not page.evaluate("() => Array.from(document.querySelectorAll('.scan-pages img'))"
                                ".every(i => i.complete && i.naturalWidth > 0)"):
            assert time.monotonic() < deadline, "page images did not load"
            time.sleep(0.1)
        lit = page.locator(".scan-pages .box.hl")
        assert lit.count() >= 1 and lit.first.is_visible()
        # The highlight lies on the second page's image, where the execution is told.
        sheet = page.locator("#page-2 .sheet").bounding_box()
        box = page.locator("#page-2 .box.hl").first.bounding_box()
        assert sheet and box
        assert sheet["x"] <= box["x"] and box["x"] + box["width"] <= sheet["x"] + sheet["width"]
        assert sheet["y"] <= box["y"] and box["y"] + box["height"] <= sheet["y"] + sheet["height"]
        assert "расстрелян" in "".join(page.locator(".reader .hl").all_inner_texts())
        # Pointing at a mention in the text lights the same person's words on the image.
        mention = page.locator(".reader .m.k-person").first
        entity = mention.get_attribute("data-e")
        mention.hover()
        assert page.locator(f'.scan-pages .box.m.same[data-e="{entity}"]').count() >= 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "reader-scan.png"), full_page=False)
    finally:
        browser.close()
        playwright.stop()

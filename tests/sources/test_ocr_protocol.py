"""End to end: a scanned two-page interrogation protocol (typewriter face, skew, grain, a
stamp) gives the same people and fates as the same protocol typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from tests.sources.scans import PROTOCOL_TYPED, cer, protocol_scan

pytestmark = pytest.mark.slow


def _persons_and_fates(db: Path, source: Path) -> tuple[str, set[str], set[tuple[str, str, str]]]:
    from kartoteka.export.json import export_store
    from kartoteka.pipeline import ingest
    from kartoteka.store.session import Store

    store = Store(str(db), create=True)
    [result] = ingest(store, [source])
    assert result.status == "stored", result.reason
    with store.session() as session:
        data = export_store(session)
    store.close()
    label = {e["id"]: e["label"] for e in data["entities"]}
    persons = {e["label"] for e in data["entities"] if e["kind"] == "person"}
    fates = {(label.get(c["subject"], "?"), c["type"], c.get("date") or "")
             for c in data["claims"]}
    return data["documents"][0]["text"], persons, fates


def test_ocr_protocol_scan_gives_the_people_and_fates_of_the_typed_text(tmp_path: Path) -> None:
    from kartoteka.sources.ocr import check_tesseract

    try:
        check_tesseract()
    except SourceError as exc:
        pytest.skip(str(exc))
    scan = protocol_scan(tmp_path / "protocol-scan.pdf")
    typed = tmp_path / "protocol.txt"
    typed.write_text(PROTOCOL_TYPED, encoding="utf-8")
    text, scanned_persons, scanned_fates = _persons_and_fates(tmp_path / "scan.db", scan)
    assert cer(text, PROTOCOL_TYPED) <= 0.02, text
    assert "Дело" not in text and "- 1 -" not in text  # header and page numbers left out
    assert "уроженец" in text and "В. З. Орлова" in text  # hyphen joined, "3" put right
    _, typed_persons, typed_fates = _persons_and_fates(tmp_path / "typed.db", typed)
    assert scanned_persons == typed_persons
    assert scanned_fates == typed_fates
    assert any(kind == "execution" for _, kind, _ in scanned_fates)


def test_ocr_protocol_cli_reports_an_unreadable_page_and_stores_the_rest(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from PIL import Image

    from kartoteka.cli import main
    from kartoteka.sources.ocr import check_tesseract
    from tests.sources.scans import EN_TEXT, render_text

    try:
        check_tesseract()
    except SourceError as exc:
        pytest.skip(str(exc))
    page = render_text(EN_TEXT)
    path = tmp_path / "statement.tif"
    page.save(path, save_all=True, append_images=[Image.new("L", page.size, 255)])
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 0, result.output
    assert f"kartoteka: warning: {path}: page 2: blank page" in result.output
    assert "stored 1" in result.output

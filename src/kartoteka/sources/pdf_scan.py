"""The scanned pages of a PDF: rasterised with PDFium (pypdfium2) and read by OCR.

Pages with a text layer keep it; pages without one are rendered at RENDER_DPI and read by
Tesseract. PDFium is not safe to call from two threads at once, so rendering is serialised
with a lock while the Tesseract processes of several pages run side by side.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.image import document_from_pages
from kartoteka.sources.ocr import read_pages
from kartoteka.sources.ocr_data import MAX_OCR_PAGES, MAX_PAGE_PIXELS, RENDER_DPI
from kartoteka.sources.ocr_text import PageRead

_PDF_UNITS_PER_INCH = 72


def read_scanned_pdf(path: Path, raw: bytes, page_texts: list[str], total: int, *,
                     title: str | None, meta: dict[str, Any]) -> Document:
    """A PDF some (or all) of whose pages have no text layer."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as exc:
        raise SourceError(str(path), f"PDF pages cannot be rendered: {exc}") from exc
    lock = threading.Lock()

    def loader(index: int) -> Callable[[], Image.Image]:
        def load() -> Image.Image:
            with lock:
                page = pdf[index]
                try:
                    width, height = page.get_size()
                    scale = RENDER_DPI / _PDF_UNITS_PER_INCH
                    pixels = width * height * scale * scale
                    if pixels > MAX_PAGE_PIXELS:
                        scale *= (MAX_PAGE_PIXELS / pixels) ** 0.5
                    bitmap = page.render(scale=scale, grayscale=True)
                    return bitmap.to_pil().copy()
                finally:
                    page.close()
        return load

    scanned = [i for i, text in enumerate(page_texts) if not text.strip()]
    to_read = scanned[:MAX_OCR_PAGES]
    try:
        read = read_pages(((i + 1, loader(i)) for i in to_read), len(to_read))
    finally:
        pdf.close()
    by_number = {p.number: p for p in read}
    pages: list[PageRead] = []
    capped = set(scanned[MAX_OCR_PAGES:])
    for i, text in enumerate(page_texts):
        if i in capped:
            continue
        pages.append(by_number.get(i + 1) or PageRead(i + 1, text_layer=text))
    skipped = total - len(page_texts) + len(capped)
    return document_from_pages(path, raw, pages, media_type="application/pdf", title=title,
                               meta=meta, skipped_pages=skipped)

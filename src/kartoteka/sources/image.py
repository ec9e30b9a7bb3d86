"""Scanned images (TIFF with one or many pages, JPEG, PNG) read by OCR into a Document.

The text is what Tesseract read, cleaned of typewriter look-alikes, line-end hyphens and page
numbers (``ocr_text``); ``Document.scans`` holds each page's image and word boxes, and
``meta["unreadable_pages"]`` the pages that gave no text, with the reason.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.common import build_document, check_text
from kartoteka.sources.ocr import read_pages
from kartoteka.sources.ocr_data import MAX_OCR_PAGES, MAX_PAGE_PIXELS
from kartoteka.sources.ocr_text import PageRead, assemble

MEDIA_TYPES = {".tif": "image/tiff", ".tiff": "image/tiff", ".jpg": "image/jpeg",
               ".jpeg": "image/jpeg", ".png": "image/png"}


def read_image(path: Path, raw: bytes) -> Document:
    """An image file's pages through OCR; SourceError when no page can be read."""
    # Pillow refuses "decompression bombs" over twice this many pixels; our own cap scales
    # pages down before OCR, so only absurd sizes are refused.
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, MAX_PAGE_PIXELS * 4)
    try:
        opened = Image.open(io.BytesIO(raw))
        opened.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise SourceError(str(path), f"not a readable image: {exc}") from exc
    frames = getattr(opened, "n_frames", 1)
    count = min(frames, MAX_OCR_PAGES)

    def loader(index: int):  # noqa: ANN202
        def load() -> Image.Image:
            # Each worker opens its own copy: a Pillow image's frame pointer is not shared.
            with Image.open(io.BytesIO(raw)) as image:
                image.seek(index)
                return image.copy()
        return load

    pages = read_pages(((i + 1, loader(i)) for i in range(count)), count)
    opened.close()
    skipped = frames - count
    return document_from_pages(path, raw, pages, media_type=MEDIA_TYPES.get(
        path.suffix.lower(), "image/" + path.suffix.lower().lstrip(".")),
        skipped_pages=skipped)


def page_problems(pages: list[PageRead]) -> list[dict[str, Any]]:
    return [{"page": p.number, "reason": p.reason} for p in pages if p.status != "ok"]


def document_from_pages(path: Path, raw: bytes, pages: list[PageRead], *, media_type: str,
                        title: str | None = None, meta: dict[str, Any] | None = None,
                        skipped_pages: int = 0) -> Document:
    """The Document of pages read by OCR or from a text layer; SourceError if none has text."""
    problems = page_problems(pages)
    readable = [p for p in pages if p.status == "ok"]
    if not readable:
        detail = "; ".join(f"page {p['page']}: {p['reason']}" for p in problems[:10])
        raise SourceError(str(path), f"no page could be read ({detail})")
    text, starts, scans = assemble(pages)
    check_text(path, text, what="OCR text")
    meta = dict(meta or {})
    meta["pages"] = len(pages) + skipped_pages
    meta["page_starts"] = starts
    ocr_pages = [p for p in pages if p.text_layer is None]
    if ocr_pages:
        meta["ocr"] = {
            "engine": "tesseract",
            "pages": [p.number for p in ocr_pages],
            "languages": sorted({p.lang for p in ocr_pages if p.lang}),
            "mean_confidence": round(
                sum(p.confidence or 0 for p in ocr_pages if p.status == "ok")
                / max(1, sum(1 for p in ocr_pages if p.status == "ok")), 1),
        }
    if problems:
        meta["unreadable_pages"] = problems
    if skipped_pages:
        meta["skipped_pages"] = {"count": skipped_pages, "reason": (
            f"over the page caps ({MAX_OCR_PAGES} scanned pages a file)")}
    document = build_document(path, raw, text, media_type=media_type, title=title, meta=meta)
    document.scans = scans
    return document

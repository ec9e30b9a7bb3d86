"""PDF (.pdf): the text layer, read with pypdf; pages without one go through OCR.

A page with no text layer (a scan) is rasterised with PDFium (``pypdfium2``) at 300 dpi and read
by Tesseract (``sources.ocr``), so a PDF of scans, or one with some scanned pages, goes in with
each page's image and word boxes in ``Document.scans``. At most MAX_TEXT_LAYER_PAGES pages are
read from a text layer and MAX_OCR_PAGES scanned pages are read by OCR; pages past the caps are
reported in ``meta["skipped_pages"]``, not read.

Pages are joined by a blank line; ``meta["page_starts"]`` holds the offset at which each page's
text begins, so a passage can be cited by page. pypdf repairs what damage it can (a broken
cross-reference table, objects at wrong offsets); its complaints go to ``meta["repairs"]``
instead of the console, so that a reviewer knows the text may be incomplete. A PDF encrypted
with an empty user password (only printing or copying restricted) opens as any other; one that
needs a password is refused.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pypdf
import pypdf.errors

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.common import build_document, check_text
from kartoteka.sources.ocr_data import MAX_TEXT_LAYER_PAGES

PAGE_SEPARATOR = "\n\n"
# The header may follow some junk bytes; readers accept it within the first kilobyte.
HEADER_WINDOW = 1024
# Enough of pypdf's complaints to tell a reviewer what was repaired.
MAX_REPAIR_NOTES = 10
MAX_REPAIR_NOTE_CHARS = 200


def read_pdf(path: Path, raw: bytes) -> Document:
    """A PDF's text layer as a Document; SourceError if encrypted, corrupt or a scan."""
    if b"%PDF-" not in raw[:HEADER_WINDOW]:
        raise SourceError(str(path), "not a PDF (no %PDF- header)")
    # pypdf raises many kinds of exception on damaged files (its own, ValueError, KeyError,
    # zlib and struct errors, RecursionError): any of them means "corrupt", never a crash.
    try:
        with _pypdf_complaints() as repairs:
            reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
            _open_encrypted(path, reader)
            total = len(reader.pages)
            page_texts = [reader.pages[i].extract_text() or ""
                          for i in range(min(total, MAX_TEXT_LAYER_PAGES))]
            metadata = reader.metadata
            title = metadata.title if metadata else None
            author = metadata.author if metadata else None
    except SourceError:
        raise
    except Exception as exc:  # any parser failure, see above
        raise SourceError(str(path), f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    if not page_texts:
        raise SourceError(str(path), "a PDF with no pages")
    meta: dict[str, Any] = {}
    if repairs:
        meta["repairs"] = [note[:MAX_REPAIR_NOTE_CHARS] for note in repairs[:MAX_REPAIR_NOTES]]
    if author and str(author).strip():
        meta["metadata_author"] = " ".join(str(author).split())
    if not all(text.strip() for text in page_texts):
        from kartoteka.sources.pdf_scan import read_scanned_pdf

        return read_scanned_pdf(path, raw, page_texts, total, title=str(title) if title
                                else None, meta=meta)
    text, page_starts = _join_pages(page_texts)
    check_text(path, text, what="text layer")
    meta.update({"pages": total, "page_starts": page_starts})
    if total > len(page_texts):
        meta["skipped_pages"] = {"from": len(page_texts) + 1, "count": total - len(page_texts),
                                 "reason": "over the page cap"}
    return build_document(
        path, raw, text, media_type="application/pdf", title=str(title) if title else None,
        meta=meta,
    )


def _open_encrypted(path: Path, reader: pypdf.PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except pypdf.errors.DependencyError as exc:
        raise SourceError(
            str(path), f"encrypted PDF; cannot decrypt ({exc})"
        ) from exc
    if opened == pypdf.PasswordType.NOT_DECRYPTED:
        raise SourceError(str(path), "encrypted PDF (a password is needed to open it)")


def _join_pages(page_texts: list[str]) -> tuple[str, list[int]]:
    starts: list[int] = []
    offset = 0
    for page_text in page_texts:
        starts.append(offset)
        offset += len(page_text) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(page_texts), starts


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _pypdf_complaints() -> Iterator[list[str]]:
    """Collect pypdf's warnings about a damaged file instead of printing them."""
    logger = logging.getLogger("pypdf")
    collector = _Collector()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate

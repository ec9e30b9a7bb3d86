"""Which reader reads which file: one line a suffix.

To read a new kind of file, write a module with a function ``read(path, raw) -> Document``
(raising SourceError for bad input) and add its suffixes here; ``SUPPORTED_SUFFIXES``, the
folder walk and ``read_source`` follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kartoteka.model import Document
from kartoteka.sources.data import MAX_CONTAINER_BYTES, MAX_RECORD_LIST_BYTES, MAX_TEXT_BYTES
from kartoteka.sources.docx import read_docx
from kartoteka.sources.html import read_html
from kartoteka.sources.image import read_image
from kartoteka.sources.jsonl import read_jsonl
from kartoteka.sources.pdf import read_pdf
from kartoteka.sources.txt import read_text_file

Reader = Callable[[Path, bytes], Document]


@dataclass(frozen=True)
class SourceFormat:
    """A reader and the largest file it accepts."""

    name: str  # for messages: "plain text", "PDF"
    read: Reader
    max_bytes: int = MAX_TEXT_BYTES


_PLAIN_TEXT = SourceFormat("plain text", read_text_file)
_MARKDOWN = SourceFormat("Markdown", read_text_file)
_HTML = SourceFormat("HTML", read_html)
# Scans are read by OCR (Tesseract); a 600-dpi multi-page TIFF may be large.
_TIFF = SourceFormat("TIFF image", read_image, MAX_CONTAINER_BYTES)
_JPEG = SourceFormat("JPEG image", read_image, MAX_CONTAINER_BYTES)
_PNG = SourceFormat("PNG image", read_image, MAX_CONTAINER_BYTES)

FORMATS: dict[str, SourceFormat] = {
    ".txt": _PLAIN_TEXT,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".pdf": SourceFormat("PDF", read_pdf, MAX_CONTAINER_BYTES),
    ".docx": SourceFormat("DOCX", read_docx, MAX_CONTAINER_BYTES),
    ".tif": _TIFF,
    ".tiff": _TIFF,
    ".jpg": _JPEG,
    ".jpeg": _JPEG,
    ".png": _PNG,
    ".jsonl": SourceFormat("JSON lines", read_jsonl, MAX_RECORD_LIST_BYTES),
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(FORMATS))

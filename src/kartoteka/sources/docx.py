"""Word documents (.docx), read with python-docx: paragraphs and tables in document order.

Paragraphs are separated by a blank line (a Word paragraph is a paragraph; a line break typed
inside one stays a single newline); a table's rows are lines and its cells are separated by a
tab, a merged cell counted once. The title is the file's core property, else the first line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.common import build_document, check_text
from kartoteka.sources.data import (
    MAX_ARCHIVE_MEMBERS,
    MAX_COMPRESSION_RATIO,
    MAX_UNPACKED_BYTES,
    RATIO_CHECK_MIN_BYTES,
)

PARAGRAPH_SEPARATOR = "\n\n"
CELL_SEPARATOR = "\t"
ZIP_MAGIC = b"PK\x03\x04"


def read_docx(path: Path, raw: bytes) -> Document:
    """A .docx file's text as a Document; SourceError if it is not a readable Word file."""
    if not raw.startswith(ZIP_MAGIC):
        raise SourceError(str(path), "not a DOCX file (not a zip archive; an old .doc?)")
    check_archive(path, raw)
    # python-docx raises its own errors, KeyError (a part missing), zipfile and lxml errors on
    # damaged files: any of them means "corrupt", never a crash.
    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = [_block_text(block) for block in document.iter_inner_content()]
        properties = document.core_properties
        title, author = properties.title, properties.author
    except Exception as exc:  # any parser failure, see above
        reason = "damaged zip archive" if isinstance(exc, zipfile.BadZipFile) else (
            f"{type(exc).__name__}: {exc}"
        )
        raise SourceError(str(path), f"corrupt DOCX: {reason}") from exc
    text = PARAGRAPH_SEPARATOR.join(block for block in blocks if block.strip())
    check_text(path, text)
    meta: dict[str, Any] = {}
    if author and author.strip():
        meta["metadata_author"] = " ".join(author.split())
    return build_document(
        path, raw, text,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        title=title, meta=meta,
    )


def check_archive(path: Path, raw: bytes) -> None:
    """Refuse a zip archive that would unpack too large (a zip bomb) before unpacking it.

    The sizes come from the archive's directory; zipfile never inflates a part beyond its
    declared size (a lying directory fails the CRC check), so they bound what is unpacked.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError(str(path), f"corrupt DOCX: damaged zip archive ({exc})") from exc
    if len(parts) > MAX_ARCHIVE_MEMBERS:
        raise SourceError(str(path), f"not a DOCX: a zip archive of {len(parts):,} parts "
                          f"(limit {MAX_ARCHIVE_MEMBERS:,})")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceError(str(path), f"refused: would unpack to {unpacked / 2**20:,.0f} MiB "
                          f"(limit {MAX_UNPACKED_BYTES / 2**20:.0f} MiB; a zip bomb?)")
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise SourceError(str(path), f"refused: part {part.filename!r} is compressed "
                              f"{ratio:,.0f} times (limit {MAX_COMPRESSION_RATIO}; a zip bomb?)")


def _block_text(block: Paragraph | Table) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return "\n".join(_row_text(row.cells) for row in block.rows)


def _row_text(cells: list[Any]) -> str:
    texts: list[str] = []
    previous = None
    for cell in cells:
        if cell._tc is previous:  # a merged cell appears once per grid column it spans
            continue
        previous = cell._tc
        texts.append(" ".join(cell.text.split()))
    return CELL_SEPARATOR.join(texts)

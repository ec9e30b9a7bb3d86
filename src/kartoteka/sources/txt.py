"""Plain text (.txt) and Markdown (.md): the decoded file is the stored text, unchanged.

No newline, whitespace or markup is rewritten, so offsets index the file itself (in code points
of the decoded text; a byte-order mark is not part of it, see decode.py). Markdown is stored as
written, markup included.
"""

from __future__ import annotations

from pathlib import Path

from kartoteka.model import Document
from kartoteka.sources.common import build_document, check_text, decode_text, first_line_title

MEDIA_TYPES = {".md": "text/markdown", ".markdown": "text/markdown"}


def read_text_file(path: Path, raw: bytes) -> Document:
    """A .txt or .md file as a Document; SourceError if it is not text."""
    text, encoding = decode_text(path, raw)
    check_text(path, text)
    media_type = MEDIA_TYPES.get(path.suffix.lower(), "text/plain")
    title = first_line_title(text)
    if media_type == "text/markdown" and title:
        title = title.lstrip("#").strip() or None  # a heading's marks are not its title
    return build_document(
        path, raw, text, media_type=media_type, encoding=encoding, title=title
    )

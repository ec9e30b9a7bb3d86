"""What every reader shares: checks on the text, the title, building the Document."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.data import (
    MAX_LINE_CHARS,
    MAX_TITLE_CHARS,
    MIN_PRINTABLE_SHARE,
    NON_PRINTABLE,
)
from kartoteka.sources.decode import DecodeError, decode
from kartoteka.sources.display import display_path
from kartoteka.sources.kind import guess_kind
from kartoteka.sources.language import detect_language


def decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """``decode`` with its failure turned into a SourceError that names the file."""
    try:
        return decode(raw)
    except DecodeError as exc:
        raise SourceError(str(path), str(exc)) from exc


def check_text(path: Path, text: str, *, what: str = "text", line_limit: bool = True) -> None:
    """Refuse a text that is empty, binary junk or (with ``line_limit``) one enormous line.

    ``what`` names the text in the message ("text layer" for a PDF).
    """
    if not text.strip():
        raise SourceError(str(path), f"no {what} (empty or only whitespace)")
    longest = max(len(line) for line in text.splitlines()) if line_limit else 0
    if longest > MAX_LINE_CHARS:
        raise SourceError(
            str(path),
            f"a single line of {longest:,} characters; not a text document "
            f"(limit {MAX_LINE_CHARS:,})",
        )
    printable_share = 1 - len(NON_PRINTABLE.findall(text)) / len(text)
    if printable_share < MIN_PRINTABLE_SHARE:
        raise SourceError(
            str(path),
            f"binary or garbled {what}: only {printable_share:.0%} printable characters",
        )


def first_line_title(text: str) -> str | None:
    """The first non-empty line, stripped and cut to MAX_TITLE_CHARS; None if there is none."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:MAX_TITLE_CHARS].rstrip()
    return None


def clean_title(title: str | None) -> str | None:
    """A metadata title with its whitespace collapsed and cut; None when empty."""
    if not title:
        return None
    title = " ".join(str(title).split())
    return title[:MAX_TITLE_CHARS].rstrip() or None


def build_document(
    path: Path,
    raw: bytes,
    text: str,
    *,
    media_type: str,
    encoding: str | None = None,
    title: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """The Document for a checked text: sha256 of the original bytes, language, kind, title."""
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=clean_title(title) or first_line_title(text),
        language=detect_language(text),
        kind=guess_kind(text),
        source_path=display_path(path),
        media_type=media_type,
        encoding=encoding,
        meta=meta or {},
    )

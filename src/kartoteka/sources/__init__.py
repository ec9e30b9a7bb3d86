"""Reading sources: files in, ``Document`` objects out (stored text, sha256, metadata)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kartoteka.errors import SourceError
from kartoteka.model import Document


def read_source(path: Path, *, data: bytes | None = None) -> Document:
    """Minimal UTF-8 reader; replaced by the full readers (txt/html/pdf/docx, encodings)."""
    raw = path.read_bytes() if data is None else data
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), f"not UTF-8: {exc}") from exc
    lang = "ru" if sum("\u0400" <= ch <= "\u04ff" for ch in text) > len(text) * 0.2 else "en"
    title = text.strip().splitlines()[0][:200] if text.strip() else path.stem
    return Document(sha256=hashlib.sha256(raw).hexdigest(), text=text, title=title,
                    language=lang, source_path=str(path), encoding="utf-8")

"""JSON lines (.jsonl): one JSON object a line, the decoded file stored unchanged as the text.

The reader only checks the format (UTF-8, every non-blank line a JSON object) and counts the
records; what the fields mean is extraction's business (``extract/ru/records`` for Memorial's
lists), chosen by the document's kind and media type. Offsets index the file itself, so every
span an extractor finds points into the JSON lines.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.display import display_path
from kartoteka.sources.language import detect_language

MEDIA_TYPE = "application/x-ndjson"


def read_jsonl(path: Path, raw: bytes) -> Document:
    """A .jsonl file as one record-list Document; SourceError for bad UTF-8 or a bad line."""
    try:
        text = raw.decode("utf-8")  # JSON exchanged between systems is UTF-8 (RFC 8259, 8.1)
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), f"a JSON-lines list must be UTF-8: {exc}") from exc
    records = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(str(path), f"line {line_no} is not JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise SourceError(str(path), f"line {line_no} is not a JSON object")
        records += 1
    return Document(sha256=hashlib.sha256(raw).hexdigest(), text=text,
                    title=f"Record list {path.parent.name}/{path.name}",
                    language=detect_language(text), kind="record-list",
                    source_path=display_path(path), media_type=MEDIA_TYPE, encoding="utf-8",
                    meta={"format": "jsonl", "records": records})


__all__ = ["MEDIA_TYPE", "read_jsonl"]

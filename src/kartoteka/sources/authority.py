"""Reading authority lists: the raw records of a Memorial JSON-lines list or of a CSV.

Only reading: each record comes out as its line number and fields. Parsing Memorial's record
text is extraction (``extract/ru/records``); turning records into ``AuthorityRecord`` and linking
them is done by ``kartoteka.relink``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kartoteka.errors import SourceError

FORMATS = ("memorial", "csv")


@dataclass(frozen=True)
class RawRecord:
    """One record as the list gives it: its 1-based line (JSON lines) or row, and its fields."""

    number: int
    fields: dict[str, Any]


def read_authority_file(path: Path, fmt: str) -> Iterator[RawRecord]:
    """Records of a Memorial JSON-lines list or of a CSV with the columns id and name."""
    if fmt not in FORMATS:
        raise SourceError(str(path), f"unknown authority format {fmt!r} (have: {FORMATS})")
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    with handle:
        if fmt == "memorial":
            yield from _json_lines(handle, path)
        else:
            yield from _csv_rows(handle, path)


def _json_lines(lines: Iterator[str], path: Path) -> Iterator[RawRecord]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise SourceError(str(path), f"line {number} is not JSON: {exc}") from exc
        if not obj.get("name"):
            continue  # a record without a name cannot be linked to anybody
        yield RawRecord(number, obj)


def _csv_rows(handle, path: Path) -> Iterator[RawRecord]:  # noqa: ANN001
    reader = csv.DictReader(handle)
    missing = {"id", "name"} - set(reader.fieldnames or [])
    if missing:
        raise SourceError(str(path), f"CSV lacks the column(s) {sorted(missing)}")
    for number, row in enumerate(reader, 1):
        if not (row.get("id") and row.get("name")):
            continue
        yield RawRecord(number, row)


__all__ = ["FORMATS", "RawRecord", "read_authority_file"]

"""JSON-lines record lists (kartoteka.sources.jsonl): read like every other format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import iter_source_files, read_source


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_folder_walk_finds_record_lists(tmp_path: Path) -> None:
    _write(tmp_path / "list.jsonl", [json.dumps({"text": "Родился в 1900 г."})])
    (tmp_path / "memoir.txt").write_text("A memoir.", encoding="utf-8")
    assert sorted(p.name for p in iter_source_files([tmp_path])) == ["list.jsonl", "memoir.txt"]


def test_jsonl_document_is_the_file_unchanged(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Арестован 2 марта 1938 г."}, ensure_ascii=False), "",
             json.dumps({"text": "Расстрелян 1 мая 1938 г."}, ensure_ascii=False)]
    path = _write(tmp_path / "list.jsonl", lines)
    doc = read_source(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert (doc.kind, doc.media_type, doc.meta["records"]) == (
        "record-list", "application/x-ndjson", 2)


@pytest.mark.parametrize(("lines", "reason"), [
    (['{"text": "a"}', "not json"], "line 2 is not JSON"),
    (['{"text": "a"}', "[1, 2]"], "line 2 is not a JSON object"),
])
def test_jsonl_bad_line_names_file_and_line(tmp_path: Path, lines: list[str], reason: str) -> None:
    path = _write(tmp_path / "bad.jsonl", lines)
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.path == str(path) and reason in info.value.reason


def test_jsonl_refuses_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.jsonl"
    path.write_bytes('{"text": "Родился"}\n'.encode("cp1251"))
    with pytest.raises(SourceError, match="UTF-8"):
        read_source(path)

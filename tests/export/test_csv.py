"""CSV export: a folder or a zip of UTF-8 (BOM) tables that read back to the export's facts."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from kartoteka.export.csv import COLUMNS, to_csv

PALLADIO_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def _read(payload: bytes) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def _tables(data: dict[str, Any], out: Path) -> dict[str, list[dict[str, str]]]:
    written = to_csv(data, out)
    if out.suffix == ".zip":
        assert written == [out]
        with zipfile.ZipFile(out) as archive:
            return {name: _read(archive.read(name)) for name in archive.namelist()}
    return {path.name: _read(path.read_bytes()) for path in written}


@pytest.mark.parametrize("target", ["tables", "tables.zip"])
def test_csv_writes_every_table(sample_export: dict[str, Any], tmp_path: Path,
                                target: str) -> None:
    tables = _tables(sample_export, tmp_path / target)
    assert set(tables) == set(COLUMNS)
    for name, rows in tables.items():
        assert rows and list(rows[0]) == list(COLUMNS[name])


def test_csv_zip_is_reproducible(sample_export: dict[str, Any], tmp_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    to_csv(sample_export, first)
    to_csv(sample_export, second)
    assert first.read_bytes() == second.read_bytes()


def test_csv_claims_rows(any_export: dict[str, Any], tmp_path: Path) -> None:
    claims = {r["id"]: r for r in _tables(any_export, tmp_path / "t")["claims.csv"]}
    published = [c["id"] for c in any_export["claims"] if c.get("status") != "rejected"]
    assert list(claims) == published
    season = claims["c1"]
    assert (season["date_edtf"], season["date_start"], season["date_end"]) == (
        "1938-22", "1938-06-01", "1938-08-31")
    assert (claims["c2"]["date_start"], claims["c2"]["date_end"]) == ("1936", "1938")
    assert (claims["c8"]["date_start"], claims["c8"]["date_end"]) == ("1920", "")
    assert claims["c9"]["date_uncertain"] == "true"
    assert claims["c3"]["polarity"] == "negated"
    assert claims["c2"]["attributed_to_label"] == "Maria Kravets"
    assert claims["c2"]["hearsay"] == "true"
    for row in claims.values():
        for column in ("date_start", "date_end"):
            assert not row[column] or PALLADIO_DATE.match(row[column])


def test_csv_evidence_quotes_the_passage(sample_export: dict[str, Any], tmp_path: Path) -> None:
    tables = _tables(sample_export, tmp_path / "t")
    texts = {d["id"]: d["text"] for d in sample_export["documents"]}
    rows = tables["evidence.csv"]
    assert rows
    for row in rows:
        assert row["text"] == texts[row["document"]][int(row["start"]):int(row["end"])]
    assert any("\n" in row["text"] and "Москве" in row["text"] for row in rows)


def test_csv_names_script_and_language(sample_export: dict[str, Any], tmp_path: Path) -> None:
    names = _tables(sample_export, tmp_path / "t")["names.csv"]
    by_name = {(r["entity"], r["name"]): r for r in names}
    assert by_name[("p2", "Любимов")]["script"] == "Cyrl"
    assert by_name[("p2", "Любимов")]["language"] == "ru"
    assert by_name[("p2", "Lyubimov")]["script"] == "Latn"
    assert by_name[("p2", "Grigory Lyubimov")]["preferred"] == "true"


def test_csv_persons_summaries(sample_export: dict[str, Any], tmp_path: Path) -> None:
    persons = {r["id"]: r for r in _tables(sample_export, tmp_path / "t")["persons.csv"]}
    assert persons["p1"]["birth"] == "1901-05-12"
    assert persons["p1"]["death"] == ""  # the death claim was rejected
    assert "not execution" in persons["p2"]["fates"]
    assert persons["g1"]["members"] == "p1; p4"
    assert persons["p2"]["authority"] == "wikidata:Q4115189"


def test_csv_mentions_keep_unresolved_ones(sample_export: dict[str, Any], tmp_path: Path) -> None:
    mentions = _tables(sample_export, tmp_path / "t")["mentions.csv"]
    assert len(mentions) == len(sample_export["mentions"])
    unresolved = [m for m in mentions if not m["entity"]]
    assert [m["text"] for m in unresolved] == ["Elena Sokolova"]

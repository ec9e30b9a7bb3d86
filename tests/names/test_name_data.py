"""Invariants of the names data files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kartoteka.names.given_names import given_name_groups, load_given_names
from kartoteka.names.translit import is_cyrillic

DATA = Path(__file__).resolve().parent / "data"


def test_name_data_given_names_rows_are_well_formed() -> None:
    rows = load_given_names()
    assert len(rows) >= 80
    assert len({row.name for row in rows}) == len(rows)
    for row in rows:
        assert is_cyrillic(row.name)
        assert row.gender in ("m", "f")
        assert all(form.strip() == form and form for form in row.forms)


def test_name_data_given_names_find_their_own_row() -> None:
    rows = load_given_names()
    for number, row in enumerate(rows):
        assert number in given_name_groups(row.name), row.name


@pytest.mark.parametrize("file_name", ["variant_pairs.tsv", "variant_pairs_holdout.tsv"])
def test_name_data_variant_pairs_are_well_formed(file_name: str) -> None:
    with (DATA / file_name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {"a", "b", "same", "why"} <= set(rows[0])
    assert all(r["same"] in ("0", "1") and r["a"] and r["b"] and r["why"] for r in rows)
    pairs = [frozenset((r["a"], r["b"])) for r in rows]
    assert len(set(pairs)) == len(pairs), "duplicate pair"
    if file_name == "variant_pairs.tsv":
        assert sum(r["same"] == "1" for r in rows) >= 60
        assert sum(r["same"] == "0" for r in rows) >= 60


def test_name_data_holdout_does_not_repeat_tuning_pairs() -> None:
    def pairs(name: str) -> set[frozenset[str]]:
        with (DATA / name).open(encoding="utf-8") as handle:
            return {frozenset((r["a"], r["b"])) for r in csv.DictReader(handle, delimiter="\t")}

    assert not pairs("variant_pairs.tsv") & pairs("variant_pairs_holdout.tsv")


def test_name_data_titles_are_the_extractors_titles() -> None:
    # The forms of address names strips stand in one list, which each language's extractor
    # reads as title words too.
    from kartoteka.extract.en.lexicon import TITLES
    from kartoteka.extract.ru.lexicon import TITLE_WORDS
    from kartoteka.names.name_data import NAME_TITLES, TITLES_BEFORE_NAMES

    assert TITLES_BEFORE_NAMES["en"] | TITLES_BEFORE_NAMES["de"] | TITLES_BEFORE_NAMES["fr"] \
        <= TITLES
    assert TITLES_BEFORE_NAMES["ru"] <= TITLE_WORDS
    assert NAME_TITLES == frozenset().union(*TITLES_BEFORE_NAMES.values())
    assert "товарищ" in NAME_TITLES and "товарищ" not in TITLES

"""names.places: a Latin word read as a Russian place name (OpenCorpora's Geox)."""

from __future__ import annotations

import pytest

from kartoteka.names.places import reads_as_russian_place


@pytest.mark.parametrize("word", ["Kiev", "Rostov", "Tomsk", "Saratov", "Tiflis", "Kirov"])
def test_places_a_city_reads_as_a_place(word: str) -> None:
    assert reads_as_russian_place(word)


@pytest.mark.parametrize("word", ["Trotsky", "Orlov", "Poletyshev", "Zotov", "Slizvorich", "1937",
                                  "N."])
def test_places_a_surname_or_no_word_reads_as_none(word: str) -> None:
    assert not reads_as_russian_place(word)

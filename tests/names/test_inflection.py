"""Nominative candidates for inflected surnames."""

from __future__ import annotations

import pytest

from kartoteka.names.inflection import surname_nominatives


@pytest.mark.parametrize(
    ("word", "nominative"),
    [("Тухачевского", "Тухачевский"), ("Тухачевскому", "Тухачевский"), ("Ежову", "Ежов"),
     ("Ежовым", "Ежов"), ("Ежова", "Ежов"), ("Карина", "Карин"), ("Ежовых", "Ежов"),
     ("Yezhov's", "Yezhov"), ("Karins", "Karin"), ("Yezhovs", "Yezhov"), ("Karins'", "Karin")],
)
def test_inflection_proposes_nominative(word: str, nominative: str) -> None:
    candidates = surname_nominatives(word)
    assert candidates[0] == word
    assert nominative in candidates


@pytest.mark.parametrize("word", ["Ежов", "Yagoda", "Ягода", "Тухачевский", "Kork"])
def test_inflection_leaves_nominatives_alone(word: str) -> None:
    assert surname_nominatives(word) == (word,)

"""Sentence units of the Russian parse (kartoteka.extract.ru.models) that need no model."""

from __future__ import annotations

import pytest

from kartoteka.extract.ru.models import split_after_years


@pytest.mark.parametrize(("text", "parts"), [
    ("Арестован в 1937 г. Реабилитирован в 1956 г.",
     ["Арестован в 1937 г.", "Реабилитирован в 1956 г."]),
    ("Кузьмин П. И., 1899 г.р. Арестован 5 мая 1937 г.",
     ["Кузьмин П. И., 1899 г.р.", "Арестован 5 мая 1937 г."]),
    # "г." before a name or a town goes on
    ("В 1937 г. Кузьмин был арестован.", ["В 1937 г. Кузьмин был арестован."]),
    ("Уроженец г. Омск. Арестован.", ["Уроженец г. Омск. Арестован."]),
])
def test_ru_models_year_abbreviation_ends_a_sentence_before_a_verb(text: str,
                                                                   parts: list[str]) -> None:
    assert [text[a:b] for a, b in split_after_years(text, 0, len(text))] == parts

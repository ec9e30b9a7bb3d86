"""Short biographies as victims' lists print them (Memorial's lists, the Open List): one field a
sentence, every abbreviation and date form; invented people (docs/constructions.md, ## Russian)."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction


def _facts(ex: Extraction) -> list[tuple[str, str | None, str | None, str | None]]:
    names = {m.id: m.name for m in ex.mentions}
    return sorted((c.type, names.get(c.subject), c.date, c.role) for c in ex.claims
                  if c.type in ("arrest", "sentence", "execution", "rehabilitation")
                  and c.polarity == "affirmed")


FULL = ("Кузьмин Павел Ильич\nРодился в 1899 г., с. Липовка Тамбовской губ.; русский; член ВКП(б); "
        "начальник цеха завода. Арестован 12 мая 1937 г. Приговорен ВКТ ВС СССР 20 сентября "
        "1937 г., обв. по ст. 58-1а, 58-8, 58-11 УК РСФСР к ВМН. Расстрелян 20 сентября 1937 г. "
        "Реабилитирован 7 июля 1956 г.\n")
SHORT = ("Кузьмина Анна Ивановна\nРодилась в 1905 г., г. Омск; русская; б/п; учительница. "
         "Арестована 03.11.1937. Приг.: тройкой УНКВД по Омской обл. 20.12.1937, обв.: 58-10. "
         "Приговор: ВМН-расстрел. Расстр. 25.12.1937. Реаб. 12.04.1958.\n")


@pytest.mark.parametrize("kind", ["record-list", "testimony"])
def test_ru_biographies_full_words_each_field_its_claim_and_date(extract, kind: str) -> None:
    who = "Кузьмин Павел Ильич"
    assert _facts(extract(FULL, kind=kind)) == [
        ("arrest", who, "1937-05-12", None), ("execution", who, "1937-09-20", None),
        ("rehabilitation", who, "1956-07-07", None), ("sentence", who, "1937-09-20", "ВМН")]


def test_ru_biographies_abbreviated_fields_take_the_date_after_them(extract) -> None:
    who = "Кузьмина Анна Ивановна"
    facts = _facts(extract(SHORT, kind="record-list"))
    assert ("arrest", who, "1937-11-03", None) in facts
    assert ("execution", who, "1937-12-25", None) in facts
    assert ("rehabilitation", who, "1958-04-12", None) in facts
    assert {f[3] for f in facts if f[0] == "sentence"} == {"ВМН"}


def test_ru_biographies_a_term_field_is_the_sentence_role(extract) -> None:
    text = ("Сомов Иван Петрович\nРодился в 1901 г.; русский; рабочий. Арестован 5 октября "
            "1938 г. Приговорен: ОСО при НКВД СССР 2 марта 1939 г., обв.: КРД. Приговор: 10 лет "
            "ИТЛ. Реабилитирован в 1989 г.\n")
    facts = _facts(extract(text, kind="record-list"))
    assert [f[3] for f in facts if f[0] == "sentence"] == ["10 лет ИТЛ"]
    assert not [f for f in facts if f[0] == "execution"]

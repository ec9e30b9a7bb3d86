"""Names as given (kartoteka.extract.ru.Pipeline through kartoteka.extract.extract): another
name in brackets is an alias, initials on either side of a surname and a stressed lead are the
titled person. Invented people; the session's ``extract`` reads texts as published."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction


def _people(ex: Extraction) -> list[list[str]]:
    from kartoteka.resolve.within import within

    return sorted(sorted(e.names) for e in within(ex) if e.kind == "person")


@pytest.mark.parametrize("bracket", [
    "груз. სემიონ სოროკინი", "лит. Semionas Sorokinas", "урождённый Гольдман",
    "настоящая фамилия — Гольдман",
])
def test_ru_pipeline_bracketed_other_name_is_an_alias(extract, bracket: str) -> None:
    ex = extract(f"Семён Петрович Сорокин ({bracket}; 1899—1953) — советский деятель. "
                 "Сорокина арестовали в 1938 году.", kind="encyclopedia")
    people = _people(ex)
    assert len(people) == 1 and "Семён Петрович Сорокин" in people[0]


def test_ru_pipeline_initials_either_side_are_one_person(extract) -> None:
    ex = extract("Ежов Н. И. был назначен наркомом. Позже Н. И. Ежова арестовали.")
    people = _people(ex)
    assert len(people) == 1 and "Н. И. Ежов" in people[0]


def test_ru_pipeline_stressed_name_and_plain_title_are_one_person(extract) -> None:
    stress = "\u0301"
    ex = extract(f"Семён Сорокин\n\nСемё{stress}н Петро{stress}вич Соро{stress}кин "
                 "(1899—1953) — советский деятель. Расстрелян в 1953 году.", kind="encyclopedia")
    assert len(_people(ex)) == 1
    assert [c.type for c in ex.claims if c.type == "execution"] == ["execution"]


@pytest.mark.parametrize("text", [
    "Я, Щуплёвич Андрей Максимович, родился в 1880 году в Харькове.",
    "Со мной сидел Кряжеватов Семён Ильич, врач из Казани.",
])
def test_ru_pipeline_surname_before_name_and_patronymic_is_one_name(extract, text: str) -> None:
    # the record order "Фамилия Имя Отчество" with a surname no dictionary holds
    ex = extract(text)
    names = [m.text for m in ex.mentions if m.kind == "person" and not m.attrs.get("pronoun")]
    assert len(names) == 1 and len(names[0].split()) == 3


def test_ru_pipeline_a_common_word_before_name_and_patronymic_is_no_surname(extract) -> None:
    ex = extract("Вечером Андрей Максимович вернулся домой.")
    assert [m.text for m in ex.mentions if m.kind == "person"] == ["Андрей Максимович"]

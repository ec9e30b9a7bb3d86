"""Russian name forms back to the nominative (kartoteka.extract.ru.inflection)."""

from __future__ import annotations

import pytest

from kartoteka.extract.ru.inflection import (
    given_nominative,
    patronymic_nominative,
    surname_candidates,
)


@pytest.mark.parametrize(("form", "case", "gender", "nominative"), [
    ("Ягоды", "gent", "m", "Ягода"),
    ("Ягоду", "accs", "m", "Ягода"),
    ("Ягодой", "ablt", "m", "Ягода"),
    ("Молчанову", "datv", "m", "Молчанов"),
    ("Прокофьева", "gent", "m", "Прокофьев"),
    ("Карина", "gent", "m", "Карин"),
    ("Ежовым", "ablt", "m", "Ежов"),
    ("Ежовой", "gent", "f", "Ежова"),
    ("Ежову", "accs", "f", "Ежова"),
    ("Тухачевского", "gent", "m", "Тухачевский"),
    ("Бокию", "datv", "m", "Бокий"),
    ("Якира", "gent", "m", "Якир"),
    ("Уборевича", "accs", "m", "Уборевич"),
    ("Берии", "gent", "m", "Берия"),
    ("ЯГОДЫ", "gent", "m", "ЯГОДА"),
    # a locative -ове/-ине of a surname no dictionary knows ("о Сомове")
    ("Сомове", "loct", "m", "Сомов"),
    ("Грачёве", "loct", "m", "Грачёв"),
    ("Малинине", "loct", "m", "Малинин"),
])
def test_ru_inflection_surname_back_to_nominative(form: str, case: str, gender: str,
                                                  nominative: str) -> None:
    assert surname_candidates(form, case, gender)[0] == nominative


@pytest.mark.parametrize(("form", "case", "gender"), [
    ("Барченко", "ablt", "m"),  # -ко does not decline
    ("Меерзон", "gent", "f"),  # a woman's consonant surname does not decline
    ("Фраучи", "gent", "m"),  # nor a foreign -и
    ("Ежов", "nomn", "m"),
])
def test_ru_inflection_indeclinable_surnames_stay(form: str, case: str, gender: str) -> None:
    assert surname_candidates(form, case, gender) == (form,)


@pytest.mark.parametrize(("form", "case", "gender", "nominative"), [
    ("Георгия", "gent", "m", "Георгий"),
    ("Глебу", "datv", "m", "Глеб"),
    ("Петра", "gent", "m", "Петр"),
    ("Хаи", "gent", "f", "Хая"),
    ("Менделя", "gent", "m", "Мендель"),  # not in the dictionary: declined by paradigm
    ("Иона", "nomn", "m", "Иона"),
])
def test_ru_inflection_given_name(form: str, case: str, gender: str, nominative: str) -> None:
    assert given_nominative(form, case, gender) == nominative


@pytest.mark.parametrize(("form", "nominative"), [
    ("Евгеньевича", "Евгеньевич"), ("Григорьевичем", "Григорьевич"),
    ("Ивановной", "Ивановна"), ("Петровны", "Петровна"), ("Эммануилович", "Эммануилович"),
])
def test_ru_inflection_patronymic(form: str, nominative: str) -> None:
    assert patronymic_nominative(form, None, None) == nominative


@pytest.mark.parametrize(("phrase", "nominative"), [
    # the adjective agrees with its noun: not the plural dative pymorphy lists first
    ("народным комиссаром внутренних дел", "народный комиссар внутренних дел"),
    ("Особым совещанием", "Особое совещание"),
    ("Военной коллегией Верховного суда", "Военная коллегия Верховного суда"),
])
def test_ru_inflection_an_adjective_takes_its_noun_s_number_and_gender(phrase: str,
                                                                       nominative: str) -> None:
    from kartoteka.extract.ru.morph import nominative_phrase
    assert nominative_phrase(phrase) == nominative

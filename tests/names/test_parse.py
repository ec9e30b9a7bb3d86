"""parse_person_name on English, Russian-list, comma and initial orders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kartoteka.names import PersonName, parse_person_name
from kartoteka.names.gender import patronymic_gender

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.parametrize(
    ("text", "surname", "given", "patronymic", "initials"),
    [
        ("Nikolai Ivanovich Yezhov", "Yezhov", "Nikolai", "Ivanovich", ()),
        ("N. I. Yezhov", "Yezhov", None, None, ("N", "I")),
        ("N.I.Yezhov", "Yezhov", None, None, ("N", "I")),
        ("Yezhov", "Yezhov", None, None, ()),
        ("Genrikh Yagoda", "Yagoda", "Genrikh", None, ()),
        ("Ежов Н.И.", "Ежов", None, None, ("Н", "И")),
        ("Yezhov N. I.", "Yezhov", None, None, ("N", "I")),
        ("Yu. Andropov", "Andropov", None, None, ("Yu",)),
        ("Тухачевский, Михаил Николаевич", "Тухачевский", "Михаил", "Николаевич", ()),
        ("Tukhachevsky, Mikhail", "Tukhachevsky", "Mikhail", None, ()),
        ("Карин Федор Яковлевич", "Карин", "Федор", "Яковлевич", ()),
        ("Николай Иванович Ежов", "Ежов", "Николай", "Иванович", ()),
        ("Николай Ежов", "Ежов", "Николай", None, ()),
        ("Ежов Николай", "Ежов", "Николай", None, ()),
        ("Николай Иванович", None, "Николай", "Иванович", ()),
        ("Ieronim Uborevich", "Uborevich", "Ieronim", None, ()),
        # a surname in -ich after a patronymic of a rarer given name (English order)
        ("Nikolay Lyutsianovich Ilyashevich", "Ilyashevich", "Nikolay", "Lyutsianovich", ()),
        ("Pyotr Kazimirovich Marcinkevich", "Marcinkevich", "Pyotr", "Kazimirovich", ()),
        ("Uborevich Ieronim Petrovich", "Uborevich", "Ieronim", "Petrovich", ()),
        ("Comrade Nikolai Yezhov", "Yezhov", "Nikolai", None, ()),
        ("Nikolai I. Yezhov", "Yezhov", "Nikolai", None, ("I",)),
        ("Nikolai Yezhov's", "Yezhov", "Nikolai", None, ()),
        ("", None, None, None, ()),
    ],
)
def test_parse_orders(
    text: str, surname: str | None, given: str | None, patronymic: str | None,
    initials: tuple[str, ...],
) -> None:
    name = parse_person_name(text)
    assert (name.surname, name.given, name.patronymic, name.initials) == (
        surname, given, patronymic, initials)


def test_parse_brackets_become_variants() -> None:
    name = parse_person_name("Карин Федор Яковлевич (Петрович) (Крутянский Тодрес Янкелевич)")
    assert (name.surname, name.given, name.patronymic) == ("Карин", "Федор", "Яковлевич")
    assert name.variants == ("Петрович", "Крутянский Тодрес Янкелевич")
    assert name.script == "cyrillic"


@pytest.mark.parametrize(
    ("text", "order", "surname"),
    [("Karin Fedor", "surname-first", "Karin"), ("Karin Fedor", "given-first", "Fedor")],
)
def test_parse_explicit_order_wins(text: str, order: str, surname: str) -> None:
    assert parse_person_name(text, order=order).surname == surname


def test_parse_rejects_unknown_order() -> None:
    with pytest.raises(ValueError, match="unknown name order"):
        parse_person_name("Yezhov", order="backwards")


@pytest.mark.parametrize(
    ("text", "gender"),
    [("Ежова Евгения Соломоновна", "f"), ("Nikolai Ivanovich Yezhov", "m"),
     ("Yezhova", "f"), ("Ежов Н.И.", "m"), ("Yagoda", None)],
)
def test_parse_sets_gender(text: str, gender: str | None) -> None:
    assert parse_person_name(text).gender == gender


@pytest.mark.parametrize(
    ("name", "expected"),
    [(PersonName("Yezhov", "Nikolai", "Ivanovich"), "Nikolai Ivanovich Yezhov"),
     (PersonName("Yezhov", None, None, initials=("N", "I")), "N. I. Yezhov"),
     (PersonName(None, "Nikolai", None), "Nikolai")],
)
def test_parse_full_puts_given_first(name: PersonName, expected: str) -> None:
    assert name.full() == expected


def test_parse_round_trips_through_to_dict() -> None:
    name = parse_person_name("Карин Федор Яковлевич (Петрович)")
    assert PersonName(**{k: tuple(v) if isinstance(v, list) else v
                         for k, v in name.to_dict().items()}) == name


def test_parse_memorial_list_names_surname_first() -> None:
    """Names of the Moscow execution list (read at run time) are 'Surname Given Patronymic'."""
    records = SHARED / "corpus" / "memorial-moscow" / "records.jsonl"
    if not records.exists():
        pytest.skip("shared corpus not available")
    names = [json.loads(line)["name"] for line in records.open(encoding="utf-8")]
    three_word = [n for n in names if len(n.split()) == 3 and not set(n) & set("(),")]
    parsed = [(n.split(), parse_person_name(n)) for n in three_word]
    in_order = sum(p.surname == w[0] and p.given == w[1] and p.patronymic == w[2]
                   for w, p in parsed)
    assert in_order / len(parsed) >= 0.99
    # Where the patronymic shows a gender, the parsed gender follows it.
    gendered = [(patronymic_gender(w[2]), p.gender) for w, p in parsed if patronymic_gender(w[2])]
    assert sum(a == b for a, b in gendered) / len(gendered) >= 0.99
    bracketed = [n for n in names if "(" in n]
    assert all(parse_person_name(n).variants for n in bracketed)


@pytest.mark.parametrize(
    ("text", "surname", "given", "patronymic"),
    [
        ("Anton Serkovich", "Serkovich", "Anton", None),  # Serk- only starts like Sergei
        ("Ivan Antkevich", "Antkevich", "Ivan", None),  # Antk- only starts like Anton
        ("Ivan Nikolaevich", None, "Ivan", "Nikolaevich"),  # Nikola-: Nikolai's son
        ("Anna Yakovlevna", None, "Anna", "Yakovlevna"),  # Yakov + the linking l
        ("Павел Сергеевич", None, "Павел", "Сергеевич"),
        ("Josef Vissarionovich", None, "Josef", "Vissarionovich"),  # Vissarion's son
    ],
)
def test_parse_two_words_ending_in_a_patronymic_suffix(
        text: str, surname: str | None, given: str, patronymic: str | None) -> None:
    """Given name and patronymic only when the -evich word is made from a given name; a stem
    that merely shares its first letters with one ("Serk-" with Sergei) makes a surname."""
    name = parse_person_name(text)
    assert (name.surname, name.given, name.patronymic) == (surname, given, patronymic)


def test_parse_an_epithet_stands_where_the_surname_would() -> None:
    name = parse_person_name("Ivan the Terrible")
    assert (name.given, name.patronymic, name.surname) == ("Ivan", None, "the Terrible")
    # a capitalised "The" is no article of an epithet
    assert parse_person_name("Peter The Great").patronymic == "The"


def test_parse_patronymic_of_a_given_name_with_a_fleeting_vowel() -> None:
    # Павел -> Павлович: after a given name, a given name and its patronymic, no surname
    name = parse_person_name("Лаврентий Павлович")
    assert (name.surname, name.given, name.patronymic) == (None, "Лаврентий", "Павлович")
    assert parse_person_name("Lavrenty Pavlovich").patronymic == "Pavlovich"
    # a surname in -evich whose stem is no given name stays a surname
    assert parse_person_name("Иван Гринкевич").surname == "Гринкевич"

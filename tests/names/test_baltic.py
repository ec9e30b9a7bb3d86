"""Latvian and Lithuanian name forms meet their Russian forms (names/baltic.py and its use)."""

from __future__ import annotations

import pytest

from kartoteka.names import parse_person_name, surname_key, surname_similarity
from kartoteka.names.baltic import baltic_stem, looks_baltic
from kartoteka.names.keys import neighbour_key, surname_keys
from kartoteka.names.similarity import SURNAME_THRESHOLD, given_compatible


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Zakovskis", "Zakovsky"), ("Uborevičius", "Uborevič"), ("Bērziņš", "Bērziņ"),
     ("Jeronimas", "Jeronim"), ("Leonīds", "Leonīd"), ("Уборевичюса", "Уборевич"),
     ("Пятрас", "Пятр"), ("Evans", None), ("Jones", None), ("Roberts", None), ("Lis", None)],
)
def test_baltic_stem_drops_only_baltic_endings(word: str, stem: str | None) -> None:
    assert baltic_stem(word) == stem


@pytest.mark.parametrize(("word", "baltic"), [("Bērziņš", True), ("Zakovskis", True),
                                              ("Alksnis", False), ("Berzin", False),
                                              ("Заковский", False)])
def test_baltic_looks_baltic_only_on_baltic_spelling(word: str, baltic: bool) -> None:
    assert looks_baltic(word) is baltic


@pytest.mark.parametrize(
    ("baltic", "russian"),
    [("Zakovskis", "Заковский"), ("Uborevičius", "Уборевич"), ("Bērziņš", "Берзин"),
     ("Bērziņš", "Berzin"), ("Alksnis", "Алкснис"), ("Štubis", "Штубис")],
)
def test_baltic_forms_share_a_reading_with_the_russian(baltic: str, russian: str) -> None:
    assert set(surname_keys(baltic)) & set(surname_keys(russian))
    assert surname_similarity(baltic, russian) >= SURNAME_THRESHOLD


@pytest.mark.parametrize(("baltic", "russian"), [("Zakovskis", "Zakovsky"),
                                                 ("Uborevičius", "Uborevich"),
                                                 ("Bērziņš", "Берзин")])
def test_baltic_unmistakable_forms_take_the_russian_key(baltic: str, russian: str) -> None:
    assert surname_key(baltic) == surname_key(russian)


@pytest.mark.parametrize(("a", "b"), [("Zakovskis", "Zhukovsky"), ("Kalniņš", "Калинин"),
                                      ("Bērziņš", "Бурзин")])
def test_baltic_different_surnames_stay_apart(a: str, b: str) -> None:
    assert surname_similarity(a, b) < SURNAME_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Leonīds", "Леонид", True), ("Jeronimas", "Ieronim", True), ("Jānis", "Ян", True),
     ("Jānis", "Yan", True), ("Petras", "Пётр", True), ("Pēteris", "Pyotr", True),
     ("Пятрас", "Петр", True), ("Henriks", "Генрих", True), ("Józef", "Iosif", True),
     ("Augusts", "Август", True), ("Jānis", "Иероним", False), ("Petras", "Павел", False)],
)
def test_baltic_given_names_meet_their_russian_forms(a: str, b: str, expected: bool) -> None:
    assert given_compatible(a, b) is expected


@pytest.mark.parametrize(("a", "b"), [("Ulrich", "Ulrikh"), ("Zakovskis", "Zakovsky"),
                                      ("Alksnis", "Алкснис"), ("Yezhov", "Yerov")])
def test_baltic_neighbour_keys_meet_across_readings(a: str, b: str) -> None:
    assert neighbour_key(surname_key(a)) == neighbour_key(surname_key(b))


@pytest.mark.parametrize(("a", "b"), [("Orlov", "Popov"), ("Berman", "Berzin")])
def test_baltic_neighbour_keys_keep_other_surnames_apart(a: str, b: str) -> None:
    assert neighbour_key(surname_key(a)) != neighbour_key(surname_key(b))


@pytest.mark.parametrize(
    ("text", "given", "surname", "gender"),
    [("Leonīds Kalniņš", "Leonīds", "Kalniņš", "m"), ("Lore Simon", "Lore", "Simon", "f"),
     ("Berta Simon", "Berta", "Simon", "f"), ("Yezhov Nikolai", "Nikolai", "Yezhov", "m")],
)
def test_baltic_and_foreign_given_names_parse_in_english_order(
        text: str, given: str, surname: str, gender: str) -> None:
    """A listed given name second ("Simon") no longer turns an English name around unless
    the first word has a surname's shape."""
    name = parse_person_name(text)
    assert (name.given, name.surname, name.gender) == (given, surname, gender)

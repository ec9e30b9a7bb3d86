"""Matching keys: equal across scheme differences, different for different surnames."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kartoteka.names import fold, name_keys, parse_person_name, surname_key
from kartoteka.names.keys import initial_key_letters, loose_key, name_initials, surname_keys

PAIRS = Path(__file__).resolve().parent / "data" / "variant_pairs.tsv"

VARIANT_GROUPS = [
    ["Ежов", "Yezhov", "Ezhov", "Ežov", "Jeschow", "Iejov", "Ежова", "Yezhova"],
    ["Ягода", "Yagoda", "Jagoda", "Iagoda"],
    ["Люшков", "Lyushkov", "Ljuškov", "Liushkov", "Ljuschkow", "Liouchkov"],
    ["Шпигельглас", "Shpigelglas", "Špigel'glas", "Shpigelglias", "Schpigelglas"],
    ["Тухачевский", "Tukhachevsky", "Tukhachevskii", "Tukhachevskiy", "Tuchatschewski",
     "Toukhatchevski", "Tuxačevskij", "Tuhačevskij"],
    ["Троцкий", "Trotsky", "Trotzki", "Trotski", "Trockij"],
    ["Уборевич", "Uborevich", "Uborevitch", "Uborewitsch"],
]


@pytest.mark.parametrize("group", VARIANT_GROUPS, ids=lambda group: group[0])
def test_keys_surname_key_equal_across_schemes(group: list[str]) -> None:
    assert len({surname_key(form) for form in group}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yagoda", "Yakir"), ("Berman", "Berzin"), ("Kork", "Kirov"), ("Orlov", "Popov"),
     ("Ежов", "Yegorov"), ("Petrov", "Petrovsky")],
)
def test_keys_surname_key_differs_for_different_surnames(a: str, b: str) -> None:
    assert surname_key(a) != surname_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Yezhov", "Yerov"), ("Molchanov", "Morchanov"), ("Kalin", "Karin")]
)
def test_keys_loose_key_joins_chinese_intermediary_forms(a: str, b: str) -> None:
    assert {loose_key(k) for k in surname_keys(a)} & {loose_key(k) for k in surname_keys(b)}


def test_keys_name_keys_block_across_scripts() -> None:
    cyrillic = name_keys(parse_person_name("Ежов Николай Иванович"))
    latin = name_keys(parse_person_name("N. I. Yezhov"))
    shared = cyrillic & latin
    assert any(key.startswith("s:") and "|g:н" in key for key in shared)


def test_keys_name_keys_without_surname_use_given_name() -> None:
    keys = name_keys(parse_person_name("Nikolai"))
    assert keys and all(key.startswith("g:") for key in keys)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ежов Николай", "yezhov nikolay"), ("Špigel'glas", "spigelglas"), ("Jeschow", "jeschow")],
)
def test_keys_fold_gives_lowercase_latin(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(("initial", "letter"), [("Y.", "е"), ("Y.", "я"), ("Н.", "н"),
                                                 ("Yu.", "ю"), ("Kh", "х"), ("J.", "и"),
                                                 ("Sz.", "ш"), ("W.", "в"), ("Č.", "ч")])
def test_keys_initial_key_letters_cover_cyrillic_letters(initial: str, letter: str) -> None:
    assert letter in initial_key_letters(initial)


@pytest.mark.parametrize(("initial", "letter"), [("Yu.", "у"), ("Ja.", "а"), ("И.", "о"),
                                                 ("Kh.", "к"), ("A.", "я")])
def test_keys_initial_key_letters_keep_distinct_letters_apart(initial: str, letter: str) -> None:
    assert letter not in initial_key_letters(initial)


@pytest.mark.parametrize(("name", "letter"), [("Иосиф", "и"), ("Iosif", "и"), ("Yevgeny", "е"),
                                              ("Jurij", "ю"), ("Ёлкин", "е")])
def test_keys_name_initials_start_from_the_written_letter(name: str, letter: str) -> None:
    assert letter in name_initials(name)


def test_keys_surname_key_equality_on_variant_set() -> None:
    with PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    predicted = [(surname_key(r["a"]) == surname_key(r["b"]), r["same"] == "1") for r in rows]
    true_positives = sum(p and s for p, s in predicted)
    precision = true_positives / sum(p for p, _ in predicted)
    recall = true_positives / sum(s for _, s in predicted)
    # Measured 0.99 / 0.86: the key is exact about scheme differences and leaves the l/r, zh/r
    # and English-vs-French "ch" confusions to surname_similarity and the loose blocking key.
    assert precision >= 0.95
    assert recall >= 0.8



@pytest.mark.parametrize("reading", ["Ежова", "Хрущёв", "Зиновьев", "Шпигельглас", "Rosenfeld"])
def test_keys_key_form_cache_returns_the_uncached_key(reading: str) -> None:
    from kartoteka.names.keys import _key_form, key_form

    for surname in (True, False):
        for fine in (True, False):
            first = key_form(reading, surname=surname, fine=fine)  # fills the cache
            assert key_form(reading, surname=surname, fine=fine) == first
            assert first == _key_form.__wrapped__(reading, surname, fine)


@pytest.mark.parametrize("key", ["ejov", "erev", "lyuskov", "aaa", ""])
def test_keys_loose_key_drops_vowels_after_the_first_letter(key: str) -> None:
    import re

    merged = key.replace("l", "r").replace("j", "r")
    assert loose_key(key) == merged[:1] + re.sub("[aeiou]", "", merged[1:])


@pytest.mark.parametrize(("text", "expected"), [
    ("Ob'edkov", "obedkov"), ("Zinov’ev", "zinovev"), ("Gorʹkiy", "gorkiy"),
    ("Ivan O'Brien-Smith", "ivan obrien smith"), ("Żuk", "zuk"),
])
def test_keys_fold_drops_soft_marks_inside_words(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_keys_fold_keeps_letters_unicode_does_not_decompose() -> None:
    from kartoteka.names.keys import fold

    assert fold("Łukasz Wróbel") == "lukasz wrobel"
    assert fold("Jerzy Ołdakowski") == "jerzy oldakowski"
    assert fold("Søren Strauß") == "soren strauss"


def test_keys_name_caches_are_emptied_and_answers_stay_the_same() -> None:
    from kartoteka.names.caches import clear_name_caches
    from kartoteka.names.keys import surname_keys

    before = surname_keys("Yezhov")
    assert surname_keys.cache_info().currsize > 0
    assert clear_name_caches() > 0
    assert surname_keys.cache_info().currsize == 0
    assert surname_keys("Yezhov") == before

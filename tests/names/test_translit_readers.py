"""The ISO 9 / GOST 7.79 reader and the French reader's ц read made-up names back into the
Cyrillic they were written from."""

from __future__ import annotations

import pytest

from kartoteka.names.keys import given_keys, surname_keys
from kartoteka.names.translit import READERS, cyrillic_readings, read_latin, to_latin

# Made-up names with the letters the schemes disagree on (й before a vowel, х, ц, ч, щ, я, ю).
MADE_UP = ("Зайончиков", "Михайлович", "Цюрупкин", "Хрящёв", "Щеглюк", "Яйцевич", "Юхновец",
           "Майорчук")


def test_translit_iso9_is_a_registered_reader() -> None:
    assert "iso9" in READERS


@pytest.mark.parametrize("name", MADE_UP)
def test_translit_iso9_reader_inverts_iso9(name: str) -> None:
    assert read_latin(to_latin(name, "iso9"), "iso9") == name


@pytest.mark.parametrize(("written", "cyrillic"), [
    ("Mihajlovič", "Михайлович"), ("Zajončikov", "Зайончиков"), ("Hrâŝëv", "Хрящёв"),
    ("Jakovlevič", "Яковлевич"), ("Juhnovec", "Юхновец"),
])
def test_translit_iso9_reading_is_among_the_readings(written: str, cyrillic: str) -> None:
    assert read_latin(written, "iso9") == cyrillic
    assert cyrillic in cyrillic_readings(written)


def test_translit_iso9_patronymic_keys_as_its_cyrillic() -> None:
    """A guess of the French family (j before a consonant) no longer hides the reading."""
    assert given_keys("Михайлович")[0] in given_keys("Mihajlovič")
    assert surname_keys("Зайончиков")[0] in surname_keys("Zajončikov")


@pytest.mark.parametrize(("written", "cyrillic"), [
    ("Kouznetsov", "Кузнецов"), ("Tsoukarev", "Цукарев"), ("Lissitsyne", "Лисицын"),
    ("Fritsevitch", "Фрицевич"),
])
def test_translit_french_reader_reads_ts_as_one_letter(written: str, cyrillic: str) -> None:
    assert read_latin(written, "french") == cyrillic


def test_translit_iso9_reader_keeps_digraphs_apart() -> None:
    """c, h, s and z are letters of their own in ISO 9: "Ch" is цх there, not ч."""
    assert read_latin("Schoc", "iso9") == "Сцхоц"
    assert read_latin("Schoc", "base") != "Сцхоц"

"""Lifespan brackets after a name (made-up names and dates)."""

from __future__ import annotations

import pytest

from kartoteka.extract.en.dates import lifespan_dates


@pytest.mark.parametrize(("inside", "expected"), [
    ("1893 – 1938", ("1893", "1938")),
    ("b. 1890, d. in a camp 1942", ("1890", "1942")),
    ("born 1890 in Riga; executed 1938", ("1890", "1938")),
    ("* January 1893 in Lviv ; † 14 August 1937 in Moscow", ("1893-01", "1937-08-14")),
    ("Russian: Павел; 1893 – 1938?", ("1893", "1938")),
    ("born Pinkhas Orekhov, later Pavel Orekhov; 3 May 1895 - 4 June 1973",
     ("1895-05-03", "1973-06-04")),
    ("Russian: Павел; born Pinkhas; 1 April 1883, Tver - 1940", ("1883-04-01", "1940")),
])
def test_lifespans_brackets_give_birth_and_death(inside: str, expected: tuple) -> None:
    assert lifespan_dates(inside) == expected


def test_lifespans_a_lone_date_without_a_mark_tells_nothing() -> None:
    assert lifespan_dates("see 1937") == (None, None)


def test_lifespans_the_bracket_is_its_name_s(fates_en) -> None:
    fates = fates_en("Pavel Orekhov (b. 1890, d. in a camp 1942) was a Soviet official.")
    assert ("death", "Pavel Orekhov", "1942", "affirmed", None) in fates
    assert ("birth", "Pavel Orekhov", "1890", "affirmed", None) in fates


def test_lifespans_a_bracket_after_another_name_is_not_the_first_s(fates_en) -> None:
    fates = fates_en("Orekhov married Anna Lapshina (born 1894) in Kazan.")
    assert ("birth", "Orekhov", "1894", "affirmed", None) not in fates
    assert ("birth", "Anna Lapshina", "1894", "affirmed", None) in fates

"""Small pieces of the web UI's queries that decide what a page shows."""

from __future__ import annotations

import pytest

from kartoteka.store.webqueries import covers_year, year_of


@pytest.mark.parametrize(("date", "year"), [
    ("1937", 1937), ("1938-22", 1938), ("1937-06-12", 1937), ("1936/1938", 1936),
    ("~1940", 1940), (None, None), ("", None), ("193X", None),
])
def test_webqueries_year_of(date: str | None, year: int | None) -> None:
    assert year_of(date) == year


@pytest.mark.parametrize(("date", "year", "covered"), [
    ("1937", 1937, True), ("1937-06", 1938, False), ("1936/1938", 1937, True),
    ("1936/1938", 1939, False), ("../1938", 1900, True), ("1938/..", 1937, False),
    (None, 1937, True), ("193X", 1937, True),
])
def test_webqueries_covers_year(date: str | None, year: int, covered: bool) -> None:
    assert covers_year(date, year) is covered

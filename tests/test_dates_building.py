"""The shared EDTF helpers of kartoteka.dates."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from kartoteka import dates


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (lambda: dates.year(1937), "1937"),
        (lambda: dates.month(1937, 6), "1937-06"),
        (lambda: dates.day(1937, 6, 12), "1937-06-12"),
        (lambda: dates.season(1937, "spring"), "1937-21"),
        (lambda: dates.season(1938, "summer"), "1938-22"),
        (lambda: dates.season(1937, "winter"), "1937-24"),
        (lambda: dates.decade(1920), "192X"),
        (lambda: dates.interval("1937-06-11", "1937-06-12"), "1937-06-11/1937-06-12"),
        (lambda: dates.until("1938"), "../1938"),
        (lambda: dates.interval("1937", None), "1937/.."),
        (lambda: dates.next_day("1938-12-23"), "1938-12-24"),
        (lambda: dates.next_day("1937-12-31"), "1938-01-01"),
        (lambda: dates.shift_days("1937-05-18", 4), "1937-05-22"),
        (lambda: dates.shift_years("1937-21", 1), "1938"),
    ],
)
def test_dates_builders_give_valid_edtf(built, expected):
    value = built()
    assert value == expected
    parse_edtf(value)  # raises if invalid


@pytest.mark.parametrize(
    "built",
    [
        lambda: dates.day(1937, 2, 30),
        lambda: dates.month(1937, 13),
        lambda: dates.season(1937, "monsoon"),
        lambda: dates.next_day("1937"),  # no day to add one to
        lambda: dates.next_day(None),
        lambda: dates.interval(None, None),
        lambda: dates.checked("1937-21?"),  # qualified seasons do not parse in edtf 5
        lambda: dates.checked("June 1937"),
    ],
)
def test_dates_invalid_or_unknown_is_none(built):
    assert built() is None


@pytest.mark.parametrize(
    ("value", "year"),
    [("1937", 1937), ("1937-21", 1937), ("1936/1937", 1936), ("../1938", 1938), (None, None)],
)
def test_dates_year_of(value, year):
    assert dates.year_of(value) == year


@pytest.mark.parametrize(("value", "first", "last"), [
    ("1937", 1937, 1937), ("1938-22", 1938, 1938), ("1937-06-12", 1937, 1937),
    ("1936/1938", 1936, 1938), ("~1940", 1940, 1940), (None, None, None), ("", None, None),
    ("193X", None, None), ("1937-24", 1937, 1937), ("../1938", 1938, 1938),
])
def test_dates_year_of_first_and_last(value, first, last):
    # the years as written: winter 1937 is 1937, a decade with unspecified digits has none
    assert dates.year_of(value) == first
    assert dates.year_of(value, last=True) == last


def test_dates_interval_of_equal_ends_is_the_point():
    assert dates.interval("1937", "1937") == "1937"


@pytest.mark.parametrize(("value", "valid"), [
    ("1937", True), ("1937-05", True), ("1937-05-31", True), ("1936-02-29", True),
    ("1937-02-29", False), ("1937-04-31", False), ("1937-13", False), ("1937-00", False),
    ("1937-21", True), ("1937-24", True), ("1937-05?", True), ("1937/1938", True), ("37", False),
])
def test_dates_is_valid_checks_the_calendar_on_the_fast_path(value: str, valid: bool) -> None:
    # Plain years, months and days skip the EDTF grammar; they must still be real days.
    assert dates.is_valid(value) is valid

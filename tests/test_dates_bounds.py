"""EDTF values as calendar bounds: seasons, intervals (open too), qualifiers, unspecified digits."""

from __future__ import annotations

from datetime import date

import pytest

from kartoteka.dates import (
    data_date_span,
    edtf_range,
    iso_or_none,
    may_fall_in,
    may_overlap,
)


@pytest.mark.parametrize(("value", "start", "end"), [
    ("1937", date(1937, 1, 1), date(1937, 12, 31)),
    ("1937-02", date(1937, 2, 1), date(1937, 2, 28)),
    ("1936-02", date(1936, 2, 1), date(1936, 2, 29)),
    ("1937-05-12", date(1937, 5, 12), date(1937, 5, 12)),
    ("1938-21", date(1938, 3, 1), date(1938, 5, 31)),   # spring
    ("1938-22", date(1938, 6, 1), date(1938, 8, 31)),   # summer
    ("1938-23", date(1938, 9, 1), date(1938, 11, 30)),  # autumn
    ("1938-24", date(1938, 1, 1), date(1939, 2, 28)),   # winter: both readings covered
    ("1939-21?", date(1939, 3, 1), date(1939, 5, 31)),  # qualified season: edtf cannot
    ("1937~", date(1937, 1, 1), date(1937, 12, 31)),
    ("1936/1938", date(1936, 1, 1), date(1938, 12, 31)),
    ("1937-21/1938-03", date(1937, 3, 1), date(1938, 3, 31)),
    ("1920/..", date(1920, 1, 1), None),
    ("../1938-05", None, date(1938, 5, 31)),
    ("/1938", None, date(1938, 12, 31)),
    ("193X", date(1930, 1, 1), date(1939, 12, 31)),     # through the edtf package
    ("[1937,1938]", date(1937, 1, 1), date(1938, 12, 31)),
])
def test_dates_edtf_range_bounds(value: str, start: date | None, end: date | None) -> None:
    bounds = edtf_range(value)
    assert bounds is not None
    assert (bounds.start, bounds.end) == (start, end)


@pytest.mark.parametrize("value", [None, "", "  ", "1937-13", "1937-02-30", "sometime", "../.."])
def test_dates_edtf_range_unreadable(value: str | None) -> None:
    assert edtf_range(value) is None


@pytest.mark.parametrize(("value", "uncertain", "approximate"), [
    ("1937", False, False), ("1937?", True, False), ("1937~", False, True),
    ("1937%", True, True), ("1939-21?", True, False),
])
def test_dates_qualifiers(value: str, uncertain: bool, approximate: bool) -> None:
    bounds = edtf_range(value)
    assert (bounds.uncertain, bounds.approximate) == (uncertain, approximate)


@pytest.mark.parametrize(("value", "start_text", "end_text"), [
    ("1937", "1937", "1937"), ("1937-05", "1937-05-01", "1937-05-31"),
    ("1936/1938-04-02", "1936", "1938-04-02"), ("1920/..", "1920", None),
])
def test_dates_bound_text_keeps_precision(value: str, start_text: str,
                                          end_text: str | None) -> None:
    bounds = edtf_range(value)
    assert (bounds.start_text(), bounds.end_text()) == (start_text, end_text)


@pytest.mark.parametrize(("value", "iso"), [
    ("1937", "1937"), ("1937-05", "1937-05"), ("1937-05-12", "1937-05-12"),
    ("1937-22", None), ("1937?", None), ("1936/1938", None), ("1937-02-30", None),
])
def test_dates_iso_or_none(value: str, iso: str | None) -> None:
    assert iso_or_none(value) == iso


def test_dates_data_span() -> None:
    ranges = [edtf_range(v) for v in ("1938-22", "1920/..", None, "../1941")]
    assert data_date_span(ranges) == (date(1920, 1, 1), date(1941, 12, 31))
    assert data_date_span([None]) is None


@pytest.mark.parametrize(("value", "year", "covered"), [
    ("1937", 1937, True), ("1937-06", 1938, False), ("1936/1938", 1937, True),
    ("1936/1938", 1939, False), ("../1938", 1900, True), ("1938/..", 1937, False),
    (None, 1937, True), ("193X", 1937, True),
    # by the days a value may mean: winter reaches into the next year, a set covers its span
    ("1937-24", 1938, True), ("1937-24", 1939, False), ("[1937,1938]", 1938, True),
    ("1937", 0, False),
])
def test_dates_may_fall_in(value: str | None, year: int, covered: bool) -> None:
    assert may_fall_in(value, year) is covered


@pytest.mark.parametrize(("a", "b", "overlap"), [
    ("1937", "1937-06-12", True), ("1937", "1938", False), ("1937-24", "1938-02", True),
    ("1936/..", "1950", True), ("193X", "1938-05", True), ("../1936", "1937", False),
    ("soon", "soon", True), ("soon", "1937", False),
])
def test_dates_may_overlap(a: str, b: str, overlap: bool) -> None:
    assert may_overlap(a, b) is overlap

"""EDTF dates as calendar bounds, for formats that want plain dates (TEI, CSV, Gephi, RDF).

A claim's date is an EDTF string (Library of Congress Extended Date/Time Format, ISO 8601-2).
Publishing formats need the interval it stands for: the earliest and the latest day it can mean.
The ``edtf`` package parses most forms but fails on open intervals (``1937/..``) and on
qualified seasons (``1937-21?``), and it reads winter as December alone; the common level 0/1
forms are therefore read here, and only the rarer ones (unspecified digits ``193X``, sets
``[1937,1938]``) go through ``edtf``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# Seasons (EDTF level 1: 21–24) and the level 2 divisions that name a run of months.
# Winter spans the turn of the year: "winter 1937" may mean January–February 1937 (how
# Russian "зимой 1937 года" is often used) or the winter that begins in December 1937, so its
# bounds cover both readings (January YYYY to February YYYY+1).
SEASON_MONTHS: dict[int, tuple[int, int, int]] = {
    # code: (first month, last month, years the last month lies after the first)
    21: (3, 5, 0), 22: (6, 8, 0), 23: (9, 11, 0), 24: (1, 2, 1),
    25: (3, 5, 0), 26: (6, 8, 0), 27: (9, 11, 0), 28: (1, 2, 1),   # northern hemisphere
    29: (9, 11, 0), 30: (12, 2, 1), 31: (3, 5, 0), 32: (6, 8, 0),  # southern hemisphere
    33: (1, 3, 0), 34: (4, 6, 0), 35: (7, 9, 0), 36: (10, 12, 0),  # quarters
    37: (1, 4, 0), 38: (5, 8, 0), 39: (9, 12, 0),                  # quadrimesters
    40: (1, 6, 0), 41: (7, 12, 0),                                 # semesters
}

_SIDE = re.compile(r"^(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_QUALIFIERS = re.compile(r"[?~%]")
_OPEN = {"", ".."}


@dataclass(frozen=True)
class DateRange:
    """The days an EDTF value can stand for, with what kind of knowledge it is.

    ``start``/``end`` are None for an open or unknown end (``1937/..``, ``../1938``).
    ``*_precision`` is "year", "month" or "day": how precisely that end was given, so a
    spreadsheet column can show ``1937`` rather than ``1937-01-01``.
    """

    edtf: str
    start: date | None
    end: date | None
    start_precision: str = "day"
    end_precision: str = "day"
    uncertain: bool = False  # "?" or "%": the source is not sure
    approximate: bool = False  # "~" or "%": roughly this date
    interval: bool = False

    @property
    def qualified(self) -> bool:
        return self.uncertain or self.approximate

    @property
    def open_start(self) -> bool:
        return self.start is None

    @property
    def open_end(self) -> bool:
        return self.end is None

    @property
    def exact_day(self) -> bool:
        """One calendar day, given as such: ISO 8601 can say it as it is."""
        return self.start == self.end and self.start_precision == "day" and not self.qualified

    def start_text(self) -> str | None:
        return _bound_text(self.start, self.start_precision)

    def end_text(self) -> str | None:
        return _bound_text(self.end, self.end_precision)


def _bound_text(day: date | None, precision: str) -> str | None:
    if day is None:
        return None
    return f"{day.year:04d}" if precision == "year" else day.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _side_bounds(text: str) -> tuple[date, date, str] | None:
    """Earliest day, latest day and precision of one unqualified EDTF date (no interval)."""
    match = _SIDE.match(text)
    if not match:
        return None
    year = int(match["year"])
    if not 1 <= year <= 9999:
        return None
    if match["month"] is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    month = int(match["month"])
    if match["day"] is None:
        if 1 <= month <= 12:
            return date(year, month, 1), _month_end(year, month), "month"
        if month in SEASON_MONTHS:
            first, last, carry = SEASON_MONTHS[month]
            if year + carry > 9999:
                return None
            return date(year, first, 1), _month_end(year + carry, last), "month"
        return None
    try:
        day = date(year, month, int(match["day"]))
    except ValueError:
        return None
    return day, day, "day"


def _via_edtf_package(text: str) -> DateRange | None:
    """The forms this module does not read itself: unspecified digits, sets, level 2."""
    try:
        from edtf import parse_edtf, struct_time_to_date
        from edtf.parser.edtf_exceptions import EDTFParseException
    except ImportError:  # pragma: no cover - edtf is a declared dependency
        return None
    try:
        parsed = parse_edtf(text)
        low, high = parsed.lower_strict(), parsed.upper_strict()
        start, end = struct_time_to_date(low), struct_time_to_date(high)
    except (EDTFParseException, TypeError, ValueError, AttributeError, OverflowError):
        return None
    return DateRange(
        edtf=text, start=start, end=end,
        uncertain="?" in text or "%" in text, approximate="~" in text or "%" in text,
        interval="/" in text,
    )


def edtf_range(value: str | None) -> DateRange | None:
    """The calendar bounds of an EDTF string, or None when it is empty or unreadable.

    >>> r = edtf_range("1938-22")  # summer 1938
    >>> r.start.isoformat(), r.end.isoformat()
    ('1938-06-01', '1938-08-31')
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    uncertain = "?" in text or "%" in text
    approximate = "~" in text or "%" in text
    plain = _QUALIFIERS.sub("", text)
    if "/" in plain:
        left, _, right = plain.partition("/")
        low = None if left in _OPEN else _side_bounds(left)
        high = None if right in _OPEN else _side_bounds(right)
        if (low is None and left not in _OPEN) or (high is None and right not in _OPEN):
            return _via_edtf_package(text)
        if low is None and high is None:
            return None
        return DateRange(
            edtf=text,
            start=low[0] if low else None, end=high[1] if high else None,
            start_precision=low[2] if low else "day", end_precision=high[2] if high else "day",
            uncertain=uncertain, approximate=approximate, interval=True,
        )
    bounds = _side_bounds(plain)
    if bounds is None:
        return _via_edtf_package(text)
    start, end, precision = bounds
    return DateRange(
        edtf=text, start=start, end=end, start_precision=precision, end_precision=precision,
        uncertain=uncertain, approximate=approximate,
    )


def iso_or_none(value: str | None) -> str | None:
    """The EDTF value itself when it is also plain ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)."""
    match = _SIDE.match(value.strip()) if value else None
    if match is None or _side_bounds(match.group(0)) is None:
        return None
    if match["month"] is not None and not 1 <= int(match["month"]) <= 12:
        return None  # a season: EDTF, not ISO
    return match.group(0)


def data_date_span(ranges: list[DateRange | None]) -> tuple[date, date] | None:
    """The earliest and latest bound over many ranges: the span a whole export covers."""
    starts = [r.start for r in ranges if r and r.start]
    ends = [r.end for r in ranges if r and r.end]
    days = starts + ends
    if not days:
        return None
    return min(days), max(days)

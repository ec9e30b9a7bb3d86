"""EDTF dates, the one module for them: building and checking values, and their calendar bounds.

A claim's date is an EDTF string (Library of Congress Extended Date/Time Format, ISO 8601-2).

Building (for extraction): language-neutral helpers that the English and Russian phrase layers
(``extract/en/dates.py``, ``extract/ru/dates.py``) call with the numbers they read from words.
Every string they return has been parsed by the ``edtf`` package; an invalid one is never
returned.

Bounds (for publishing and comparing): the interval a value stands for, the earliest and the
latest day it can mean (``edtf_range``). The ``edtf`` package parses most forms but fails on
open intervals (``1937/..``) and on qualified seasons (``1937-21?``), and it reads winter as
December alone; the common level 0/1 forms are therefore read here, and only the rarer ones
(unspecified digits ``193X``, sets ``[1937,1938]``) go through ``edtf``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

# EDTF level-1 season codes ("1937-21" is spring 1937).
SEASON_CODES: dict[str, int] = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}

_PLAIN = re.compile(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


_YEAR = re.compile(r"-?\d{4}")
_PLAIN_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=8192)
def is_valid(value: str) -> bool:
    """True when ``value`` parses as EDTF.

    The common plain forms (a year, a month, a day) are checked by the calendar: the ``edtf``
    grammar costs about a millisecond a value, which was most of extraction's time.
    """
    plain = _PLAIN_DAY.fullmatch(value)
    if plain is not None:
        y, m, d = (int(g) if g else None for g in plain.groups())
        if m is None:
            return True
        if 1 <= m <= 12:  # (21–24 and the other level-2 codes go to the grammar)
            return d is None or 1 <= d <= calendar.monthrange(y, m)[1]
        if m == 0:
            return False
    try:
        parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError):
        return False
    return True


def checked(value: str | None) -> str | None:
    """``value`` if it is valid EDTF, else None (never lets an invalid string through)."""
    if value is None:
        return None
    return value if is_valid(value) else None


def year(y: int) -> str | None:
    return checked(f"{y:04d}")


def month(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return checked(f"{y:04d}-{m:02d}")


def day(y: int, m: int, d: int) -> str | None:
    if not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return checked(f"{y:04d}-{m:02d}-{d:02d}")


def season(y: int, name: str) -> str | None:
    code = SEASON_CODES.get(name.lower())
    return checked(f"{y:04d}-{code}") if code else None


def decade(first_year: int) -> str | None:
    """The 1920s as ``192X``."""
    return checked(f"{first_year // 10:03d}X")


def interval(start: str | None, end: str | None) -> str | None:
    """``start/end``; an open side is written ``..``; None if both are unknown."""
    if start is None and end is None:
        return None
    if start is not None and start == end:
        return start
    return checked(f"{start or '..'}/{end or '..'}")


def until(end: str | None) -> str | None:
    """An open-start interval ending at ``end`` (a state that lasted until then)."""
    return interval(None, end)


def year_of(value: str | None, *, last: bool = False) -> int | None:
    """The first (with ``last``, the final) year written in an EDTF value, or None.

    The years as written: "1937-24" (winter 1937) is 1937 though its bounds reach into 1938,
    and "193X" has none. For the days a value may mean, see ``edtf_range`` and ``may_overlap``.
    """
    if not value:
        return None
    found = _YEAR.findall(value)
    if not found:
        return None
    return int(found[-1] if last else found[0])


def as_day(value: str | None) -> date | None:
    """A ``date`` for a full-day EDTF value (``1937-06-12``), else None."""
    if not value:
        return None
    m = _PLAIN.fullmatch(value)
    if not m or m.group(3) is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def last_day(value: str | None) -> date | None:
    """The last full day of a day value or of an interval ending in one."""
    if not value:
        return None
    return as_day(value.split("/")[-1])


def shift_days(value: str | None, days: int) -> str | None:
    """The day ``days`` after (or before) a full-day value; None for coarser values."""
    d = last_day(value)
    if d is None:
        return None
    shifted = d + timedelta(days=days)
    return day(shifted.year, shifted.month, shifted.day)


def next_day(value: str | None) -> str | None:
    return shift_days(value, 1)


def shift_years(value: str | None, years: int) -> str | None:
    y = year_of(value)
    return year(y + years) if y is not None else None


# --- Calendar bounds ------------------------------------------------------------------------------

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


def ranges_overlap(a: DateRange, b: DateRange) -> bool:
    """Whether two ranges share a day; an open end reaches as far as it can."""
    return ((a.start or date.min) <= (b.end or date.max)
            and (b.start or date.min) <= (a.end or date.max))


def may_overlap(a: str | None, b: str | None) -> bool:
    """Whether two EDTF values may mean a common day (an unreadable one only itself)."""
    ra, rb = edtf_range(a), edtf_range(b)
    if ra is None or rb is None:
        return a == b
    return ranges_overlap(ra, rb)


def may_fall_in(value: str | None, year: int) -> bool:
    """Whether an EDTF value may mean a day of ``year``; an undated or unreadable value may
    fall in any year ("1937-24", winter 1937, may fall in 1938; "193X" in 1937)."""
    bounds = edtf_range(value)
    if bounds is None:
        return True
    if not 1 <= year <= 9999:
        return False
    return ranges_overlap(bounds, DateRange(f"{year:04d}", date(year, 1, 1), date(year, 12, 31)))


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


__all__ = [
    "DateRange", "SEASON_CODES", "SEASON_MONTHS", "as_day", "checked", "data_date_span", "day",
    "decade", "edtf_range", "interval", "is_valid", "iso_or_none", "last_day", "may_fall_in",
    "may_overlap", "month", "next_day", "ranges_overlap", "season", "shift_days", "shift_years",
    "until", "year", "year_of"
]

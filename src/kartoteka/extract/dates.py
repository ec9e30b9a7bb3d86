"""EDTF values for extracted dates: building, validating and simple arithmetic.

Language-neutral: the English and Russian phrase layers (``extract/en/dates.py``, …) turn
words into the numbers these helpers take. Every string that leaves this module has been
parsed by the ``edtf`` package (Library of Congress EDTF); an invalid one is never returned.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

# EDTF level-1 season codes ("1937-21" is spring 1937).
SEASON_CODES: dict[str, int] = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}

_PLAIN = re.compile(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=4096)
def is_valid(value: str) -> bool:
    """True when ``value`` parses as EDTF."""
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


def year_of(value: str | None) -> int | None:
    """The (first) year a simple EDTF value falls in, or None."""
    if not value:
        return None
    m = re.search(r"-?\d{4}", value)
    return int(m.group(0)) if m else None


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


__all__ = [
    "SEASON_CODES", "as_day", "checked", "day", "decade", "interval", "is_valid", "last_day",
    "month", "next_day", "season", "shift_days", "shift_years", "until", "year", "year_of",
]

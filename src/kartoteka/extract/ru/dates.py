"""Russian date phrases to EDTF: every form the sources use, with the Old Style flagged.

    25 апреля 1937 г.      -> 1937-04-25       весной 1937 года     -> 1937-21
    21.08.1937, 16.08.37   -> 1937-08-21       в 1933-1934 гг.      -> 1933/1934
    в ноябре 1895          -> 1895-11          в 1930-х годах       -> 193X
    2 [14] января 1896     -> 1896-01-14 (the New Style in brackets wins)

Dates before the calendar change (14 February 1918) may be Old Style (Julian): unless the text
gives the New Style, ``old_style_possible`` is set. Every EDTF string is built and checked
by the shared helpers of ``kartoteka.dates`` (``edtf.parse_edtf``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from edtf.parser.grammar import level0Expression

from kartoteka import dates as edtf_dates
from kartoteka.extract.ru.lexicon import (
    CALENDAR_CHANGE,
    MONTH_FORMS,
    SEASONS,
    YEAR_WORDS,
    month_number,
)

MONTH = "(?:" + "|".join(MONTH_FORMS) + ")"
SEASON = "(?:" + "|".join(sorted(SEASONS, key=len, reverse=True)) + ")"
S = r"[\s\u00a0]"
DASH = r"[-‐–—]"
YW = rf"(?:{S}*{YEAR_WORDS})?"
FIRST_YEAR, LAST_YEAR = 1700, 2099


@dataclass(frozen=True)
class RuDate:
    """A date phrase found in a text: its span, its EDTF form and its calendar status."""

    start: int
    end: int
    edtf: str
    precision: str  # day | month | season | year | decade | interval
    old_style_possible: bool = False
    new_style_given: bool = False
    text: str = ""

    @property
    def first_day(self) -> dt.date:
        return _first_day(self.edtf)


def _first_day(edtf: str) -> dt.date:
    head = edtf.split("/")[0].replace("X", "0")
    if head in ("", ".."):
        return dt.date(FIRST_YEAR, 1, 1)
    parts = [int(p) for p in head.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 and parts[1] <= 12 else 1
    if len(parts) > 1 and parts[1] > 12:  # a season: spring starts in March, and so on
        month = {21: 3, 22: 6, 23: 9, 24: 12}.get(parts[1], 1)
    day = parts[2] if len(parts) > 2 else 1
    return dt.date(year, max(month, 1), max(day, 1))


_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@cache
def _level0(value: str) -> bool:
    try:
        level0Expression.parse_string(value, parse_all=True)
    except Exception:  # pyparsing's ParseException, raised through the edtf grammar
        return False
    return True


@cache
def _checked(value: str) -> str | None:
    """``value`` if ``edtf`` parses it, else None.

    Plain dates (most of what Memorial's lists hold) go through the library's level-0 grammar.
    That grammar accepts any four-digit year, so a plain date is checked as its year and as its
    month-day in a leap year (a few hundred parses in all, where one parse per date costs
    ~1 ms); the calendar itself is checked by ``datetime``. Every other form goes through the
    shared ``kartoteka.dates.checked`` (``edtf.parse_edtf``).
    """
    plain = _PLAIN.fullmatch(value)
    if plain and (plain.group(2) is None or int(plain.group(2)) <= 12):
        year, month, day = plain.groups()
        if month and day:
            try:
                dt.date(int(year), int(month), int(day))
            except ValueError:
                return None
        shape = f"2000-{month}-{day}" if day else f"2000-{month}" if month else value
        return value if _level0(shape) and _level0(year) else None
    return edtf_dates.checked(value)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return _checked(f"{year:04d}-{month:02d}-{day:02d}")


def _year(text: str) -> int | None:
    year = int(text)
    if len(text) == 2:  # "16.08.37": the sources' two-digit years are all of the 1900s
        year += 1900
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


# Each handler gets a match and returns (edtf, precision, new_style_given) or None.
Handler = Callable[[re.Match[str]], tuple[str, str, bool] | None]


def _old_new(m: re.Match[str]) -> tuple[str, str, bool] | None:
    """"2 [14] января 1896", "4 (16 февраля) 1893", "21 июня [3 июля] 1879"."""
    year = _year(m["y"])
    months = [month_number(x) for x in (m["m1"], m["m2"], m["m3"]) if x]
    if year is None or not months:
        return None
    d_old, d_new = int(m["d1"]), int(m["d2"])
    m_new = month_number(m["m2"] or m["m3"] or m["m1"])
    m_old = month_number(m["m1"] or m["m3"] or m["m2"])
    if m_new is None or m_old is None:
        return None
    if not m["m1"] and not m["m3"] and d_old > d_new:  # "20 (2 февраля)": Old Style in January
        m_old = m_new - 1 or 12
    new, old = _day(year, m_new, d_new), _day(year if m_old <= m_new else year - 1, m_old, d_old)
    if new is None or old is None:
        return None
    shift = (dt.date.fromisoformat(new) - dt.date.fromisoformat(old)).days
    if not 10 <= shift <= 13:  # not a Julian/Gregorian pair: "12 мая (16 мая по другим данным)"
        first = _day(year, m_old, d_old)
        return (first, "day", False) if first else None
    return new, "day", True


def _old_new_years(m: re.Match[str]) -> tuple[str, str, bool] | None:
    """"30 декабря 1899 [11 января 1900]": both dates whole, the year changing between them."""
    y_old, y_new = _year(m["y1"]), _year(m["y2"])
    m_old, m_new = month_number(m["m1"]), month_number(m["m2"])
    if None in (y_old, y_new, m_old, m_new):
        return None
    old, new = _day(y_old, m_old, int(m["d1"])), _day(y_new, m_new, int(m["d2"]))  # type: ignore[arg-type]
    if old is None or new is None:
        return None
    if not 10 <= (dt.date.fromisoformat(new) - dt.date.fromisoformat(old)).days <= 13:
        return None
    return new, "day", True


def _day_month_year(m: re.Match[str]) -> tuple[str, str, bool] | None:
    year, month = _year(m["y"]), month_number(m["m"])
    if year is None or month is None:
        return None
    value = _day(year, month, int(m["d"]))
    return (value, "day", False) if value else None


def _numeric(m: re.Match[str]) -> tuple[str, str, bool] | None:
    year = _year(m["y"])
    if year is None:
        return None
    value = _day(year, int(m["m"]), int(m["d"]))
    return (value, "day", False) if value else None


def _month_year(m: re.Match[str]) -> tuple[str, str, bool] | None:
    year, month = _year(m["y"]), month_number(m["m"])
    if year is None or month is None:
        return None
    value = _checked(f"{year:04d}-{month:02d}") if 1 <= month <= 12 else None
    return (value, "month", False) if value else None


def _season(m: re.Match[str]) -> tuple[str, str, bool] | None:
    year = _year(m["y"])
    if year is None:
        return None
    value = _checked(f"{year:04d}-{SEASONS[m['s'].lower()]}")
    return (value, "season", False) if value else None


def _year_range(m: re.Match[str]) -> tuple[str, str, bool] | None:
    first, last = _year(m["y1"]), _year(m["y2"])
    if first is None or last is None or last < first:
        return None
    value = _checked(f"{first:04d}/{last:04d}") if first != last else _checked(f"{first:04d}")
    return (value, "interval", False) if value else None


def _decade_range(m: re.Match[str]) -> tuple[str, str, bool] | None:
    return f"{m['a']}X/{m['b']}X", "interval", False


def _decade(m: re.Match[str]) -> tuple[str, str, bool] | None:
    value = edtf_dates.decade(int(m["a"]) * 10)
    return (value, "decade", False) if value else None


def _plain_year(m: re.Match[str]) -> tuple[str, str, bool] | None:
    year = _year(m["y"])
    if year is None:
        return None
    value = _checked(f"{year:04d}")
    return (value, "year", False) if value else None


PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(rf"(?<!\d)(?P<d1>\d{{1,2}}){S}+(?P<m1>{MONTH}){S}+(?P<y1>\d{{4}}){YW}{S}*[\[(]{S}*"
                rf"(?P<d2>\d{{1,2}}){S}+(?P<m2>{MONTH}){S}+(?P<y2>\d{{4}}){YW}{S}*[\])]", re.I),
     _old_new_years),
    (re.compile(rf"(?<!\d)(?P<d1>\d{{1,2}}){S}*(?:(?P<m1>{MONTH}){S}*)?[\[(]{S}*(?P<d2>\d{{1,2}})"
                rf"{S}*(?:(?P<m2>{MONTH}){S}*)?[\])]{S}*(?:(?P<m3>{MONTH}){S}+)?(?P<y>\d{{4}})(?!\d){YW}",
                re.I), _old_new),
    (re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){S}+(?P<m>{MONTH}){S}+(?P<y>\d{{4}})(?!\d){YW}", re.I),
     _day_month_year),
    (re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?![\d])"
                rf"(?:{S}*г\.)?"), _numeric),
    (re.compile(rf"(?<!\w)(?P<m>{MONTH}){S}+(?P<y>\d{{4}})(?!\d){YW}", re.I), _month_year),
    (re.compile(rf"(?<!\w)(?P<s>{SEASON}){S}+(?P<y>\d{{4}})(?!\d){YW}", re.I), _season),
    (re.compile(rf"(?<!\d)(?P<a>\d{{3}})0(?:-х)?{S}*{DASH}{S}*(?P<b>\d{{3}})0-(?:х|е|ые|ых){YW}"),
     _decade_range),
    (re.compile(rf"(?<![\d.№])(?P<y1>\d{{4}}){S}*{DASH}{S}*(?P<y2>\d{{4}})(?![\d-]){YW}"),
     _year_range),
    (re.compile(rf"(?<!\d)(?P<a>\d{{3}})0-(?:х|е|ые|ых){YW}"), _decade),
    (re.compile(rf"(?<![\d.№/])(?P<y>\d{{4}})(?![\d])(?!-?(?:й|го|м|я)\b){YW}"), _plain_year),
    # the ordinal year after "в", its noun left out or not: "арестован в 1938-м", "в 1938-м
    # году" (an ordinal alone, "1938-й", may count something else: only after "в")
    (re.compile(rf"(?:(?<=^[вВ] )|(?<=[^\w-][вВ] ))(?P<y>\d{{4}})-(?:м|ом)(?![\w-]){YW}"),
     _plain_year),
]


def _candidates(text: str) -> Iterator[RuDate]:
    for pattern, handler in PATTERNS:
        for m in pattern.finditer(text):
            if pattern is PATTERNS[-1][0] and re.search(r"№\s*$", text[max(0, m.start() - 3):
                                                                         m.start()]):
                continue
            found = handler(m)
            if found is None:
                continue
            value, precision, new_given = found
            if _checked(value) is None:
                continue
            end = m.end()
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            yield RuDate(m.start(), end, value, precision, False, new_given, text[m.start():end])


def _with_calendar(date: RuDate) -> RuDate:
    if date.new_style_given:
        return date
    possible = date.first_day < dt.date(*CALENDAR_CHANGE)
    return RuDate(date.start, date.end, date.edtf, date.precision, possible, False, date.text)


@cache
def _find_dates_cached(text: str) -> tuple[RuDate, ...]:
    chosen: list[RuDate] = []
    # earliest start first; at one start the longest phrase; pattern order breaks ties
    for cand in sorted(_candidates(text), key=lambda d: (d.start, -(d.end - d.start))):
        if any(cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
    return tuple(_with_calendar(d) for d in sorted(chosen, key=lambda d: d.start))


def find_dates(text: str) -> list[RuDate]:
    """Every date phrase of ``text``, in order, none overlapping."""
    return list(_find_dates_cached(text)) if len(text) < 2000 else list(
        _find_dates_cached.__wrapped__(text))


def parse_date(text: str) -> RuDate | None:
    """The first date phrase of ``text``, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def join_range(text: str, first: RuDate, second: RuDate) -> str | None:
    """EDTF interval of two dates joined by a dash only ("9 июня 1932 — 16 августа 1937")."""
    if not re.fullmatch(rf"{S}*{DASH}{S}*", text[first.end:second.start]):
        return None
    if "/" in first.edtf or "/" in second.edtf:
        return None
    return _checked(f"{first.edtf}/{second.edtf}")


def month_day_without_year(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, month, day) of "29 мая"-style phrases that give no year."""
    for m in re.finditer(rf"(?<!\d)(\d{{1,2}}){S}+({MONTH})(?!{S}*(?:\d|\[|\())", text, re.I):
        month = month_number(m[2])
        if month:
            yield m.start(), m.end(), month, int(m[1])


# Words before a date that bound or soften it: "не был арестован до 1938 года" denies an arrest
# before 1938, not one in 1938.
_BEFORE = re.compile(rf"(?:(?<![\w-])(?:до|к|не{S}+позднее|не{S}+позже)(?:{S}+(?:конц[ау]|"
                     rf"середин[еыу]|начал[ау]))?){S}+$", re.I)
_AFTER = re.compile(rf"(?<![\w-])(?:после|не{S}+ранее|не{S}+раньше){S}+$", re.I)
_ABOUT = re.compile(rf"(?<![\w-])(?:около|примерно|приблизительно|ориентировочно)"
                    rf"(?:{S}+в)?{S}+$", re.I)


def qualified_edtf(text: str, date: RuDate) -> str:
    """``date``'s EDTF as the words before it bound it: "до 1938" -> ../1938, "после 1938" ->
    1938/.., "около 1938" -> 1938~, "1938?" -> 1938? (an interval or a season stays as it is)."""
    if "/" in date.edtf:
        return date.edtf
    if re.match(r"[ \t]?\?", text[date.end:date.end + 2]) and not date.edtf.endswith("?"):
        return edtf_dates.checked(f"{date.edtf}?") or date.edtf  # "1938?": uncertain
    before = text[max(0, date.start - 40):date.start]
    if _BEFORE.search(before):
        value = edtf_dates.checked(f"../{date.edtf}")
    elif _AFTER.search(before):
        value = edtf_dates.checked(f"{date.edtf}/..")
    elif _ABOUT.search(before):
        value = edtf_dates.checked(f"{date.edtf}~")
    else:
        return date.edtf
    return value or date.edtf


def inside_brackets(text: str, a: int, b: int) -> bool:
    """True when position ``a`` sits inside brackets that close before ``b``."""
    depth = 0
    for ch in text[a:b]:
        if ch == ")":
            if depth == 0:
                return True
            depth -= 1
        elif ch == "(":
            depth += 1
    return False


def about_before(text: str, position: int) -> bool:
    """True when "около", "примерно" … stand right before ``position`` ("около 1890 — 1938")."""
    return bool(_ABOUT.search(text[max(0, position - 40):position]))

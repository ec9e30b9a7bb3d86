"""English date phrases: find them in a text and turn them into EDTF.

Two layers. ``find_dates`` scans the whole text once with regular expressions and returns
``DateMention``s: absolute expressions carry their EDTF value; anaphoric ones ("that summer",
"the next day", "immediately afterwards") carry what they are relative to. ``DiscourseDates``
then resolves them in reading order against what the text has said so far (the last year
named, the last full day named, the date of the previous event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kartoteka import dates as edtf

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
SEASONS: dict[str, str] = {"spring": "spring", "summer": "summer", "autumn": "autumn",
                           "fall": "autumn", "winter": "winter"}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0,
}
# Words just before a date that bound the event rather than date it.
BOUND_WORDS: dict[str, str] = {
    "until": "until", "till": "until", "to": "until", "from": "from", "since": "from",
    "before": "before", "after": "after", "by": "by",
}

_MONTH = (r"(?P<{n}>(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>1[6-9]\d\d|20\d\d)(?!\d)"
_DASH = r"\s*[-–—]\s*"


def _m(n: str) -> str:
    return _MONTH.format(n=n)


def _d(n: str) -> str:
    return _DAY.format(n=n)


def _y(n: str) -> str:
    return _YEAR.format(n=n)


_FULL_MDY = rf"{_m('m{k}')}\s+{_d('d{k}')},?\s+{_y('y{k}')}"
_FULL_DMY = rf"{_d('d{k}')}\s+(?:of\s+)?{_m('m{k}')},?\s+{_y('y{k}')}"
_MONTH_YEAR = rf"{_m('m{k}')},?\s+(?:of\s+)?{_y('y{k}')}"


def _point(k: str) -> str:
    """Any absolute point (day, month or year); group names carry ``k`` and a variant letter."""
    return (rf"(?:{_FULL_MDY.replace('{k}', k + 'a')}|{_FULL_DMY.replace('{k}', k + 'b')}|"
            rf"{_MONTH_YEAR.replace('{k}', k + 'c')}|{_y('y' + k + 'd')})")


# Ordered: earlier patterns win over later ones that start at the same place.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"\b(?:[Ff]rom|[Bb]etween)\s+{_point('1')}\s+(?:to|until|till|and)"
                         rf"\s+{_point('2')}")),
    ("range", re.compile(rf"\b{_point('1')}{_DASH}{_point('2')}")),
    # "from February to June 1938", "May–June 1937": the two months share the last's year
    # (Quirk et al. §9.43, *from … to*)
    ("month_range", re.compile(rf"\b(?:[Ff]rom\s+)?{_m('m1')}\s*(?:to|until|till|through|[-–—])"
                               rf"\s*{_m('m2')},?\s+{_y('y')}")),
    ("month_range", re.compile(rf"\b[Bb]etween\s+{_m('m1')}\s+and\s+{_m('m2')},?\s+{_y('y')}")),
    ("day_range_mdy", re.compile(rf"\b{_m('m')}\s+{_d('d1')}{_DASH}{_d('d2')},?\s+{_y('y')}")),
    ("day_range_dmy", re.compile(rf"\b{_d('d1')}{_DASH}{_d('d2')}\s+{_m('m')},?\s+{_y('y')}")),
    ("mdy", re.compile(rf"\b{_FULL_MDY.replace('{k}', '')}")),
    ("dmy", re.compile(rf"\b{_FULL_DMY.replace('{k}', '')}")),
    ("season_year", re.compile(r"\b(?:(?:the|early|late)\s+)*(?P<s>spring|summer|autumn|fall|"
                               rf"winter)\s+(?:of\s+)?{_y('y')}", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH_YEAR.replace('{k}', '')}")),
    ("year_range", re.compile(rf"\b{_y('y1')}{_DASH}(?P<y2>\d{{2}}|\d{{4}})(?!\d)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<y>1[6-9]\d0)['’]?s\b")),
    ("year", re.compile(rf"\b{_y('y')}")),
    ("mdy_noyear", re.compile(rf"\b{_m('m')}\s+{_d('d')}\b(?!,?\s*\d)")),
    ("dmy_noyear", re.compile(rf"\b{_d('d')}\s+(?:of\s+)?{_m('m')}(?!,?\s*(?:of\s+)?\d)")),
    ("month_alone", re.compile(r"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince|[Ee]arly|[Ll]ate)"
                               r"\s+(?:early\s+|late\s+|mid-)?(?P<m>January|February|March|"
                               r"April|June|July|August|September|October|November|December)"
                               r"\b(?!\s+\d)")),
    ("season_that", re.compile(r"\b(?:that|the same|this)\s+(?P<s>spring|summer|autumn|fall|"
                               r"winter)\b", re.I)),
    ("year_that", re.compile(r"\b(?:later\s+)?(?:that|the same)\s+year\b", re.I)),
    ("year_next", re.compile(r"\b(?:the\s+)?(?:following|next)\s+year\b|\ba\s+year\s+later\b",
                             re.I)),
    ("day_next", re.compile(r"\b(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)"
                            r"\b", re.I)),
    ("day_same", re.compile(r"\b(?:on\s+)?the\s+same\s+day\b", re.I)),
    ("days_later", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
                              r"\s+days?\s+later\b", re.I)),
    ("afterwards", re.compile(r"\b(?:immediately|soon|shortly|right)\s+(?:afterwards?|"
                              r"thereafter|after\s+that|after)\b(?!\s+(?:the|his|her|their|a)\b)",
                              re.I)),
]
ABSOLUTE_KINDS = {"range", "month_range", "day_range_mdy", "day_range_dmy", "mdy", "dmy",
                  "season_year", "month_year", "year_range", "decade", "year"}


@dataclass(frozen=True)
class DateMention:
    """A date phrase at [start, end) of the text."""

    start: int
    end: int
    text: str
    kind: str  # a key of PATTERNS
    value: str | None = None  # EDTF, for absolute kinds
    bound: str | None = None  # "until", "from", … when the word before bounds the event
    parts: dict[str, int | str] = field(default_factory=dict)  # month/day/season/n for anaphors

    @property
    def absolute(self) -> bool:
        return self.kind in ABSOLUTE_KINDS


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _point_value(g: dict[str, str | None], k: str) -> str | None:
    if g.get(f"y{k}d"):
        return edtf.year(int(g[f"y{k}d"] or 0))
    for variant in "abc":
        y = g.get(f"y{k}{variant}")
        if not y:
            continue
        m = _month(g.get(f"m{k}{variant}"))
        d = g.get(f"d{k}{variant}")
        if m and d:
            return edtf.day(int(y), m, int(d))
        if m:
            return edtf.month(int(y), m)
    return None


def _value(kind: str, g: dict[str, str | None]) -> str | None:
    """EDTF of an absolute match."""
    if kind == "range":
        return edtf.interval(_point_value(g, "1"), _point_value(g, "2"))
    if kind == "month_range":
        y = int(g["y"] or 0)
        return edtf.interval(edtf.month(y, _month(g["m1"]) or 0),
                             edtf.month(y, _month(g["m2"]) or 0))
    if kind in ("day_range_mdy", "day_range_dmy"):
        y, m = int(g["y"] or 0), _month(g["m"]) or 0
        return edtf.interval(edtf.day(y, m, int(g["d1"] or 0)), edtf.day(y, m, int(g["d2"] or 0)))
    if kind in ("mdy", "dmy"):
        return edtf.day(int(g["y"] or 0), _month(g["m"]) or 0, int(g["d"] or 0))
    if kind == "season_year":
        return edtf.season(int(g["y"] or 0), SEASONS[(g["s"] or "").lower()])
    if kind == "month_year":
        return edtf.month(int(g["y"] or 0), _month(g["m"]) or 0)
    if kind == "year_range":
        y1, tail = g["y1"] or "", g["y2"] or ""
        y2 = int(y1[:2] + tail) if len(tail) == 2 else int(tail)
        return edtf.interval(edtf.year(int(y1)), edtf.year(y2)) if y2 > int(y1) else None
    if kind == "decade":
        return edtf.decade(int(g["y"] or 0))
    if kind == "year":
        return edtf.year(int(g["y"] or 0))
    return None


def _parts(kind: str, g: dict[str, str | None]) -> dict[str, int | str]:
    parts: dict[str, int | str] = {}
    if g.get("m") and kind in ("mdy_noyear", "dmy_noyear", "month_alone"):
        parts["month"] = _month(g["m"]) or 0
    if g.get("d") and kind in ("mdy_noyear", "dmy_noyear"):
        parts["day"] = int(g["d"] or 0)
    if g.get("s"):
        parts["season"] = SEASONS[(g["s"] or "").lower()]
    if g.get("n"):
        n = g["n"] or ""
        parts["n"] = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0)
    return parts


_BRACKETED = re.compile(r"\[[^\]\n]{0,80}\]")
# A bracket between a day-month and its year: "12 May (16 May according to Conquest) 1937".
_INNER_BRACKET = re.compile(r"(?<=[A-Za-z])\s*\([^()\n]{0,80}\)(?=\s*(?:1[6-9]|20)\d\d\b)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _mask_brackets(text: str) -> str:
    """Blank out "[O.S. 13 November 1889]" and the like, keeping offsets."""
    blank = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)
    return _INNER_BRACKET.sub(lambda m: " " * len(m.group(0)), blank)


def find_dates(text: str) -> list[DateMention]:
    """Every date phrase of ``text``, in order, without overlaps (earlier patterns win)."""
    masked = _mask_brackets(text)
    taken: list[DateMention] = []
    occupied = bytearray(len(text) + 1)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(masked):
            s, e = m.start(), m.end()
            if any(occupied[s:e]):
                continue
            g = m.groupdict()
            value = _value(kind, g) if kind in ABSOLUTE_KINDS else None
            if kind in ABSOLUTE_KINDS and value is None:
                continue
            if kind in ("mdy_noyear", "dmy_noyear") and not 1 <= int(g["d"] or 0) <= 31:
                continue
            before = _WORD_BEFORE.search(masked[max(0, s - 12):s])
            bound = BOUND_WORDS.get(before.group(1).lower()) if before else None
            if kind in ("range", "year_range", "month_range"):
                bound = None
            first = m.group(0).split()[0].lower()
            if first in BOUND_WORDS and kind == "month_alone":
                bound = BOUND_WORDS[first]
            taken.append(DateMention(s, e, text[s:e], kind, value, bound, _parts(kind, g)))
            occupied[s:e] = b"\x01" * (e - s)
    return _shared_years(sorted(taken, key=lambda d: d.start), masked)


# Between two coordinated dates the year of the last is the year of both: "in August or on 19
# December 1896", "in May and June 1937" (nothing but a coordinator between them; "or" may
# repeat the preposition, "and" may not: "in March and in June 1960 she came back" coordinates
# clauses). The last must name a month: "in March and in 1960 …" starts a clause.
_COORDINATED = re.compile(r"\s*,?\s*(?:or\s+(?:(?:on|in)\s+)?|and\s+)", re.IGNORECASE)
_WITH_MONTH = re.compile(r"\d{4}-\d\d")


def _shared_years(dates: list[DateMention], text: str) -> list[DateMention]:
    """Give a date without its year the year of the date coordinated after it."""
    out = []
    for index, d in enumerate(dates):
        after = dates[index + 1] if index + 1 < len(dates) else None
        if d.kind in ("mdy_noyear", "dmy_noyear", "month_alone") and after is not None \
                and after.absolute and after.value and _WITH_MONTH.fullmatch(after.value[:7]) \
                and _COORDINATED.fullmatch(text, d.end, after.start):
            year = edtf.year_of(after.value)
            month, day = int(d.parts.get("month", 0)), int(d.parts.get("day", 0))
            if year is not None and month:
                value = edtf.day(year, month, day) if day else edtf.month(year, month)
                d = replace(d, kind="dmy" if day else "month_year", value=value)
        out.append(d)
    return out


@dataclass
class DiscourseDates:
    """What the text has dated so far, for resolving "that summer" or "the next day"."""

    last_year: int | None = None
    last_day: str | None = None
    last_event: str | None = None

    def observe(self, mention: DateMention, resolved: str | None = None) -> None:
        """Take note of a date phrase read (absolute ones move the discourse on)."""
        value = resolved or mention.value
        if value is None:
            return
        y = edtf.year_of(value.split("/")[-1] if "/" in value else value)
        if y is not None:
            self.last_year = y
        end = value.split("/")[-1]
        if edtf.as_day(end) is not None:
            self.last_day = end

    def resolve(self, mention: DateMention) -> str | None:
        """EDTF for ``mention`` given the discourse so far; None when it cannot be known."""
        if mention.absolute:
            return mention.value
        kind, parts, y = mention.kind, mention.parts, self.last_year
        if kind == "season_that":
            return edtf.season(y, str(parts["season"])) if y is not None else None
        if kind == "year_that":
            return edtf.year(y) if y is not None else None
        if kind == "year_next":
            return edtf.year(y + 1) if y is not None else None
        if kind in ("mdy_noyear", "dmy_noyear"):
            return edtf.day(y, int(parts["month"]), int(parts["day"])) if y is not None else None
        if kind == "month_alone":
            return edtf.month(y, int(parts["month"])) if y is not None else None
        if kind == "day_next":
            return edtf.next_day(self.last_day)
        if kind == "day_same":
            return self.last_day if self.last_day else self.last_event
        if kind == "days_later":
            n = int(parts.get("n", 0))
            return edtf.shift_days(self.last_day, n) if n else None
        if kind == "afterwards":
            return self.last_event
        return None


# Marks of birth and death inside a lifespan bracket (the abbreviations of biographical
# dictionaries: "b.", "d.", "*", "†", and the words they stand for).
_BIRTH_MARKS = frozenset({"*", "b.", "born", "b"})
_LIFE_MARK = re.compile(r"(?:(?<=^)|(?<=[\s;,(]))(\*|†|b\.|d\.|born|died|executed|shot|killed|"
                        r"perished|murdered)(?=[\s\d]|$)", re.IGNORECASE)


def lifespan_dates(paren_text: str) -> tuple[str | None, str | None]:
    """(birth, death) from the inside of a lifespan bracket, or (None, None).

    "7 February 1898 – 4 February 1940", "April 10, 1898 in X - March 7, 1939 in Y",
    "1894 – August 29, 1938", "* January 1893 in Lviv ; † 14 August 1937 in Moscow".
    A lone date after a dash is a death; a lone date without one tells nothing.
    """
    found = [d for d in find_dates(paren_text) if d.absolute]
    if not found:
        return None, None
    birth = death = None
    prev_end = 0
    for d in found:
        # The mark may stand a few words before its date: "d. in a camp 1942", "born in X 1890".
        segment = paren_text[prev_end:d.start]
        prev_end = d.end
        mark = _LIFE_MARK.findall(segment)
        if not mark:
            continue
        lo, _, hi = (d.value or "").partition("/") if d.kind in ("range", "year_range") \
            else (d.value, "", d.value)
        if mark[-1].lower() in _BIRTH_MARKS:
            birth = lo or None  # "born …; 1895 – 1973": the range's start
        else:
            death = hi or None
    if birth and death:
        return birth, death
    # An unmarked date keeps its place in the range: "born X; 1 April 1883 - 1940" has a
    # marked birth and a death after the dash.
    lo, hi = _by_dash(found, paren_text)
    return birth or (lo if lo != death else None), death or (hi if hi != birth else None)


def _by_dash(found: list[DateMention], paren_text: str) -> tuple[str | None, str | None]:
    """(birth, death) of an unmarked range: "1893 – 1938", "1894 – August 29, 1938"."""
    if len(found) == 1 and found[0].kind in ("range", "year_range"):
        lo, _, hi = (found[0].value or "").partition("/")
        return (lo or None), (hi or None)
    dash = re.compile(r"[-–—]")
    for a, b in zip(found, found[1:], strict=False):
        if dash.search(paren_text[a.end:b.start]):
            return a.value, b.value
    only = found[-1]
    if dash.search(paren_text[:only.start]) and not dash.search(paren_text[only.end:]):
        return None, only.value
    return None, None


__all__ = ["DateMention", "DiscourseDates", "find_dates", "lifespan_dates", "MONTHS", "SEASONS"]

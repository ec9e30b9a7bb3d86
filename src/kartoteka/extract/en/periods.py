"""Named periods of Soviet and European history that English texts date events by.

Years as the standard reference works give them (Oxford Dictionary of Twentieth Century World
History; Conquest, *The Great Terror*, for the purge of 1936–38). Used only as a consistency
check: an event told "before World War I" or "during the Great Purge" cannot take a date from
another telling that lies outside the period.
"""

from __future__ import annotations

import re

PERIODS: dict[str, tuple[int, int]] = {
    "first world war": (1914, 1918), "world war i": (1914, 1918), "great war": (1914, 1918),
    "february revolution": (1917, 1917), "october revolution": (1917, 1917),
    "russian revolution": (1917, 1917), "civil war": (1917, 1922),
    "new economic policy": (1921, 1928), "collectivization": (1929, 1933),
    "collectivisation": (1929, 1933), "great purge": (1936, 1938), "great terror": (1936, 1938),
    "yezhovshchina": (1936, 1938), "ezhovshchina": (1936, 1938),
    "second world war": (1939, 1945), "world war ii": (1939, 1945),
    "great patriotic war": (1941, 1945), "thaw": (1953, 1964),
}
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(PERIODS, key=len,
                                                                       reverse=True)) + r")\b")


_BOUND_BEFORE = re.compile(r"\b(before|until|till|after|since)\s+(?:the\s+)?$")


def periods_in(text: str) -> list[tuple[int, int]]:
    """The year spans the named periods of ``text`` allow: "during the Great Purge" 1936–38,
    "before World War I" up to 1918, "after the Civil War" from 1917 (0 and 9999: open)."""
    low = text.lower()
    out: list[tuple[int, int]] = []
    for m in _PATTERN.finditer(low):
        lo, hi = PERIODS[m.group(1)]
        bound = _BOUND_BEFORE.search(low[max(0, m.start() - 12):m.start()])
        word = bound.group(1) if bound else None
        if word in ("before", "until", "till"):
            lo = 0
        elif word in ("after", "since"):
            hi = 9999
        out.append((lo, hi))
    return out


__all__ = ["PERIODS", "periods_in"]

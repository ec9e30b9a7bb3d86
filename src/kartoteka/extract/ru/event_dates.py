"""Dates a Russian fate claim takes from the rest of its document when its clause gives none:
one event told twice (event coreference), as in English (``extract/en/event_dates.py``; the rule
itself is ``extract/retold.py``).

An article dates a death in its life span ("(1900, Одесса — 19 августа 1945, Дайрен)") and tells
it again undated ("был убит японцами", "расстрелян"): a person dies once, so the undated death,
execution or suicide takes the date when every dated telling agrees. An arrest, a defection, an
escape, a release takes one only when the document dates one such event of the person. A
telling whose sentence names years of its own that disagree is another event and takes nothing.
The inferred date is marked ``attrs["date_inferred"] = "same_event"``.
"""

from __future__ import annotations

from kartoteka import dates as edtf
from kartoteka.extract.retold import date_retold
from kartoteka.extract.ru.dates import find_dates
from kartoteka.model import Claim, Mention


def _years(value: str) -> tuple[int, int] | None:
    r = edtf.edtf_range(value)
    if r is None or r.start is None or r.end is None:
        return None
    return r.start.year, r.end.year


def _fits_sentence(value: str, sentence: str) -> bool:
    """Whether ``value`` agrees with the years the sentence itself names."""
    spans = [y for d in find_dates(sentence) if (y := _years(d.edtf)) is not None]
    own = _years(value)
    if not spans or own is None:
        return True
    return any(own[0] <= hi + 1 and lo - 1 <= own[1] for lo, hi in spans)


def date_retold_events(claims: list[Claim], mentions: list[Mention], text: str) -> None:
    """Give each undated fate claim the date its event has elsewhere in the document (in place)."""
    date_retold(claims, mentions, text, _fits_sentence)


__all__ = ["date_retold_events"]

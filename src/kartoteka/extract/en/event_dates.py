"""Dates a fate claim takes from the rest of its document when its own clause gives none.

One construction, event coreference: a text tells one event several times, dating it once.
An encyclopedic article dates a death in the lifespan bracket ("(1893 – 15 March 1938)") and
then tells it undated ("he was found guilty and shot", "until his death", "Kirov's
assassination"); it dates an arrest in its narrative and recalls it in its summary ("he was
arrested during the Great Purge and died in prison").

- A person dies once: an undated death, execution or suicide is the death that the document
  dates for that person, provided every date it gives for the death agrees (one interval
  contains the other); the narrowest is taken.
- An event a temporal preposition bounds ("after Kork's arrest", ``../1937-06``) takes the
  date when it lies within the bound.
- An arrest, a defection, an escape, a release can happen more than once: an undated one takes
  the date only when the document dates one event of that type for the person (all its dates
  nest: "in 1937", "on 12 May 1937"); two arrests, in 1915 and in 1937, leave it undated.

A telling whose sentence names years or a period of its own ("arrested and imprisoned until
October 1917", "before World War I", "during the Great Purge": periods.py) takes no date
outside them: it is another event of the kind.

The inferred date is marked (``attrs["date_inferred"]`` names the rule, ``date_source_at``
where the dated telling is), so a historian sees that the sentence itself does not date it.
Claims are about mentions; two mentions are one person here when their surname keys are
equal and their given names do not conflict ("Kork" and "August Kork", not Lev and Sergey
Kamenev), the same test the within-document resolver starts from.
"""

from __future__ import annotations

from kartoteka import dates as edtf
from kartoteka.extract.en.dates import find_dates
from kartoteka.extract.en.periods import periods_in
from kartoteka.extract.retold import ONCE, REPEATABLE, date_retold
from kartoteka.model import Claim, Mention


def _years(value: str) -> tuple[int, int] | None:
    r = edtf.edtf_range(value)
    if r is None or (r.start is None and r.end is None):
        return None
    lo, hi = r.start or r.end, r.end or r.start
    assert lo is not None and hi is not None
    return lo.year, hi.year


def _fits_sentence(value: str, sentence: str) -> bool:
    """Whether ``value`` agrees with the years and named periods the sentence itself mentions
    ("arrested and imprisoned until October 1917", "before World War I": not a 1936 arrest)."""
    spans: list[tuple[int, int]] = []
    for d in find_dates(sentence):
        years = _years(d.value) if d.absolute and d.value else None
        if years is None:
            continue
        if d.bound in ("from", "after"):
            years = (years[0], 9999)  # "from 1921 until his death": 1921 or later
        elif d.bound in ("until", "before", "by"):
            years = (0, years[1])
        spans.append(years)
    spans += periods_in(sentence)
    own = _years(value)
    if not spans or own is None:
        return True
    return any(own[0] <= hi + 1 and lo - 1 <= own[1] for lo, hi in spans)


def date_retold_events(claims: list[Claim], mentions: list[Mention], text: str = "") -> None:
    """Give each undated fate claim the date its event has elsewhere in the document (in place)."""
    date_retold(claims, mentions, text, _fits_sentence)


__all__ = ["ONCE", "REPEATABLE", "date_retold_events"]

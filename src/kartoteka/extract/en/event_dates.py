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
from kartoteka.model import Claim, Mention
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import parse_person_name
from kartoteka.names.similarity import given_compatible

ONCE = frozenset({"death", "execution", "suicide"})  # one death a person
REPEATABLE = frozenset({"arrest", "defection", "escape", "release", "rehabilitation"})


def _key(m: Mention) -> str | None:
    if m.kind != "person" or not m.name:
        return None
    return str(m.attrs.get("alias_root") or surname_key(m.name.split()[-1]))


def _given(m: Mention) -> str | None:
    return parse_person_name(m.name).given if m.name and len(m.name.split()) > 1 else None


def _same_person(a: Mention, b: Mention) -> bool:
    if a.id == b.id:
        return True
    ka, kb = _key(a), _key(b)
    return ka is not None and ka == kb and given_compatible(_given(a), _given(b)) is not False


def _told(c: Claim) -> bool:
    """A telling that can lend its date: affirmed, dated, not a report or a charge."""
    return c.polarity == "affirmed" and c.date is not None and ".." not in c.date \
        and "modality" not in c.attrs \
        and not c.hearsay and "date_inferred" not in c.attrs


def _agreed(values: list[str]) -> str | None:
    """The narrowest of ``values`` when all of them nest in one another, else None."""
    spans = []
    for v in dict.fromkeys(values):
        r = edtf.edtf_range(v)
        if r is None or r.start is None or r.end is None:
            return None  # an open interval bounds the event, it does not date it
        spans.append((v, r.start, r.end))
    for _, a0, a1 in spans:
        for _, b0, b1 in spans:
            if not ((a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)):
                return None
    return min(spans, key=lambda s: s[2] - s[1])[0]


def _within(value: str, bound: str) -> bool:
    """Whether ``value`` lies inside the open interval ``bound`` ("../1937-06")."""
    v, b = edtf.edtf_range(value), edtf.edtf_range(bound)
    if v is None or b is None or v.start is None or v.end is None:
        return False
    return (b.start is None or b.start <= v.start) and (b.end is None or v.end <= b.end)


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
    by_id = {m.id: m for m in mentions}
    for claim in claims:
        if (claim.date is not None and ".." not in claim.date) or claim.polarity != "affirmed" or \
                claim.type not in ONCE | REPEATABLE:
            continue
        subj = by_id.get(claim.subject)
        if subj is None or _key(subj) is None:
            continue
        family = ONCE if claim.type in ONCE else frozenset({claim.type})
        sources = [c for c in claims if c is not claim and c.type in family and _told(c)
                   and c.subject in by_id and _same_person(subj, by_id[c.subject])]
        values = [c.date for c in sources if c.date]
        if not values:
            continue
        value = _agreed(values)
        if value is None or (claim.date is not None and not _within(value, claim.date)):
            continue  # disagreeing tellings, or a date outside the bound the sentence sets
        span = claim.evidence[0] if claim.evidence else None
        if span is not None and text and not _fits_sentence(value, text[span.start:span.end]):
            continue  # another event of the kind, told with its own years or period
        source = next(c for c in sources if c.date == value)
        claim.date = value
        claim.attrs["date_inferred"] = "same_event"
        claim.attrs["date_source_at"] = source.evidence[0].start if source.evidence else None


__all__ = ["ONCE", "REPEATABLE", "date_retold_events"]

"""Event coreference inside one document, in every language: an undated fate claim takes the
date the document gives the same event elsewhere (a person dies once; an arrest, a defection,
an escape, a release only when the document dates one such event of that person).

The rules are documented where each language calls them (``extract/en/event_dates.py``,
``extract/ru/event_dates.py``); each language passes ``fits``, which says whether a date agrees
with the years and periods its sentence names (its own date grammar). Two mentions are one
person when their surname keys are equal and their given names do not conflict.
"""

from __future__ import annotations

from collections.abc import Callable

from kartoteka import dates as edtf
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


def date_retold(claims: list[Claim], mentions: list[Mention], text: str,
                fits: Callable[[str, str], bool]) -> None:
    """Give each undated fate claim the date its event has elsewhere in the document (in place);
    ``fits(value, sentence)`` rejects a date the claim's own sentence contradicts."""
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
        if span is not None and text and not fits(value, text[span.start:span.end]):
            continue  # another event of the kind, told with its own years or period
        source = next(c for c in sources if c.date == value)
        claim.date = value
        claim.attrs["date_inferred"] = "same_event"
        claim.attrs["date_source_at"] = source.evidence[0].start if source.evidence else None


__all__ = ["ONCE", "REPEATABLE", "date_retold"]

"""One event noun, a list of people, each with a date of their own (a gapped list).

"the defections of A in July 1937 and B in October 1937", "the arrests of A on 2 May, B on
9 May and C on 20 May": the plural event noun is shared, each name carries its own date (the
noun is left out before the second and later pairs: gapping, Quirk et al., *A Comprehensive
Grammar of the English Language*, 13.92). The parser often hangs the later names on the main
verb, so the list is read off the tokens: name, "in"/"on" + date, then "," or "and", again.

The claim the noun already gave (for its first name, classed by the modality gate) is copied
for every other name of the list with that name's date; the first name keeps its own date.
Nothing is made unless at least two names carry a date.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kartoteka.extract.en.context import DocContext
from kartoteka.extract.en.timeline import Timeline
from kartoteka.model import Claim, Mention

SEPARATORS = frozenset({",", "and"})
DATE_PREPS = frozenset({"in", "on"})


def _items(ctx: DocContext, timeline: Timeline, start: int, end: int
           ) -> list[tuple[Mention, str | None]]:
    """(person, date) pairs listed from token ``start`` up to ``end``."""
    doc = ctx.doc
    out: list[tuple[Mention, str | None]] = []
    k = start
    while k < end:
        m = ctx.at_token.get(k)
        if m is None or m.kind != "person" or not m.name:
            break
        k = ctx.token_range[m.id][1]
        value = None
        if k + 1 < end and doc[k].lower_ in DATE_PREPS and k + 1 in timeline.at_token:
            date = timeline.at_token[k + 1]
            value = timeline.value(date)
            k += 1
            while k < end and timeline.at_token.get(k) is date:
                k += 1
        out.append((m, value))
        seps = 0
        while k < end and doc[k].lower_ in SEPARATORS and seps < 2:
            k, seps = k + 1, seps + 1
        if seps == 0:
            break
    return out


def _noun_at(ctx: DocContext, claim: Claim) -> Token | None:
    at = claim.attrs.get("trigger_at")
    if not isinstance(at, int):
        return None
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def distribute_gapped(ctx: DocContext, timeline: Timeline, claims: list[Claim]) -> list[Claim]:
    """Claims for the later names of gapped lists (see the module doc); dates the first."""
    added: list[Claim] = []
    seen = {(c.type, c.subject, c.evidence[0].start): c for c in claims if c.evidence}
    for claim in claims:
        noun = _noun_at(ctx, claim)
        if noun is None or noun.tag_ != "NNS" or noun.i + 2 >= len(ctx.doc) or \
                ctx.doc[noun.i + 1].lower_ != "of":
            continue
        items = _items(ctx, timeline, noun.i + 2, noun.sent.end)
        if len(items) < 2 or sum(v is not None for _, v in items) < 2 or \
                items[0][0].id != claim.subject:
            continue
        if items[0][1] is not None:
            claim.date = items[0][1]
        for mention, value in items[1:]:
            key = (claim.type, mention.id, claim.evidence[0].start)
            if value is None:
                continue
            if key in seen:
                seen[key].date = value  # the parser found the name, not its date
                continue
            seen[key] = replace(claim, subject=mention.id, date=value,
                                attrs={**claim.attrs, "gapped": True})
            added.append(seen[key])
    return added


__all__ = ["distribute_gapped"]

"""One event noun, a list of people, each with a date of their own (a gapped list).

"the defections of A in July 1937 and B in October 1937", "the arrests of A on 2 May, B on
9 May and C on 20 May": the plural event noun is shared, each name carries its own date (the
noun is left out before the second and later pairs: gapping, Quirk et al., *A Comprehensive
Grammar of the English Language*, 13.92). The parser often hangs the later names on the main
verb, so the list is read off the tokens: name, "in"/"on" + date, then "," or "and", again.

The claim the noun already gave (for its first name, classed by the modality gate) is copied
for every other name of the list with that name's date; the first name keeps its own date.
Nothing is made unless at least two names carry a date.

A gapped clause after a fate verb ("X was arrested in 1937; his brother Y in 1938") is read
the same way: the remnant's person has the verb's claim with the remnant's own date.
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


def _remnant(ctx: DocContext, timeline: Timeline, verb: Token) -> tuple[Mention, str] | None:
    """The gapped clause after ``verb``'s: "X was arrested in 1937; his brother Y in 1938",
    "X was arrested in 1937, and Y in 1938" (Quirk et al. 13.92: the verb is left out, a
    subject and an adjunct remain). Read off the tokens: a separator, an optional possessive
    and lower-case nouns ("his brother"), a person's name, "in"/"on" and a date, then the
    sentence's end. The remnant's person and its date's value, or None."""
    doc = ctx.doc
    end = verb.sent.end
    while end > verb.i and doc[end - 1].is_punct and doc[end - 1].text != ";":
        end -= 1
    for k in range(verb.i + 1, end):
        if doc[k].text not in (";", ","):
            continue
        j = k + 1
        if j < end and doc[j].lower_ in ("and", "while", "whereas"):
            j += 1
        if j < end and doc[j].tag_ == "PRP$":
            j += 1
        while j < end and doc[j].pos_ == "NOUN" and doc[j].text[:1].islower() and \
                j not in ctx.at_token:
            j += 1
        m = ctx.at_token.get(j)
        if m is None or m.kind != "person" or not m.name:
            continue
        j = ctx.token_range[m.id][1]
        if j < end and doc[j].text in ("—", "–", "-"):
            j += 1  # "…, and Y — in 1938": the dash stands for the verb (a Russian calque)
        if j + 1 >= end or doc[j].lower_ not in DATE_PREPS or j + 1 not in timeline.at_token:
            continue
        date = timeline.at_token[j + 1]
        j += 1
        while j < end and timeline.at_token.get(j) is date:
            j += 1
        value = timeline.value(date)
        if j == end and value is not None:
            return m, value
    return None


def distribute_gapped(ctx: DocContext, timeline: Timeline, claims: list[Claim]) -> list[Claim]:
    """Claims for the later names of gapped lists (see the module doc); dates the first."""
    added: list[Claim] = []
    seen = {(c.type, c.subject, c.evidence[0].start): c for c in claims if c.evidence}
    for claim in list(claims):
        verb = _noun_at(ctx, claim)
        if verb is None or verb.pos_ not in ("VERB", "AUX") or not claim.evidence:
            continue
        found = _remnant(ctx, timeline, verb)
        if found is None or found[0].id == claim.subject:
            continue
        mention, value = found
        key = (claim.type, mention.id, claim.evidence[0].start)
        if key in seen:
            seen[key].date = value  # an apposition gave the remnant the first clause's date
            continue
        seen[key] = replace(claim, subject=mention.id, date=value,
                            attrs={**claim.attrs, "gapped": True})
        added.append(seen[key])
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

"""A fate heading over a list of lines: "The following were shot:" and one person a line.

Execution lists, memoirs and reports set out the victims of one fate as lines under a heading
that names the fate and ends open (a colon, or a verb awaiting its complement: "… who were
repressed were"). Every person named in the lines below, down to the first blank line or
running sentence, gets the heading's fate, dated by the heading, classed by its modality.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.claims import EventFinder
from kartoteka.extract.en.mood import classify
from kartoteka.extract.modality import gate
from kartoteka.model import Claim, Span

OPEN_ENDINGS = frozenset({"were", "are", "was", "include", "included", "includes", "following"})
LIST_FATES = frozenset({"execution", "arrest", "death", "expulsion", "sentence", "release",
                        "rehabilitation"})
MAX_ITEM = 200  # characters: a longer line is running text, not a list item
MIN_ITEMS = 2


def _heading_trigger(finder: EventFinder, tokens: list[Token]) -> tuple[Token, str] | None:
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if finder.idiom(tok, lemma):
            continue
        for spec in tr.VERB_TRIGGERS.get(lemma, ()):
            if spec.type in LIST_FATES and not spec.needs:
                return tok, spec.type
    return None


def _heading_date(finder: EventFinder, start: int, end: int) -> str | None:
    """The one date the heading line names ("In 1938 the officials who were shot were")."""
    tl = finder.timeline
    values = {tl.value(m) for m in tl.mentions if start <= m.start < end and m.absolute}
    values.discard(None)
    return values.pop() if len(values) == 1 else None


def list_claims(finder: EventFinder) -> list[Claim]:
    ctx = finder.ctx
    text, doc = ctx.document.text, ctx.doc
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+|\n(?=\n)", text)]
    by_char = {t.idx: t for t in doc}
    people = sorted((m for m in ctx.mentions if m.kind == "person" and m.name),
                    key=lambda m: m.start)
    out: list[Claim] = []
    for k, (s, e) in enumerate(lines):
        head = text[s:e].rstrip()
        words = head.split()
        if not words or not (head.endswith(":") or words[-1].lower() in OPEN_ENDINGS):
            continue
        tokens = [by_char[i] for i in range(s, e) if i in by_char]
        found = _heading_trigger(finder, tokens)
        if found is None:
            continue
        trigger, type_ = found
        items: list[tuple[int, int]] = []
        for ls, le in lines[k + 1:]:
            item = text[ls:le].strip()
            if not item and not items:
                continue  # a blank line between the heading and its list
            if not item or len(item) > MAX_ITEM or item.endswith((".", "!", "?")):
                break
            items.append((ls, le))
        if len(items) < MIN_ITEMS:
            continue
        modality = classify(trigger).modality
        date = finder.timeline.date_for(trigger) or _heading_date(finder, s, e)
        for ls, le in items:
            for m in (m for m in people if ls <= m.start < le):
                claim = gate(Claim(type=type_, subject=m.id, evidence=[Span(ls, le)],
                                   document_id=ctx.document.id, date=date, confidence=0.6,
                                   attrs={"from": "list", "trigger": trigger.text,
                                          "trigger_at": trigger.idx}), modality)
                if claim is not None:
                    out.append(claim)
    return out


__all__ = ["list_claims"]

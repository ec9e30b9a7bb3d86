"""A fate told of a list by a collective anaphor in the sentence after it.

Memoirs and reports set out people one a line (a post and a name, "People's Commissar of
Justice X") and then tell what befell them all in running text that points back at the list
with a plural anaphor (Quirk et al. §6.45, §12.8: demonstrative and personal pro-forms):

- "All these people were arrested and shot.", "All of them were shot.", "They were all shot."
- "These are only some of the officials who were killed." — the demonstrative subject of an
  identifying "be", whose complement's relative clause tells the fate.

The fate goes to every person named in the lines above, when the anaphor stands in one of the
first sentences of the paragraph right after the list (past that, "they" may be anyone). The
modality of the fate's own clause decides, as for any claim ("All of them were to be shot"
is a plan, nothing).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.claims import Draft, EventFinder, sentence_span
from kartoteka.extract.modality import Modality, gate
from kartoteka.model import Claim, Mention, Span

# Plural pro-forms that point back at a set (Quirk et al. §6.45: demonstratives; §6.11:
# personal pronouns), and the quantifiers that take the set as their of-object ("all of them",
# "some of the officials"; §5.23–5.26). "none" and "few" deny or hedge: left out.
PLURAL_ANAPHORS = frozenset({"they", "them", "these", "those"})
DEMONSTRATIVES = frozenset({"these", "those"})
SET_QUANTIFIERS = frozenset({"all", "some", "many", "most", "each", "both"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
COLLECTIVE_FATES = frozenset({"execution", "arrest", "death", "suicide", "sentence",
                              "expulsion", "release", "rehabilitation"})
MAX_ITEM = 200  # characters: a longer line is running text, not a list item
MIN_ITEMS = 2
SENTENCE_ENDS = (".", "!", "?", ":", "…", "”", '"', "»")  # running text or speech, not a list
# how far a demonstrative ("these") may stand from the list; "they" only in the first
SENTENCES_AFTER = 3


def _blocks(text: str, people: list[Mention]) -> list[tuple[list[Mention], int]]:
    """Runs of short lines, two or more naming someone: (the people, end of the run). A short
    line whose name was not recognised stays in the run."""
    out: list[tuple[list[Mention], int]] = []
    current: list[Mention] = []
    named_lines, end = 0, 0
    for m in re.finditer(r"[^\n]+|\n(?=\n)", text):  # lines, and each blank line once
        line = m.group().strip()
        if line and len(line) <= MAX_ITEM and not line.endswith(SENTENCE_ENDS):
            named = [p for p in people if m.start() <= p.start < m.end()]
            current.extend(named)
            named_lines += bool(named)
            end = m.end()
            continue
        if not line and not current:
            continue
        if named_lines >= MIN_ITEMS:
            out.append((current, end))
        current, named_lines = [], 0
    if named_lines >= MIN_ITEMS:
        out.append((current, end))
    return out


def _set_reference(tok: Token, personal: bool) -> bool:
    """Whether ``tok``, a fate's patient or agent, points back at a set just listed; a
    personal pronoun ("they") only when ``personal`` (the sentence right after the list)."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "the officials who were killed": the antecedent
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lower_ in SET_QUANTIFIERS:
        tok = tok.head.head  # "some of the officials", "all of them"
    if tok.lower_ in SET_QUANTIFIERS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if obj is not None and obj.lower_ in PLURAL_ANAPHORS:
            return personal or obj.lower_ in DEMONSTRATIVES  # "all of them were shot"
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lower_ in DEMONSTRATIVES  # "These are some of …"
    if tok.lower_ in PLURAL_ANAPHORS and tok.tag_ in ("PRP", "DT"):
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            personal or tok.lower_ in DEMONSTRATIVES)
    # "all these people", "these officials": a plural noun determined by a demonstrative
    return tok.tag_ == "NNS" and any(c.lower_ in DEMONSTRATIVES and c.dep_ == "det"
                                     for c in tok.children)


def _fate(finder: EventFinder, tok: Token, personal: bool) -> tuple[str, float] | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ != "VBN" or finder.idiom(tok, lemma):
        return None
    for spec in tr.VERB_TRIGGERS.get(lemma, ()):
        if spec.type not in COLLECTIVE_FATES or not finder.needs_met(tok, spec.needs):
            continue
        if any(_set_reference(a, personal) for a in finder.arguments(tok, spec.argument)):
            return spec.type, spec.confidence
    return None


def collective_claims(finder: EventFinder) -> list[Claim]:
    ctx = finder.ctx
    text, doc = ctx.document.text, ctx.doc
    people = sorted((m for m in ctx.mentions if m.kind == "person" and m.name),
                    key=lambda m: m.start)
    out: list[Claim] = []
    for listed, end in _blocks(text, people):
        # the parser may run the last line and the next sentence together: count from the list
        sents = [s for s in doc.sents if s.end_char > end and s.text.strip()]
        for k, sent in enumerate(sents[:SENTENCES_AFTER]):
            for tok in sent:
                if tok.idx < end:
                    continue
                found = _fate(finder, tok, personal=k == 0)
                if found is None:
                    continue
                draft = Draft(found[0], tok, listed, confidence=min(found[1], 0.6))
                finder.modality(tok, draft)
                if draft.modality is not Modality.ASSERTED:
                    continue  # a denial or a report told of a set is too far to distribute
                date = finder.timeline.date_for(tok)
                for m in listed:
                    claim = gate(Claim(type=draft.type, subject=m.id,
                                       evidence=[sentence_span(tok), Span(m.start, m.end)],
                                       document_id=ctx.document.id, date=date,
                                       confidence=draft.confidence,
                                       attrs={**draft.attrs, "from": "collective anaphor",
                                              "trigger": tok.text, "trigger_at": tok.idx}),
                                 draft.modality)
                    if claim is not None:
                        out.append(claim)
    return out


__all__ = ["collective_claims"]

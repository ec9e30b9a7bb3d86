"""A person counted among a group named by what befell it: "Among those shot in 1938 was X",
"X was among those arrested", "X was one of those executed in 1938", "Among the executed was
X", "X was among those who were shot".

The group is a demonstrative or "the" with a past participle (or a relative clause) of a fate
verb (Quirk et al. §7.18, the participle as the head of a noun phrase: "the executed"; §17.22,
"those" with a postmodifying participle); "among" or "one of" puts the copula's subject in it
(Quirk §9.36, "among" of membership). The participle's event is the subject's; the copula's
clause carries the mood ("X was not among those shot" denies it).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.arguments import participle_lemma

QUANTIFIERS = frozenset({"one", "some", "several", "many", "few", "most", "each"})
GROUP_WORDS = frozenset({"those", "the", "them", "others"})


def _participle(obj: Token) -> Token | None:
    """The fate participle that names the group ``obj`` heads ("those shot", "the executed",
    "those who were shot"), or None."""
    candidates = [obj] + [c for c in obj.children if c.dep_ in ("acl", "relcl")]
    for cand in candidates:
        if cand is obj and not any(c.lower_ in GROUP_WORDS for c in obj.children
                                   if c.dep_ == "det"):
            continue  # a bare noun ("among friends") names no group of victims
        if cand.dep_ == "relcl" and not any(c.dep_ == "auxpass" for c in cand.children):
            continue  # "those who shot the prisoners": the shooters, not the shot
        lemma = participle_lemma(cand) if cand.tag_ != "VB" else None
        if lemma and any(s.argument == tr.PATIENT and not s.needs
                         for s in tr.VERB_TRIGGERS.get(lemma, ())):
            return cand
    return None


def partitives(doc: Doc) -> Iterator[tuple[Token, Token, list[Token], tr.VerbTrigger]]:
    """(participle, copula, subject heads, trigger) for each membership of a victims' group."""
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in ("among", "of"):
            continue
        copula = prep.head
        if prep.lower_ == "of":
            if copula.lower_ not in QUANTIFIERS:
                continue
            copula = copula.head  # "X was one of those shot"
        if copula.lemma_ != "be":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        part = _participle(obj) if obj is not None else None
        if part is None:
            continue
        lemma = participle_lemma(part)
        spec = next(s for s in tr.VERB_TRIGGERS[lemma or ""] if s.argument == tr.PATIENT
                    and not s.needs)
        subjects = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")
                    and not (prep.left_edge.i <= c.i <= prep.right_edge.i)]
        if subjects:
            yield part, copula, subjects, spec


__all__ = ["partitives"]

"""Calques of Russian in machine-translated English: the conditions of trigger verbs
(triggers.py, ``calque:`` needs) and the subject of a passive told in Russian order.

- Russian order: "В 1938 году был расстрелян и X" comes out as "In 1938 was shot also X": a
  passive verb with no subject before it, its patient after it, where the parser can only see
  an object (English passives take none).
- The highest measure: "X was subjected to the highest measure (of punishment)" renders
  "к X применена высшая мера наказания": the death penalty carried out, an execution.
- A term: "X received ten years", "X got eight years in the camps", "X was given ten years
  without the right of correspondence" render "получил десять лет": a sentence.
- A record line: "X — shot in 1938", "X — arrested in 1937, shot in 1938": a participle with
  no "be" after a dash is a passive whose patient is the name before the dash.
- Object first: "X they shot in 1938" (Russian OVS order): the name before the subject pronoun.
- Confinement: "X went to the camps", "X was sent to the camps", "X went to prison" (no
  article: the institution, Quirk et al. §5.44): X was imprisoned, an arrest. "went to the
  prison" is a visit and says nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from kartoteka.extract.en.triggers import participle_lemma

# Nouns of the camp system and, with no article, of imprisonment (Quirk et al. §5.44: "go to
# prison", "be sent to jail" as institutions).
CAMP_NOUNS = frozenset({"camps", "gulag", "labour-camps"})
# The camp systems a memoir names for the camps themselves ("sent to Kolyma"): the largest
# complexes of Memorial's reference "Система исправительно-трудовых лагерей в СССР" (1998)
# whose name is a region's or an island's, not a town's (Magadan, Norilsk are towns too).
CAMP_REGIONS = frozenset({"kolyma", "vorkuta", "solovki", "karlag", "dalstroy", "sevvostlag",
                          "ukhtpechlag", "temlag", "siblag", "dallag"})
INSTITUTION_NOUNS = frozenset({"prison", "jail", "gaol", "camp"})
TERM_NOUNS = frozenset({"year", "years"})
CAMP_KINDS = frozenset({"labor", "labour", "concentration", "corrective", "penal", "forced",
                        "prison", "transit"})
HIGHEST = frozenset({"highest", "supreme", "ultimate", "capital"})


def _pobj(tok: Token, prep: str) -> Token | None:
    for c in tok.children:  # "sent to Kolyma": the small model may call "to" a dative
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def confinement(tok: Token) -> bool:
    """"went to the camps", "was sent to prison", "ended up in the camps"."""
    for prep in ("to", "in", "into"):
        obj = _pobj(tok, prep)
        if obj is None:
            continue
        if obj.lower_ in CAMP_NOUNS | CAMP_REGIONS or obj.lemma_.lower() == "camp" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in CAMP_KINDS for c in obj.children):
            return True  # "was sent to a labour camp": whatever its article
        if obj.lower_ in INSTITUTION_NOUNS and not any(c.dep_ in ("det", "poss")
                                                       for c in obj.children):
            return True
    return False


def highest_measure(tok: Token) -> bool:
    """"subjected to the highest measure (of punishment)"."""
    obj = _pobj(tok, "to")
    return obj is not None and obj.lemma_.lower() == "measure" and any(
        c.lower_ in HIGHEST for c in obj.children)


def term(tok: Token) -> bool:
    """"received ten years", "was given eight years in the camps"."""
    return any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in {"year"} | TERM_NOUNS and any(
        g.dep_ == "nummod" or g.like_num for g in c.children) for c in tok.children)


def special_settlement(tok: Token) -> bool:
    """"was sent to a special settlement", "deported to a labour settlement" (спецпоселение,
    трудпоселение): exile under guard, not a camp."""
    obj = _pobj(tok, "to") or _pobj(tok, "into")
    return obj is not None and obj.lemma_.lower() == "settlement" and any(
        c.lower_ in ("special", "labour", "labor", "kulak") for c in obj.children)


def _years(tok: Token) -> bool:
    return tok.lemma_.lower() in TERM_NOUNS and any(g.dep_ == "nummod" or g.like_num
                                                    for g in tok.children)


def for_term(tok: Token) -> bool:
    """"was sent to the camps for eight years": a term of confinement, so a sentence."""
    obj = _pobj(tok, "for")
    return obj is not None and _years(obj)


def term_role(tok: Token) -> str | None:
    """The term a sentence verb names ("got ten years" -> "ten years", "was sent to the camps
    for eight years" -> "eight years in the camps"): the sentence's role."""
    years = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and _years(c)),
                 None) or _pobj(tok, "for")
    if years is None or not _years(years):
        return None
    words = [w.text for w in years.subtree if not w.is_punct]
    place = next((o for p in ("to", "in") if (o := _pobj(tok, p)) is not None and (
        o.lower_ in CAMP_NOUNS | CAMP_REGIONS or o.lemma_.lower() == "camp")), None)
    if place is not None and place not in years.subtree:
        words += ["in", *(w.text for w in place.subtree if not w.is_punct)]
    return " ".join(words).lower()


NEEDS = {"confinement": confinement, "highest-measure": highest_measure, "term": term,
         "for-term": for_term, "special-settlement": special_settlement}


def calque_need(tok: Token, name: str) -> bool:
    test = NEEDS.get(name)
    return test is not None and test(tok)


DASHES = frozenset({"—", "–", "-", ":"})


def verbless_participle(tok: Token) -> bool:
    """"X — shot in 1938", "X: arrested in 1937": a record line with no verb "be", where the
    parser makes the name the participle's subject across the dash."""
    if tok.tag_ != "VBN" or any(c.dep_ == "dobj" or c.dep_ in ("aux", "auxpass") and (
            c.tag_ == "MD" or c.lemma_.lower() in ("be", "have", "do", "get"))
            for c in tok.children):
        return False  # (the small model may call a given name before the dash "aux")
    doc = tok.doc
    return any(c.dep_ == "nsubj" and c.i < tok.i and any(
        doc[k].text in DASHES for k in range(c.i + 1, tok.i)) for c in tok.children)


def record_participle(tok: Token) -> bool:
    """"Arrested on 12 November 1937. Shot on 15 January 1938.": a sentence of a record that
    opens with a participle and has no subject (a Book of Memory entry in English) is a
    passive whose patient is the person the line begins with. The small model reads a
    capitalised participle there as a proper noun ("Shot/NNP on 15 January 1938"): a trigger
    verb's participle form that heads its sentence with no determiner or possessor is the
    participle all the same (a noun "Shot" would take "the" or stand in a larger phrase)."""
    if tok.dep_ != "ROOT" or tok.i != tok.sent.start or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children):
        return False
    if tok.tag_ == "VBN":
        return True
    return tok.tag_ in ("NNP", "NN", "VBD") and participle_lemma(tok) is not None and not any(
        c.dep_ in ("det", "poss", "compound", "amod", "nummod") and c.i < tok.i
        for c in tok.children)


def line_head(tok: Token, mention_at: Callable[[Token], Any]) -> list[Token]:
    """For a ``record_participle``: the name its line begins with (after a number, if any),
    when ``mention_at`` finds a person there."""
    if not record_participle(tok):
        return []
    doc = tok.doc
    start = doc.text.rfind("\n", 0, tok.idx) + 1
    first = next((t for t in doc[max(0, tok.sent.start - 200):tok.i] if t.idx >= start
                  and not t.is_space and not t.like_num and t.text not in ".)"), None)
    mention = mention_at(first) if first is not None else None
    return [first] if mention is not None and mention.kind == "person" else []


def passive_subject(tok: Token) -> list[Token]:
    """The patient of a passive told in Russian order or in a record line: "In 1938 was shot
    also X" (the parser sees an object after a passive with no subject), "X — shot"."""
    if verbless_participle(tok):
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]


def mislabelled_subject(tok: Token) -> list[Token]:
    """The subject of a passive that the small model labelled an active subject or hung on
    the auxiliary: "Our neighbour, X, was exiled in 1931" (nsubj of "was"). A passive
    auxiliary makes the subject before the verb its patient whatever the label."""
    if copular_participle(tok):  # "X was exiled to Kazakhstan": the subject of "was"
        return [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    if not aux:
        return []
    return [c for h in (tok, *aux) for c in h.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]


def copular_participle(tok: Token) -> bool:
    """"X was exiled to Kazakhstan": the small model may read a passive's participle as the
    complement of "be" (acomp) and leave it without an auxiliary; a participle of a verb is a
    passive there all the same (Quirk et al. §3.77, the verbal passive)."""
    return tok.tag_ == "VBN" and tok.dep_ == "acomp" and tok.head.lemma_ == "be"


def topicalised_object(tok: Token) -> list[Token]:
    """"X they shot in 1938" (Russian object-first order, or English topicalisation, Quirk et
    al. §18.20): a name before the subject pronoun of a verb with no object."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "PRP" or any(c.dep_ == "dobj" for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ in ("npadvmod", "dep") and c.i < subj.i
            and c.tag_ == "NNP"]


__all__ = ["calque_need", "copular_participle", "line_head", "mislabelled_subject",
           "passive_subject", "record_participle", "term_role", "topicalised_object",
           "verbless_participle"]

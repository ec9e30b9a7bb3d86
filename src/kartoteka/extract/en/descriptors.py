"""Unnamed people and groups ("his wife", "Four children of Cheka personnel"), and the links
that make a role noun stand for a named person ("the deputy chief …, Alexander Kalin").

A descriptor mention never covers a name: for "Yerov’s man" the span is "man" (the name is a
mention of its own), and a phrase's leading determiner or possessive pronoun is left out of
the span ("his wife" -> "wife") while ``Mention.descriptor`` keeps the whole phrase.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en.context import PERSONLIKE, DocContext, members
from kartoteka.model import Mention

LEADING_DROP = frozenset({"det", "poss", "predet", "punct", "case"})
QUOTE_CHARS = "“”\"‘’«»"
COPULAS = frozenset({"be", "become", "remain"})


def is_person_noun(tok: Token) -> bool:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "CARDINAL", "TIME"):
        return False
    return lemma in lx.PERSON_NOUNS or low in lx.GROUP_NOUNS or lemma in lx.ROLE_NOUNS


def named_at(ctx: DocContext, tok: Token) -> Mention | None:
    m = ctx.mention_at(tok)
    return m if m is not None and m.kind in PERSONLIKE and m.name else None


def link_appositions(ctx: DocContext) -> None:
    """Role or person nouns that stand for a named person next to them."""
    doc = ctx.doc
    for tok in doc:
        # a capital the sentence's start gives ("Grandmother, X, was exiled") is no title's
        if not is_person_noun(tok) or (tok.text[:1].isupper() and not tok.is_sent_start) \
                or ctx.mention_at(tok):
            continue
        named: list[Mention] = []
        for other in [tok.head, *tok.children]:
            related = other.i == tok.head.i and tok.dep_ == "appos" or (
                other.i != tok.head.i and other.dep_ == "appos")
            if not related:
                continue
            listed = members(other) if other.i != tok.head.i else [other]
            for t in listed:  # "the defendants, Yakir and Eideman"
                m = named_at(ctx, t)
                if m is not None:
                    named.append(m)
        # "X's secretary, Popiro," / "the deputy chief of the bureau, Alexander Kalin,"
        for cand in _following_name(ctx, tok):
            named.append(cand)
        # "Frinovsky was a … official": the predicate noun of a copula stands for its subject.
        if tok.dep_ == "attr" and tok.head.lemma_ in COPULAS:
            verb = tok.head
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subjects and verb.dep_ == "conj":
                # "X (1895 – 1940), also spelt Y, was a … official": the small model makes
                # "spelt" the root and "was" its conjunct; the conjuncts share the subject
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
            for c in subjects:
                m = named_at(ctx, c)
                if m is not None:
                    named.append(m)
        if named:
            ctx.link(tok.i, _unique(named))


def _following_name(ctx: DocContext, tok: Token) -> list[Mention]:
    """A name right after a comma that closes the noun phrase headed by ``tok``."""
    doc = ctx.doc
    out = []
    for k in range(tok.i + 1, min(len(doc) - 1, tok.i + 14)):
        t = doc[k]
        if t.text == "," and k + 1 < len(doc):
            m = named_at(ctx, doc[k + 1])
            if m is None or m.kind != "person":
                break
            first, last = ctx.token_range[m.id]
            after = doc[last] if last < len(doc) else None
            inside = all(_descends(doc[j], tok) for j in range(tok.i + 1, k))
            if inside and (after is None or after.text in (",", ".", ")", ";", "and")):
                out.append(m)
            break
        if t.is_sent_end or t.text in (";", ":", "(") or t.pos_ == "VERB":
            break
    return out


def _descends(tok: Token, ancestor: Token) -> bool:
    while tok.head.i != tok.i:
        if tok.head.i == ancestor.i:
            return True
        tok = tok.head
    return False


def find_descriptors(ctx: DocContext) -> list[Mention]:
    """Descriptor mentions for noun phrases about unnamed people; registered in ``ctx``."""
    doc = ctx.doc
    made: list[Mention] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        lemma, low = root.lemma_.lower(), root.lower_
        if root.i in ctx.links or ctx.mention_at(root) is not None:
            continue
        if not (lemma in lx.PERSON_NOUNS or low in lx.GROUP_NOUNS) or low in lx.NOT_DESCRIPTORS:
            continue
        if root.ent_type_ in ("DATE", "CARDINAL", "TIME") or (
                root.ent_type_ in ("NORP", "GPE") and low not in lx.GROUP_NOUNS):
            continue
        if root.dep_ == "pobj" and root.head.lower_ in ("as", "like"):
            continue  # "worked as a helper", "like a father": a role or a likeness
        if root.dep_ == "attr" and root.head.lemma_ in COPULAS:
            continue  # a predicate says what someone is
        if root.dep_ == "appos" and ctx.referents(root.head):
            ctx.link(root.i, ctx.referents(root.head))
            continue  # "a thirteen-year-old girl (the sister of …)": the same girl
        first = chunk.start
        for k in range(chunk.start, root.i):
            m = ctx.mention_at(doc[k])
            if m is not None and m.kind in PERSONLIKE:
                first = k + 1
        while first < root.i and (doc[first].dep_ in LEADING_DROP or doc[first].text in QUOTE_CHARS
                                  or doc[first].tag_ == "POS" or doc[first].text[:1].isupper()):
            first += 1  # the span is the description's lower-case head ("Soviet official")
        last = root.i + 1
        extension = _of_phrase(ctx, root)
        phrase_last = extension or last
        plural = root.tag_ in ("NNS", "NNPS") or low in lx.GROUP_NOUNS
        text = re.sub(r"\s+", " ", doc[chunk.start:phrase_last].text)
        descriptor = text.strip(QUOTE_CHARS + " ").replace("“", "").replace("”", "")
        gender = "f" if lemma in lx.FEMALE_NOUNS else "m" if lemma in lx.MALE_NOUNS else None
        mention = ctx.make_mention(first, phrase_last, "group" if plural else "person",
                                   descriptor=descriptor, gender=None if plural else gender,
                                   attrs={"head": low})
        ctx.add(mention, first, phrase_last, cover=(first, last))
        made.append(mention)
    return made


def _of_phrase(ctx: DocContext, root: Token) -> int | None:
    """End of an "of …" complement to include ("children of Cheka personnel"), unless it
    names someone (then it is a relation, not part of the description)."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == root.i + 1:
            end = child.right_edge.i + 1
            span = ctx.doc[child.i:end]
            if any(ctx.mention_at(t) is not None and ctx.mention_at(t).kind in PERSONLIKE  # type: ignore[union-attr]
                   for t in span):
                return None
            if any(t.text in "()" or t.is_quote or t.pos_ == "VERB" for t in span) \
                    or len(span) > 8:
                return None
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if obj and (is_person_noun(obj[0]) or obj[0].pos_ in ("PROPN",)):
                return None  # "the daughter of a wounded man": two people, one relation
            return end
    return None


def _unique(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return out

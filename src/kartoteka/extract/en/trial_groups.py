"""A trial's group noun pointing back at the people just named as tried or accused.

"Seven officers were tried with him: A, B and C. All the defendants were shot." — a definite
plural noun for the parties of a trial ("the defendants", "the accused"; Quirk et al. §5.30,
anaphoric *the*) refers to the most recent list of people named in a sentence that tells a
trial, a charge or an arrest (the only way they became defendants). Its fate goes to each of
them; never to a person outside the list (the judge, the narrator). The fate's own clause
still decides its mood ("All the defendants were said to have been shot" is reported).
"""

from __future__ import annotations

from spacy.tokens import Token

from kartoteka.extract.en.context import DocContext, members
from kartoteka.extract.en.inclusion import including
from kartoteka.model import Mention

# Nouns for the accused party of a criminal trial (WordNet defendant.n.01: "defendant",
# "suspect" excluded as not yet charged; "accused" as a plural adjective-noun, Quirk §7.23;
# "co-defendant" its compound).
TRIAL_PARTY_NOUNS = frozenset({"defendant", "co-defendant", "codefendant", "accused"})
# Verbs and nouns whose telling makes the people named defendants (WordNet try.v.03,
# accuse.v.02, charge.v.03, sentence.v.01, convict.v.01, prosecute.v.01, indict.v.01).
TRIAL_WORDS = frozenset({"try", "trial", "accuse", "charge", "sentence", "convict",
                         "prosecute", "indict", "defendant", "accused", "dock"})
SENTENCES_BACK = 2
# Words that take up a whole group named just before (Quirk et al. §6.8, §5.24): "they", "all
# (of them)", "all concerned", "all those", "both"; a trial party noun ("the defendants") too.
GROUP_ANAPHORS = frozenset({"they", "all", "both"})
# "all concerned", "all involved": the postposed adjective the small model may take for the
# head, "all" its determiner (Quirk et al. §7.21)
POSTPOSED = frozenset({"concerned", "involved"})


def link_trial_groups(ctx: DocContext) -> None:
    """Link each definite trial-party noun in a subject to the people of the latest list."""
    sents = list(ctx.doc.sents)
    for n, sent in enumerate(sents):
        for tok in sent:
            bare = _bare_both(tok) and not ctx.pronouns.get(tok.i)
            if not (_trial_party(tok) or bare):
                continue
            for prev in reversed(sents[max(0, n - SENTENCES_BACK):n + 1]):
                group = _latest_list(ctx, prev, before=tok.i, told=not bare)
                if group is not None:
                    if not ((bare or _both(tok)) and len(group) != 2):
                        ctx.link(tok.i, group)
                    break


def link_included_members(ctx: DocContext) -> None:
    """"Many were tried, including A, B and C. All of them were shot": a word taking up the
    group of the sentence before (or a trial's party noun) takes up the members that group
    named with *including* as well, and the group's fate is theirs. Only where the word has
    no other reading, or its reading is that group: a subject named in between keeps it."""
    sents = list(ctx.doc.sents)
    for n in range(1, len(sents)):
        for tok in sents[n]:
            if not (_group_anaphor(tok) or _trial_party(tok)):
                continue
            found = _included(ctx, sents[n - 1])
            if found is None:
                continue
            group, people = found
            now = ctx.referents(tok) + [m for c in tok.children if c.dep_ == "prep"
                                        for o in c.children for m in ctx.referents(o)]
            if now and group.id not in {m.id for m in now}:
                continue
            ctx.link(tok.i, [group, *people])


def _group_anaphor(tok: Token) -> bool:
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.lower_ in POSTPOSED:
        return any(c.lower_ == "all" and c.dep_ in ("det", "predet") for c in tok.children)
    if tok.lower_ not in GROUP_ANAPHORS:
        return False
    if tok.lower_ == "they":
        return True
    # "all of them", "all concerned", bare "all"; never "all of the others", "all his friends"
    return all(c.dep_ == "amod" or (c.dep_ == "prep" and c.lower_ == "of" and any(
        o.lower_ == "them" for o in c.children)) for c in tok.children)


def _included(ctx: DocContext, sent) -> tuple[Mention, list[Mention]] | None:
    """The last group of ``sent`` that names members with *including*, and those members."""
    found = None
    for tok in sent:
        group = ctx.mention_at(tok)
        if group is None or group.kind != "group":
            continue
        people = [m for obj in including(tok) for t in members(obj)
                  for m in ctx.referents(t) if m.kind == "person"]
        if people:
            found = (group, list({m.id: m for m in people}.values()))
    return found


def _trial_party(tok: Token) -> bool:
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lemma_.lower() not in TRIAL_PARTY_NOUNS \
            and tok.lower_ not in TRIAL_PARTY_NOUNS:
        return False
    if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ != "accused":
        return False
    return any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "these", "those", "all",
                                                               "both")
               for c in tok.children)


def _bare_both(tok: Token) -> bool:
    """"Both were shot" where the last subject was no pair ("Judge X sentenced A and B …"):
    the pair named last, wherever it stood (Quirk et al. §5.24: *both* presupposes two)."""
    return tok.lower_ == "both" and tok.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ == "prep" for c in tok.children)


def _both(tok: Token) -> bool:
    return any(c.lower_ == "both" for c in tok.children)


def _latest_list(ctx: DocContext, sent, before: int, told: bool = True
                 ) -> list[Mention] | None:
    """The last coordinated list of two or more people in ``sent`` (before token ``before``),
    if the sentence tells a trial, a charge or an arrest."""
    if told and not any(t.lemma_.lower() in TRIAL_WORDS for t in sent if t.i < before):
        return None
    found: list[Mention] | None = None
    for tok in sent:
        if tok.i >= before or tok.dep_ == "conj":
            continue
        people = [m for t in members(tok) for m in ctx.referents(t) if m.kind == "person"]
        unique = list({m.id: m for m in people}.values())
        if len(unique) >= 2 and all(t.i < before for t in members(tok)):
            found = unique
    return found

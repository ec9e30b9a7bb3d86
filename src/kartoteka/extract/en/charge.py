"""Taking charge of a body, said without a title: "took over the NKVD", "took charge of the
Gulag", "assumed command of the army", "was put in charge of the NKVD", "was given control of
the NKVD", "control of the NKVD was given to X".

Phrasal and prepositional verbs of taking charge (Quirk et al. §16.2–16.6; WordNet take_over.v,
take_charge.v, assume.v 'take on a post') say an appointment of the one who takes charge, as
"became head of" does; the body is the claim's object and must be named ("took charge of the
children" is none). The one exception kept from before: "took command" alone, a military post.
"""

from __future__ import annotations

from spacy.tokens import Token

from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.arguments import ArgumentReader
from kartoteka.model import Mention

# The noun of being in charge and the role it gives (WordNet charge.n.03 'the state of being
# in charge', command.n.04, control.n.01, leadership.n.02).
CHARGE_NOUNS = {"charge": "head", "command": "commander", "control": "head",
                "leadership": "leader"}
TAKING_VERBS = frozenset({"take", "assume", "seize"})  # took/assumed/seized command of X
PLACING_VERBS = frozenset({"put", "place"})  # was put/placed in charge of X
GIVING_VERBS = frozenset({"give", "hand", "entrust", "grant"})  # was given control of X


def charge_taken(reader: ArgumentReader, tok: Token, lemma: str
                 ) -> tuple[list[Mention], str, Mention | None] | None:
    """(who took charge, the role, the body) for a verb of taking charge at ``tok``."""
    dobj = reader.child(tok, "dobj")
    if lemma in TAKING_VERBS and dobj is not None:
        noun = dobj.lemma_.lower()
        if noun in CHARGE_NOUNS:
            # "command of the 2nd brigade of the 37th division": the brigade, not the division
            of = reader.prep_object(dobj, "of") or reader.prep_object(tok, "of")
            body = reader.org_in(of)
            if body is None and not (lemma == "take" and noun == "command"):
                return None
            return reader.referents(reader.arguments(tok, tr.AGENT)), CHARGE_NOUNS[noun], body
        if lemma == "take" and reader.child(tok, "prt", "over") is not None:
            body = reader.org_in(dobj)  # "took over the NKVD"
            if body is not None:
                return reader.referents(reader.arguments(tok, tr.AGENT)), "head", body
        return None
    if lemma in PLACING_VERBS and reader.passive(tok):
        into = next((o for o in _objects(tok, "in") if o.lemma_.lower() in CHARGE_NOUNS), None)
        if into is not None:  # not "In 1936": the "in" of charge
            body = reader.org_in(reader.prep_object(into, "of") or reader.prep_object(tok, "of"))
            if body is not None:
                return (reader.referents(reader.arguments(tok, tr.PATIENT)),
                        CHARGE_NOUNS[into.lemma_.lower()], body)
        return None
    if lemma in GIVING_VERBS and reader.passive(tok):
        if dobj is not None and dobj.lemma_.lower() in CHARGE_NOUNS:  # "X was given control of"
            body = reader.org_in(reader.prep_object(dobj, "of"))
            if body is not None:
                return (reader.referents(reader.arguments(tok, tr.PATIENT)),
                        CHARGE_NOUNS[dobj.lemma_.lower()], body)
        subj = reader.child(tok, "nsubjpass")
        to = next(iter(_objects(tok, "to")), None)  # "to" may be parsed a dative
        if subj is not None and subj.lemma_.lower() in CHARGE_NOUNS and to is not None:
            body = reader.org_in(reader.prep_object(subj, "of"))  # "control of X was given to Y"
            if body is not None:
                return reader.referents([to]), CHARGE_NOUNS[subj.lemma_.lower()], body
    return None


def _objects(tok: Token, prep: str) -> list[Token]:
    """The objects of every ``prep`` on ``tok`` (a verb may have two "in" phrases)."""
    return [o for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ == prep
            for o in p.children if o.dep_ == "pobj"]


__all__ = ["charge_taken"]

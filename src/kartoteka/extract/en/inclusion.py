"""Inclusive adjuncts: "In addition to X, Y was shot", "Besides X, A and B were arrested",
"Y was shot together with X" — X undergoes the event too.

English marks an addition to a clause's participant with a preposition of inclusion (Quirk et
al. §9.56–9.57: "besides", "in addition to", "as well as"; §8.89: "along with", "together
with"): the clause is true of its object as well. Exclusion ("apart from", "except",
"but") is the opposite and is not read here. "together/along with" attaches to the agent of
an active clause ("the NKVD, together with X, arrested Y"), so it counts only on a passive
verb, where the participant it adds to is the one the event befalls.
"""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions of inclusion (Quirk et al. §9.56–9.57, §8.89).
ADDITION = ("in", "addition", "to")  # "in addition to X"
INCLUSIVE_PREPS = frozenset({"besides"})
COMITATIVE = frozenset({"together", "along"})  # "together with X", "along with X"
# Determiners and adjectives that say the clause's participant is one more of a kind ("two
# other doctors", "another engineer"; Quirk et al. §5.23, §7.40): X is of that kind.
OTHER_WORDS = frozenset({"other", "another", "further", "more"})


def _pobj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def inclusive_objects(verb: Token, passive: bool) -> list[Token]:
    """The heads of the noun phrases an inclusive adjunct of ``verb`` adds."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        low = prep.lower_
        if low == ADDITION[0]:
            noun = _pobj(prep)
            if noun is not None and noun.lower_ == ADDITION[1]:
                to = next((c for c in noun.children if c.dep_ == "prep"
                           and c.lower_ == ADDITION[2]), None)
                obj = _pobj(to) if to is not None else None
                if obj is not None:
                    out.append(obj)
        elif low in INCLUSIVE_PREPS:
            obj = _pobj(prep)
            if obj is not None:
                out.append(obj)
        elif low == "with" and passive and any(
                c.lower_ in COMITATIVE for c in (*prep.children, *verb.children)
                if c.dep_ in ("advmod", "prt")):
            obj = _pobj(prep)
            if obj is not None:
                out.append(obj)
    for prt in verb.children:  # "arrested along with X": "with" under the particle
        if prt.dep_ in ("prt", "advmod") and prt.lower_ in COMITATIVE and passive:
            for prep in prt.children:
                obj = _pobj(prep) if prep.lower_ == "with" else None
                if obj is not None and obj not in out:
                    out.append(obj)
    return out


def including(noun: Token) -> list[Token]:
    """"Many officials, including A and B, were shot": the members a participant names with
    "including" (Quirk et al. §9.25, a marginal preposition of inclusion) share its event.
    Put off to the clause's end ("Many people were tried, including A and B"; "The court
    tried twenty officers, including A"), the phrase hangs on the verb: it is then the
    plural patient's (the object, else the subject), the participant it can complete."""
    own = [obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "including"
           for obj in (_pobj(prep),) if obj is not None]
    if own or noun.tag_ not in ("NNS", "NNPS") or noun.head.pos_ not in ("VERB", "AUX"):
        return own
    verb = noun.head
    args = {c.dep_: c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")}
    patient = args.get("dobj") or args.get("nsubjpass") or args.get("nsubj")
    if patient is None or patient.i != noun.i:
        return []
    return [obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "including"
            and prep.i > noun.i for obj in (_pobj(prep),) if obj is not None]


def added_to_kind(obj: Token) -> str | None:
    """"In addition to X, two other doctors …": the noun X is said to be one more of, when
    the clause's participant is "other N" (person evidence for X when N is a person noun)."""
    prep = obj.head
    if prep.lower_ == ADDITION[2] and prep.head.lower_ == ADDITION[1]:
        prep = prep.head.head
    if prep.lower_ not in (ADDITION[0], *INCLUSIVE_PREPS):
        return None
    verb = prep.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                m.lower_ in OTHER_WORDS for m in c.children if m.dep_ in ("amod", "det")):
            return c.lemma_.lower()
    return None


__all__ = ["added_to_kind", "including", "inclusive_objects"]

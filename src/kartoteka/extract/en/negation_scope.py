"""How far a negation reaches over coordinated predicates (Huddleston & Pullum, *The Cambridge
Grammar of the English Language*, ch. 9 "Negation" and ch. 15 "Coordination").

- A negated auxiliary shared by coordinated participles scopes over all of them: "X was not
  arrested and shot", "X was never tried or sentenced", "X was never found guilty and shot in
  1937": no conjunct is asserted. The claim is classed denied, as the first conjunct is (the
  sentence denies that these things happened to X; what happened instead the text says
  elsewhere).
- *neither … nor* denies every conjunct: "X was neither arrested nor shot".
- A preposition of exclusion puts its predicate aside: "released without being tried",
  "wounded instead of being killed", "exiled rather than shot" (nothing is claimed: the
  sentence says it did not happen then, not that it never did).
- A contrast ends the scope: "X was not arrested but shot", "X was not tried, yet shot";
  so does a conjunct with its own auxiliary or subject ("X was not arrested, and he was shot
  in 1938"); "not only … but also" negates nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = frozenset({"not", "never", "n't", "nt", "neither"})
CONTRAST = frozenset({"but", "yet", "though", "although"})
OWN_CLAUSE = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "expl"})


def _negator(tok: Token) -> bool:
    """Whether ``tok`` (or its auxiliary) carries a negation that is not "not only"."""
    chain = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for t in chain:
        for c in t.children:
            if c.lower_ not in NEGATORS or c.dep_ not in ("neg", "advmod", "preconj", "cc"):
                continue
            if c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ == "only":
                continue
            return True
    return False


def excluded(tok: Token) -> bool:
    """A predicate a preposition of exclusion puts aside: "released without being tried",
    "wounded instead of being killed", "exiled rather than shot" (Quirk et al. 9.57, 13.33)."""
    if tok.dep_ == "pcomp":
        prep = tok.head
        if prep.lower_ == "without":
            return True
        if prep.lower_ == "of" and any(c.lower_ == "instead" for c in prep.children):
            return True
    if tok.dep_ == "conj":
        return any(c.dep_ == "cc" and c.lower_ == "than" and any(
            g.lower_ == "rather" for g in c.children) for c in tok.head.children
            if tok.head.i < c.i < tok.i)
    return False


def shares_negation(tok: Token) -> bool:
    """Whether the predicate ``tok`` lies in the scope of a negation it does not carry itself:
    a conjunct of a negated predicate without its own auxiliary or subject, or after *nor*."""
    if any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.children):
        return True  # "neither arrested nor shot" may attach "nor" to the second conjunct
    if tok.dep_ == "conj" and any(c.dep_ in OWN_CLAUSE for c in tok.children):
        return False
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children):
        return True
    cur = tok
    for _ in range(6):
        if cur.dep_ != "conj":
            return False
        head = cur.head
        between = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < cur.i] + \
            [c for c in cur.children if c.dep_ == "cc" and c.i < cur.i]
        if any(c.lower_ in CONTRAST for c in between):
            return False
        if any(c.lower_ == "nor" for c in between):
            return True
        if _negator(head):
            return True
        cur = head
    return False


__all__ = ["excluded", "shares_negation"]

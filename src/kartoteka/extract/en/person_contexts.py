"""Contexts that only a person fills: a surname spaCy took for a place or a body is still a
person when the word governing it is said only of people (person_evidence.py's strong
evidence).

- the object of a verb whose object is animate: "the guards tortured X", "they shot X";
- the object of a verb of ordering or asking with a ``to``-infinitive that X is to carry out:
  "Stalin ordered X to investigate" (object control; not for a place-tagged word, since
  countries and bodies are asked too);
- the *of*-object of a noun of a person's relation to another or of an event of a person:
  "the accomplice of X", "the trial of X and Y", "the interrogation of X";
- the *against*-object of a noun of charging: "the accusation against X";
- the possessor of a noun of a person's own act or state or relation: "X's insistence", "X's
  confession", "X's accomplices"
  (not for a place-tagged word: "Moscow's orders" is the government's);
- right after a post's title, or in brackets after it: "People's Commissar of Justice X",
  "The Ambassador in the Soviet Union (X) to the Secretary of State" (``after_post_title``).

A capitalised common word never passes: the caller keeps the English word-list test.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import modality_words as mw
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.inclusion import added_to_kind
from kartoteka.extract.en.roll_roles import ROLE_HEADS
from kartoteka.extract.roll_lines import DASH, roll_line_tail

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
CLOSING_QUOTES = frozenset({"”", '"', "»", "’"})
# Verbs of meeting and talking whose with-object is a person (Levin 1993, 36.1 correspond
# verbs, 37.6 chitchat verbs): "met with X", "talked with X".
MEET_VERBS: frozenset[str] = frozenset({
    "meet", "talk", "speak", "negotiate", "quarrel", "argue", "confer", "consult", "chat",
    "correspond", "converse", "reconcile", "agree",
})

# Verbs whose object is animate: Levin (1993) 42.1 murder verbs, 42.2 poison verbs, 29.1
# appoint verbs, 31.1 amuse verbs (torment, torture), 37.1 inquire verbs (interrogate,
# question), and the verbs of taking into custody.
ANIMATE_OBJECT_VERBS: frozenset[str] = frozenset({
    "assassinate", "butcher", "execute", "kill", "liquidate", "massacre", "murder", "slay",
    "hang", "poison", "shoot", "stab", "strangle", "smother", "drown",
    "appoint", "elect", "nominate",
    "torment", "torture",
    "interrogate", "question",
    "arrest", "detain",
})
# Object-control verbs (Rosenbaum 1967; Quirk et al. §16.52): "ordered X to investigate".
OBJECT_CONTROL_VERBS: frozenset[str] = frozenset({
    "order", "ask", "tell", "instruct", "command", "persuade", "force", "urge", "beg",
    "advise", "invite", "allow", "forbid", "compel", "direct",
})
# Nouns of a person's relation to another (WordNet's associate.n.01 and its kin: accomplice,
# confederate, henchman, crony, protégé, …) whose of-object is a person.
RELATION_NOUNS: frozenset[str] = frozenset({
    "accomplice", "accomplices", "confederate", "henchman", "henchmen", "crony", "cronies",
    "protege", "protégé", "favourite", "favorite", "right-hand", "mistress", "widow",
    "successor", "predecessor", "victim", "victims", "murderer", "killer", "assassin",
    "interrogator", "accuser", "defender",
})
# Events that befall a person (the claim nouns of triggers.py that a place never undergoes).
PERSON_EVENT_NOUNS: frozenset[str] = frozenset({
    "arrest", "execution", "trial", "interrogation", "rehabilitation", "assassination",
    "murder", "defection", "suicide", "confession", "testimony", "dismissal", "appointment",
})
# Nouns of charging whose against-object is a person ("the accusation against X").
AGAINST_NOUNS: frozenset[str] = mw.CHARGE_NOUNS | frozenset({"testimony", "case", "slander",
                                                              "denunciation", "proceedings"})
# Nouns of a person's own act or state ("X's insistence"): speech acts and attitudes.
ACT_NOUNS: frozenset[str] = mw.ORDER_NOUNS | mw.INTENTION_NOUNS | frozenset({
    "insistence", "confession", "testimony", "consent", "approval", "wish", "wishes",
    "advice", "letter", "speech", "words", "promise", "threat", "threats", "plots",
    "interrogation", "arrest", "execution", "trial", "mind", "visit",
}) | RELATION_NOUNS  # "X's accomplices", "X's successor"


def _governor(head: Token) -> tuple[str, Token]:
    dep, gov = head.dep_, head.head
    while dep == "conj" and gov.i != gov.head.i:
        dep, gov = gov.dep_, gov.head  # "the trial of Zinoviev and Kamenev"
    return dep, gov


def person_only_context(head: Token) -> str | None:
    """Why ``head`` (the last token of a capitalised run) stands where only people stand."""
    placey = head.ent_type_ in PLACE_ENTS
    dep, gov = _governor(head)
    lemma = gov.lemma_.lower()
    if dep == "nsubj" and gov.lemma_.lower() in tr.SPEECH_VERBS and not placey and any(
            t.text in CLOSING_QUOTES for t in head.doc[max(0, head.i - 3):head.i]) and \
            gov.i > head.i:
        return f"speaker of a quote ({lemma})"  # "“…,” X continued to me"
    if dep == "pobj" and gov.lower_ == "with" and gov.head.lemma_.lower() in MEET_VERBS \
            and gov.head.pos_ == "VERB" and not placey:
        return f"met with ({gov.head.lemma_.lower()})"  # "could meet with X"
    if dep == "dobj" and gov.pos_ == "VERB":
        if lemma in ANIMATE_OBJECT_VERBS:
            return f"object of {lemma}"
        if lemma in OBJECT_CONTROL_VERBS and not placey and any(
                c.dep_ in ("xcomp", "ccomp") and any(a.tag_ == "TO" for a in c.children)
                for c in gov.children):
            return f"told to act by {lemma}"
    if dep == "pobj" and gov.dep_ == "prep":
        noun = gov.head
        if noun.pos_ != "NOUN" or not noun.text.islower():
            return None
        nlemma, low = noun.lemma_.lower(), noun.lower_
        if gov.lower_ == "of" and (low in RELATION_NOUNS or nlemma in RELATION_NOUNS
                                   or nlemma in PERSON_EVENT_NOUNS):
            return f"of-object of {nlemma}"
        if gov.lower_ == "against" and (low in AGAINST_NOUNS or nlemma in AGAINST_NOUNS):
            return f"against-object of {nlemma}"
    if dep == "pobj":
        kind = added_to_kind(head)  # "In addition to X, two other doctors were …"
        if kind is not None and kind in lx.PERSON_NOUNS | lx.ROLE_NOUNS | CALLING_NOUNS:
            return f"one more {kind}"
    if dep == "poss" and not placey and gov.pos_ == "NOUN" and gov.text.islower() and (
            gov.lower_ in ACT_NOUNS or gov.lemma_.lower() in ACT_NOUNS):
        return f"possessor of {gov.lower_}"
    return None


# Designations of people by calling or creed (WordNet person.n.01 hyponyms) beside
# lexicon.py's person and role nouns, for close apposition ("the old revolutionary X").
CALLING_NOUNS: frozenset[str] = frozenset({
    "revolutionary", "historian", "lawyer", "painter", "composer", "actor", "actress",
    "scientist", "economist", "physician", "professor", "poet", "writer", "novelist",
    "philosopher", "academician", "surgeon", "architect", "sculptor", "singer", "dancer",
    "terrorist", "anarchist", "socialist", "communist", "trotskyist", "bolshevik", "menshevik",
})
# Followers of a movement named after its founder or party, capitalised in English (Oxford).
CREED_NOUNS: frozenset[str] = frozenset({"trotskyist", "bolshevik", "menshevik", "leninist",
                                         "stalinist", "zinovievist", "social-revolutionary"})
NP_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "our", "my", "this", "that"})


def close_apposition(doc: Doc, first: int) -> str | None:
    """"the engineer X", "the old revolutionary X", "his deputy X" (Quirk et al. §17.83, close
    apposition): a lower-case noun designating a person right before the name, opened by a
    determiner or an adjective, names the person X is."""
    if first < 2:
        return None
    noun = doc[first - 1]
    creed = noun.lower_ in CREED_NOUNS  # written capitalised: "the Trotskyist X"
    if not (noun.text.islower() or creed) or noun.lemma_.lower() not in (
            lx.PERSON_NOUNS | lx.ROLE_NOUNS | CALLING_NOUNS) and noun.lower_ not in CALLING_NOUNS:
        return None
    k = first - 2
    while k > 0 and doc[k].tag_ in ("JJ", "JJR", "JJS") and doc[k].text.islower():
        k -= 1
    if doc[k].lower_ in NP_OPENERS or doc[k].tag_ == "POS" or (
            k < first - 2 and doc[k].tag_ == "DT"):
        return f"close apposition to {noun.lower_}"
    return None


# Verbs of walking and running (Levin 1993, 51.3.2 run verbs), said of people and animals.
WALK_VERBS: frozenset[str] = frozenset({
    "walk", "stroll", "stride", "hurry", "rush", "stagger", "limp", "tiptoe", "saunter",
    "stumble", "crawl", "dash", "hasten", "trudge", "pace", "amble", "totter", "wander",
})


def person_leaning_context(head: Token) -> str | None:
    """Medium evidence: contexts people fill, but bodies or animals may too: the subject of
    a verb of walking ("X walked into his office"), the subject of an object-control verb
    ("X ordered Y to be transferred": a person or a body)."""
    if head.ent_type_ in PLACE_ENTS:
        return None
    dep, gov = _governor(head)
    if dep != "nsubj" or gov.pos_ != "VERB":
        return None
    lemma = gov.lemma_.lower()
    if lemma in WALK_VERBS:
        return f"subject of {lemma}"
    if lemma in OBJECT_CONTROL_VERBS and any(c.dep_ == "dobj" for c in gov.children) and any(
            c.dep_ in ("xcomp", "ccomp") and any(a.tag_ == "TO" for a in c.children)
            for c in gov.children):
        return f"subject of {lemma} someone to"
    return None


__all__ = ["bracket_after_role", "close_apposition", "heads_roll_line", "person_leaning_context",
           "person_only_context"]


# Words a post's title spans between its role noun and the name: "Commissar of Justice",
# "Ambassador in the Soviet Union", "Consul General at Leningrad". "in" and "at" only before a
# bracket: "the commissar in Moscow Petrov" is rare, "The Consul at Riga (X)" a heading's form.
TITLE_LINKS = frozenset({"of", "the", "for", "and"})
BRACKET_TITLE_LINKS = TITLE_LINKS | {"in", "at", "to"}


def after_post_title(doc: Doc, first: int) -> bool:
    """"People's Commissar of Justice X", "Governor of the State Bank X": a surname right
    after a post's title (a capitalised role noun, then capitalised words, "of", "the") is a
    person; so is a surname alone in brackets after one, the holder named in a diplomatic or
    official heading ("The Chargé in the Soviet Union (X) to the Secretary of State"; a
    non-restrictive apposition in parentheses, Quirk et al. 1985, §17.65)."""
    k, links = first - 1, TITLE_LINKS
    if k > 0 and doc[k].text == "(" and first + 1 < len(doc) and doc[first + 1].text == ")":
        k, links = k - 1, BRACKET_TITLE_LINKS
    steps = 0
    while k >= 0 and steps < 12 and "\n" not in doc[k].text_with_ws[:-1] and (
            doc[k].text[:1].isupper() or doc[k].lower_ in links
            or doc[k].tag_ == "POS" or doc[k].text in ("’s", "'s")):
        if doc[k].lemma_.lower() in lx.ROLE_NOUNS and doc[k].text[:1].isupper():
            return steps > 0 or doc[k].lower_ not in ("general", "major")
        k -= 1
        steps += 1
    return False


# A numbered item whose list lost its line breaks ("11. A B 12. C D - leader 13. E F"): its
# number before the name, and the next item's number ending what is said of it.
_ITEM_NUMBER = re.compile(r"(?:^|\s)\d{1,3}\.[ \t]+$")
_NEXT_ITEM = re.compile(r"\s\d{1,3}\.\s|\n")


def _inline_item_tail(text: str, start: int, end: int) -> tuple[int, int] | None:
    if not _ITEM_NUMBER.search(text, max(0, start - 6), start):
        return None
    dash = DASH.match(text, end)
    if dash is None or dash.end() == end:
        return None
    found = _NEXT_ITEM.search(text, dash.end())
    return dash.end(), found.start() if found else len(text)


def heads_roll_line(doc: Doc, first: int, last: int) -> bool:
    """"2. Akmal Ikramov - Uzbek leader": a name at the head of a line (after a number or a
    bullet), a dash, and a role noun in what the line says of it (a list of defendants, of a
    body's staff; ``extract.roll_lines``). The layout names the person whatever the tagger
    made of an unlisted given name and a surname it took for a place."""
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    tail = roll_line_tail(doc.text, start, end) or _inline_item_tail(doc.text, start, end)
    if tail is None:
        return False
    words = doc.char_span(*tail, alignment_mode="expand")
    return words is not None and any(
        t.lemma_.lower() in ROLE_HEADS or t.lower_ in ROLE_HEADS for t in words)


def bracket_after_role(doc: Doc, first: int, last: int) -> bool:
    """"one of the leaders of the Comintern (X, if I remember rightly)", "his deputy (X)": a
    name opening a bracket right after a phrase whose head, or the noun its *of* phrases hang
    from, is a role noun: the holder, in a non-restrictive apposition (Quirk et al. 1985,
    §17.65), whatever the tagger made of the bracket."""
    if first < 2 or doc[first - 1].text != "(" or last >= len(doc) or \
            doc[last].text not in (")", ","):
        return False
    # from the phrase before the bracket, or from the name where the parser hung the phrase's
    # last noun on it ("of the Comintern (X": X the object of "of", Comintern its modifier)
    for tok in (doc[first - 2], doc[first]):
        for _ in range(4):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.ROLE_NOUNS:
                return True
            if tok.dep_ != "pobj" or tok.head.lower_ != "of":
                break
            tok = tok.head.head
    return False

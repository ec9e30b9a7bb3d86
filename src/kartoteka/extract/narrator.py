"""Who a name is to the narrator, read off the words before it (any language).

A statement says "I, Kuzma Orlov, was born in 1880 ... My father, Ivan Orlov, born in 1856,
... My brother, Ivan Orlov, born in 1893, ...": a careful reader keeps three people, although
two names are the same and the narrator shares the family name. The words before a name say
so, and ``resolve`` reads them as marks (it reads no text):

- ``attrs["narrator"]``: the name opens a signed statement after the first-person pronoun ("I,
  X, ...", "Я, X, ..."); ``narrator_opening`` finds it at a text's start for the extractors,
  which read the first person singular outside quotations as that person;
- ``attrs["kin_of"] = "narrator"`` with ``attrs["kin_relation"]``: a kinship noun after a
  first-person possessive stands before the name ("my father X", "my late father, X,", "мой
  брат X", "моей сестры, X,"); the relation is the lexicons' (``en.lexicon.KINSHIP``,
  ``ru.lexicon.KIN_RELATIONS``), a distant relative's noun its own, "" for a noun of no
  particular relation ("a relative");
- ``attrs["kin"]`` (and ``attrs["kin_gender"]``): any kinship noun just before a name in its
  clause ("his father Florensky"), or before a comma when the apposition closes after the name
  ("My father, X, born ...").
"""

from __future__ import annotations

import re

from kartoteka.extract.en import alias_words as en
from kartoteka.extract.en import lexicon as en_lexicon
from kartoteka.extract.ru import alias_words as ru
from kartoteka.extract.ru import lexicon as ru_lexicon
from kartoteka.model import Claim, Extraction, Mention, Span
from kartoteka.names.parse import parse_person_name

KIN_WORDS = {**en.KIN_WORDS, **ru.KIN_WORDS}
POSSESSIVES = en.FIRST_PERSON_POSSESSIVES | ru.FIRST_PERSON_POSSESSIVES
PRONOUNS = en.NARRATOR_PRONOUNS | ru.NARRATOR_PRONOUNS
GENERAL_KIN = en.GENERAL_KIN | ru.GENERAL_KIN
REACH = 4  # words before a name searched for a kinship noun
ADJECTIVES = 2  # words allowed between the possessive and the noun ("my late elder brother")

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(r"[.!?;:,()\n]")
_APPOSITION = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)\s*,\s*$")
_CLOSES = re.compile(r"\s*[,(—–]")
_NARRATOR = re.compile(r"(?:^|[\s«\"“(])([^\W\d_]+)\s*,\s*$")


def kin_relation(word: str) -> str:
    """The relation a kinship noun names ("" for none in particular): a class for the near
    relations (parent_of, child_of, sibling_of, spouse_of), the noun itself for the others."""
    lemma = ru.KIN_LEMMAS.get(word, word)
    if lemma in GENERAL_KIN:
        return ""
    relation = en_lexicon.KINSHIP.get(lemma) or ru_lexicon.KIN_RELATIONS.get(lemma) or lemma
    return lemma if relation == "relative_of" else relation


def _kin_before(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """The kinship noun before a name in its clause ("his father Florensky", "My son, X, …":
    a closed apposition too) and whether a first-person possessive governs it."""
    before = text[max(0, start - 60):start]
    found = _APPOSITION.search(before)
    if found and found.group(1).lower() in KIN_WORDS and _CLOSES.match(text, end):
        before = before[:found.end(1)]
    raw = _WORD.findall(_CLAUSE_BREAK.split(before)[-1])
    words = [w.lower() for w in raw]
    for index in range(len(words) - 1, max(-1, len(words) - 1 - REACH), -1):
        if words[index] in KIN_WORDS:
            governed = words[max(0, index - 1 - ADJECTIVES):index]
            if index == len(words) - 1 and raw[index][:1].isupper() and words[index] in \
                    en_lexicon.KIN_TITLES and not set(governed) & en.POSSESSIVES_BEFORE_KIN:
                # "Uncle Fyodor", "Aunt Masha": the family's form of address, as the
                # narrator uses it, names the narrator's relative ("his Uncle Fyodor" his)
                return words[index], True
            return words[index], any(w in POSSESSIVES for w in governed)
    return None


OPENING_REACH = 1000  # characters: a signed statement names its narrator at its start


def narrator_opening(text: str, persons: list[Mention]) -> Mention | None:
    """The narrator a statement opens with ("I, Ivan Orlov, was born …", "Я, Орлов Иван
    Петрович, …"): the pronoun starts a sentence near the text's start and the apposition
    closes. The first person singular outside quotations is then this person."""
    for m in sorted(persons, key=lambda m: m.start):
        if m.start > OPENING_REACH:
            return None
        opener = _NARRATOR.search(text[max(0, m.start - 12):m.start])
        if opener is None or opener.group(1).lower() not in PRONOUNS \
                or not _CLOSES.match(text, m.end):
            continue
        pronoun = max(0, m.start - 12) + opener.start(1)
        before = text[:pronoun].rstrip()
        # a sentence's or a line's first word; not after a colon ("he wrote: I, X, …" quotes
        # someone, and a memoirist's own "I" would become X's)
        if not before or before[-1] in ".!?" or text[:pronoun].rstrip(" \t").endswith("\n"):
            return m
    return None


def mark_narrator_and_kin(text: str, persons: list[Mention]) -> None:
    """Mark named person mentions with what the words before them say (module docstring)."""
    for m in persons:
        opener = _NARRATOR.search(text[max(0, m.start - 12):m.start])
        if opener and opener.group(1).lower() in PRONOUNS and _CLOSES.match(text, m.end):
            m.attrs["narrator"] = True
            continue
        kin = _kin_before(text, m.start, m.end)
        if kin is None:
            continue
        word, first_person = kin
        m.attrs["kin"] = word  # "his father Florensky", "her late husband Daniel", "My son, X,"
        if KIN_WORDS[word]:
            m.attrs["kin_gender"] = KIN_WORDS[word]
        if first_person:
            m.attrs["kin_of"] = "narrator"
            m.attrs["kin_relation"] = kin_relation(word)
    signature = _signature(text, persons)
    if signature is not None:
        signature.attrs["narrator"] = True


def _signature(text: str, persons: list[Mention]) -> Mention | None:
    """The name a signed statement ends with ("… верно. К. Орлов", "… true. K. Orlov"): the
    narrator's signature when it bears the surname the opening gave (the son named after his
    father is not the one who signs)."""
    opening = narrator_opening(text, persons)
    if opening is None or not persons:
        return None
    last = max(persons, key=lambda m: m.end)
    if last is opening or text[last.end:].strip(" \t\n.") or not opening.name or not last.name:
        return None
    surname = parse_person_name(opening.name).surname
    signed = parse_person_name(last.name).surname
    return last if surname and signed and surname.casefold() == signed.casefold() else None


# The relations a kinship noun names that the vocabulary has a tie for; any other is a relative.
NEAR_TIES = frozenset({"parent_of", "child_of", "sibling_of", "spouse_of"})
_SENTENCE_END = re.compile(r"[.!?\n]")


def narrator_ties(extraction: Extraction) -> list[Claim]:
    """The ties the marks give between a signed statement's narrator and the relatives it
    names ("I, X, … My father, Y, …": Y parent_of X), where the language's own reading made
    none: the words before the name say who the relative is, whatever the sentence says of him.
    """
    text = extraction.document.text
    persons = [m for m in extraction.mentions if m.kind == "person" and m.name]
    narrator = narrator_opening(text, persons)
    if narrator is None:
        return []
    tied = {(c.subject, c.object) for c in extraction.claims if c.object}
    ties = []
    for m in persons:
        # a son named after his father is his son still: the words before the name say so
        if m.attrs.get("kin_of") != "narrator" or m.start < narrator.end or \
                (m.id, narrator.id) in tied:
            continue
        relation = str(m.attrs.get("kin_relation") or "")
        start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        end = _SENTENCE_END.search(text, m.end)
        ties.append(Claim(
            type=relation if relation in NEAR_TIES else "relative_of", subject=m.id,
            object=narrator.id, document_id=extraction.document.id, confidence=0.8,
            evidence=[Span(start + len(text[start:m.start]) - len(text[start:m.start].lstrip()),
                           end.end() if end else len(text))],
            attrs={"kin": m.attrs.get("kin"), "of": "narrator"}))
        tied.add((m.id, narrator.id))
    return ties

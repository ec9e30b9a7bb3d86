"""Mangled spellings of a name the same text gives: a word spelt nearly as a person's surname
named elsewhere in the text is that surname's garbled form, hence a person too.

Machine translation through a non-Latin intermediary respells one surname several ways in one
text (Pikel as Pikl, Pickerel, Pickle; Yezhov as Yerov, Yerev; l and r swapped, letters
doubled or dropped), and some of those spellings are English words ("Pickle") that no word
test would ever take for a name. A capitalised word inside a sentence, standing where a noun
phrase stands, that is spelt within a small edit of a surname the text already gives a person
is that person's name (docs/constructions.md, "Names: a known name's mangled spelling").

This says only that the word names *someone*; which person it is, the resolver decides.
"""

from __future__ import annotations

from rapidfuzz.distance import JaroWinkler
from spacy.tokens import Token

from kartoteka.names.attested import attested_surname
from kartoteka.names.channel import CHANNEL_THRESHOLD, channel_similarity, skeleton
from kartoteka.names.similarity import surname_similarity

MIN_LENGTH = 5  # shorter words are too many English words apart ("Kork", "Cork", "Fork")
# Jaro–Winkler >= 0.9 joined eight of ten real variant pairs of one surname with no false
# join on seven pairs of different people (DESIGN.md, "Measured"); surname_similarity adds
# the transliteration-aware cases (Yezhov/Yerev) it misses.
MIN_SIMILARITY = 0.9
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos",
                           "dative", "attr", "npadvmod", "ROOT"})


def spelling_of(word: str, surnames: set[str]) -> str | None:
    """The surname among ``surnames`` that ``word`` is a close spelling of, if any."""
    if len(word) < MIN_LENGTH or word in surnames:
        return None
    low = word.lower()
    best, score = None, 0.0
    for s in surnames:
        if len(s) < MIN_LENGTH or s[:1].lower() != low[:1]:
            continue  # the first letter survives these translations
        if low.startswith(s.lower()) and len(low) - len(s) >= 2:
            continue  # a word derived from the name ("Kirovsk", "Stalinist"), not a spelling
        sim = max(JaroWinkler.similarity(low, s.lower()), surname_similarity(word, s))
        if sim > score:
            best, score = s, sim
    return best if score >= MIN_SIMILARITY else None


MIN_SKELETON = 3  # consonant classes: two ("Mari", "Moor") leave the channel too much to choose


def channel_spelling_of(word: str, surnames: set[str]) -> str | None:
    """The surname among ``surnames`` that the translation channel could have made ``word``
    of (``names.channel``: l/r, voicing, a syllable's liquid: "Pikel" of "Pikor"), keeping the
    first letter, when the word has three consonant classes or more and the two are not two
    dictionary surnames (two families). The caller asks this only of a word no English
    dictionary has: the channel's similarity is loose, and "Baker" is Pauker's skeleton."""
    if len(word) < MIN_LENGTH or word in surnames or len(skeleton(word)) < MIN_SKELETON:
        return None
    low = word.lower()
    best, score = None, 0.0
    for s in surnames:
        if len(s) < MIN_LENGTH or s[:1].lower() != low[:1]:
            continue
        if low.startswith(s.lower()) and len(low) - len(s) >= 2:
            continue  # a derived word, as in spelling_of
        if attested_surname(word) and attested_surname(s):
            continue
        sim = channel_similarity(word, s)
        if sim > score:
            best, score = s, sim
    return best if score >= CHANNEL_THRESHOLD else None


def in_name_slot(tok: Token) -> bool:
    """A word standing where a noun phrase stands, not a modifier ("the Pickle jar")."""
    return tok.dep_ in ARGUMENT_DEPS or tok.tag_ == "POS" or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS")


__all__ = ["channel_spelling_of", "in_name_slot", "spelling_of"]

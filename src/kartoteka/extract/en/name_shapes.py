"""The shape of a token that may be part of an English-spelled name: initials run together,
a Russian surname's or patronymic's ending, capitalisation (person_evidence.py's and persons.py's
word tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.names.attested import attested_given_name, reads_as_a_russian_word


def russian_surname_shape(tok: Token) -> bool:
    """A capitalised word with a Russian surname suffix (-ov, -ev, -in, -sky, …; the
    suffixes of Unbegaun's *Russian Surnames*), long enough not to be an English noun."""
    low = tok.lower_
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    return (len(low) >= 6 and low.endswith(lx.SLAVIC_SURNAME_SUFFIXES)) or (
        len(low) >= 7 and low.endswith(("in", "yn")))


def dictionary_given_name(tok: Token, common: Callable[[Token], bool]) -> bool:
    """A Russian given name the list of European names leaves out (it wants a name borne in
    two countries: Марфа, Устин), read in the Russian dictionary; an English word ("Roman",
    "Glory") is left to that list."""
    return tok.is_alpha and not common(tok) and attested_given_name(tok.text) is not None


def unlisted_word_before_surname(toks: Span, common: Callable[[Token], bool]) -> bool:
    """"Nozheda Aliluyeva": two words, the second shaped like a Russian surname, the first in
    no English word list, no title and no Russian dictionary word ("Tovarishch Lapin" is a
    form of address): a given name the channel mangled past every list of names."""
    first = toks[0]
    return (len(toks) == 2 and russian_surname_shape(toks[1]) and first.is_alpha
            and not common(first) and first.lower_ not in lx.TITLES
            and not reads_as_a_russian_word(first.text))


# Endings of Russian patronymics in English spelling (-ovich, -evich, -ovna, -evna, -ichna, and
# the German -owitsch): Unbegaun, Russian Surnames, on patronymics.
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovitch", "evitch", "owitsch", "ewitsch", "ovna", "evna",
                      "ichna", "inichna")


# The short patronymics in -ich of Илья, Кузьма, Лука, Фома, Никита, Савва (Ильич, Кузьмич …;
# Unbegaun, Russian Surnames, on patronymics) in their English spellings.
SHORT_PATRONYMICS = frozenset({"ilyich", "ilich", "iljich", "ilitch", "kuzmich", "kuzmitch",
                               "lukich", "lukitch", "fomich", "fomitch", "nikitich", "savvich"})


def patronymic_shape(tok: Token) -> bool:
    low = tok.lower_
    return tok.text[:1].isupper() and (len(low) >= 7 and low.endswith(PATRONYMIC_ENDINGS)
                                       or low in SHORT_PATRONYMICS)


def ascii_fold(word: str) -> str:
    """"józef" -> "jozef": the name dictionary spells many names without diacritics."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


# Initials run together in one token: "N.I.", "G.G.", "A.Ya." (a two-letter initial stands
# for one Cyrillic letter in BGN/PCGN and ALA-LC romanisation: Ya, Yu, Kh, Zh, Sh, Ch).
COMPACT_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){2,3}")
ONE_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def opens_with_initials(toks: Span | list[Token]) -> bool:
    """Whether a run is two or more initials and a word: "N.I. Yezhov", "N. I. Yezhov"."""
    toks = list(toks)
    if len(toks) < 2 or not toks[-1].text[:1].isupper():
        return False
    if COMPACT_INITIALS.fullmatch(toks[0].text):
        return True
    return len(toks) > 2 and all(ONE_INITIAL.fullmatch(t.text) for t in toks[:2])


def is_capitalised(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isupper():
        return False
    if len(text) == 2 and text[1] == "." and text[0].isalpha():
        return True  # an initial
    return text.replace("-", "").replace("'", "").isalpha()


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "one"})


def opens_a_russian_name(doc: Doc, k: int, common: Callable[[Token], bool]) -> bool:
    """"German (Герман) Matveyevich Orlov": a given name spelt as a demonym opens a name before
    a patronymic or a Russian surname, without a determiner ("the German officer Orlov")."""
    if k + 1 >= len(doc) or (k > 0 and doc[k - 1].lower_ in _DETERMINERS):
        return False
    after = doc[k + 1]
    low = after.lower_
    return after.text[:1].isupper() and after.is_alpha and len(low) >= 4 and (
        low.endswith(PATRONYMIC_ENDINGS) or low.endswith(lx.SLAVIC_SURNAME_SUFFIXES)
        or (low.endswith(("in", "yn", "ina")) and not common(after)))


def inverted_name(doc: Doc, i: int, name_token: Callable[[Token, set[int]], bool],
                      blocked: set[int], is_given: Callable[[Token], bool]) -> bool:
    """A record line's name in the order of an index, "Surname, Given Patronymic" (the order
    names.parse reads with a comma): at a line's start (after a number, if any), a comma, a
    given name and a patronymic's shape. Elsewhere "Ivanov, Pyotr Semyonovich" may be two
    people addressed in turn, so only a line's head is read so."""
    if i + 3 >= len(doc) or doc[i + 1].text != "," or not all(
            name_token(doc[k], blocked) for k in (i, i + 2, i + 3)):
        return False
    if i + 4 < len(doc) and name_token(doc[i + 4], blocked):
        return False  # "Grandmother, Yevdokiya Petrovna Lukina": an apposition, name last
    head = doc.text[doc.text.rfind("\n", 0, doc[i].idx) + 1:doc[i].idx]
    return not head.strip(" \t0123456789.)") and is_given(doc[i + 2]) \
        and patronymic_shape(doc[i + 3]) and doc[i].lower_ not in lx.KIN_NOUNS


def month_as_given_name(tok: Token) -> bool:
    """"August Kork": a month word before a capitalised name that is no date."""
    if tok.lower_ not in lx.MONTH_NAMES or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return (nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ not in lx.MONTH_NAMES
            and not (tok.i > 0 and tok.doc[tok.i - 1].like_num))


# Hyphen-minus, en dash and em dash: what separates a name from its description in a roll.
DASHES = frozenset({"-", "\u2013", "\u2014"})


def tag_spilled_over_dash(doc: Doc, first: int) -> bool:
    """Whether the entity the run at ``first`` is tagged with began before it, across a dash."""
    tok = doc[first]
    if tok.ent_iob_ != "I":
        return False
    k = first - 1
    while k >= 0 and doc[k].ent_iob_ == "I":
        k -= 1
    return any(t.is_punct and t.text in DASHES for t in doc[max(k, 0):first])

"""Matching keys for names in either script.

A key is built in three steps: read the name as Cyrillic (Latin spellings are read back under the
most likely family of schemes, see ``translit.cyrillic_readings``), strip the feminine surname
ending (Ежова -> Ежов: the family name, gender is compared separately), then map letters to a
coarse alphabet (``name_data.KEY_LETTERS``) that merges what the schemes disagree on.

``surname_key`` is strict enough to compare for equality; ``name_keys`` adds looser keys meant
for blocking in record linkage, where recall matters more than precision.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from kartoteka.names.baltic import baltic_stem, looks_baltic
from kartoteka.names.name_data import (
    COARSE_KEY,
    FEMININE_SURNAME_ENDINGS,
    FINE_KEY_LETTERS,
    INITIAL_CLASS,
    INITIAL_KEY_LETTERS,
)
from kartoteka.names.translit import cyrillic_readings, is_cyrillic, to_latin
from kartoteka.names.translit_tables import SOFT_MARKS

if TYPE_CHECKING:
    from kartoteka.names.parse import PersonName

_MIN_STEM = 2


def _strip_feminine(word: str) -> str:
    for feminine, masculine in FEMININE_SURNAME_ENDINGS:
        if word.endswith(feminine) and len(word) - len(feminine) >= _MIN_STEM:
            return word[: -len(feminine)] + masculine
    return word


_LETTERS_RE = re.compile(r"[^\W\d_]+")
_AFTER_HUSHING_O_RE = re.compile(r"(?<=[xjc])o")
_GLIDE_RE = re.compile(r"['iy]+(?=[aeou])")
_DOUBLED_RE = re.compile(r"(.)\1+")
_FINE_KEY_TABLE = str.maketrans(FINE_KEY_LETTERS)


def key_form(cyrillic: str, *, surname: bool = True, fine: bool = False) -> str:
    """The key of a name already written in Cyrillic (Latin leftovers are kept as they are).

    ``fine=True`` keeps ж/ш, з/с and ц apart (for similarity); the default coarse form merges
    them (for equality and blocking).
    """
    return _key_form(cyrillic, surname, fine)


# The romanisations of one surname mostly read back to a few Cyrillic spellings (a list of
# 42,569 distinct surname forms reads to 77,344 distinct readings among 100,726): each
# reading's key is made once (the registry generator's 100,000 records).
@lru_cache(maxsize=1 << 17)
def _key_form(cyrillic: str, surname: bool, fine: bool) -> str:
    words = _LETTERS_RE.findall(cyrillic.lower())
    if surname:
        words = [_strip_feminine(word) for word in words]
    letters = "".join(words).translate(_FINE_KEY_TABLE)
    if not letters.isascii():  # accents left on Latin leftovers; ASCII has none to strip
        letters = "".join(
            c for c in unicodedata.normalize("NFKD", letters) if not unicodedata.combining(c)
        )
    # After ж/ш/щ/ч Russian writes о, ё or е for the same sound (Хрущёв, Khrushchov, -ев).
    letters = _AFTER_HUSHING_O_RE.sub("e", letters)
    # A glide before a vowel is spelled i, y, j, ь or not at all (Zinoviev, Zinovyev, Зиновьев).
    letters = _GLIDE_RE.sub("y", letters).replace("'", "")
    if not fine:
        letters = letters.translate(COARSE_KEY)
    # Doubled letters are optional in transliteration (Shpigelglass) and -ий/-ый end in "ii".
    return _DOUBLED_RE.sub(r"\1", letters)


def _spellings(name: str) -> list[str]:
    """The name, and the name without a Baltic ending: first when only Latvian or Lithuanian
    writes the word so (Bērziņš is Берзин), else after it (Alksnis may stay Алкснис)."""
    stem = baltic_stem(name) if len(name.split()) == 1 else None
    if stem is None:
        return [name]
    return [stem, name] if looks_baltic(name) else [name, stem]


def _reading_keys(name: str, *, surname: bool, fine: bool) -> tuple[str, ...]:
    keys: list[str] = []
    for spelling in _spellings(name.strip().rstrip(".")):
        for reading in cyrillic_readings(spelling):
            key = _key_form(reading, surname, fine)
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=65536)
def surname_keys(surname: str) -> tuple[str, ...]:
    """Coarse keys of every plausible Cyrillic reading of a surname, the most likely first."""
    return _reading_keys(surname, surname=True, fine=False)


@lru_cache(maxsize=65536)
def surname_fine_keys(surname: str) -> tuple[str, ...]:
    """Fine key forms of every plausible reading of a surname (what similarity compares)."""
    return _reading_keys(surname, surname=True, fine=True)


def surname_key(surname: str) -> str:
    """A coarse, script-independent key: Ежов, Yezhov, Ezhov, Ežov, Jeschow, Iejov -> "ejev".

    Equal keys mean "spelled differently, probably the same surname". Feminine endings are folded
    into the masculine (Ежова -> Ежов), so the key names a family; compare gender separately.
    """
    keys = surname_keys(surname)
    return keys[0] if keys else ""


def given_key(given: str) -> str:
    """The coarse key of a given name or patronymic (no feminine-ending folding)."""
    keys = given_keys(given)
    return keys[0] if keys else ""


@lru_cache(maxsize=65536)
def given_keys(given: str) -> tuple[str, ...]:
    """Coarse keys of every reading of a given name or patronymic."""
    return _reading_keys(given, surname=False, fine=False)


@lru_cache(maxsize=65536)
def given_fine_keys(given: str) -> tuple[str, ...]:
    """Fine key forms of every reading of a given name or patronymic."""
    return _reading_keys(given, surname=False, fine=True)


@lru_cache(maxsize=65536)
def initial_key_letters(initial: str) -> frozenset[str]:
    """Initial classes (Cyrillic letters, ``name_data.INITIAL_CLASS``) a written initial may
    stand for: "Y." -> Е/Ю/Я/Й, "Н." -> Н, "Ch." -> Ч/Х/Ш, "J." -> Й/И (Josef is Иосиф)...

    Letters, not matching keys: a key drops the glide of Иосиф ("osif"), and its initial И.
    would then stand for no name that starts with И."""
    letters = initial.strip().rstrip(".").lower()
    if not letters:
        return frozenset()
    if is_cyrillic(letters):
        return frozenset(letters[0].translate(INITIAL_CLASS))
    if letters in INITIAL_KEY_LETTERS:
        return frozenset(INITIAL_KEY_LETTERS[letters])
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", letters) if not unicodedata.combining(c)
    )
    if plain in INITIAL_KEY_LETTERS:
        return frozenset(INITIAL_KEY_LETTERS[plain])
    return name_initials(letters)


@lru_cache(maxsize=65536)
def name_initials(name: str) -> frozenset[str]:
    """Initial classes a full name (either script) would be abbreviated to in Cyrillic: the
    first letter of each reading (Josef: Ё, Ж), with И for a reading opening with Ё or Йо,
    which a Latin Jo / Yo / Io may render (Иосиф, Иоанн)."""
    out: set[str] = set()
    for spelling in _spellings(name.strip().rstrip(".")):
        for reading in cyrillic_readings(spelling):
            first = reading[:1].lower()
            if not first or first == "ы":  # no Russian name opens with Ы: a reading's artefact
                continue
            out.add(first.translate(INITIAL_CLASS))
            if first == "ё" or reading.lower().startswith("йо"):
                out.add("и")
    return frozenset(out)


def loose_key(key: str) -> str:
    """A looser key for blocking: l = r, and ж/ш = r (translation through Chinese), vowels after
    the first letter dropped: Yezhov, Yerov and Yerev all land on "erv"."""
    merged = key.replace("l", "r").replace("j", "r")  # j is ж or ш in the coarse key
    return merged[:1] + merged[1:].translate(_NO_VOWELS)


_NO_VOWELS = str.maketrans("", "", "aeiou")


# A loose key this short one letter from another (Ivnv, Inv) is another surname as often as a
# typo: the "one letter apart" surname level (resolve.comparisons) reads keys of this many
# letters on.
MIN_DELETION_KEY = 5


def neighbour_key(key: str) -> str:
    """A coarser form of a surname key, for finding the stored profiles worth comparing: the
    loose key with the letters a Latin "ch", "kh" or "h" may stand for merged (ц, ч, х) and a
    final -s dropped (a Baltic ending kept in one spelling and not in another). Ulrich and
    Ulrikh, whose likeliest readings differ, meet here; so do Alksnis and Алкснис."""
    coarse = re.sub(r"(.)\1+", r"\1", loose_key(key).replace("h", "c"))
    return coarse[:-1] if coarse.endswith("s") and len(coarse) > 3 else coarse


def fold(text: str) -> str:
    """A lowercase Latin skeleton of a name in either script: "Ежов Николай" -> "yezhov nikolay"."""
    latin = to_latin(text, "bgn") if is_cyrillic(text) else text
    plain = latin if latin.isascii() else "".join(  # ASCII has no accent to strip
        c for c in unicodedata.normalize("NFKD", latin.translate(_UNDECOMPOSABLE))
        if not unicodedata.combining(c)
    )
    words = _LATIN_WORDS_RE.findall(plain.translate(_NO_SOFT_MARKS).lower())
    return " ".join(words)


# Latin letters of Central and Northern European names that Unicode does not decompose into a
# base letter and a mark (Polish ł, Croatian đ, Danish ø, German ß, Turkish ı), by the base
# letter each alphabet's own ASCII fallback writes (Unicode's confusables list agrees).
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                                 "ß": "ss", "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe",
                                 "Œ": "Oe"})
_NO_SOFT_MARKS = str.maketrans("", "", SOFT_MARKS)  # a mark inside a word does not split it
_LATIN_WORDS_RE = re.compile(r"[a-z]+")


def name_keys(name: PersonName) -> frozenset[str]:
    """Blocking keys for record linkage.

    "s:<key>" for each reading of the surname, "s:<key>|g:<letter>" adding each letter the given
    name (or first initial) can start with, and "l:<loose key>" for the l/r and zh/r confusions.
    A name without a surname gets "g:<given key>" so it can still meet its own kind.
    """
    keys: set[str] = set()
    first_letters: set[str] = set()
    if name.given:
        first_letters = set(name_initials(name.given))
    elif name.initials:
        first_letters = set(initial_key_letters(name.initials[0]))
    if name.surname:
        for key in surname_keys(name.surname):
            keys.add(f"s:{key}")
            keys.add(f"l:{loose_key(key)}")
            keys.update(f"s:{key}|g:{letter}" for letter in first_letters)
    elif name.given:
        keys.update(f"g:{key}" for key in given_keys(name.given))
    return frozenset(keys)

"""Latvian and Lithuanian name forms: the Russian stem behind a Baltic nominative ending.

A Latvian or Lithuanian name carries a nominative ending that Russian drops (Zakovskis and
Заковский, Uborevičius and Уборевич, Jānis Bērziņš and Ян Берзин, Jeronimas and Иероним) or keeps
(Alksnis and Алкснис). ``baltic_stem`` proposes the form without the ending; the keys offer it as
one more reading of the name, so both kinds of correspondence meet.
"""

from __future__ import annotations

from functools import lru_cache

from kartoteka.names.name_data import (
    BALTIC_CYRILLIC_ENDINGS,
    BALTIC_LATIN_ENDINGS,
    BALTIC_LETTERS,
    BALTIC_MIN_STEM,
    BALTIC_SURE_ENDINGS,
)
from kartoteka.names.translit import is_cyrillic

_VOWELS = frozenset("aeiouyāēīū")


def looks_baltic(word: str) -> bool:
    """True for a Latin word that only Latvian or Lithuanian spelling writes so."""
    low = word.lower()
    if is_cyrillic(low):
        return False
    return bool(set(low) & BALTIC_LETTERS) or low.endswith(BALTIC_SURE_ENDINGS)


@lru_cache(maxsize=65536)
def baltic_stem(word: str) -> str | None:
    """The word without a Baltic nominative ending ("Zakovskis" -> "Zakovsky", "Bērziņš" ->
    "Bērziņ", "Уборевичюса" -> "Уборевич"), or None when it has no such ending."""
    low = word.lower()
    endings = BALTIC_CYRILLIC_ENDINGS if is_cyrillic(low) else BALTIC_LATIN_ENDINGS
    for ending, replacement in endings:
        if not low.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if ending == "s" and not (looks_baltic(word) and stem[-1:].lower() not in _VOWELS):
            continue  # a bare -s is Baltic only in Baltic spelling (Leonīds; not Evans, Jones)
        if len(stem) < BALTIC_MIN_STEM:
            return None
        return stem + replacement
    return None

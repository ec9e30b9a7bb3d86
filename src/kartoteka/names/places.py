"""Whether a Latin word reads as a Russian place name: OpenCorpora's dictionary (through
pymorphy3) marks toponyms with the grammeme Geox (Киев, Ростов, Томск, Киров), and each
Cyrillic reading of the word (``translit.cyrillic_readings``) is looked up. A question for the
English extractor's constructions that name a place of origin, where a surname is not
expected: a word that is both (Киров, Орёл) is decided by the construction, not here."""

from __future__ import annotations

from functools import lru_cache

from kartoteka.names.lexicon import russian_analyzer
from kartoteka.names.translit import cyrillic_readings


@lru_cache(maxsize=20_000)
def reads_as_russian_place(word: str) -> bool:
    """Whether some Cyrillic reading of ``word`` is a place name in OpenCorpora."""
    if not word.isalpha():
        return False
    # dictionary words only: pymorphy's guesses for unknown words copy the tags of words
    # that end alike, and an unheard-of surname in -ич or -ова can end like a town
    return any(parse.is_known and "Geox" in parse.tag.grammemes
               for reading in cyrillic_readings(word)
               for parse in russian_analyzer().parse(reading.lower()))


__all__ = ["reads_as_russian_place"]

"""Nominative candidates for inflected surnames, before they are keyed or compared.

Russian texts decline surnames (Тухачевского, Ежову) and English ones add possessives and
plurals ("Yezhov's", "the Karins"). This module only proposes candidates; a morphological
analyser (pymorphy3, natasha in ``extract/ru``) decides in context. Ежова stays ambiguous: the
genitive of Ежов or a woman's surname; both candidates are returned.
"""

from __future__ import annotations

from kartoteka.names.name_data import ENGLISH_SURNAME_SUFFIXES, SURNAME_CASE_ENDINGS
from kartoteka.names.translit import is_cyrillic

_MIN_STEM = 2


def surname_nominatives(word: str) -> tuple[str, ...]:
    """The word itself first, then each nominative it may be an inflected form of.

    "Тухачевского" -> ("Тухачевского", "Тухачевский"); "Ежову" -> ("Ежову", "Ежов");
    "Yezhov's" -> ("Yezhov's", "Yezhov"); "Karins" -> ("Karins", "Karin").
    """
    candidates = [word]
    if is_cyrillic(word):
        lower = word.lower()
        for ending, nominative in SURNAME_CASE_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= _MIN_STEM:
                candidates.append(word[: -len(ending)] + nominative)
                break
        return tuple(dict.fromkeys(candidates))
    for suffix in ENGLISH_SURNAME_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            candidates.append(word[: -len(suffix)] + ("s" if suffix[0] == "s" else ""))
            break
    base = candidates[-1]
    # An English plural of a Russian surname ("the Karins", "the Yezhovs").
    if base.endswith("s") and base[-2:-1] in ("v", "n", "f", "w", "y", "i") and len(base) > 3:
        candidates.append(base[:-1])
    return tuple(dict.fromkeys(candidates))

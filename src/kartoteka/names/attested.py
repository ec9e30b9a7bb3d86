"""Whether a surname form is attested in the Russian lexicon (pymorphy3's dictionary).

Translation noise produces forms no Russian family bears (Yerev, Morchanov); when one person
is written several ways, the form whose Cyrillic reading the dictionary knows as a surname
is the better name to show and to link by. The dictionary is a general lexicon, not a list of
the people in any source.
"""

from __future__ import annotations

from functools import cache

from kartoteka.names.lexicon import russian_analyzer
from kartoteka.names.translit import cyrillic_readings


@cache
def attested_surname(form: str) -> bool:
    """True when a reading of ``form`` (either script) is a dictionary surname."""
    analyser = russian_analyzer()
    for reading in cyrillic_readings(form.strip())[:3]:
        word = reading.lower()
        if analyser.word_is_known(word) and any(
                parse.is_known and "Surn" in parse.tag for parse in analyser.parse(word)):
            return True
    return False


# OpenCorpora tags a first name "Name", with its gender; "ms-f" is a name of either.
_NAME_GENDERS = {"masc": "m", "femn": "f", "ms-f": "mf"}


@cache
def attested_given_name(form: str) -> str | None:
    """"m", "f" or "mf" when a reading of ``form`` (either script) is a given name of the
    dictionary in its own nominative (Марфа, Агафья, Устин: the names of peasant families
    that a list of European names leaves out), else None. Two letters are too few to tell."""
    if len(form.strip()) < 3:
        return None
    analyser = russian_analyzer()
    for reading in cyrillic_readings(form.strip())[:3]:
        word = reading.lower().replace("ё", "е")
        genders = {_NAME_GENDERS.get(str(parse.tag.gender)) for parse in analyser.parse(word)
                   if parse.is_known and {"Name", "sing", "nomn"} <= parse.tag.grammemes
                   and parse.normal_form.replace("ё", "е") == word}
        genders.discard(None)
        if genders:
            return genders.pop() if len(genders) == 1 else "mf"
    return None


@cache
def reads_as_a_russian_word(form: str) -> bool:
    """True when the likeliest Cyrillic reading of ``form`` is a dictionary word other than a
    name (Tovarishch, Grazhdanin: a form of address left untranslated, not a given name)."""
    word = cyrillic_readings(form.strip())[0].lower()
    return any(parse.is_known and not {"Name", "Surn", "Patr"} & parse.tag.grammemes
               for parse in russian_analyzer().parse(word))

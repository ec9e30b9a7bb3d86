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

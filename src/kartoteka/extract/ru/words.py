"""What one Russian word is, for the name rules: a post, a common noun, a word no name has, a
surname in the plural, a surname's man's form. Dictionary questions only (pymorphy3), no context.
"""

from __future__ import annotations

import re

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.lexicon import TITLE_WORDS

# Surnames in the plural: "Сомовы", "Сомовых", "Орловские" ("Сомовым" and "Орловским" are left
# out: they are also one man's instrumental).
PLURAL_SURNAME = (re.compile(r"([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))(ы|ых|ыми)$"),
                  re.compile(r"([А-ЯЁ][а-яё]+(?:ск|цк))(ие|их|ими)$"))
NOT_NAME_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "CONJ", "PREP", "NPRO", "PRCL"}


def is_title(word: str) -> bool:
    """A post or rank before a name ("Нарком Ягода", "Комкор В. М. Примаков")."""
    lower = word.lower()
    return lower in TITLE_WORDS or (
        morph.lemma(lower) in TITLE_WORDS and not morph.has_tag(word, "Surn"))


def not_a_name(word: str) -> bool:
    """natasha's false people: "Родился", "Рассылаемое"."""
    readings = morph.parses(word)
    if not readings or any(t in p.tag for p in readings for t in ("Name", "Surn", "Patr")):
        return False
    return readings[0].is_known and readings[0].tag.POS in NOT_NAME_POS


def is_common_noun(word: str) -> bool:
    """True when the dictionary knows ``word`` and every reading is a common noun (no given
    name, surname or patronymic): "Судьба", "Биография"."""
    readings = morph.parses(word)
    return bool(readings) and all(
        p.is_known and p.tag.POS == "NOUN" and not ({"Name", "Surn", "Patr"} & set(p.tag.grammemes))
        for p in readings)


def family_name(word: str, *, known: list[str], family: bool) -> str | None:
    """"Сомовы", "Сомовых" (a surname in the plural): the family's name in the man's form
    ("Сомов"). The nominative plural is a family wherever it stands; the other plural forms
    ("Сомовых" may be one person's indeclinable surname, as Черных) only after a word for a
    family (``family``) or where the document names a person of that surname (``known``)."""
    m = next((m for m in (p.match(word) for p in PLURAL_SURNAME) if m), None)
    if m is None:
        return None
    stem, ending = m.groups()
    base = stem + ("ий" if stem.endswith(("ск", "цк")) else "")
    bases = {masculine_base(part) for name in known for part in name.split()}
    if ending in ("ы", "ие") or family or base.lower() in bases:
        return base
    return None


def masculine_base(surname: str) -> str:
    """The man's form a surname shares with his family: Ежова -> ежов, Бокая -> бокий."""
    lower = surname.lower()
    for fem, masc in (("ская", "ский"), ("цкая", "цкий"), ("ова", "ов"), ("ева", "ев"),
                      ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын")):
        if lower.endswith(fem):
            return lower[: -len(fem)] + masc
    return lower

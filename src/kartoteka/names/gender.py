"""Gender from the form of a Russian name: patronymic, given name, surname ending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kartoteka.names.given_names import given_name_gender
from kartoteka.names.keys import fold
from kartoteka.names.name_data import (
    FEMININE_SURNAME_ENDINGS,
    FEMININE_SURNAME_ENDINGS_LATIN,
    MASCULINE_SURNAME_ENDINGS,
    MASCULINE_SURNAME_ENDINGS_LATIN,
    PATRONYMIC_SUFFIXES_FEMALE,
    PATRONYMIC_SUFFIXES_MALE,
)
from kartoteka.names.translit import is_cyrillic

if TYPE_CHECKING:
    from kartoteka.names.parse import PersonName

_MIN_STEM = 2


def _plain(word: str) -> str:
    return word.lower() if is_cyrillic(word) else fold(word).replace(" ", "")


def _ends_with(word: str, endings: tuple[str, ...]) -> bool:
    return any(word.endswith(e) and len(word) - len(e) >= _MIN_STEM for e in endings)


def patronymic_gender(patronymic: str) -> str | None:
    """'m' for -ович/-evich/-owitsch, 'f' for -овна/-evna/-ichna, else None."""
    word = _plain(patronymic)
    if _ends_with(word, PATRONYMIC_SUFFIXES_FEMALE):
        return "f"
    if _ends_with(word, PATRONYMIC_SUFFIXES_MALE):
        return "m"
    return None


def surname_gender(surname: str) -> str | None:
    """'f' for -ова/-ева/-ина/-ская (Ежова, Yezhova), 'm' for -ов/-ин/-ский, else None.

    In running Russian text -ова is also the genitive of a man's surname (Ежова = "of Yezhov");
    callers that know the case should not rely on this alone.
    """
    # A double surname (Антонов-Овсеенко) shows its gender in the first part.
    word = _plain(surname.split("-")[0])
    feminine = tuple(f for f, _ in FEMININE_SURNAME_ENDINGS) + FEMININE_SURNAME_ENDINGS_LATIN
    if _ends_with(word, feminine) or (is_cyrillic(word) and _ends_with(word, ("ая",))):
        return "f"
    masculine = MASCULINE_SURNAME_ENDINGS + MASCULINE_SURNAME_ENDINGS_LATIN
    if _ends_with(word, masculine):
        return "m"
    return None


def gender_from_parts(
    surname: str | None, given: str | None, patronymic: str | None
) -> str | None:
    """Patronymic first (least ambiguous), then the given-name list, then the surname ending."""
    for part, guess in (
        (patronymic, patronymic_gender),
        (given, given_name_gender),
        (surname, surname_gender),
    ):
        if part:
            found = guess(part)
            if found:
                return found
    return None


def gender_of(name: PersonName) -> str | None:
    """Gender of a parsed name: its own ``gender`` if set, else guessed from its parts."""
    if name.gender:
        return name.gender
    return gender_from_parts(name.surname, name.given, name.patronymic)

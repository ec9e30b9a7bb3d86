"""Two death years of one person: a disagreement weighed, not a refusal, when more than the
name says the two records are one man's.

Death dates are the facts these sources get wrong most often, and not by chance: for decades
the families of the shot were told of a later death in a camp (from 1955 the registry offices
issued such certificates: "died in 1942 of heart failure" for a shooting in 1937), and a
testimony, an interrogation and a list may each carry one of the two dates. Birth years do not
suffer this. So death years more than ``YEAR_TOLERANCE`` apart keep two records apart only
while nothing beyond the name identifies them, as an archivist hesitates when only a surname
and a given name agree; when both give the whole name (the surname under one reading, a full
given name and a full patronymic) and their years of birth (within one) or their birthplaces
agree too, the two death years are weighed by the model's death-year level (which pulls the
probability down by ~5 bits) and shown on the pair (``DIFFER``), and the pair links only if it
is still above the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from kartoteka.names import given_compatible, surname_keys
from kartoteka.names.similarity import patronymic_compatible
from kartoteka.resolve.records import NameParts

# Sources disagree by a year often (1937 or 1938): death years further apart are a conflict
# unless the records are identified beyond the name (``identified_beyond_name``).
YEAR_TOLERANCE = 1
# Birth years that agree, for identifying the person: within one, as sources differ by a year.
BIRTH_AGREES = 1
# The feature that shows two death years on a scored pair: [the first's, the second's].
DIFFER = "death_years_differ"


def _full(name: str | None) -> bool:
    """A written-out name, not an initial ("I.", "И")."""
    return name is not None and not name.endswith(".") and len(name.strip(". ")) > 1


@lru_cache(maxsize=65536)
def _full_names_agree(given_a: str | None, patronymic_a: str | None,
                      given_b: str | None, patronymic_b: str | None) -> bool:
    """Both give a full given name and a full patronymic, and each pair can be one name (a
    spelling, a script, a diminutive): a typo is the model's to weigh, not an identification."""
    return (_full(given_a) and _full(given_b) and _full(patronymic_a) and _full(patronymic_b)
            and given_compatible(given_a, given_b) is True
            and patronymic_compatible(patronymic_a, patronymic_b) is True)


def identified_beyond_name(a: NameParts, b: NameParts) -> bool:
    """Whether two records agree on enough to be one person's whatever their death years say:
    the whole name (the surname under one reading, a full given name and a full patronymic)
    and the year of birth (within one) or the birthplace (a reading key shared)."""
    born = (a.birth_year is not None and b.birth_year is not None
            and abs(a.birth_year - b.birth_year) <= BIRTH_AGREES)
    if not born and not (a.birthplace and b.birthplace and set(a.birthplace) & set(b.birthplace)):
        return False
    return (_full_names_agree(a.given, a.patronymic, b.given, b.patronymic)
            and _surnames_agree(a.surname, b.surname))


@lru_cache(maxsize=65536)
def _surnames_agree(a: str | None, b: str | None) -> bool:
    """One surname under some reading of each (Сидоров, Sidorov, Sidorow; Сидорова is his
    family's): a surname the model finds only similar (Shparov, Shchuprashovich) names another
    family, which full given names and a birth year do not outweigh."""
    return bool(a and b and set(surname_keys(a)) & set(surname_keys(b)))


def death_conflict(a: NameParts, b: NameParts) -> bool:
    """Death years more than a year apart, on records nothing beyond the name identifies."""
    x, y = a.death_year, b.death_year
    return (x is not None and y is not None and abs(x - y) > YEAR_TOLERANCE
            and not identified_beyond_name(a, b))


def differ(a: NameParts, b: NameParts) -> dict[str, Any]:
    """The pair's death years for a reviewer ({DIFFER: [1937, 1942]}) when they are more than a
    year apart, whether or not they conflict; else nothing."""
    x, y = a.death_year, b.death_year
    if x is not None and y is not None and abs(x - y) > YEAR_TOLERANCE:
        return {DIFFER: [x, y]}
    return {}


def clusters_deaths_conflict(a: Iterable[NameParts], b: Iterable[NameParts],
                             joining: tuple[NameParts, NameParts] | None = None) -> bool:
    """Whether the death years of two clusters keep them apart.

    Not when no two of them are more than a year apart; nor when one side's years are all
    among the other's (a "died 1942" joins the man whose records say 1937 and 1942: nothing
    new disagrees); nor when the pair being joined (``joining``) is identified beyond the name.
    Otherwise they do: 1937, 1938 and 1939 must not chain a year at a time into one man's."""
    deaths_a = {p.death_year for p in a if p.death_year is not None}
    deaths_b = {p.death_year for p in b if p.death_year is not None}
    if not any(abs(x - y) > YEAR_TOLERANCE for x in deaths_a for y in deaths_b):
        return False
    if deaths_a <= deaths_b or deaths_b <= deaths_a:
        return False
    return joining is None or not identified_beyond_name(*joining)

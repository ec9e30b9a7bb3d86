"""Two names of one document that are two people, whatever the names say.

The same full name twice in a statement is usually one person named again; a careful reader
keeps two when the text sets them apart (the marks come from ``extract.narrator``; the birth
years from the document's own affirmed birth claims):

- the narrator ("I, Ivan Orlov, ...") and a relative of the narrator ("my son, Ivan Orlov");
- two relatives of the narrator by different relations ("my father, Ivan Orlov" and "my
  brother, Ivan Orlov"), or of one relation and different genders;
- two different years of birth, more than ``BIRTH_YEARS_APART`` apart (as across documents:
  a year misread or given differently stays one person).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kartoteka.model import Claim, Mention

BIRTH_YEARS_APART = 2  # as the cross-document rule on years (resolve.constraints)


def birth_years(claims: Iterable[Claim]) -> dict[str, int]:
    """The year of birth each mention's affirmed birth claim gives (one year per mention;
    a mention given two years gets none). A year only reported, rumoured or hedged ("born in
    1890, by other accounts in 1895"; "probably in 1890") sets no one apart."""
    years: dict[str, set[int]] = {}
    for c in claims:
        if c.type == "birth" and c.polarity == "affirmed" and c.date and c.subject \
                and "modality" not in c.attrs and not c.attrs.get("hedged"):
            digits = str(c.date)[:4]
            if digits.isdigit():
                years.setdefault(c.subject, set()).add(int(digits))
    return {mention: next(iter(found)) for mention, found in years.items() if len(found) == 1}


def told_apart(a: Mention, b: Mention, born: Mapping[str, int]) -> bool:
    """Whether the text sets the people of two mentions apart (module docstring)."""
    year_a, year_b = born.get(a.id), born.get(b.id)
    if year_a is not None and year_b is not None and abs(year_a - year_b) > BIRTH_YEARS_APART:
        return True
    kin_a, kin_b = a.attrs.get("kin_of") == "narrator", b.attrs.get("kin_of") == "narrator"
    if (kin_a and b.attrs.get("narrator")) or (kin_b and a.attrs.get("narrator")):
        return True
    if kin_a and kin_b:
        relation_a, relation_b = a.attrs.get("kin_relation"), b.attrs.get("kin_relation")
        if relation_a and relation_b and relation_a != relation_b:
            return True
        gender_a, gender_b = a.attrs.get("kin_gender"), b.attrs.get("kin_gender")
        if relation_a == relation_b and gender_a and gender_b and gender_a != gender_b:
            return True
    return False


def not_the_narrator(people: list[Any]) -> list[Any]:
    """The people (``people.Person``) a bare name may be, less the narrator of a signed
    statement when anyone else fits: the narrator says "I", so "Orlov was exiled" in his
    statement is another Orlov, his father or his son."""
    others = [p for p in people if not any(m.attrs.get("narrator") for m in p.mentions)]
    return others or people

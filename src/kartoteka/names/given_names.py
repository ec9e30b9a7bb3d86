"""The given-name list (``data/given_names.tsv``): which spellings are one name, and its gender."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kartoteka.names.keys import given_fine_keys


@dataclass(frozen=True)
class GivenName:
    """One row of the list: a Cyrillic name, its gender and every form known to be the same."""

    name: str
    gender: str
    forms: tuple[str, ...]


@lru_cache(maxsize=1)
def load_given_names() -> tuple[GivenName, ...]:
    """Read the bundled list once."""
    text = resources.files("kartoteka.names").joinpath("data/given_names.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = []
    for record in csv.DictReader(lines, delimiter="\t"):
        forms = tuple(f.strip() for f in record["variants"].split(",") if f.strip())
        rows.append(GivenName(record["name"], record["gender"], (record["name"], *forms)))
    return tuple(rows)


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[int]]:
    # Fine keys: the coarse key drops glides and would make Ян one with Ann.
    index: dict[str, set[int]] = {}
    for number, row in enumerate(load_given_names()):
        for form in row.forms:
            for key in given_fine_keys(form):
                index.setdefault(key, set()).add(number)
    return {key: frozenset(numbers) for key, numbers in index.items()}


@lru_cache(maxsize=16384)
def given_name_groups(given: str) -> frozenset[int]:
    """Row numbers of the list that this spelling belongs to (empty when the name is unknown).

    The guessed reading is tried first; the other readings only when it finds nothing, so that
    a German reading of an English spelling cannot pull in a second name.
    """
    index = _index()
    for key in given_fine_keys(given):
        if key in index:
            return index[key]
    return frozenset()


def given_name_gender(given: str) -> str | None:
    """'m' or 'f' when every row the spelling belongs to agrees, else None."""
    rows = load_given_names()
    genders = {rows[number].gender for number in given_name_groups(given)}
    return genders.pop() if len(genders) == 1 else None


def given_name_row(number: int) -> GivenName:
    return load_given_names()[number]


_PATRONYMIC_SUFFIX_KEYS = ("ovna", "evna", "ovic", "evic", "icna", "ic", "na")


# A Georgian patronymic is the father's name in the genitive (-is after a consonant, -s after a
# vowel) before "dze" (son) or "asuli" (daughter): Pavles dze, Besarionis dze (Hewitt, Georgian:
# A Structural Reference Grammar, on personal names).
_GEORGIAN_PATRONYMIC = re.compile(r"(\w+?)(?:is|s)\s+(?:dze|asuli)", re.IGNORECASE)


def patronymic_stems(patronymic: str) -> tuple[str, ...]:
    """Fine keys of a patronymic without its suffix: Ivanovich -> "ivan", Яковлевич -> "yakovl",
    Georgian Pavles dze -> "pavle"."""
    georgian = _GEORGIAN_PATRONYMIC.fullmatch(patronymic.strip())
    if georgian:
        # as a Russian patronymic's stem drops the father's final vowel (Shalva, Shalv-ovna)
        keys = given_fine_keys(georgian.group(1))
        return tuple(dict.fromkeys([*keys, *(k[:-1] for k in keys if k[-1:] in "aeiouy")]))
    stems = []
    for key in given_fine_keys(patronymic):
        for ending in _PATRONYMIC_SUFFIX_KEYS:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                key = key[: -len(ending)]
                break
        stems.append(key)
    return tuple(dict.fromkeys(stems))


@lru_cache(maxsize=16384)
def father_name_groups(patronymic: str) -> frozenset[int]:
    """Rows of the given-name list the father's name may belong to.

    A patronymic stem is the father's name give or take its last letter (Иван-ович, Никола-евич,
    Яковл-евич, Павл-ович), so a name matches when its key starts with the stem minus one letter.
    """
    found: set[int] = set()
    for stem in patronymic_stems(patronymic):
        if len(stem) < 4:
            continue
        for key, numbers in _index().items():
            if key.startswith(stem[:-1]) and len(key) <= len(stem) + 2:
                found.update(numbers)
    return frozenset(found)


@lru_cache(maxsize=16384)
def father_name_rows(patronymic: str) -> frozenset[int]:
    """Rows of men's names of the list that are the father's name of this patronymic, read
    strictly: the stem is the name (Осип-ович), the name with an ending the suffix replaced
    (Никола-евич: Николай; Theodor-ovich: Theodore), the name and the linking -l- (Яковл-евич)
    or the name without the fleeting -e- of its last syllable (Павл-ович). Unlike
    ``father_name_groups`` no shorter stem is tried, so Маркович is no son of Мартин: what two
    patronymics share here is one father's name, which a comparison may count as agreement."""
    found: set[int] = set()
    rows = load_given_names()
    for stem in patronymic_stems(patronymic):
        if len(stem) < 3:
            continue
        for key, numbers in _index().items():
            if (key.startswith(stem) and len(key) <= len(stem) + 2) \
                    or (stem[:-1] == key and stem[-1:] == "l") \
                    or (key.endswith("el") and stem == key[:-2] + "l"):
                found.update(n for n in numbers if rows[n].gender == "m")
    return frozenset(found)

"""A bare surname that only one person bears: linked although the model stops just short.

A profile known by its surname alone ("Kirov") says nothing but the surname, so the model's
weight for it is the surname level and the prior: as the corpus grows, the prior falls and an
exact surname with nothing against it ends just under the line however rare the surname is.
Such a pair is still linked when the rest of the input leaves no choice: no two profiles with
that surname key name different people (given names, patronymics or genders that cannot be one
person's), so a bare "Kirov" cannot be mistaken for another Kirov the input knows of. A second
bearer anywhere (Lev Kamenev and Sergey Kamenev) keeps every bare "Kamenev" for review, and
the ambiguity and conflict rules of ``across.py`` still apply to the links made here.

A surname at least ``COMMON_SHARE`` of the profiles bear is common, and a bare mention of it
may be anybody (the namesake may appear only by surname): it is never lone. The share is the
linker's own frequency table ((count - 1) / n, ``across.surname_frequencies``) read as if
``PRIOR_PROFILES`` more profiles of other surnames were known, so a handful of profiles about
one man cannot make his surname common.

``across`` applies the rule only below ``across.MIN_PROFILES_TO_TRAIN`` profiles. Applied at
any size it linked far more (synthetic ``people`` benchmark, 10,000 profiles: recall 0.628 ->
0.776) but wrongly too (precision 0.990 -> 0.983): there two people who share a rare surname,
one of them named only by it, are common, and no surname frequency tells them apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from kartoteka.names.gender import surname_gender
from kartoteka.resolve.constraints import conflicts
from kartoteka.resolve.records import NameParts

# Surname levels that mean "the same surname": one spelling, or one key under the likeliest
# reading of each (Ежов / Yezhov). Variants (Solovov / Solovyov) never link a bare surname.
SAME_SURNAME = ("exact", "same main key")
# A surname with more different named forms than this is common: never treated as lone (and
# the pairwise check stays bounded at any scale).
MAX_NAMED_FORMS = 24
# The commonest Russian surnames (Smirnov, Ivanov, Kuznetsov) are each borne by roughly 1-2% of
# the population (published surname frequency counts of Russia, e.g. Zhuravlev's); the
# following dozens lie between 0.3 and 1%. A bare surname from this share on says too little.
COMMON_SHARE = 0.005
# Below tens of thousands of profiles the input's counts are those of its subjects, not of the
# population (a corpus on the terror names Stalin in every other document): read it as if
# this many more profiles of other surnames were known.
PRIOR_PROFILES = 20_000


def common_surnames(rows: Sequence[dict[str, Any]]) -> set[str]:
    """Surname keys borne by at least ``COMMON_SHARE`` of the profiles, smoothed."""
    counts = Counter(row["surname_key"] for row in rows if row.get("surname_key"))
    population = len(rows) + PRIOR_PROFILES
    return {key for key, count in counts.items() if (count - 1) / population >= COMMON_SHARE}


def lone_surnames(rows: Sequence[dict[str, Any]], parts: dict[str, NameParts]) -> set[str]:
    """Surname keys, not common, whose named profiles (a given name or initial) are all one
    person's."""
    named: dict[str, set[NameParts]] = defaultdict(set)
    keys: set[str] = set()
    for row in rows:
        key = row.get("surname_key")
        if not key:
            continue
        keys.add(key)
        own = parts[row["unique_id"]]
        if own.given:
            # Dates alone do not make two people here (a wrong year is likelier): the
            # clustering keeps such profiles apart anyway.
            named[key].add(replace(own, birth_year=None, death_year=None,
                                   birthplace=(), surname=None))
    lone = set()
    for key in keys - common_surnames(rows):
        forms = sorted(named.get(key, ()), key=repr)
        if len(forms) > MAX_NAMED_FORMS:
            continue
        if not any(conflicts(x, y) for i, x in enumerate(forms) for y in forms[i + 1:]):
            lone.add(key)
    return lone


def promotes(
    a: str,
    b: str,
    features: dict[str, Any],
    parts: dict[str, NameParts],
    surname_key: dict[str, str | None],
    lone: set[str],
    gender: dict[str, str | None] | None = None,
) -> bool:
    """Whether a pair below the line is a bare surname meeting its only bearer's surname.

    ``gender`` is each profile's gender, read off a bare surname's ending where nothing else
    gives it: a bare "Petrova" is not Ivan Petrov, though both have one surname key."""
    if features.get("surname", {}).get("level") not in SAME_SURNAME:
        return False
    if any(isinstance(level, dict) and level.get("weight", 0.0) < 0.0
           for name, level in features.items() if name != "surname"):
        return False  # the model found something against it: another organisation, a year
    if parts[a].given and parts[b].given:
        return False  # two named profiles: the model's weight for the names decides
    sexes = {(gender or {}).get(a), (gender or {}).get(b)} - {None}
    if len(sexes) > 1:
        return False
    key = surname_key.get(a)
    return bool(key) and key == surname_key.get(b) and key in lone


def mark_lone_surnames(
    candidates: Sequence[Any],
    rows: Sequence[dict[str, Any]],
    parts: dict[str, NameParts],
    threshold: float,
) -> None:
    """Mark ``features["lone_surname"]`` on candidate pairs (with .a, .b, .probability and
    .features) below ``threshold`` that a lone surname links."""
    lone = lone_surnames(rows, parts)
    surname_key = {row["unique_id"]: row.get("surname_key") for row in rows}
    gender = {
        row["unique_id"]: parts[row["unique_id"]].gender
        or (surname_gender(row["surname_folded"]) if row.get("surname_folded") else None)
        for row in rows
    }
    for c in candidates:
        if c.probability < threshold and promotes(
            c.a, c.b, c.features, parts, surname_key, lone, gender
        ):
            c.features["lone_surname"] = True

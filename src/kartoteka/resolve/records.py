"""Profiles as linkage records: the columns the comparisons and blocking rules read.

Every matching key is computed here, in Python, with ``kartoteka.names``: the database then only
compares strings, arrays and numbers, so the same comparisons run unchanged on any backend, and
a key that knows transliteration (Ежов and Yezhov share one) is what blocking sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

from kartoteka.names import fold, parse_person_name, surname_keys
from kartoteka.names.caches import clear_name_caches
from kartoteka.names.gender import gender_from_parts
from kartoteka.names.given_names import father_name_rows, given_name_groups
from kartoteka.names.keys import (
    MIN_DELETION_KEY,
    given_key,
    given_keys,
    initial_key_letters,
    loose_key,
)
from kartoteka.names.similarity import name_initial_letters
from kartoteka.resolve.profile import Profile

# Column name -> kind; dialect.py turns the kinds into the backend's table types.
PERSON_COLUMNS: dict[str, str] = {
    "unique_id": "string",
    "surname_folded": "string",  # Latin skeleton, for Jaro-Winkler
    "surname_key": "string",  # the key of the most likely reading of the surname
    "surname_keys": "strings",  # script-independent keys of every reading of every surname form
    "loose_keys": "strings",  # the same with l = r and zh = r (translation noise): blocking
    "edit_key": "string",  # the main loose key, if long enough for a one-letter typo to tell
    "given_key": "string",
    "given_groups": "strings",  # given-name list rows (Nikolai, Kolya, Nicholas share one)
    "given_letters": "strings",  # Cyrillic initials the given name or first initial may have
    "patronymic_key": "string",
    # given-name list rows the father's name may be (Theodorovich and Фёдорович share one)
    "patronymic_groups": "strings",
    "patronymic_letters": "strings",
    "name_pair_key": "string",  # given|patronymic: blocks profiles that lack a surname
    "gender": "string",
    "birth_year": "int",
    "death_year": "int",
    "organizations": "strings",
    "roles": "strings",
    # Coarse keys of every reading of the place: Варшава meets Warszawa and French Varchava.
    "birthplace_key": "strings",
    "residence_key": "strings",
    "block_keys": "strings",  # bound_blocks: loose keys, narrowed inside large blocks
    "pair_block_key": "string",  # name_pair_key, narrowed by birth year when common
}
# Every list column is a set: the comparisons only ask whether two share an element, and the
# blocking rules only join on an element. The table the database scores holds them as numbers
# (dialect.columns_table); a level that reads a list's strings would need them taken out here.
SET_COLUMNS = tuple(name for name, kind in PERSON_COLUMNS.items() if kind == "strings")
# No block may hold more records than this: a larger one is split by a second key (the given
# name's letter, then the patronymic's letter or the birth year). Candidate pairs, and so time
# and memory, then grow with the records, not with their square.
MAX_BLOCK = 120


@dataclass(frozen=True)
class NameParts:
    """The name parts a conflict check needs; initials stand in for missing parts."""

    given: str | None  # a full given name, or "N." for an initial
    patronymic: str | None
    gender: str | None
    birth_year: int | None
    death_year: int | None
    # Given names of the person's other names in the document: a birth name, a pseudonym
    # (Ян Гамарник was born Яков; Mikhail Trilisser was born Meier).
    other_given: tuple[str, ...] = ()
    # Reading keys of the place of birth (as the birthplace column) and the surname as the
    # label gives it: with the full name, what identifies a man whose records give two death
    # years (``death_years``); the model compares surnames, the rules here do not.
    birthplace: tuple[str, ...] = ()
    surname: str | None = None


def _strip(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _initial(letter: str) -> str:
    return f"{letter.rstrip('.')}."


def name_parts(profile: Profile) -> NameParts:
    given, patronymic = _strip(profile.given), _strip(profile.patronymic)
    initials = [i for i in profile.initials if i.strip(". ")]
    if not given and initials:
        given = _initial(initials[0])
        if not patronymic and len(initials) > 1:
            patronymic = _initial(initials[1])
    elif given and not patronymic and initials:
        patronymic = _initial(initials[0])
    gender = profile.gender or _gender(profile.given, profile.patronymic)
    return NameParts(given, patronymic, gender, profile.birth_year, profile.death_year,
                     _other_given(profile),
                     tuple(_place_key(profile.birthplace) or ()) if profile.birthplace else (),
                     _strip(profile.surname))


@lru_cache(maxsize=65536)
def _gender(given: str | None, patronymic: str | None) -> str | None:
    return gender_from_parts(None, given, patronymic)


def _other_given(profile: Profile) -> tuple[str, ...]:
    """Full given names of the profile's written forms other than its label's."""
    found: list[str] = []
    # The label is the form the profile's own parts were read from (profile.build_profiles):
    # parsing it again finds its given name, or none. Skipping it spares a parse per record
    # in a list whose every label is its own.
    read = profile.surname or profile.given
    for written in profile.names:
        if read and written == profile.label:
            continue
        given = _written_given(written)
        if given and given != profile.given and given not in found:
            found.append(given)
    return tuple(sorted(found))


@lru_cache(maxsize=65536)
def _written_given(written: str) -> str | None:
    parsed = parse_person_name(written)
    if parsed.given and (parsed.surname or parsed.patronymic):
        return parsed.given
    return None


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str | None:
    return given_key(text) or None


@lru_cache(maxsize=65536)
def _letters(text: str) -> tuple[str, ...]:
    """Initial classes (Cyrillic letters) a full name may be abbreviated to, or every one an
    initial may stand for: "И." meets Josef, whose key starts at the vowel of Иосиф."""
    if text.endswith(".") or len(text.strip(".")) == 1:
        return tuple(sorted(initial_key_letters(text)))
    return tuple(sorted(name_initial_letters(text)))


@lru_cache(maxsize=65536)
def _groups(text: str) -> tuple[str, ...]:
    return tuple(str(g) for g in sorted(given_name_groups(text)))


@lru_cache(maxsize=65536)
def _father_groups(patronymic: str) -> list[str]:
    return [str(g) for g in sorted(father_name_rows(patronymic))]


@lru_cache(maxsize=65536)
def _label_key(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=65536)
def _written_surname(written: str) -> str | None:
    """The surname of a written name form; a lone word counts only if it is no given name."""
    parsed = parse_person_name(written)
    if not parsed.surname:
        return None
    if not (parsed.given or parsed.initials) and given_name_groups(parsed.surname):
        return None
    return parsed.surname


def _surname_forms(profile: Profile) -> list[str]:
    """The profile's surname and the surnames of its other written forms (Yerov beside Yezhov)."""
    if not profile.surname:
        return []
    forms = [profile.surname]
    own = profile.surname.lower()
    for written in profile.names:
        if own in written.lower():
            continue  # the same surname, written in a longer form: nothing new to parse
        other = _written_surname(written)
        if other and other not in forms and other not in (profile.given, profile.patronymic):
            forms.append(other)
    return forms


def _or_none(values: Any) -> Any:
    """Empty strings and lists become NULL, which the comparisons read as "not known"."""
    return values or None


@lru_cache(maxsize=65536)
def _place_key(text: str) -> list[str] | None:
    # Every reading, not the likeliest: Archangelsk (German) reads first as Арцангельск.
    return sorted(given_keys(text)) or None


def bound_blocks(rows: list[dict[str, Any]], max_block: int = MAX_BLOCK) -> None:
    """Fill ``block_keys`` and ``pair_block_key`` so that no block exceeds ``max_block`` records
    (``bound_block_columns`` on the rows' columns)."""
    columns = {name: [row[name] for row in rows] for name in _BLOCK_INPUTS}
    bound_block_columns(columns, max_block)
    for row, keys, pair in zip(rows, columns["block_keys"], columns["pair_block_key"],
                               strict=True):
        row["block_keys"], row["pair_block_key"] = keys, pair


# The columns bound_block_columns reads.
_BLOCK_INPUTS = ("loose_keys", "given_letters", "patronymic_letters", "birth_year",
                 "name_pair_key")


def bound_block_columns(columns: dict[str, list[Any]], max_block: int = MAX_BLOCK) -> None:
    """Set the ``block_keys`` and ``pair_block_key`` columns so that no block exceeds
    ``max_block`` records.

    A loose surname key shared by more records is replaced, inside that block, by the key with
    the first letter of the given name, then with the patronymic's letter or the birth year. A
    record that has none of these (a bare common surname) loses that block: it could not link
    by itself anyway, as every namesake would fit it equally well."""
    years, name_pairs = columns["birth_year"], columns["name_pair_key"]

    def narrowed(key: str, i: int, depth: int) -> list[str]:
        """Second (depth 1) or third (depth 2) keys of record ``i`` inside a large block."""
        if depth == 1:
            return [f"{key}|{letter}" for letter in columns["given_letters"][i] or ()]
        narrower = [f"{key}|{letter}" for letter in columns["patronymic_letters"][i] or ()]
        if years[i] is not None:
            narrower.append(f"{key}|y{years[i]}")
        return narrower

    level: list[list[str]] = [list(keys or ()) for keys in columns["loose_keys"]]
    for depth in (1, 2, 3):
        counts = Counter(chain.from_iterable(level))
        large = {key for key, count in counts.items() if count > max_block}
        if not large:
            break
        for i, keys in enumerate(level):
            if not large.isdisjoint(keys):
                level[i] = list(dict.fromkeys(
                    narrow for key in keys for narrow in (
                        [key] if counts[key] <= max_block
                        else [] if depth == 3 else narrowed(key, i, depth))))
    pair_counts = Counter(pair for pair in name_pairs if pair)
    pairs: list[str | None] = []
    for pair, year in zip(name_pairs, years, strict=True):
        if pair and pair_counts[pair] > max_block:
            pair = f"{pair}|{year}" if year is not None else None
        pairs.append(pair)
    # Ivan Ivanovich born in 1900 is common in a million records: a block still too large with
    # the year is dropped like a bare common surname's (its records keep their surname blocks).
    year_counts = Counter(pair for pair in pairs if pair)
    columns["block_keys"] = [keys or None for keys in level]
    columns["pair_block_key"] = [pair if pair and year_counts[pair] <= max_block else None
                                 for pair in pairs]


def person_row(profile: Profile, parts: NameParts | None = None) -> dict[str, Any]:
    """The linkage record of a person profile (columns as in PERSON_COLUMNS); ``parts`` are
    its ``name_parts`` when the caller has them already."""
    return dict(zip(PERSON_COLUMNS, _row_values(profile, parts or name_parts(profile)),
                    strict=True))


def _row_values(profile: Profile, parts: NameParts) -> tuple[Any, ...]:
    """A person's linkage record as values in PERSON_COLUMNS order."""
    surname = _surname_columns(tuple(_surname_forms(profile)))
    given = _given_columns(parts.given, parts.patronymic, parts.other_given)
    return (
        profile.key, *surname, *given,
        parts.gender, profile.birth_year, profile.death_year,
        _or_none(sorted({_label_key(o) for o in profile.organizations if o}))
        if profile.organizations else None,
        _or_none(sorted({_label_key(r) for r in profile.roles if r})) if profile.roles else None,
        _place_key(profile.birthplace) if profile.birthplace else None,
        _place_key(profile.residence) if profile.residence else None,
        # Filled by bound_blocks, which needs every row; alone, a row blocks on its loose keys.
        surname[_LOOSE_KEYS], given[_NAME_PAIR_KEY],
    )


# Names repeat heavily in any list (a million records hold a few hundred thousand distinct
# name forms): the name columns are computed once per distinct surname form and once per
# distinct given name and patronymic, not once per record. Rows share the returned lists,
# which nothing mutates.
_SURNAME_COLUMNS = ("surname_folded", "surname_key", "surname_keys", "loose_keys", "edit_key")
_GIVEN_COLUMNS = ("given_key", "given_groups", "given_letters", "patronymic_key",
                  "patronymic_groups", "patronymic_letters", "name_pair_key")
_LOOSE_KEYS, _NAME_PAIR_KEY = _SURNAME_COLUMNS.index("loose_keys"), -1


@lru_cache(maxsize=1 << 18)
def _surname_columns(forms: tuple[str, ...]) -> tuple[Any, ...]:
    keys = list(dict.fromkeys(k for form in forms for k in surname_keys(form)))
    loose = list(dict.fromkeys(loose_key(k) for k in keys))
    return (
        _or_none(_label_key(forms[0])) if forms else None,
        keys[0] if keys else None,
        _or_none(keys),
        _or_none(loose),
        loose[0] if loose and len(loose[0]) >= MIN_DELETION_KEY else None,
    )


@lru_cache(maxsize=1 << 18)
def _given_columns(
    given: str | None, patronymic: str | None, other_given: tuple[str, ...],
) -> tuple[Any, ...]:
    full_given = given if given and not given.endswith(".") else None
    full_patronymic = patronymic if patronymic and not patronymic.endswith(".") else None
    given_k = _name_key(full_given) if full_given else None
    patronymic_k = _name_key(full_patronymic) if full_patronymic else None
    return (
        given_k,
        _or_none(sorted({group for name in (full_given, *other_given)
                         if name for group in _groups(name)})),
        _or_none(list(_letters(given))) if given else None,
        patronymic_k,
        _or_none(_father_groups(full_patronymic)) if full_patronymic else None,
        _or_none(list(_letters(patronymic))) if patronymic else None,
        f"{given_k}|{patronymic_k}" if given_k and patronymic_k else None,
    )


def record_columns(
    profiles: Iterable[Profile], parts: Mapping[str, NameParts] | None = None,
) -> dict[str, list[Any]]:
    """The linkage records of person profiles as columns (PERSON_COLUMNS: name -> values in
    profile order), blocks bounded. A hundred thousand records held as one dict each take
    hundreds of megabytes, which Python, its heap fragmented, keeps past the scoring; as
    columns they take a list per column, the rows passing through as tuples that share their
    values with the columns."""
    rows = [_row_values(profile, parts[profile.key] if parts is not None
                        else name_parts(profile)) for profile in profiles]
    columns: dict[str, list[Any]] = {name: [] for name in PERSON_COLUMNS}
    if rows:
        columns = dict(zip(PERSON_COLUMNS, (list(values) for values in zip(*rows, strict=True)),
                           strict=True))
    del rows
    bound_block_columns(columns)
    return columns


def forget_name_columns() -> None:
    """Let go of the name columns kept per distinct name form (after a long list's rows are
    made: its forms, mostly met once, would otherwise stay in memory through the scoring)."""
    _surname_columns.cache_clear()
    _given_columns.cache_clear()
    clear_name_caches()

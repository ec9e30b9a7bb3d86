"""Similarity of names that knows which differences are cheap.

Surnames are compared on their keys (see ``keys``) with a weighted edit distance whose costs
(``name_data.SUBSTITUTION_COSTS``) make transliteration and translation noise cheap and a
different letter expensive. A person comparison then lets given name, patronymic and gender
veto a surname match: two Genrikhs with similar surnames are still two people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from kartoteka.names.gender import gender_of
from kartoteka.names.given_names import (
    father_name_groups,
    given_name_groups,
    load_given_names,
    patronymic_stems,
)
from kartoteka.names.keys import (
    given_fine_keys,
    initial_key_letters,
    name_initials,
    surname_fine_keys,
    surname_keys,
)
from kartoteka.names.name_data import (
    DEFAULT_EDIT_COST,
    GLIDE_BEFORE_EO_COST,
    INDEL_COSTS,
    KEY_VOWELS,
    SECONDARY_READING_PENALTY,
    SIMILARITY_BASE,
    SIMILARITY_PER_LETTER,
    SUBSTITUTION_COSTS,
    TRANSLATION_COSTS,
    TRANSLATION_INDEL_COSTS,
    VOWEL_SUBSTITUTION_COST,
)
from kartoteka.names.parse import PersonName
from kartoteka.names.translit import is_cyrillic

SURNAME_THRESHOLD = 0.8
"""surname_similarity at or above this means "probably the same surname" (tuned on
tests/names/data/variant_pairs.tsv, see benchmarks/bench_name_variants.py)."""
GIVEN_THRESHOLD = 0.8
_CHEAPEST_EDIT = min(SUBSTITUTION_COSTS.values())
# The cheapest edit of any kind, a lower bound on every edit's cost (_similar_at_least).
_CHEAPEST_ANY_EDIT = min(
    *SUBSTITUTION_COSTS.values(), *TRANSLATION_COSTS.values(), *INDEL_COSTS.values(),
    *TRANSLATION_INDEL_COSTS.values(), GLIDE_BEFORE_EO_COST, VOWEL_SUBSTITUTION_COST,
    DEFAULT_EDIT_COST)


# A function of two letters and a flag, called for every cell of every distance table: its
# few hundred values are looked up, not recomputed.
@lru_cache(maxsize=8192)
def _substitution(a: str, b: str, translated: bool) -> float:
    if a == b:
        return 0.0
    pair = frozenset((a, b))
    if translated and pair in TRANSLATION_COSTS:
        return TRANSLATION_COSTS[pair]
    if pair in SUBSTITUTION_COSTS:
        return SUBSTITUTION_COSTS[pair]
    if a in KEY_VOWELS and b in KEY_VOWELS:
        return VOWEL_SUBSTITUTION_COST
    return DEFAULT_EDIT_COST


def _indel(letter: str, following: str, translated: bool) -> float:
    if translated and letter == "y" and following in ("e", "o"):
        return GLIDE_BEFORE_EO_COST
    if translated and letter in TRANSLATION_INDEL_COSTS:
        return TRANSLATION_INDEL_COSTS[letter]
    return INDEL_COSTS.get(letter, DEFAULT_EDIT_COST)


@lru_cache(maxsize=131072)
def key_distance(a: str, b: str, translated: bool = True) -> float:
    """Weighted edit distance between two fine key forms.

    ``translated`` admits the cheap confusions of transliteration and translation (l/r, ж/r,
    German z); leave it False when both spellings are Cyrillic.
    """
    indel_a = [_indel(c, a[i + 1: i + 2], translated) for i, c in enumerate(a)]
    indel_b = [_indel(c, b[i + 1: i + 2], translated) for i, c in enumerate(b)]
    previous = [0.0]
    for cost in indel_b:
        previous.append(previous[-1] + cost)
    for row, letter_a in enumerate(a):
        current = [previous[0] + indel_a[row]]
        for column, letter_b in enumerate(b, start=1):
            current.append(min(
                previous[column - 1] + _substitution(letter_a, letter_b, translated),
                previous[column] + indel_a[row],
                current[column - 1] + indel_b[column - 1],
            ))
        previous = current
    return previous[-1]


def key_similarity(a: str, b: str, translated: bool = True) -> float:
    """1 - weighted distance / (SIMILARITY_BASE + SIMILARITY_PER_LETTER * longer length)."""
    if a == b:
        return 1.0 if a else 0.0
    scale = SIMILARITY_BASE + SIMILARITY_PER_LETTER * max(len(a), len(b))
    # Every edit costs at least the cheapest edit, so a large plain distance settles it early.
    if _CHEAPEST_EDIT * Levenshtein.distance(a, b) >= scale:
        return 0.0
    return max(0.0, 1.0 - key_distance(a, b, translated) / scale)


def _best_similarity(
    keys_a: tuple[str, ...], keys_b: tuple[str, ...], translated: bool
) -> float:
    """Best similarity over pairs of readings; readings after the first pay a small penalty."""
    best = 0.0
    for index_a, key_a in enumerate(keys_a):
        for index_b, key_b in enumerate(keys_b):
            penalty = SECONDARY_READING_PENALTY * ((index_a > 0) + (index_b > 0))
            best = max(best, key_similarity(key_a, key_b, translated) - penalty)
    return max(best, 0.0)


def _similar_at_least(
    keys_a: tuple[str, ...], keys_b: tuple[str, ...], translated: bool, threshold: float
) -> bool:
    """Whether ``_best_similarity(keys_a, keys_b, translated) >= threshold`` (threshold > 0),
    without computing a weighted distance that cannot reach it: every edit costs at least the
    cheapest, so a plain Levenshtein distance this large rules the pair out, and the first pair
    that reaches it settles the answer."""
    for index_a, key_a in enumerate(keys_a):
        for index_b, key_b in enumerate(keys_b):
            penalty = SECONDARY_READING_PENALTY * ((index_a > 0) + (index_b > 0))
            if key_a != key_b:
                budget = (1.0 - threshold - penalty) * (
                    SIMILARITY_BASE + SIMILARITY_PER_LETTER * max(len(key_a), len(key_b)))
                # The margin keeps a pair whose sum of costs rounds just under the product.
                if _CHEAPEST_ANY_EDIT * Levenshtein.distance(key_a, key_b) > budget + 1e-6:
                    continue
            if key_similarity(key_a, key_b, translated) - penalty >= threshold:
                return True
    return False


def _translated(a: str, b: str) -> bool:
    """True unless both spellings are Cyrillic: only Latin spellings carry translation noise."""
    return not (is_cyrillic(a) and is_cyrillic(b))


def surname_similarity(a: str, b: str) -> float:
    """0..1 similarity of two surnames in either script; 1.0 for spelling variants of one key.

    Every plausible reading of a Latin spelling is tried (English, German, French, scholarly),
    so "Charkow" meets "Kharkov" through its German reading.
    """
    if not a or not b:
        return 0.0
    return _best_similarity(surname_fine_keys(a), surname_fine_keys(b), _translated(a, b))


def _is_initial(text: str) -> bool:
    letters = text.strip().rstrip(".")
    return len(letters) == 1 or (text.strip().endswith(".") and len(letters) <= 4)


@lru_cache(maxsize=65536)
def name_initial_letters(given: str) -> frozenset[str]:
    """Initial classes (Cyrillic letters) a full given name or patronymic may be abbreviated
    to: its own first letters, and that of the Russian name of its row in the given-name list,
    so that Josef may be И. (Иосиф) as well as J. An initial abbreviates the formal name, so a
    diminutive's letter (Саша for Александр) does not count."""
    letters = set(name_initials(given))
    rows = load_given_names()
    for number in given_name_groups(given):
        letters.update(name_initials(rows[number].name))
    return frozenset(letters)


def given_compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two given names (or initials) can be the same name; None when either is missing.

    "Nikolai", "Nikolay", "N.", "Николай", "Nicholas" are compatible; "Genrikh" and "Nikolai"
    are not; diminutives and foreign forms come from the given-name list.
    """
    if not a or not b or not a.strip(". ") or not b.strip(". "):
        return None
    initial_a, initial_b = _is_initial(a), _is_initial(b)
    if initial_a or initial_b:
        letters_a = initial_key_letters(a) if initial_a else name_initial_letters(a)
        letters_b = initial_key_letters(b) if initial_b else name_initial_letters(b)
        return bool(letters_a & letters_b)
    groups_a, groups_b = given_name_groups(a), given_name_groups(b)
    if groups_a and groups_b:
        return bool(groups_a & groups_b)
    return _similar_at_least(given_fine_keys(a), given_fine_keys(b), _translated(a, b),
                             GIVEN_THRESHOLD)


def patronymic_compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two patronymics (or initials) can name the same father; None when unknown.

    Ivanovich and Ivanovna are compatible here (same father); gender is compared separately.
    """
    if not a or not b or not a.strip(". ") or not b.strip(". "):
        return None
    if _is_initial(a) or _is_initial(b):
        letters_a = initial_key_letters(a) if _is_initial(a) else name_initial_letters(a)
        letters_b = initial_key_letters(b) if _is_initial(b) else name_initial_letters(b)
        return bool(letters_a & letters_b)
    if _similar_at_least(patronymic_stems(a), patronymic_stems(b), _translated(a, b),
                         GIVEN_THRESHOLD):
        return True
    # Two forms of the father's name (Яковлевич, Янкелевич) are one father.
    fathers_a, fathers_b = father_name_groups(a), father_name_groups(b)
    return bool(fathers_a and fathers_b and fathers_a & fathers_b)


@dataclass(frozen=True)
class NameComparison:
    """How alike two names are: an overall score and the evidence behind it."""

    score: float
    surname: float
    given: bool | None
    patronymic: bool | None
    gender_conflict: bool
    features: dict[str, object] = field(default_factory=dict)


def given_or_initial(name: PersonName) -> str | None:
    """The given name, else the first initial as "K."."""
    if name.given:
        return name.given
    return f"{name.initials[0]}." if name.initials else None


def _patronymic_or_initial(name: PersonName) -> str | None:
    if name.patronymic:
        return name.patronymic
    if not name.given and len(name.initials) > 1:
        return f"{name.initials[1]}."
    if name.given and name.initials:
        return f"{name.initials[0]}."
    return None


def compare_names(a: PersonName, b: PersonName) -> NameComparison:
    """Compare two parsed names. A surname alone never outweighs a conflicting given name,
    patronymic or gender: any such conflict caps the score at 0.3."""
    surname = surname_similarity(a.surname, b.surname) if a.surname and b.surname else 0.0
    given_a, given_b = given_or_initial(a), given_or_initial(b)
    given = given_compatible(given_a, given_b)
    patronymic = patronymic_compatible(_patronymic_or_initial(a), _patronymic_or_initial(b))
    gender_a, gender_b = gender_of(a), gender_of(b)
    gender_conflict = bool(gender_a and gender_b and gender_a != gender_b)
    full_given = bool(a.given and b.given)
    if given is False or patronymic is False or gender_conflict:
        score = 0.3 * surname
    elif not (a.surname and b.surname):
        score = 0.2 if given and full_given else 0.0
    else:
        given_bonus = (1.0 if full_given else 0.6) if given else 0.0
        score = surname * (0.8 + 0.15 * given_bonus + (0.05 if patronymic else 0.0))
    features: dict[str, object] = {
        "surname_missing": not (a.surname and b.surname),
        "given_match": ("full" if full_given else "initial") if given else None,
        "gender_a": gender_a,
        "gender_b": gender_b,
        "surname_keys_shared": bool(
            a.surname and b.surname and set(surname_keys(a.surname)) & set(surname_keys(b.surname))
        ),
    }
    return NameComparison(round(score, 4), round(surname, 4), given, patronymic,
                          gender_conflict, features)

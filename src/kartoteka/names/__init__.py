"""Personal names: parsing, transliteration, matching keys and similarity (a leaf library)."""

from kartoteka.names.gender import gender_of
from kartoteka.names.inflection import surname_nominatives
from kartoteka.names.keys import fold, loose_key, name_keys, surname_key, surname_keys
from kartoteka.names.parse import PersonName, parse_person_name
from kartoteka.names.similarity import (
    SURNAME_THRESHOLD,
    NameComparison,
    compare_names,
    given_compatible,
    surname_similarity,
)
from kartoteka.names.translit import SCHEMES, latin_variants, to_cyrillic, to_latin

__all__ = [
    "SCHEMES",
    "SURNAME_THRESHOLD",
    "NameComparison",
    "PersonName",
    "compare_names",
    "fold",
    "gender_of",
    "given_compatible",
    "latin_variants",
    "loose_key",
    "name_keys",
    "parse_person_name",
    "surname_key",
    "surname_keys",
    "surname_nominatives",
    "surname_similarity",
    "to_cyrillic",
    "to_latin",
]

"""The person-linkage model as Splink objects, built once and never told which backend runs it.

Each comparison reads columns that ``records.py`` computed in Python (keys that know
transliteration), so every level is a plain string, array or number test that Splink writes in
any SQL dialect. Level names (``LEVELS``) label the features kept with every scored pair; the
prior m/u probabilities of each level live in ``data/person_prior.json`` (see
docs/resolution.md for where they come from).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

from kartoteka.resolve.levels import OneEditLevel, SharedElementLevel

# Comparison name -> its non-null levels, strongest first ("else" last), as named in features.
LEVELS: dict[str, tuple[str, ...]] = {
    "surname": (
        "exact", "same main key", "same key", "loose key", "one letter apart", "jaro-winkler 0.9",
        "jaro-winkler 0.8", "else",
    ),
    "given": ("exact", "same name group", "jaro-winkler 0.9", "initial", "else"),
    "patronymic": ("exact", "same name group", "jaro-winkler 0.9", "initial", "else"),
    "gender": ("exact", "else"),
    "birth_year": ("exact", "within 1 year", "within 2 years", "else"),
    "death_year": ("exact", "within 1 year", "else"),
    "organizations": ("shared", "else"),
    "roles": ("shared", "else"),
    "birthplace": ("exact", "else"),
    "residence": ("exact", "else"),
}
PRIOR_FILE = "person_prior.json"
AUTHORITY_PRIOR_FILE = "authority_prior.json"


def _year_levels(column: str, *within: int) -> list[Any]:
    """Exact, then each tolerance: a birth year two off is a keying error more often than a
    namesake, so it weighs a little for a match rather than vetoing one."""
    return [
        cll.NullLevel(column),
        cll.ExactMatchLevel(column),
        *(cll.AbsoluteDifferenceLevel(column, years) for years in within),
        cll.ElseLevel(),
    ]


# The variant levels' frequency adjustment never makes a variant rarer than the key level's
# own chance among different people (the prior's u of "same main key"): two different rare
# surnames a letter apart (Maloborisich, Maloshilokich) are not rare as a pair, and the more
# records, the more such neighbours a rare key has. Without the floor a variant of a rare key
# weighed 7-10 bits, and precision fell as the input grew.
VARIANT_MIN_U = 0.0004
# "Same key" is no variant: the two spellings read to one key under some scheme (a Polish or
# German spelling whose likeliest reading is another), so its neighbours are the key's own
# bearers, which its frequency already counts. Its floor is only a guard against a key met
# once (one record in ~30,000); under the variant floor a rare surname in Polish spelling
# weighed ~3 bits less than the same surname in any other.
SAME_KEY_MIN_U = 0.00003
# Surnames one consonant apart on their loose keys are far fewer than those a Jaro-Winkler
# threshold lets through: the floor of that level lies between the two.
EDIT_MIN_U = 0.0001
# Surnames whose loose keys agree have one consonant skeleton, up to the channel's l/r and zh/r
# confusions and their vowels: a narrower agreement than one consonant apart, so its floor lies
# no higher than that level's. Under the variant floor a rare surname with a vowel dropped or
# an l for an r weighed ~1.4 bits less than the average loose agreement the data showed.
LOOSE_MIN_U = EDIT_MIN_U


def _rare_weighs_more(level: Any, adjust: bool, min_u: float = VARIANT_MIN_U) -> Any:
    """A variant level adjusted by the surname key's frequency (Splink takes the greater of the
    two records' frequencies, so a misspelling, unique by itself, does not count as rare): a
    common surname's variant says less, a rare one's no more than ``min_u`` allows."""
    if adjust:
        level.configure(tf_adjustment_column="surname_key", tf_adjustment_weight=1.0,
                        tf_minimum_u_value=min_u)
    return level


def _same_name_weighs_by_its_frequency(level: Any, adjust: bool,
                                       column: str = "given_key") -> Any:
    """The given-name group level adjusted by the given name's frequency, as the exact level
    is: Splink starts from the exact level's u, so the level keeps its own m/u ratio above
    that of a name agreeing in general, and a common name says less in any form."""
    if adjust:
        level.configure(tf_adjustment_column=column, tf_adjustment_weight=1.0)
    return level


# The columns the initial levels weigh by (scoring.initial_frequencies fills them): each
# record's likeliest initial letter, whose frequency says how telling an agreeing initial is.
INITIAL_TF_COLUMNS = {"given": "given_initial", "patronymic": "patronymic_initial"}


def _initial_weighs_by_its_letter(level: Any, column: str, adjust: bool) -> Any:
    """An initial level adjusted by how common the letter is: "И." is Ivan, Ilya or Iosif, a
    fifth of Russian men, "Ф." far fewer. The frequency lookup (scoring.initial_frequencies)
    already holds the chance that a random pair reaches the level on that letter, so the
    level's own u is the base (Splink's ``disable_tf_exact_match_detection``: the comparison
    has no exact level on the letter)."""
    if adjust:
        level.configure(tf_adjustment_column=column, tf_adjustment_weight=1.0,
                        disable_tf_exact_match_detection=True)
    return level


def _place_levels(column: str) -> list[Any]:
    """A place agrees when any reading of one is a reading of the other (records._place_key)."""
    return [cll.NullLevel(column), SharedElementLevel(column), cll.ElseLevel()]


def _levels(
    *, surname_tf: bool, given_tf: bool = False, variant_tf: bool = False,
    initial_tf: bool = False,
) -> dict[str, list[Any]]:
    """The comparison levels, in LEVELS order, each list starting with its null level."""
    return {
        "surname": [
            cll.NullLevel("surname_folded"),
            cll.ExactMatchLevel("surname_folded", term_frequency_adjustments=surname_tf),
            # Ежов / Yezhov / Jeschow: one key under the most likely reading of each spelling.
            cll.ExactMatchLevel("surname_key", term_frequency_adjustments=surname_tf),
            # A rare surname spelled another way is as telling as a rare surname spelled the
            # same: these levels weigh by the frequency of the likelier spelling's key too.
            _rare_weighs_more(SharedElementLevel("surname_keys"), variant_tf,
                              min_u=SAME_KEY_MIN_U),
            _rare_weighs_more(SharedElementLevel("loose_keys"), variant_tf,
                              min_u=LOOSE_MIN_U),
            # One consonant dropped, swapped or mistyped in a loose key of five letters or more
            # (records.edit_key): far narrower than Jaro-Winkler, which a long shared beginning
            # fills (Lyasmyzhemskiy, Lyasmyzhemmin).
            _rare_weighs_more(OneEditLevel("edit_key"), variant_tf,
                              min_u=EDIT_MIN_U),
            _rare_weighs_more(cll.JaroWinklerLevel("surname_folded", 0.9), variant_tf),
            cll.JaroWinklerLevel("surname_folded", 0.8),
            cll.ElseLevel(),
        ],
        "given": [
            cll.NullLevel("given_letters"),
            # Ivan is one man in seven: an equal common name says less than an equal rare one.
            cll.ExactMatchLevel("given_key", term_frequency_adjustments=given_tf),
            # Kolya for Nikolai: as common a name as the exact level's, so it weighs by the same
            # frequency (from the u of its own level); unadjusted, a common name in another form
            # outweighed the same name spelled alike (7.8 bits against 4.1).
            _same_name_weighs_by_its_frequency(SharedElementLevel("given_groups"),
                                               given_tf),
            cll.JaroWinklerLevel("given_key", 0.9),
            # One side has only an initial, and it is a letter the other name can start with.
            _initial_weighs_by_its_letter(
                cll.And(cll.NullLevel("given_key"), SharedElementLevel("given_letters")),
                INITIAL_TF_COLUMNS["given"], initial_tf),
            cll.ElseLevel(),
        ],
        "patronymic": [
            cll.NullLevel("patronymic_letters"),
            cll.ExactMatchLevel("patronymic_key", term_frequency_adjustments=given_tf),
            # Theodorovich for Фёдорович, Осипович for Иосифович: another form of one father's
            # name, as the given name's group level reads Theodore for Фёдор
            _same_name_weighs_by_its_frequency(SharedElementLevel("patronymic_groups"),
                                               given_tf, "patronymic_key"),
            cll.JaroWinklerLevel("patronymic_key", 0.9),
            _initial_weighs_by_its_letter(cll.And(
                cll.NullLevel("patronymic_key"), SharedElementLevel("patronymic_letters")
            ), INITIAL_TF_COLUMNS["patronymic"], initial_tf),
            cll.ElseLevel(),
        ],
        "gender": [cll.NullLevel("gender"), cll.ExactMatchLevel("gender"), cll.ElseLevel()],
        "birth_year": _year_levels("birth_year", 1, 2),
        "death_year": _year_levels("death_year", 1),
        "organizations": [
            cll.NullLevel("organizations"),
            SharedElementLevel("organizations"),
            cll.ElseLevel(),
        ],
        "roles": [cll.NullLevel("roles"), SharedElementLevel("roles"), cll.ElseLevel()],
        "birthplace": _place_levels("birthplace_key"),
        "residence": _place_levels("residence_key"),
    }


@lru_cache(maxsize=4)
def load_prior(file_name: str = PRIOR_FILE) -> dict[str, Any]:
    """A documented prior: m and u for each non-null level of each comparison."""
    text = resources.files("kartoteka.resolve").joinpath("data", file_name).read_text("utf-8")
    prior = json.loads(text)
    for name, levels in LEVELS.items():
        given = prior["comparisons"].get(name, {})
        if set(given) != set(levels):
            raise ValueError(f"{file_name}: {name} must give m/u for exactly {levels}")
    return prior


def fits_levels(settings: dict[str, Any], comparisons: dict[str, Any] | None) -> bool:
    """Whether a stored model (Splink ``settings`` JSON and the m/u per level by name) was
    computed on this version's comparison levels. Splink's settings give the levels in order,
    without our names, so a model from a version with a level more or less would be read one
    level off; such a model is no model for these comparisons."""
    by_name = {c.get("output_column_name"): c for c in settings.get("comparisons", [])}
    for name, levels in LEVELS.items():
        if by_name:
            given = [lv for lv in by_name.get(name, {}).get("comparison_levels", [])
                     if not lv.get("is_null_level")]
            if len(given) != len(levels):
                return False
        if comparisons is not None and set(comparisons.get(name, {})) != set(levels):
            return False
    return True


def same_key_m(mu: dict[str, list[float]]) -> float:
    """m of "same main key" when its u is the key's frequency (term-frequency adjustment).

    That frequency counts every spelling of the key, so it is the chance that two people's
    surnames share the key, not that they share it spelled differently; its m must then count
    every spelling too: a pair of one person's profiles shares the key, spelled alike or not,
    with m(exact) + m(same main key). Keeping only the second share understated Ежов / Yezhov
    by log2 of (exact + same main key) / same main key, ~1.7 bits, against the same name
    spelled alike (the spelling is chosen by the writer, not by whether two are one person)."""
    return mu["exact"][0] + mu["same main key"][0]


def person_comparisons(
    prior: dict[str, Any] | None = None,
    *,
    surname_tf: bool = False,
    given_tf: bool = False,
    variant_tf: bool = False,
    initial_tf: bool = False,
) -> list[Any]:
    """Splink comparisons for person profiles, with m/u set from the prior; ``surname_tf`` and
    ``given_tf`` adjust the exact levels of surname, and of given name and patronymic, by how
    common the value is; ``variant_tf`` the variant surname levels too, by the main key's
    frequency (``surname_key`` must then have a frequency lookup); ``initial_tf`` the initial
    levels by the letter's (``INITIAL_TF_COLUMNS``, scoring.initial_frequencies)."""
    prior = prior or load_prior()
    out = []
    levels_of = _levels(surname_tf=surname_tf, given_tf=given_tf, variant_tf=variant_tf,
                        initial_tf=initial_tf)
    for name, levels in levels_of.items():
        mu = prior["comparisons"][name]
        comparison = cl.CustomComparison(
            output_column_name=name, comparison_levels=levels, comparison_description=name
        )
        m = [mu[level][0] for level in LEVELS[name]]
        if name == "surname" and surname_tf:
            m[1] = same_key_m(mu)
        comparison.configure(
            m_probabilities=m, u_probabilities=[mu[level][1] for level in LEVELS[name]]
        )
        out.append(comparison)
    return out


def person_blocking_rules() -> list[Any]:
    """Candidate pairs: a shared bounded block key (records.bound_blocks: the loose surname key,
    narrowed inside large blocks), or the same given name and patronymic (bounded the same
    way), for profiles whose surnames differ or are missing.

    Surnames one consonant apart share no loose key; a third rule on their one-deletion keys
    (the symmetric-deletion index, bounded like the others) compared 1,700 more true pairs of
    the registry bench at 100,000 but linked few (F1 +0.001 to +0.002) for a quarter more CPU
    time: left out."""
    return [
        block_on("block_keys", arrays_to_explode=["block_keys"]),
        block_on("pair_block_key"),
    ]


def person_em_rules() -> list[Any]:
    """Blocks for EM: pairs sharing a surname key and a given-name key, mostly matches, few
    enough at any scale. Surname and given name keep their prior m (EM cannot learn a
    comparison it blocks on)."""
    return [block_on("surname_key", "given_key")]


def level_name(comparison: str, gamma: int | None) -> str:
    """The LEVELS name of a Splink gamma value (-1 is the null level, 0 the last, else)."""
    levels = LEVELS[comparison]
    if gamma is None or gamma < 0:
        return "null"
    return levels[len(levels) - 1 - gamma]


def _finite(weight: float) -> float:
    """A weight fit for JSON: a level EM found never to occur among matches weighs -inf."""
    return round(max(-99.0, min(99.0, weight)), 3)


# Per comparison: its name, its level names by gamma value and the columns it reads back.
_FEATURE_COLUMNS = tuple(
    (name, levels[::-1], f"gamma_{name}", f"mw_{name}", f"mw_tf_adj_{name}")
    for name, levels in LEVELS.items()
)
# The comparisons a pair's features name, and the rounding of their weights: what
# ``scoring._evidence_against`` reads off the weights without making the features.
FEATURE_NAMES = frozenset(name for name, *_ in _FEATURE_COLUMNS)
finite_weight = _finite


# One dict per distinct (comparison, level, weight), shared by every pair that has it: a
# million scored pairs hold ten of these each, and they take far less room shared. Nothing
# changes a feature's dict once made (pairs only gain top-level keys).
_SHARED_FEATURES: dict[tuple[str, str, float], dict[str, Any]] = {}
_SHARED_LIMIT = 1 << 18


def _feature(name: str, level: str, weight: float) -> dict[str, Any]:
    key = (name, level, weight)
    found = _SHARED_FEATURES.get(key)
    if found is None:
        if len(_SHARED_FEATURES) >= _SHARED_LIMIT:
            _SHARED_FEATURES.clear()
        found = _SHARED_FEATURES[key] = {"level": level, "weight": weight}
    return found


def pair_features(row: dict[str, Any], reasons: tuple[str, ...]) -> dict[str, Any]:
    """Each comparison's level and weight (bits), the total weight and any rule conflicts."""
    features: dict[str, Any] = {}
    get = row.get
    for name, by_gamma, gamma_column, weight_column, tf_column in _FEATURE_COLUMNS:
        # A term-frequency adjustment (a rare surname weighs more) is part of the level's weight.
        weight = float(get(weight_column) or 0.0) + float(get(tf_column) or 0.0)
        gamma = get(gamma_column)
        features[name] = _feature(
            name, "null" if gamma is None or gamma < 0 else by_gamma[gamma], _finite(weight))
    features["match_weight"] = _finite(float(row["match_weight"]))
    features["conflicts"] = list(reasons)
    return features


def _floats(batch: pa.RecordBatch, name: str) -> np.ndarray:
    """A weight column as floats, a missing column or value as 0.0 (as pair_features reads)."""
    if name not in batch.schema.names:
        return np.zeros(batch.num_rows)
    column = pc.fill_null(batch.column(name).cast(pa.float64()), 0.0)
    return column.to_numpy(zero_copy_only=False)


def batch_features(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """``comparisons.pair_features`` of every row of a batch of scored pairs, without the
    conflicts (the caller adds them): the same dicts, built a column at a time.

    A comparison has few distinct (level, weight) values among many pairs, so each is made once
    and the rows pick theirs by index; a Python loop per row and comparison took most of the time
    of reading a hundred thousand pairs."""
    names: list[str] = []
    columns: list[list[dict[str, Any]]] = []
    for name, by_gamma, gamma_column, weight_column, tf_column in _FEATURE_COLUMNS:
        # The weight exactly as pair_features adds it: the level's, then its frequency share.
        weights = _floats(batch, weight_column) + _floats(batch, tf_column)
        gammas = (pc.fill_null(batch.column(gamma_column).cast(pa.int64()), -1)
                  .to_numpy(zero_copy_only=False)
                  if gamma_column in batch.schema.names else np.full(batch.num_rows, -1))
        # One code per distinct (gamma, weight): two flat sorts, not a sort of rows.
        weight_values, weight_index = np.unique(weights, return_inverse=True)
        codes = (gammas.astype(np.int64) + 1) * len(weight_values) + weight_index.reshape(-1)
        distinct, index = np.unique(codes, return_inverse=True)
        width = len(weight_values)
        made = [_feature(name, "null" if gamma < 0 else by_gamma[gamma], _finite(weight))
                for gamma, weight in ((code // width - 1, float(weight_values[code % width]))
                                      for code in distinct.tolist())]
        names.append(name)
        columns.append([made[i] for i in index.reshape(-1).tolist()])
    totals = batch.column("match_weight").to_pylist()
    return [{**dict(zip(names, row, strict=True)), "match_weight": _finite(float(total))}
            for row, total in zip(zip(*columns, strict=True), totals, strict=True)]

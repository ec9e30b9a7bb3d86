"""The person-linkage model as Splink objects: one definition for every backend."""

from __future__ import annotations

import pytest

from kartoteka.resolve.comparisons import (
    AUTHORITY_PRIOR_FILE,
    LEVELS,
    PRIOR_FILE,
    level_name,
    load_prior,
    pair_features,
    person_comparisons,
)


@pytest.mark.parametrize("file_name", [PRIOR_FILE, AUTHORITY_PRIOR_FILE])
def test_comparisons_prior_gives_probabilities_for_every_level(file_name: str) -> None:
    prior = load_prior(file_name)
    for name, levels in LEVELS.items():
        m = [prior["comparisons"][name][level][0] for level in levels]
        u = [prior["comparisons"][name][level][1] for level in levels]
        assert all(0 < p < 1 for p in m + u)
        assert sum(m) == pytest.approx(1.0, abs=1e-6), name
        assert sum(u) == pytest.approx(1.0, abs=1e-6), name


@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_comparisons_same_objects_write_sql_for_each_backend(dialect: str) -> None:
    for comparison, (name, levels) in zip(person_comparisons(), LEVELS.items(), strict=True):
        built = comparison.get_comparison(dialect).as_dict()
        assert built["output_column_name"] == name
        non_null = [lv for lv in built["comparison_levels"] if not lv.get("is_null_level")]
        assert len(non_null) == len(levels)
        assert all(lv["sql_condition"] for lv in non_null)


def test_comparisons_surname_frequency_adjustment_is_optional() -> None:
    def tf_levels(comparisons: list) -> int:
        built = comparisons[0].get_comparison("duckdb").as_dict()
        return sum(bool(lv.get("tf_adjustment_column")) for lv in built["comparison_levels"])

    assert tf_levels(person_comparisons()) == 0
    assert tf_levels(person_comparisons(surname_tf=True)) == 2
    # then the variant levels (same key, loose key, one letter apart, Jaro-Winkler 0.9) by the
    # main key's frequency
    assert tf_levels(person_comparisons(surname_tf=True, variant_tf=True)) == 6


@pytest.mark.parametrize(
    ("comparison", "gamma", "expected"),
    [("surname", 7, "exact"), ("surname", 0, "else"), ("given", 1, "initial"),
     ("birth_year", -1, "null"), ("roles", None, "null")],
)
def test_comparisons_level_name(comparison: str, gamma: int | None, expected: str) -> None:
    assert level_name(comparison, gamma) == expected


def test_comparisons_pair_features_are_finite() -> None:
    row = {"match_weight": float("-inf"), "gamma_gender": 0, "mw_gender": float("-inf"),
           "gamma_surname": 7, "mw_surname": 9.0, "mw_tf_adj_surname": 2.5}
    features = pair_features(row, ("gender",))
    assert features["gender"] == {"level": "else", "weight": -99.0}
    assert features["surname"] == {"level": "exact", "weight": 11.5}
    assert features["conflicts"] == ["gender"]


def test_comparisons_same_key_weighs_like_the_same_spelling_under_frequencies() -> None:
    # Ежов / Jeschow and Ежов / Ежов: under a key frequency both say "the same surname"; the
    # writer's choice of script says nothing about whether two records are one person.
    import math

    from kartoteka.resolve.pair_scores import prior_weights, score_pair
    from kartoteka.resolve.profile import Profile
    from kartoteka.resolve.records import person_row

    def row(key: str, surname: str) -> dict:
        return person_row(Profile(key=key, document_id="d", kind="person", label=surname,
                                  names=[surname], surname=surname))

    a, b, c = row("a", "Ежов"), row("b", "Ежов"), row("c", "Jeschow")
    tf = {"surname_folded": {a["surname_folded"]: 1e-4, c["surname_folded"]: 1e-4},
          "surname_key": {a["surname_key"]: 2e-4}}
    weights = prior_weights(term_frequencies=True)
    same = score_pair(a, b, weights, math.log2(1e-4), tf)
    cross = score_pair(a, c, weights, math.log2(1e-4), tf)
    assert cross["gamma_surname"] != same["gamma_surname"]  # two levels, as before
    assert abs(cross["match_weight"] - same["match_weight"]) < 1.0
    plain = score_pair(a, c, prior_weights(), math.log2(1e-4), tf)
    assert plain["match_weight"] < cross["match_weight"] - 1.0


def test_comparisons_same_key_floor_is_below_the_variant_floor() -> None:
    """A shared reading key (a Polish spelling whose likeliest reading is another) is a key
    agreement: a rare key may weigh as rare, where a spelling variant stays floored."""
    from kartoteka.resolve.comparisons import (
        EDIT_MIN_U,
        LOOSE_MIN_U,
        SAME_KEY_MIN_U,
        VARIANT_MIN_U,
    )

    built = person_comparisons(surname_tf=True, variant_tf=True)[0]
    levels = built.get_comparison("duckdb").as_dict()["comparison_levels"]
    floors = {lv["sql_condition"]: lv.get("tf_minimum_u_value") for lv in levels
              if lv.get("tf_adjustment_column") == "surname_key"}

    def floor(column: str) -> float:
        return next(v for k, v in floors.items() if f'"{column}_l"' in k)

    # A shared key, then one consonant skeleton (loose key) or one consonant apart, then
    # Jaro-Winkler, each floored no lower than a narrower agreement.
    assert floor("surname_keys") == SAME_KEY_MIN_U < EDIT_MIN_U == floor("edit_key")
    assert floor("loose_keys") == LOOSE_MIN_U <= EDIT_MIN_U
    assert EDIT_MIN_U < VARIANT_MIN_U == floor("surname_folded")


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Krivoshuvalovskiy", "Krivoshuvalovkiy", "one letter apart"),  # a consonant dropped
    ("Belogrudov", "Belogudrov", "one letter apart"),  # two consonants swapped
    ("Lyasmyzhemskiy", "Lyasmyzhemmin", "jaro-winkler 0.9"),  # another ending: no typo
])
def test_comparisons_one_letter_apart_is_narrower_than_jaro_winkler(a: str, b: str,
                                                                    expected: str) -> None:
    from kartoteka.resolve.pair_scores import prior_weights, score_pair
    from kartoteka.resolve.profile import Profile
    from kartoteka.resolve.records import person_row

    def row(surname: str) -> dict:
        return person_row(Profile(key=surname, document_id="d", kind="person", label=surname,
                                  names=[surname], surname=surname, given="Ivan"))

    scored = score_pair(row(a), row(b), prior_weights(), 0.0)
    assert level_name("surname", scored["gamma_surname"]) == expected


def test_comparisons_common_name_in_another_form_weighs_no_more_than_spelled_alike() -> None:
    """Kolya for Nikolai weighs by Nikolai's frequency, as Nikolai for Nikolai does; unadjusted
    it outweighed the exact level of a common name."""
    from kartoteka.resolve.pair_scores import prior_weights, score_pair
    from kartoteka.resolve.profile import Profile
    from kartoteka.resolve.records import person_row

    def row(key: str, given: str) -> dict:
        return person_row(Profile(key=key, document_id="d", kind="person", label=given,
                                  names=[given], surname="Orlov", given=given))

    full, alike, short = row("a", "Nikolai"), row("b", "Nikolai"), row("c", "Kolya")
    tf = {"given_key": {full["given_key"]: 0.1, short["given_key"]: 0.001}}
    weights = prior_weights(term_frequencies=True)
    exact = score_pair(full, alike, weights, 0.0, tf)
    group = score_pair(full, short, weights, 0.0, tf)
    assert level_name("given", exact["gamma_given"]) == "exact"
    assert level_name("given", group["gamma_given"]) == "same name group"
    assert (group["mw_given"] + group["mw_tf_adj_given"]
            < exact["mw_given"] + exact["mw_tf_adj_given"])


def test_comparisons_fits_levels_knows_this_versions_model_from_an_older_one() -> None:
    from kartoteka.resolve.comparisons import LEVELS, fits_levels, load_prior, person_comparisons

    settings = {"comparisons": [c.get_comparison("duckdb").as_dict()
                                for c in person_comparisons()]}
    prior = load_prior()["comparisons"]
    assert fits_levels(settings, prior)
    assert fits_levels({}, None)  # nothing stored to misread
    fewer = {**prior, "surname": {k: v for k, v in prior["surname"].items()
                                  if k != LEVELS["surname"][1]}}
    assert not fits_levels(settings, fewer)
    shorter = {"comparisons": [{**c, "comparison_levels": c["comparison_levels"][:-1]}
                               for c in settings["comparisons"]]}
    assert not fits_levels(shorter, prior)

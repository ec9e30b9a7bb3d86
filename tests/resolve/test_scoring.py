"""Person pairs as the model scores them: the records' columns and the frequencies behind them."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from kartoteka.resolve.comparisons import INITIAL_TF_COLUMNS, person_comparisons
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import name_parts, record_columns
from kartoteka.resolve.scoring import (
    MIN_INITIAL_SHARE,
    Candidate,
    column_frequencies,
    in_order,
    initial_frequencies,
)


def _reference_frequencies(columns: dict[str, list[Any]], column: str) -> dict[str, float]:
    """The definition, record by record: a name's records less one bearer's share, / n."""
    others = [name for name in ("surname_key", "given_key", "patronymic_key") if name != column]
    n = len(columns[column])
    out = {}
    for value in {v for v in columns[column] if v}:
        rows = [i for i, v in enumerate(columns[column]) if v == value]
        bearers = {tuple(columns[o][i] for o in others) for i in rows}
        bearers = {b for b in bearers if any(b)}
        out[value] = max(len(rows) * (1.0 - 1.0 / max(len(bearers), 1)), 1.0) / n
    return out


def test_scoring_column_frequencies_leave_one_bearers_share_out() -> None:
    columns = {
        "surname_key": ["orlov", "orlov", "orlov", "orlov", "ejov", None, "", "ejov"],
        "given_key": ["ivan", "ivan", "petr", None, "nikolai", "ivan", None, None],
        "patronymic_key": [None, None, "ivanovic", None, None, None, None, None],
    }
    for column in ("surname_key", "given_key"):
        assert column_frequencies(columns, column) == _reference_frequencies(columns, column)
    # Orlov: four records, two bearers (Ivan, Pyotr Ivanovich) and one bare: half are another's.
    assert column_frequencies(columns, "surname_key")["orlov"] == 2 / 8
    # Ezhov: one bearer named and one bare record: no other person's; at least 1 / n.
    assert column_frequencies(columns, "surname_key")["ejov"] == 1 / 8
    assert "" not in column_frequencies(columns, "surname_key")



def _person(key: str, surname: str, given: str | None = None,
            initials: tuple[str, ...] = ()) -> Profile:
    label = " ".join([*(f"{i}." for i in initials), *([given] if given else []), surname])
    return Profile(key=key, document_id=f"d{key}", kind="person", label=label, names=[label],
                   surname=surname, given=given, initials=initials)


def _columns(profiles: list[Profile]) -> dict:
    return record_columns(profiles, {p.key: name_parts(p) for p in profiles})


def test_scoring_initial_frequencies_make_a_rare_letter_rarer() -> None:
    # Eight men named Ivan or Ilya, one Fyodor; two records known by an initial alone.
    profiles = [_person(f"i{n}", f"Orlov{n}", "Ivan" if n % 2 else "Ilya") for n in range(8)]
    profiles += [_person("f", "Sokolov", "Fyodor"), _person("ii", "Petrov", initials=("И",)),
                 _person("ff", "Lebedev", initials=("Ф",))]
    columns = _columns(profiles)
    tf = initial_frequencies(columns)[INITIAL_TF_COLUMNS["given"]]
    assert columns["given_initial"][-2:] == ["и", "ф"]
    assert tf["ф"] < tf["и"] / 4
    # q: pairs with an initial-only side; f: the letter's share of the 11 lettered records
    q = 1.0 - (1.0 - 2 / 11) ** 2
    assert math.isclose(tf["ф"], q * 2 / 11)
    assert all(value >= q * MIN_INITIAL_SHARE for value in tf.values())


def test_scoring_initial_frequencies_without_initials_or_names() -> None:
    columns = _columns([_person("a", "Orlov"), _person("b", "Sokolov")])
    tf = initial_frequencies(columns)
    assert tf == {column: {} for column in INITIAL_TF_COLUMNS.values()}
    assert columns["given_initial"] == [None, None]


def test_scoring_initial_levels_weigh_by_their_letter_only_when_asked() -> None:
    def adjusted(comparisons: list) -> list[str]:
        return [lv["tf_adjustment_column"] for c in comparisons
                for lv in c.get_comparison("duckdb").as_dict()["comparison_levels"]
                if lv.get("tf_adjustment_column") in INITIAL_TF_COLUMNS.values()]

    assert adjusted(person_comparisons()) == []
    assert adjusted(person_comparisons(initial_tf=True)) == ["given_initial",
                                                              "patronymic_initial"]


def test_scoring_an_agreeing_rare_initial_weighs_more_than_a_common_one() -> None:
    """Run by Splink on DuckDB: "Ф. Orlov" beside Fyodor Orlov outweighs "И. Sokolov" beside
    Ivan Sokolov, where unadjusted the two weigh the same."""
    from kartoteka.resolve.comparisons import person_blocking_rules
    from kartoteka.resolve.dialect import columns_table
    from kartoteka.resolve.linker import score_pairs
    from kartoteka.resolve.records import PERSON_COLUMNS

    profiles = [_person(f"n{n}", f"Name{n}", "Ivan") for n in range(20)]
    profiles += [_person("fo", "Orlov", "Fyodor"), _person("fi", "Orlov", initials=("Ф",)),
                 _person("io", "Sokolov", "Ivan"), _person("ii", "Sokolov", initials=("И",))]
    columns = _columns(profiles)
    tf = initial_frequencies(columns)

    def weights(adjust: bool) -> dict[tuple[str, str], float]:
        kinds = {**PERSON_COLUMNS, **{c: "string" for c in tf}}
        scored = score_pairs(columns_table(columns, kinds), kinds,
                             comparisons=person_comparisons(initial_tf=adjust),
                             blocking_rules=person_blocking_rules(),
                             probability_two_random_records_match=0.01,
                             term_frequencies=tf if adjust else None)
        return {tuple(sorted((p["unique_id_l"], p["unique_id_r"]))): p["match_weight"]
                for p in scored.pairs}

    plain, adjusted = weights(False), weights(True)
    assert math.isclose(plain[("fi", "fo")], plain[("ii", "io")])
    assert adjusted[("fi", "fo")] > adjusted[("ii", "io")] + 2.0


def test_scoring_in_order_sorts_as_probability_then_keys() -> None:
    """The candidates put in order from their columns come out as sorting the objects on
    (-probability, a, b) puts them, ties of probability included, batch after batch; the
    positions returned beside put them in (a, b) order."""
    rng = random.Random(5)
    keys = sorted(f"p{i:03d}" for i in range(40))
    made: list[Candidate] = []
    placed = []
    for _ in range(3):  # three batches
        batch = []
        for _ in range(50):
            x, y = sorted(rng.sample(range(len(keys)), 2))
            if any((c.a, c.b) == (keys[x], keys[y]) for c in made + batch):
                continue
            probability = rng.choice([0.01, 0.5, 0.93, rng.random()])  # many ties
            batch.append(Candidate(keys[x], keys[y], probability, 0.0, {}, ()))
        placed.append(tuple(np.array(values) for values in (
            [keys.index(c.a) for c in batch], [keys.index(c.b) for c in batch],
            [c.probability for c in batch])))
        made.extend(batch)
    expected = sorted(made, key=lambda c: (-c.probability, c.a, c.b))
    ordered, by_keys = in_order(list(made), placed)
    assert ordered == expected
    assert [ordered[i] for i in by_keys] == sorted(made, key=lambda c: (c.a, c.b))
    empty, none = in_order([], [])
    assert empty == [] and len(none) == 0


def test_scoring_score_persons_finds_the_pairs_with_evidence_against() -> None:
    """The pairs with strong evidence against, found a column at a time, are those
    constraints.evidence_against finds reading each candidate's own features."""
    from kartoteka.resolve.constraints import evidence_against
    from kartoteka.resolve.scoring import score_persons

    people = _namesakes()
    scored = score_persons(people, {p.key: name_parts(p) for p in people}, backend="duckdb",
                           keep_pairs_from=0.0)
    expected = {(c.a, c.b) for c in scored.candidates
                if evidence_against(c.probability, c.features)}
    assert scored.against == expected
    assert expected and len(expected) < len(scored.candidates)  # both kinds of pair are there


def _namesakes() -> list[Profile]:
    """Namesakes told apart by years and places, and one person's records."""
    people = []
    for i, (surname, given, born, died, place) in enumerate([
        ("Orlov", "Ivan", 1890, 1937, "Tver"), ("Orlov", "Ivan", 1903, 1941, "Omsk"),
        ("Orlov", "Ivan", 1890, 1937, None), ("Orlov", "Pyotr", 1890, None, "Tver"),
        ("Орлов", "Иван", 1891, 1938, "Тверь"), ("Orloff", "I.", None, 1937, None),
        ("Sokolov", "Ivan", 1890, 1937, "Tver"), ("Sokolov", "Ivan", 1910, 1950, "Kazan"),
    ]):
        people.append(Profile(key=f"p{i}", document_id=f"d{i}", kind="person",
                              label=f"{given} {surname}", names=[f"{given} {surname}"],
                              surname=surname, given=given, birth_year=born, death_year=died,
                              birthplace=place))
    return people


def test_scoring_trained_pairs_below_the_floor_are_left_out_but_read_for_evidence(
        monkeypatch: Any) -> None:
    """A model scored as a large collection's (a known model of 1,000 profiles) returns only
    pairs from CANDIDATE_FLOOR on, the same as without the floor, and a reviewer's pair at any
    probability; the evidence against still comes from every pair, those under it included."""
    from kartoteka.resolve import scoring
    from kartoteka.resolve.comparisons import load_prior

    people = _namesakes()
    parts = {p.key: name_parts(p) for p in people}
    known = scoring.KnownModel(load_prior()["comparisons"], 1_000)

    def scored(decided: tuple[tuple[str, str], ...] = ()) -> scoring.ScoredPersons:
        return scoring.score_persons(people, parts, backend="duckdb", keep_pairs_from=0.0,
                                     known=known, decided=decided)

    floored = scored()
    monkeypatch.setattr(scoring, "CANDIDATE_FLOOR", 0.0)
    everything = scored()
    low = [c for c in everything.candidates if c.probability < 0.1]
    assert low and len(low) < len(everything.candidates)  # both kinds of pair are there
    assert {(c.a, c.b) for c in low} & everything.against  # evidence against below the floor
    kept = [c for c in everything.candidates if c.probability >= 0.1]
    assert floored.candidates == kept
    assert floored.against == everything.against
    assert [floored.candidates[i] for i in floored.by_keys] == sorted(
        kept, key=lambda c: (c.a, c.b))
    monkeypatch.setattr(scoring, "CANDIDATE_FLOOR", 0.1)
    decided = scored(((low[0].b, low[0].a),))  # a reviewer's pair, in either order
    assert [(c.a, c.b) for c in decided.candidates] == [
        (c.a, c.b) for c in everything.candidates if c.probability >= 0.1 or c is low[0]]


def test_scoring_untrained_pairs_keep_no_floor() -> None:
    """Below MIN_PROFILES_TO_TRAIN (the prior as it is) every pair from keep_pairs_from on is
    a candidate: the lone-surname rule (lone.py) may link one under any line."""
    from kartoteka.resolve.scoring import score_persons

    people = _namesakes()
    scored = score_persons(people, {p.key: name_parts(p) for p in people}, backend="duckdb",
                           keep_pairs_from=0.0)
    assert any(c.probability < 0.1 for c in scored.candidates)


def test_scoring_floor_sql_keeps_the_levels_with_evidence_against() -> None:
    """The database keeps, under the floor, the pairs at a level whose weight is strong
    evidence against; a field a term frequency adjusts cannot be told by its level: no filter."""
    from kartoteka.resolve.scoring import _floor_sql

    weights = {"birth_year": {-1: 0.0, 0: -9.5, 1: 1.0, 2: 3.0, 3: 6.0},
               "birthplace": {-1: 0.0, 0: -3.99, 1: 4.0}, "surname": {0: -20.0, 1: 9.0}}
    assert _floor_sql(0.1, weights, frozenset()) == (
        "match_probability >= 0.1 or gamma_birth_year in (0)")
    weights["birthplace"][0] = -4.0
    assert _floor_sql(0.1, weights, frozenset({"surname"})) == (
        "match_probability >= 0.1 or gamma_birth_year in (0) or gamma_birthplace in (0)")
    assert _floor_sql(0.1, weights, frozenset({"birthplace"})) is None

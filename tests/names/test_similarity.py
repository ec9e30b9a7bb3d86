"""surname_similarity, given_compatible and compare_names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kartoteka.names import (
    compare_names,
    given_compatible,
    parse_person_name,
    surname_similarity,
)
from kartoteka.names.similarity import SURNAME_THRESHOLD, patronymic_compatible

DATA = Path(__file__).resolve().parent / "data"


def _precision_recall(path: Path) -> tuple[float, float]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    predicted = [
        (surname_similarity(r["a"], r["b"]) >= SURNAME_THRESHOLD, r["same"] == "1") for r in rows
    ]
    true_positives = sum(p and s for p, s in predicted)
    return (true_positives / sum(p for p, _ in predicted),
            true_positives / sum(s for _, s in predicted))


@pytest.mark.parametrize("file_name", ["variant_pairs.tsv", "variant_pairs_holdout.tsv"])
def test_similarity_precision_recall_on_variant_sets(file_name: str) -> None:
    precision, recall = _precision_recall(DATA / file_name)
    assert precision >= 0.95
    assert recall >= 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yezhov", "Jeschow"), ("Yezhov", "Yerev"), ("Ежов", "Yerov"), ("Kalin", "Karin"),
     ("Molchanov", "Morchanov"), ("Shpigelglas", "Shpigelglias"), ("Kharkov", "Charkow"),
     ("Тухачевский", "Toukhatchevski"), ("Trotsky", "Trotzki")],
)
def test_similarity_translation_differences_are_cheap(a: str, b: str) -> None:
    assert surname_similarity(a, b) >= SURNAME_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yagoda", "Yakir"), ("Berman", "Berzin"), ("Kork", "Kirov"), ("Orlov", "Popov"),
     ("Yezhov", "Yerokhin"), ("Балабанов", "Барабанов"), ("Юров", "Юрьев")],
)
def test_similarity_different_surnames_stay_apart(a: str, b: str) -> None:
    assert surname_similarity(a, b) < SURNAME_THRESHOLD


def test_similarity_l_r_is_cheap_only_through_latin() -> None:
    # Two Cyrillic spellings never went through Chinese: Балабанов and Барабанов are two names.
    assert surname_similarity("Balabanov", "Barabanov") > surname_similarity("Балабанов",
                                                                              "Барабанов")


def test_similarity_is_symmetric_and_bounded() -> None:
    pairs = [("Yezhov", "Yerev"), ("Ежов", "Jeschow"), ("Orlov", "Popov"), ("", "Ежов")]
    for a, b in pairs:
        assert surname_similarity(a, b) == surname_similarity(b, a)
        assert 0.0 <= surname_similarity(a, b) <= 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Nikolai", "Nikolay", True), ("Nikolai", "N.", True), ("Nikolai", "Николай", True),
     ("Nicholas", "Николай", True), ("Kolya", "Nikolai", True), ("Genrikh", "Heinrich", True),
     ("Genrikh", "Nikolai", False), ("Ivan", "Pyotr", False), ("Евгений", "Евгения", False),
     ("Y.", "Евгений", True), ("Yu.", "Юрий", True), ("N.", "Genrikh", False),
     ("Nikolai", None, None), (None, None, None),
     # An initial abbreviates the name in its own script: И. for Иосиф, whatever its Latin form.
     ("И.", "Josef", True), ("И.", "Iosif", True), ("J.", "Иосиф", True), ("Е.", "Yevgeny", True),
     ("Я.", "Jakob", True), ("Х.", "Hristo", True), ("W.", "Василий", True),
     ("И.", "Aleksandr", False), ("Е.", "Ivan", False), ("M.", "Nikolai", False),
     ("A.", "Яков", False),
     # forms the list added with their source (given_names.tsv header)
     ("Feodor", "Fyodor", True), ("Ignace", "Игнатий", True), ("Volodymyr", "Vladimir", True),
     ("Vissarion", "Виссарион", True), ("Ignace", "Ivan", False), ("Feodor", "Pyotr", False)],
)
def test_similarity_given_compatible(a: str | None, b: str | None, expected: bool | None) -> None:
    assert given_compatible(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Ivanovich", "Иванович", True), ("Ivanovich", "Iwanowitsch", True),
     ("Ivanovich", "Ivanovna", True), ("Ivanovich", "Petrovich", False), ("I.", "Ivanovich", True),
     ("Яковлевич", "Янкелевич", True), ("Petrovich", "Pavlovich", False),
     ("Nikolaevich", "Николаевич", True), ("И.", "Iosifovich", True),
     ("И.", "Josifowicz", True), ("Ю.", "Juliewicz", True), ("И.", "Petrovich", False),
     # Georgian: the father's name in the genitive before dze (son) or asuli (daughter)
     ("Pavles dze", "Pavlovich", True), ("Davitis dze", "Davidovich", True),
     ("Shalvas asuli", "Shalvovna", True), ("Davitis dze", "Pavlovich", False)],
)
def test_similarity_patronymic_compatible(a: str, b: str, expected: bool) -> None:
    assert patronymic_compatible(a, b) is expected


def _compare(a: str, b: str):
    return compare_names(parse_person_name(a), parse_person_name(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("N. Yezhov", "Nikolai Yezhov"), ("Ежов Николай Иванович", "Nikolai Yezhov"),
     ("Nikolai Ivanovich Yezhov", "Ежов Н.И."), ("Genrikh Yagoda", "Генрих Ягода")],
)
def test_similarity_compare_names_same_person_scores_high(a: str, b: str) -> None:
    result = _compare(a, b)
    assert result.score >= 0.85
    assert result.given is True
    assert not result.gender_conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [("Genrikh Yagoda", "Genrikh Lyushkov"), ("Ivan Orlov", "Pyotr Orlov"),
     ("Ежов Николай Иванович", "Ежов Николай Петрович"), ("Ezhov", "Ежова")],
)
def test_similarity_compare_names_different_people_score_low(a: str, b: str) -> None:
    assert _compare(a, b).score < 0.5


def test_similarity_compare_names_conflict_outweighs_surname() -> None:
    result = _compare("Ivan Orlov", "Pyotr Orlov")
    assert result.surname == 1.0
    assert result.given is False
    assert result.score <= 0.3


def test_similarity_compare_names_flags_gender_conflict() -> None:
    result = _compare("Ezhov", "Ежова")
    assert result.surname == 1.0  # one family name
    assert result.gender_conflict
    assert (result.features["gender_a"], result.features["gender_b"]) == ("m", "f")


def test_similarity_compare_names_full_given_beats_initial() -> None:
    full = _compare("Nikolai Yezhov", "Nikolai Ezhov").score
    initial = _compare("N. Yezhov", "Nikolai Ezhov").score
    bare = _compare("Yezhov", "Nikolai Ezhov").score
    assert full > initial > bare


@pytest.mark.parametrize(("a", "b"), [
    ("Ivanovich", "Iwanowitsch"), ("Ivanovich", "Petrovich"), ("Яковлевич", "Yakovlevich"),
    ("Nikolaevich", "Nikolayevich"), ("Semenovich", "Semyonovich"), ("Pavlovich", "Petrovich"),
    ("Grigorevich", "Grigorievich"), ("Lvovich", "Lwowitsch"), ("Ilich", "Ilyich"),
])
def test_similarity_threshold_shortcut_answers_as_the_best_similarity(a: str, b: str) -> None:
    # The shortcut skips pairs a plain edit distance rules out and stops at the first pair that
    # reaches the threshold: its answer must be the full computation's, at any threshold.
    from kartoteka.names.given_names import patronymic_stems
    from kartoteka.names.similarity import _best_similarity, _similar_at_least, _translated

    keys_a, keys_b, translated = patronymic_stems(a), patronymic_stems(b), _translated(a, b)
    best = _best_similarity(keys_a, keys_b, translated)
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.97):
        assert _similar_at_least(keys_a, keys_b, translated, threshold) is (best >= threshold)


def test_similarity_substitution_cache_returns_the_uncached_cost() -> None:
    from kartoteka.names.similarity import _substitution

    for a, b in (("x", "j"), ("l", "r"), ("a", "o"), ("b", "n"), ("e", "e")):
        for translated in (True, False):
            assert _substitution(a, b, translated) == _substitution.__wrapped__(a, b, translated)

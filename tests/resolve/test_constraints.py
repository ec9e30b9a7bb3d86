"""The rules that hold whatever the model says, and the clustering that obeys them."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from kartoteka.resolve.constraints import (
    ConflictingDecisions,
    ConstrainedClusters,
    PartsIndex,
    apply_must_links,
    conflicts,
    evidence_against,
    pair_conflicts,
)
from kartoteka.resolve.profile import Decisions
from kartoteka.resolve.records import NameParts


def parts(given: str | None = None, patronymic: str | None = None, gender: str | None = None,
          birth: int | None = None, death: int | None = None) -> NameParts:
    return NameParts(given, patronymic, gender, birth, death)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (parts("Genrikh"), parts("Nikolai"), ("given",)),
        (parts("Genrikh"), parts("Генрих"), ()),
        (parts("N."), parts("Nikolai"), ()),
        (parts("N."), parts("Genrikh"), ("given",)),
        (parts(patronymic="Ivanovich"), parts(patronymic="Petrovich"), ("patronymic",)),
        (parts(gender="m"), parts(gender="f"), ("gender",)),
        (parts(birth=1895), parts(birth=1896), ()),
        (parts(birth=1895), parts(birth=1898), ("birth_year",)),
        # Two years off is a copying error as often as not: weighed, not vetoed.
        (parts(birth=1895), parts(birth=1897), ()),
        # One letter swapped in a full given name or patronymic is a typo, not a conflict.
        (parts("Nikolai", "Ivanovich"), parts("Nikloai", "Ivnaovich"), ()),
        (parts("I.", "I."), parts("Ivan", "Iosifovich"), ()),
        # A short name keyed wrong is no name at all: a typo (Smeen, Feor), weighed by the model.
        (parts("Smeen"), parts("Semen"), ()),
        (parts("Feor"), parts("Федор"), ()),
        (parts("Nkiolay"), parts("Николай"), ()),
        # ... in whichever script or scheme the typo was made (Смеен against Semen).
        (parts("Смеен"), parts("Semen"), ()),
        (parts("Заахр"), parts("Zakhar"), ()),
        (parts("Pweł"), parts("Павел"), ()),
        (parts("Смеен"), parts("Pavel"), ("given",)),
        # Two real names a letter apart are two names; so are two full patronymics.
        (parts("Yuri"), parts("Yuli"), ("given",)),
        (parts("Мария"), parts("Марина"), ("given",)),
        (parts("Юрий"), parts("Юлий"), ("given",)),
        # A form no list holds that the translation channel could have made of a known name
        # (a syllable dropped, l for r, f for v): weighed by the model, not vetoed ...
        (parts("Nozheda"), parts("Nadezhda"), ()),
        (parts("Vecheslaf"), parts("Вячеслав"), ()),
        (parts("Rabrenti"), parts("Lavrenty"), ()),
        # ... but not a form the channel could not have made, nor a short name (Heinz, Hans).
        (parts("Nozheda"), parts("Natasha"), ("given",)),
        (parts("Heinz"), parts("Hans"), ("given",)),
        (parts(patronymic="Iosifovich"), parts(patronymic="Ivanovich"), ("patronymic",)),
        # И. abbreviates Иосиф, whichever way a Latin text spells him.
        (parts("И.", "В."), parts("Josef", "Vissarionovich"), ()),
        (parts("М.", "И."), parts("Mikhail", "Iosifovich"), ()),
        (parts("И."), parts("Aleksandr"), ("given",)),
        (parts(death=1938), parts(death=1940), ("death_year",)),
        (parts(), parts("Ivan", "Ivanovich", "m", 1890, 1938), ()),
        # A given name of another of the person's names (born Яков, known as Ян).
        (NameParts("Ян", None, None, None, None, ("Яков",)), parts("Yakov"), ()),
        (NameParts("Ян", None, None, None, None, ("Яков",)), parts("Pyotr"), ("given",)),
    ],
)
def test_constraints_conflicts(a: NameParts, b: NameParts, expected: tuple[str, ...]) -> None:
    assert conflicts(a, b) == expected
    assert conflicts(b, a) == expected


def test_constraints_union_refused_when_any_member_conflicts() -> None:
    members = {"ivan": parts("Ivan"), "bare": parts(), "pyotr": parts("Pyotr")}
    clusters = ConstrainedClusters(members, Decisions(), dict(members))
    assert clusters.try_union("ivan", "bare") is None
    assert clusters.try_union("bare", "pyotr") == "conflict"
    assert not clusters.same("ivan", "pyotr")


def test_constraints_cluster_birth_years_may_each_be_two_off_one_year() -> None:
    # 1905 and 1908 are not linked directly, but beside 1907 all three may be born in 1906.
    members = {"a": parts("Semen", birth=1905), "b": parts("Semen", birth=1907),
               "c": parts("Semen", birth=1908), "d": parts("Semen", birth=1910)}
    clusters = ConstrainedClusters(members, Decisions(), dict(members))
    assert conflicts(members["a"], members["c"]) == ("birth_year",)
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") is None
    # No year lies within two of both 1905 and 1910.
    assert clusters.try_union("c", "d") == "conflict"
    assert clusters.clusters() == [["a", "b", "c"], ["d"]]


def test_constraints_a_record_without_a_year_does_not_bridge_years_four_apart() -> None:
    # Only a record's own year witnesses a spread: 1890 and 1894 through a yearless Semen
    # have none within two of both.
    members = {"a": parts("Semen", birth=1890), "b": parts("Semen"),
               "c": parts("Semen", birth=1894), "d": parts("Semen", birth=1892)}
    clusters = ConstrainedClusters(members, Decisions(), dict(members))
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") == "conflict"
    assert clusters.try_union("c", "d") is None
    assert clusters.try_union("a", "c") is None  # 1892 is within two of both
    assert clusters.clusters() == [["a", "b", "c", "d"]]


def test_constraints_cluster_death_years_and_names_still_conflict_pairwise() -> None:
    members = {"a": parts("Ivan", death=1937), "b": parts("Ivan", death=1938),
               "c": parts("Ivan", death=1939), "d": parts("Pyotr")}
    clusters = ConstrainedClusters(members, Decisions(), dict(members))
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") == "conflict"
    assert clusters.try_union("a", "d") == "conflict"


def test_constraints_union_refused_by_cannot_link_through_a_third() -> None:
    keys = ["a", "b", "c"]
    clusters = ConstrainedClusters(keys, Decisions(cannot_link=frozenset({("a", "c")})))
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") == "cannot-link"
    assert clusters.clusters() == [["a", "b"], ["c"]]


def test_constraints_union_refused_by_evidence_against_through_a_third() -> None:
    # A bare "I. Orlov" links to both; the two full records were born in different towns.
    against = {"birthplace": {"level": "else", "weight": -6.0}, "surname": {"weight": 12.0}}
    clusters = ConstrainedClusters(["a", "b", "c"], Decisions())
    clusters.set_against([("a", "c")] if evidence_against(0.2, against) else [])
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") == "evidence against"
    assert clusters.clusters() == [["a", "b"], ["c"]]


@pytest.mark.parametrize(("probability", "features"), [
    (0.8, {"birthplace": {"weight": -6.0}}),  # the model still finds one person likelier
    (0.2, {"birthplace": {"weight": -1.0}}),  # a weak disagreement
    (0.2, {"surname": {"weight": -9.0}}),  # names may be a pseudonym's: not this rule's
])
def test_constraints_evidence_against_needs_a_strong_fact_and_a_low_score(
    probability: float, features: dict
) -> None:
    assert not evidence_against(probability, features)


def test_constraints_must_links_join_even_conflicting_profiles() -> None:
    members = {"a": parts("Ivan"), "b": parts("Pyotr")}
    clusters = ConstrainedClusters(members, Decisions(), dict(members))
    apply_must_links(clusters, Decisions(must_link=frozenset({("a", "b")})))
    assert clusters.same("a", "b")


def test_constraints_must_links_against_cannot_link_raise() -> None:
    decisions = Decisions(must_link=frozenset({("a", "b")}), cannot_link=frozenset({("b", "a")}))
    clusters = ConstrainedClusters(["a", "b"], decisions)
    with pytest.raises(ConflictingDecisions):
        apply_must_links(clusters, decisions)


def test_constraints_decisions_on_unknown_keys_are_ignored() -> None:
    decisions = Decisions(must_link=frozenset({("a", "zz")}), cannot_link=frozenset({("a", "y")}))
    clusters = ConstrainedClusters(["a", "b"], decisions)
    apply_must_links(clusters, decisions)
    assert clusters.clusters() == [["a"], ["b"]]


def test_constraints_pair_conflicts_equal_conflicts_pair_by_pair() -> None:
    """The column-at-a-time check returns, for every pair in either order, what conflicts()
    returns: names checked once per distinct pair of names, years per pair (a repeated name
    with different years must not take another's year verdict)."""
    profiles = {
        "k1": parts("Nikolai", "Ivanovich", "m", 1895, 1938),
        "k2": parts("Nikolai", "Ivanovich", "m", 1899, 1937),  # same names, years apart
        "k3": parts("Nikolai", "Ivanovich", "m", None, 1940),
        "k4": parts("Genrikh", None, "m", 1891, None),
        "k5": parts("N.", "I.", None, 1896, 1938),
        "k6": parts("Maria", "Petrovna", "f", 1905, 1938),
        "k7": NameParts("Yakov", None, "m", 1894, None, ("Jan",)),
    }
    index = PartsIndex(profiles)
    assert index.keys == sorted(profiles)
    pairs = list(itertools.permutations(range(len(index.keys)), 2))
    left = np.array([x for x, _ in pairs], dtype=np.int64)
    right = np.array([y for _, y in pairs], dtype=np.int64)
    expected = [conflicts(profiles[index.keys[x]], profiles[index.keys[y]]) for x, y in pairs]
    assert pair_conflicts(index, left, right) == expected
    assert ("birth_year",) in expected and () in expected  # both kinds of pair are there
    assert pair_conflicts(index, left[:0], right[:0]) == []

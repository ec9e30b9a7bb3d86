"""Incremental linking: new profiles scored against stored entities without a Splink run."""

from __future__ import annotations

import math
import random

import pytest

from kartoteka.resolve.across import link_profiles
from kartoteka.resolve.comparisons import (
    load_prior,
    person_blocking_rules,
    person_comparisons,
)
from kartoteka.resolve.incremental import (
    attach_profiles,
    model_weights,
    prior_weights,
    score_pair,
)
from kartoteka.resolve.linker import score_pairs
from kartoteka.resolve.profile import Decisions, Profile
from kartoteka.resolve.records import PERSON_COLUMNS, bound_blocks, person_row
from kartoteka.resolve.scoring import TF_COLUMNS, surname_frequencies


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id=f"doc-{key}", kind="person", label=label,
                   names=[label], **parts)  # type: ignore[arg-type]


# Made-up people: Russian given names and surnames written in two scripts and several
# romanisations, with years, so every comparison reaches several of its levels.
GIVEN = [("Ivan", "Иван"), ("Pyotr", "Пётр"), ("Nikolai", "Николай"), ("Anna", "Анна")]
SURNAMES = [("Orlov", "Орлов"), ("Yezhov", "Ежов"), ("Solovyov", "Соловьёв"),
            ("Zaitsev", "Зайцев"), ("Kirov", "Киров")]


def crowd(n: int, seed: int = 3) -> list[Profile]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        (gl, gc), (sl, sc) = rng.choice(GIVEN), rng.choice(SURNAMES)
        cyrillic = rng.random() < 0.4
        given, surname = (gc, sc) if cyrillic else (gl, sl)
        if given in ("Anna", "Анна"):
            surname += "a"
        form = rng.random()
        kwargs: dict[str, object] = {"surname": surname}
        if form < 0.6:
            kwargs["given"] = given
        elif form < 0.8:
            kwargs["initials"] = (given[0] + ".",)
        if rng.random() < 0.5:
            kwargs["birth_year"] = 1890 + rng.randint(0, 4)
        label = " ".join(str(x) for x in (kwargs.get("given"), surname) if x)
        out.append(person(f"k{i:03d}", label, **kwargs))
    return out


@pytest.mark.parametrize("with_tf", [False, True])
def test_incremental_scores_equal_splinks(with_tf: bool) -> None:
    rows = [person_row(p) for p in crowd(80)]
    bound_blocks(rows)
    prior = load_prior()
    tf = {c: surname_frequencies(rows, c) for c in TF_COLUMNS} if with_tf else None
    batch = score_pairs(
        rows, PERSON_COLUMNS,
        comparisons=person_comparisons(prior, surname_tf=with_tf, given_tf=with_tf),
        blocking_rules=person_blocking_rules(), probability_two_random_records_match=0.01,
        term_frequencies=tf)
    by_id = {r["unique_id"]: r for r in rows}
    weights = prior_weights(prior, term_frequencies=with_tf)
    assert len(batch.pairs) > 100
    for splink in batch.pairs:
        ours = score_pair(by_id[splink["unique_id_l"]], by_id[splink["unique_id_r"]], weights,
                          math.log2(0.01 / 0.99), tf)
        for column, value in splink.items():
            if column.startswith("gamma_"):
                assert ours[column] == value, column
        assert ours["match_weight"] == pytest.approx(splink["match_weight"], abs=1e-9)
        assert ours["match_probability"] == pytest.approx(splink["match_probability"])


def test_incremental_agrees_with_the_full_linker() -> None:
    profiles = crowd(60)
    stored, new = profiles[:50], profiles[50:]
    before = link_profiles(stored)
    entity_of = {k: f"e{i}" for i, cluster in enumerate(before.clusters) for k in cluster}
    members = {e: {k for k, f in entity_of.items() if f == e} for e in entity_of.values()}
    attached = attach_profiles(new, stored, entity_of)
    after = link_profiles(profiles)
    checked = 0
    for p in new:
        if p.key in attached.bridges:
            continue
        joined = attached.entity_of[p.key]
        mates = {k for k in after.cluster_of(p.key) if k in entity_of}
        if joined is not None:  # never a link the full linker would not make
            assert mates & members[joined]
        held = {entity_of[k] for k in mates}
        if len(held) == 1 and mates == members[next(iter(held))]:
            # The full linker kept that stored entity as it was: the same answer.
            assert joined == next(iter(held))
            checked += 1
        elif not mates:
            assert joined is None
            checked += 1
    assert checked >= len(new) // 2
    # The same pairs with the same scores (the same model at the same size).
    ours = {(q.a, q.b): q.probability for q in attached.pairs}
    full = {(q.a, q.b): q.probability for q in after.pairs
            if {q.a, q.b} & {p.key for p in new} and not {q.a, q.b} & attached.bridges}
    assert ours.keys() == full.keys()
    assert all(ours[k] == pytest.approx(full[k]) for k in ours)


def test_incremental_attaches_a_new_profile_to_its_entity() -> None:
    stored = [person("a1", "Ivan Petrovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Petrovich", birth_year=1894),
              person("a2", "Иван Орлов", surname="Орлов", given="Иван"),
              person("b1", "Глеб Бокий", surname="Бокий", given="Глеб")]
    new = [person("n1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    attached = attach_profiles(new, stored, {"a1": "E1", "a2": "E1", "b1": "E2"})
    assert attached.entity_of == {"n1": "E1"}
    assert not attached.bridges
    assert {q.decision for q in attached.pairs if "n1" in (q.a, q.b)} == {"linked"}


def test_incremental_bare_surname_between_two_people_waits_for_review() -> None:
    stored = [person("a1", "Ivan Orlov", surname="Orlov", given="Ivan"),
              person("b1", "Pyotr Orlov", surname="Orlov", given="Pyotr")]
    new = [person("n1", "Orlov", surname="Orlov")]
    attached = attach_profiles(new, stored, {"a1": "E1", "b1": "E2"})
    assert attached.entity_of == {"n1": None}
    decided = {(q.a, q.b): q for q in attached.pairs}
    assert decided[("a1", "n1")].decision == "review"
    assert decided[("a1", "n1")].features.get("ambiguous")


# Two bearers already (Anna Orlova is no Ivan): "Orlov" is no lone surname (lone.py).
ORLOVS = [person("a1", "Ivan Orlov", surname="Orlov", given="Ivan"),
          person("w1", "Anna Orlova", surname="Orlova", given="Anna"),
          person("x1", "Orlov", surname="Orlov")]


def test_incremental_new_name_makes_a_stored_bare_surname_ambiguous() -> None:
    """A stored bare "Orlov" next to Ivan Orlov does not take in a new Pyotr Orlov: with the
    stored profile's own candidates it fits two people."""
    new = [person("n1", "Pyotr Orlov", surname="Orlov", given="Pyotr")]
    attached = attach_profiles(new, ORLOVS, {"a1": "E1", "w1": "E3", "x1": "E2"})
    assert attached.entity_of == {"n1": None}
    assert not attached.bridges


def test_incremental_cannot_link_holds() -> None:
    stored = [person("a1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    new = [person("n1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    kept = attach_profiles(new, stored, {"a1": "E1"},
                           decisions=Decisions(cannot_link=frozenset({("n1", "a1")})))
    assert kept.entity_of == {"n1": None}
    assert [q.decision for q in kept.pairs] == ["cannot-link"]
    joined = attach_profiles(new, stored, {"a1": "E1"})
    assert joined.entity_of == {"n1": "E1"}


def test_incremental_must_link_joins_across_names() -> None:
    stored = [person("a1", "Artur Artuzov", surname="Artuzov", given="Artur")]
    new = [person("n1", "Artur Frauchi", surname="Frauchi", given="Artur")]
    attached = attach_profiles(new, stored, {"a1": "E1"},
                               decisions=Decisions(must_link=frozenset({("a1", "n1")})))
    assert attached.entity_of == {"n1": "E1"}


def _bridge_case() -> tuple[list[Profile], list[Profile]]:
    stored = [person("a1", "Ivan Ivanovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Ivanovich"),
              person("b1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    new = [person("n1", "Ivan Ivanovich Orlov", surname="Orlov", given="Ivan",
                  patronymic="Ivanovich", birth_year=1894)]
    return stored, new


def test_incremental_bridge_joins_the_two_entities_from_its_scores() -> None:
    """A new full name that fits two stored entities which nothing keeps apart joins them,
    as the full linker does, with no relink of their neighbourhood."""
    stored, new = _bridge_case()
    attached = attach_profiles(new, stored, {"a1": "E1", "b1": "E2"})
    assert attached.bridges == set()
    assert attached.groups == [["n1"]]
    assert attached.entities_of == {"n1": ["E1", "E2"]}
    full = link_profiles([*stored, *new])
    assert sorted(full.cluster_of("n1")) == ["a1", "b1", "n1"]
    decided = {(q.a, q.b): q.decision for q in attached.pairs}
    assert decided[("a1", "n1")] == decided[("b1", "n1")] == "linked"
    # the stored pair across the two entities is written again, as the full linker writes it
    assert decided.get(("a1", "b1")) == \
        {(q.a, q.b): q.decision for q in full.pairs}.get(("a1", "b1"))


def test_incremental_bridge_vetoed_by_a_human_decision_keeps_the_entities_apart() -> None:
    stored, new = _bridge_case()
    no = Decisions(cannot_link=frozenset({("a1", "b1")}))
    attached = attach_profiles(new, stored, {"a1": "E1", "b1": "E2"}, decisions=no)
    assert attached.bridges == set()
    assert len(attached.entities_of["n1"]) < 2
    full = link_profiles([*stored, *new], decisions=no)
    entity = {"E1": "a1", "E2": "b1"}
    assert {entity[e] for e in attached.entities_of["n1"]} == set(full.cluster_of("n1")) - {"n1"}


def test_incremental_bridge_vetoed_by_a_conflict_keeps_the_entities_apart() -> None:
    """Two stored Ivan Orlovs born in different years: a new one with no year fits both, but
    the two sides cannot be one man."""
    stored = [person("a1", "Ivan Ivanovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Ivanovich", birth_year=1890),
              person("b1", "Ivan Ivanovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Ivanovich", birth_year=1899)]
    new = [person("n1", "Ivan Ivanovich Orlov", surname="Orlov", given="Ivan",
                  patronymic="Ivanovich")]
    attached = attach_profiles(new, stored, {"a1": "E1", "b1": "E2"})
    assert attached.bridges == set()
    assert len(attached.entities_of["n1"]) < 2
    full = link_profiles([*stored, *new])
    entity = {"E1": "a1", "E2": "b1"}
    assert {entity[e] for e in attached.entities_of["n1"]} == set(full.cluster_of("n1")) - {"n1"}


def test_incremental_new_profiles_link_among_themselves() -> None:
    stored = [person("b1", "Глеб Бокий", surname="Бокий", given="Глеб")]
    new = [person("n1", "Yakov Agranov", surname="Agranov", given="Yakov", birth_year=1893),
           person("n2", "Яков Агранов", surname="Агранов", given="Яков", birth_year=1893)]
    attached = attach_profiles(new, stored, {"b1": "E1"})
    assert attached.groups == [["n1", "n2"]]
    assert attached.entity_of == {"n1": None, "n2": None}


def test_incremental_reads_a_trained_models_weights() -> None:
    model = link_profiles(crowd(40)).model
    weights = model_weights(model)
    prior = prior_weights()
    assert weights.keys() == prior.keys()
    assert all(len(weights[name]) == len(prior[name]) for name in prior)
    first = model["comparisons"][0]["comparison_levels"][1]
    assert weights["surname"][0] == (first["m_probability"], first["u_probability"])


def test_incremental_new_name_that_makes_a_stored_link_doubtful_goes_to_the_full_linker(
) -> None:
    """A bare "Orlov" stored with Ivan Orlov fits a new Pyotr Orlov just as well: whether it
    stays Ivan's is the full linker's decision."""
    new = [person("n1", "Pyotr Orlov", surname="Orlov", given="Pyotr")]
    attached = attach_profiles(new, ORLOVS, {"a1": "E1", "w1": "E3", "x1": "E1"})
    assert attached.bridges == {"n1"}
    held_apart = attach_profiles(new, ORLOVS, {"a1": "E1", "w1": "E3", "x1": "E2"})
    assert held_apart.bridges == set()


def test_incremental_second_bearer_of_a_lone_surname_goes_to_the_full_linker() -> None:
    """A bare "Kamenev" linked to Lev Kamenev under the lone-surname rule may not stay his
    once a Sergey Kamenev is known: the full linker decides."""
    stored = [person("a1", "Lev Kamenev", surname="Kamenev", given="Lev"),
              person("x1", "Kamenev", surname="Kamenev")]
    sergey = person("n1", "Sergey Kamenev", surname="Kamenev", given="Sergey")
    attached = attach_profiles([sergey], stored, {"a1": "E1", "x1": "E1"})
    assert attached.bridges == {"n1"}
    lev = person("n2", "Лев Каменев", surname="Каменев", given="Лев")
    assert attach_profiles([lev], stored, {"a1": "E1", "x1": "E1"}).bridges == set()


def test_incremental_stored_entity_that_no_longer_holds_goes_to_the_full_linker() -> None:
    """An entity whose members today's scores do not link up (made when the blocks were
    smaller, or by an undone decision) is the full linker's to split."""
    stored = [person("a1", "Ivan Orlov", surname="Orlov", given="Ivan"),
              person("b1", "Pyotr Orlov", surname="Orlov", given="Pyotr")]
    new = [person("n1", "Ivan Orlov", surname="Orlov", given="Ivan")]
    assert attach_profiles(new, stored, {"a1": "E1", "b1": "E1"}).bridges == {"n1"}
    assert attach_profiles(new, stored, {"a1": "E1", "b1": "E2"}).entity_of == {"n1": "E1"}

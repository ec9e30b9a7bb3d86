"""Reviewers' decisions on authority links teach the model: m from accepted, the threshold from
rejected links, from MIN_LABELLED_PAIRS of each on."""

from __future__ import annotations

from typing import Any

import pytest

from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.authority_model import MIN_LABELLED_PAIRS, learn
from kartoteka.resolve.comparisons import AUTHORITY_PRIOR_FILE, load_prior
from kartoteka.resolve.profile import Profile


def features(**levels: str) -> dict[str, Any]:
    return {name: {"level": level, "weight": 0.0} for name, level in levels.items()}


def test_authority_model_m_moves_towards_what_accepted_links_show() -> None:
    prior = load_prior(AUTHORITY_PRIOR_FILE)
    # Reviewers keep accepting links whose patronymic is only an initial.
    accepted = [(features(surname="exact", patronymic="initial"), 0.9, True)] * MIN_LABELLED_PAIRS
    model = learn(prior, accepted, 0.95)
    assert model.learnt == ["m"] and model.accepted == MIN_LABELLED_PAIRS
    m_initial = model.comparisons["patronymic"]["initial"][0]
    assert m_initial > prior["comparisons"]["patronymic"]["initial"][0]
    assert sum(m for m, _ in model.comparisons["patronymic"].values()) == pytest.approx(1.0, 0.02)
    # u is the list's own: a near miss a reviewer refused says nothing about random pairs
    assert model.comparisons["patronymic"]["initial"][1] == prior["comparisons"]["patronymic"][
        "initial"][1]
    assert model.weights()["patronymic"]["initial"] > 0


def test_authority_model_too_few_decisions_leave_the_prior() -> None:
    prior = load_prior(AUTHORITY_PRIOR_FILE)
    few = [(features(surname="exact"), 0.97, True)] * (MIN_LABELLED_PAIRS - 1)
    few += [(features(surname="exact"), 0.97, False)] * (MIN_LABELLED_PAIRS - 1)
    model = learn(prior, few, 0.95)
    assert model.learnt == [] and model.comparisons == prior["comparisons"]
    assert model.link_threshold == 0.95


def test_authority_model_rejected_links_raise_the_threshold() -> None:
    prior = load_prior(AUTHORITY_PRIOR_FILE)
    rejected = [(features(surname="exact"), 0.96 + i / 1000, False)
                for i in range(MIN_LABELLED_PAIRS)]
    model = learn(prior, rejected, 0.95)
    assert model.learnt == ["threshold"] and 0.97 < model.link_threshold < 0.999


def test_authority_model_threshold_keeps_a_refused_kind_of_link_for_review() -> None:
    stems = ("Сидоров", "Карпов", "Фомин", "Лукин", "Титов", "Гуров", "Демин", "Белов")
    records = [AuthorityRecord("t", "1", "Бокий Глеб Иванович", 1879, 1937),
               *(AuthorityRecord("t", f"b{i}-{g}", f"{s} {g} Петрович", 1890, 1938)
                 for i, s in enumerate(stems) for g in ("Иван", "Петр", "Сергей", "Павел"))]
    profile = Profile(key="p", document_id="d", kind="person", label="Gleb Bokii",
                      names=["Gleb Bokii"], surname="Bokii", given="Gleb", birth_year=1879)
    before = link_authority([profile], records)
    assert [(m.record_id, m.decision) for m in before] == [("1", "linked")]
    refused = [(before[0].features, before[0].probability, False)] * MIN_LABELLED_PAIRS
    model = learn(load_prior(AUTHORITY_PRIOR_FILE), refused, 0.95)
    after = link_authority([profile], records, model=model)
    assert [(m.record_id, m.decision) for m in after] == [("1", "review")]

"""Negation over coordinated predicates (extract/en/negation_scope.py; docs/constructions.md,
"Modality"). Made-up sentences; fast (the small spaCy model loads once per session)."""

from __future__ import annotations

import pytest


def _polarities(fates: list[tuple], type_: str) -> set[str]:
    return {f[3] for f in fates if f[0] == type_ and f[1] == "Boris Markov"}


@pytest.mark.parametrize("text", [
    "Boris Markov was not arrested and shot.",
    "Boris Markov was not arrested in 1937 and shot in 1938.",
    "Boris Markov was neither arrested nor shot.",
    "Boris Markov was never found guilty and shot in 1937.",
])
def test_negation_scope_a_shared_negated_auxiliary_covers_every_conjunct(fates_en,
                                                                        text: str) -> None:
    assert _polarities(fates_en(text), "execution") == {"negated"}


@pytest.mark.parametrize("text", [
    "Boris Markov was not arrested but shot in 1938.",
    "Boris Markov was not only arrested but also shot.",
    "Boris Markov was not arrested, and he was shot in 1938.",
    "Boris Markov was arrested and shot in 1938.",
])
def test_negation_scope_ends_at_a_contrast_or_a_new_clause(fates_en, text: str) -> None:
    assert _polarities(fates_en(text), "execution") == {"affirmed"}


def test_negation_scope_not_only_negates_nothing(fates_en) -> None:
    fates = fates_en("Boris Markov was not only arrested but also shot.")
    assert _polarities(fates, "arrest") == {"affirmed"}


@pytest.mark.parametrize(("text", "type_"), [
    ("Boris Markov was wounded instead of being killed.", "death"),
    ("Boris Markov was shot without being tried.", "trial"),
    ("Boris Markov was exiled rather than shot.", "execution"),
])
def test_negation_scope_a_preposition_of_exclusion_asserts_nothing(fates_en, text: str,
                                                                  type_: str) -> None:
    assert _polarities(fates_en(text), type_) == set()

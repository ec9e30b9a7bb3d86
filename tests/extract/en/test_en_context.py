"""Pronouns in extract/en/context.py: a plural pronoun takes the nearest plural phrase.
Made-up sentences; fast (the small spaCy model loads once per session)."""

from __future__ import annotations

import pytest

LIST = "Pavel Lapshin, Ivan Sobolev and Boris Markov were tried in 1937. "


@pytest.mark.parametrize("text", [
    LIST + "Later the court sentenced dozens of engineers to death. They were shot in 1938.",
    LIST + "The court sentenced more than 80 people to death. All of them were executed.",
])
def test_context_a_plural_pronoun_takes_a_group_named_after_the_list(fates_en,
                                                                     text: str) -> None:
    shot = [f[1] for f in fates_en(text) if f[0] == "execution"]
    assert shot and not {"Pavel Lapshin", "Ivan Sobolev", "Boris Markov"} & set(shot)


@pytest.mark.parametrize("text", [
    LIST + "They were shot in 1938.",
    LIST + "All of them were shot in 1938.",
])
def test_context_a_plural_pronoun_right_after_a_list_takes_the_list(fates_en,
                                                                    text: str) -> None:
    shot = {f[1] for f in fates_en(text) if f[0] == "execution"}
    assert {"Pavel Lapshin", "Ivan Sobolev", "Boris Markov"} <= shot


@pytest.mark.parametrize("second", ["Both were shot in 1938.", "Both of them were shot in 1938."])
def test_context_both_after_two_full_names_takes_the_pair(fates_en, second: str) -> None:
    fates = fates_en("Pavel Lebedev and Ivan Morozov were arrested in 1937. " + second)
    shot = {f[1]: f[3] for f in fates if f[0] == "execution"}
    assert shot == {"Pavel Lebedev": "affirmed", "Ivan Morozov": "affirmed"}


def test_context_neither_of_them_denies_for_the_pair(fates_en) -> None:
    fates = fates_en("Pavel Lebedev and Ivan Morozov were arrested in 1937. "
                     "Neither of them was shot.")
    shot = {f[1]: f[3] for f in fates if f[0] == "execution"}
    assert shot == {"Pavel Lebedev": "negated", "Ivan Morozov": "negated"}


@pytest.mark.parametrize("text", [
    "Pavel Orekhov headed the NKVD until 1936. The following year, he and his associates were "
    "removed from office and arrested. They were later tried and executed in 1938.",
    "In 1937 Pavel Orekhov and several colleagues were arrested. They were shot in 1938.",
])
def test_context_they_takes_up_a_name_coordinated_with_an_unnamed_plural(fates_en,
                                                                         text: str) -> None:
    assert ("execution", "Pavel Orekhov", "1938", "affirmed", None) in fates_en(text)


def test_context_they_without_a_plural_antecedent_takes_no_single_name(fates_en) -> None:
    fates = fates_en("Pavel Orekhov was arrested in 1937. They were shot in 1938.")
    assert not [f for f in fates if f[0] == "execution" and f[1] == "Pavel Orekhov"]

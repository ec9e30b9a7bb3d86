"""The trial's group noun after a list of the people tried (kartoteka.extract.en.trial_groups).
Made-up sentences; the names are common Russian ones."""

from __future__ import annotations

import pytest


def _executed(fates: list[tuple]) -> list[tuple]:
    return sorted((f[1], f[2], f[4]) for f in fates if f[0] == "execution" and f[3] == "affirmed")


@pytest.mark.parametrize(("text", "date"), [
    ("Three officers were tried with him: Pavel Orekhov, Ivan Somov and Petr Kuzmin. All the "
     "defendants were shot.", None),
    ("Pavel Orekhov, Ivan Somov and Petr Kuzmin were accused of sabotage. The defendants were "
     "shot in 1938.", "1938"),
])
def test_trial_groups_the_defendants_are_the_people_tried(fates_en, text: str, date) -> None:
    assert _executed(fates_en(text)) == [("Ivan Somov", date, None), ("Pavel Orekhov", date, None),
                                         ("Petr Kuzmin", date, None)]


def test_trial_groups_never_the_judge_and_the_mood_stays(fates_en) -> None:
    fates = fates_en("Judge Vasily Ulrikh tried Pavel Orekhov and Ivan Somov. The defendants "
                     "were said to have been shot.")
    executions = [f for f in fates if f[0] == "execution"]
    assert sorted(f[1] for f in executions) == ["Ivan Somov", "Pavel Orekhov"]
    assert all(f[4] is not None for f in executions)  # reported, not a fact


@pytest.mark.parametrize("text", [
    # no trial told of the list: they are friends, not defendants
    "Pavel Orekhov, Ivan Somov and Petr Kuzmin were my friends. All the defendants were shot.",
    # "both" needs exactly two
    "Pavel Orekhov, Ivan Somov and Petr Kuzmin stood trial. Both defendants were shot.",
])
def test_trial_groups_no_list_no_fate_for_its_people(fates_en, text: str) -> None:
    assert [f for f in _executed(fates_en(text)) if f[0] != "defendants"] == []


def test_trial_groups_both_is_the_pair_named_last_not_the_judge(fates_en) -> None:
    fates = fates_en("Judge Vasily Ulrikh sentenced Pavel Orekhov and Ivan Somov to death. Both "
                     "were shot the next day.")
    assert _executed(fates) == [("Ivan Somov", None, None), ("Pavel Orekhov", None, None)]


def test_trial_groups_both_needs_a_pair(fates_en) -> None:
    fates = fates_en("Judge Vasily Ulrikh tried Pavel Orekhov, Ivan Somov and Petr Kuzmin. Both "
                     "were shot the next day.")
    assert _executed(fates) == []


@pytest.mark.parametrize(("text", "date"), [
    ("Many people were tried, including Pavel Orekhov, Ivan Somov and Petr Kuzmin. All of them "
     "were executed.", None),
    ("More than eighty persons were sentenced to death, including Pavel Orekhov, Ivan Somov "
     "and Petr Kuzmin. All concerned were promptly executed.", None),
    ("The court tried twenty officers, including Pavel Orekhov, Ivan Somov and Petr Kuzmin. "
     "They were shot in 1938.", "1938"),
])
def test_trial_groups_a_group_s_fate_reaches_the_members_it_included(fates_en, text: str,
                                                                      date) -> None:
    named = [f for f in _executed(fates_en(text)) if f[0] != "officers"]
    assert ("Pavel Orekhov", date, None) in named
    assert ("Ivan Somov", date, None) in named
    assert ("Petr Kuzmin", date, None) in named


@pytest.mark.parametrize("text", [
    # a subject named in between keeps the pronoun; a denied fate gives none
    "Many officers were tried, including Pavel Orekhov and Ivan Somov. Boris Ilyin and Semyon "
    "Gurov were not. They were shot in 1938.",
    "Many officers were tried, including Pavel Orekhov and Ivan Somov. All of them were not "
    "shot.",
    "Many officers were tried, including Pavel Orekhov and Ivan Somov. Their judges were shot.",
])
def test_trial_groups_an_included_member_takes_only_the_group_s_own_fate(fates_en,
                                                                         text: str) -> None:
    assert not [f for f in _executed(fates_en(text)) if f[0] in ("Pavel Orekhov", "Ivan Somov")]


def test_trial_groups_an_extraposed_including_names_the_patient_s_members(fates_en) -> None:
    fates = fates_en("Many people were arrested, including Pavel Orekhov and Ivan Somov.")
    arrested = sorted(f[1] for f in fates if f[0] == "arrest")
    assert "Pavel Orekhov" in arrested and "Ivan Somov" in arrested

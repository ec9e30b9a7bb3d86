"""A fate told of a list by a collective anaphor after it (made-up lists; fast: one small model
per session)."""

from __future__ import annotations

import pytest

LIST = ("Officials removed in 1938:\n\nCommissar of Justice Pavel Orekhov\n"
        "Governor of the State Bank Boris Morozov\nDeputy Commissar of Trade Ilya Lebedev\n\n")


@pytest.mark.parametrize(("after", "type_"), [
    ("All of them were shot.", "execution"),
    ("They were all arrested within a month.", "arrest"),
    ("Nobody protested. These are only some of the officials who were killed.", "death"),
    ("All these men were arrested and later shot.", "execution"),
])
def test_collective_anaphor_gives_each_listed_person_the_fate(fates_en, after: str,
                                                               type_: str) -> None:
    fates = fates_en(LIST + after)
    for name in ("Pavel Orekhov", "Boris Morozov", "Ilya Lebedev"):
        assert any(f[0] == type_ and f[1] == name and f[3] == "affirmed" for f in fates)


@pytest.mark.parametrize("after", [
    "All of them were to be shot.",  # a plan
    "Some feared that all of them would be arrested.",  # a fear
    "None of them was arrested.",  # a denial told of the set is not distributed
])
def test_collective_anaphor_unasserted_fate_gives_nothing(fates_en, after: str) -> None:
    fates = fates_en(LIST + after)
    assert not [f for f in fates if f[0] in ("execution", "arrest") and f[3] == "affirmed"
                and f[1] in ("Pavel Orekhov", "Boris Morozov", "Ilya Lebedev")
                and "list" not in str(f)]


def test_collective_personal_pronoun_only_right_after_the_list(fates_en) -> None:
    text = LIST + "The ministries stood empty. Their deputies came and went. They were shot."
    assert not [f for f in fates_en(text) if f[0] == "execution"
                and f[1] in ("Pavel Orekhov", "Boris Morozov", "Ilya Lebedev")]

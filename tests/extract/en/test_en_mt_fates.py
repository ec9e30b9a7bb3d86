"""Fate constructions of machine-translated memoir English: a life taken, a post received, a
break with the regime, an inclusive adjunct (made-up sentences; fast: one small model per
session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name"), [
    ("Nadezhda Orlova's life was taken by a pistol bullet.", "Nadezhda Orlova"),
    ("The purge took the lives of Pavel Lebedev and Ilya Morozov.", "Ilya Morozov"),
    ("Pavel Morozov lost his life in the camps in 1942.", "Pavel Morozov"),
])
def test_claims_a_life_taken_or_lost_is_a_death(fates_en, text: str, name: str) -> None:
    assert any(f[0] == "death" and f[1] == name and f[3] == "affirmed" for f in fates_en(text))


@pytest.mark.parametrize("text", [
    "Everyone said that Pavel Lebedev's life had to be taken.",  # an obligation
    "Pavel Lebedev feared that he would lose his life.",  # a fear
])
def test_claims_a_life_to_be_taken_is_no_death(fates_en, text: str) -> None:
    assert not [f for f in fates_en(text) if f[0] == "death" and f[3] == "affirmed"]


@pytest.mark.parametrize("text", [
    "In 1936 Pavel Lebedev received the post of deputy head of the Operations Directorate.",
    "Soon Pavel Lebedev got the post of chief of the Foreign Department.",
])
def test_claims_getting_a_titled_post_is_an_appointment(fates_en, text: str) -> None:
    assert any(f[0] == "appointment" and f[1] == "Pavel Lebedev" for f in fates_en(text))


def test_claims_getting_a_job_is_no_appointment(fates_en) -> None:
    assert not [f for f in fates_en("Pavel Lebedev got a job at the factory.")
                if f[0] == "appointment"]


@pytest.mark.parametrize("text", [
    "Pavel Morozov had left Stalin's regime as early as 1929.",
    "In 1929 Pavel Morozov broke with the regime.",
    "In 1929 Pavel Morozov broke from the NKVD.",
    "Pavel Morozov had broken from the GPU in 1929.",
])
def test_claims_leaving_the_regime_is_a_defection(fates_en, text: str) -> None:
    assert ("defection", "Pavel Morozov", "1929", "affirmed", None) in fates_en(text)


@pytest.mark.parametrize("text", [
    "Pavel Morozov left the room in 1929.",
    "In 1929 Pavel Morozov broke with his wife.",
    "In 1929 Pavel Morozov broke from his friends.",
    "In 1929 Pavel Morozov broke away from the column.",
])
def test_claims_leaving_a_room_is_no_defection(fates_en, text: str) -> None:
    assert not [f for f in fates_en(text) if f[0] == "defection"]


@pytest.mark.parametrize(("text", "type_"), [
    ("In addition to Orlov, two other famous engineers – Lebedev and Morozov – were thrown "
     "into prison.", "arrest"),
    ("Besides Pavel Orlov, the engineers Lebedev and Morozov were shot.", "execution"),
    ("Lebedev and Morozov were shot together with Pavel Orlov.", "execution"),
])
def test_arguments_an_inclusive_adjunct_shares_the_event(fates_en, text: str,
                                                         type_: str) -> None:
    subjects = {f[1] for f in fates_en(text) if f[0] == type_ and f[3] == "affirmed"}
    assert {"Lebedev", "Morozov"} <= subjects
    assert any(s.endswith("Orlov") for s in subjects)


@pytest.mark.parametrize("text", [
    "Apart from Pavel Orlov, the engineers Lebedev and Morozov were shot.",
    "Together with Pavel Orlov, the guards arrested Lebedev.",
])
def test_arguments_exclusion_or_a_companion_of_the_agent_shares_nothing(fates_en,
                                                                        text: str) -> None:
    assert not [f for f in fates_en(text) if f[1].endswith("Orlov") and f[0] in (
        "execution", "arrest")]

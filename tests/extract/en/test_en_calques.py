"""Calques of Russian in machine-translated English (made-up sentences; fast: one small model
per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "type_", "date"), [
    ("In 1938 was shot also Pavel Orekhov.", "execution", "1938"),  # Russian order
    ("Pavel Orekhov they shot in 1938.", "execution", "1938"),  # object first
    ("Their fates:\nPavel Orekhov — shot in 1938.\n", "execution", "1938"),  # record line
    ("In 1938 Pavel Orekhov was subjected to the highest measure of punishment.", "execution",
     "1938"),
    ("Pavel Orekhov went to the camps in 1937.", "arrest", "1937"),
    ("Pavel Orekhov was sent to the camps in 1937.", "arrest", "1937"),
    ("Pavel Orekhov ended up in the camps in 1937.", "arrest", "1937"),
    ("In 1938 Pavel Orekhov received ten years without the right of correspondence.",
     "sentence", "1938"),
    ("In 1938 Pavel Orekhov was given eight years.", "sentence", "1938"),
    ("After the shooting of Pavel Orekhov in 1938, his wife was exiled.", "execution", "1938"),
])
def test_calques_give_the_fate(fates_en, text: str, type_: str, date: str) -> None:
    assert (type_, "Pavel Orekhov", date, "affirmed", None) in fates_en(text)


def test_calques_a_record_line_gives_each_participle(fates_en) -> None:
    fates = fates_en("Their fates:\nIlya Lapin — arrested in 1937, shot in 1938.\n")
    assert ("arrest", "Ilya Lapin", "1937", "affirmed", None) in fates
    assert ("execution", "Ilya Lapin", "1938", "affirmed", None) in fates


@pytest.mark.parametrize("text", [
    "Pavel Orekhov went to the prison to see his brother.",  # a visit: "the prison"
    "Pavel Orekhov received ten letters from his wife.",  # no term
    "Pavel Orekhov was subjected to torture.",  # not the highest measure
    "Pavel Orekhov feared that he would be sent to the camps.",  # a fear
    "Pavel Orekhov, they say, shot the guard.",  # the agent, not the patient
])
def test_calques_give_nothing_without_their_construction(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert not [f for f in fates if f[1] == "Pavel Orekhov" and f[3] == "affirmed"
                and f[0] in ("arrest", "execution", "sentence", "death")]


@pytest.mark.parametrize(("text", "type_", "role"), [
    # a term is a sentence; its role is the term, and the camps when named
    ("Pavel Orekhov got ten years.", "sentence", "ten years"),
    ("In 1937 Pavel Orekhov was sent to the camps for eight years.", "sentence",
     "eight years in the camps"),
    ("Pavel Orekhov was sent to Vorkuta for five years.", "sentence", "five years in vorkuta"),
    # a camp system named for the camps: confinement, an arrest
    ("Pavel Orekhov was sent to Kolyma in 1938.", "arrest", None),
    # exile under guard: the vocabulary's expulsion (deportation)
    ("In 1931 Pavel Orekhov was sent to a special settlement.", "expulsion", None),
])
def test_calques_a_term_a_camp_system_and_a_special_settlement(
        extract_en, text: str, type_: str, role: str | None) -> None:
    ex = extract_en(text)
    assert [(c.type, c.role) for c in ex.claims if c.type in ("sentence", "arrest",
                                                               "expulsion")] == [(type_, role)]


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was sent to Kolyma as a geologist in 1936.",  # a post, no confinement
    "Pavel Orekhov was sent to a settlement near Moscow.",  # no special settlement
    "Pavel Orekhov feared he would be sent to the camps for ten years.",  # feared
    "Pavel Orekhov was dekulakised in 1930.",  # dekulakisation alone states no exile
])
def test_calques_no_term_or_exile_without_its_words_or_when_feared(extract_en,
                                                                   text: str) -> None:
    ex = extract_en(text)
    assert not [c for c in ex.claims if c.type in ("sentence", "arrest", "expulsion")
                and c.polarity == "affirmed" and c.attrs.get("modality") in (None, "asserted")]

"""Tenures (made-up sentences; fast: one small model per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was head of the NKVD from 1934 to 1936.",
    "Pavel Orekhov, head of the NKVD from 1934 to 1936, was shot in 1938.",
])
def test_relations_a_tenure_gives_appointment_and_removal(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert ("appointment", "Pavel Orekhov", "1934", "affirmed", None) in fates
    assert ("dismissal", "Pavel Orekhov", "1936", "affirmed", None) in fates


def test_relations_an_open_tenure_gives_no_removal(fates_en) -> None:
    fates = fates_en("Pavel Orekhov was head of the NKVD until 1936.")
    assert not any(f[0] == "dismissal" for f in fates)


def test_relations_a_feared_post_is_no_post(extract_en) -> None:
    ex = extract_en("Pavel Orekhov feared that he would be made head of the NKVD in 1936.")
    assert not [c for c in ex.claims if c.type in ("position", "appointment")]


@pytest.mark.parametrize("text", [
    "Pavel Orekhov headed the NKVD from 1934 to 1936 and was shot in 1938.",
    "Pavel Orekhov, who directed the NKVD from 1934 to 1936, was shot in 1938.",
])
def test_relations_a_verb_of_leading_a_body_gives_a_tenure(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert ("appointment", "Pavel Orekhov", "1934", "affirmed", None) in fates
    assert ("dismissal", "Pavel Orekhov", "1936", "affirmed", None) in fates


def test_relations_leading_without_a_body_or_as_a_fear_is_no_post(extract_en) -> None:
    for text in ("Pavel Orekhov feared that he would have to head the NKVD from 1934 to 1936.",
                 "Pavel Orekhov led the prisoners from 1934 to 1936."):
        ex = extract_en(text)
        assert not [c for c in ex.claims if c.type in ("position", "appointment")], text


def test_relations_the_role_as_subject_of_a_copula_is_the_named_one_s(fates_en) -> None:
    fates = fates_en("The head of the NKVD was Pavel Orekhov from 1934 to 1936.")
    assert ("appointment", "Pavel Orekhov", "1934", "affirmed", None) in fates


@pytest.mark.parametrize("text", [
    "The head of the NKVD was not Pavel Orekhov.",
    "Pavel Orekhov was not head of the NKVD.",
    "The head of the NKVD was never Pavel Orekhov.",
])
def test_relations_a_negated_copula_gives_no_post(extract_en, text: str) -> None:
    ex = extract_en(text)
    assert not [c for c in ex.claims if c.type in ("position", "appointment")]


def test_relations_a_gapped_list_of_holders_gives_each_their_own_tenure(fates_en) -> None:
    fates = fates_en("The head of the NKVD was Pavel Orekhov from 1934 to 1936, Ivan Lagin from "
                     "1936 to 1938, and Semyon Gurov from 1938 to 1946.")
    for name, start, end in (("Pavel Orekhov", "1934", "1936"), ("Ivan Lagin", "1936", "1938"),
                             ("Semyon Gurov", "1938", "1946")):
        assert ("appointment", name, start, "affirmed", None) in fates
        assert ("dismissal", name, end, "affirmed", None) in fates


@pytest.mark.parametrize("text", [
    "The head of the NKVD was Pavel Orekhov from 1934 to 1936, and Ivan Lagin was his deputy.",
    "The head of the NKVD was Pavel Orekhov from 1934 to 1936, whom Ivan Lagin replaced in 1936.",
    "The head of the NKVD was never Pavel Orekhov, Ivan Lagin from 1936 to 1938.",
])
def test_relations_a_name_with_its_own_clause_is_no_gapped_holder(extract_en, text: str) -> None:
    ex = extract_en(text)
    names = {m.id: m.text for m in ex.mentions}
    assert not [c for c in ex.claims if c.type in ("position", "appointment")
                and names[c.subject] == "Ivan Lagin"]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Pavel Orekhov was head of the NKVD from February to June 1938.", "1938-02", "1938-06"),
    ("Pavel Orekhov was acting head of the NKVD from February to June 1938.", "1938-02",
     "1938-06"),
    ("Pavel Orekhov was head of the NKVD from 1936 to 1938.", "1936", "1938"),
])
def test_relations_a_month_range_shares_its_year_and_acting_head_is_a_post(
        fates_en, text: str, start: str, end: str) -> None:
    fates = fates_en(text)
    assert ("appointment", "Pavel Orekhov", start, "affirmed", None) in fates
    assert ("dismissal", "Pavel Orekhov", end, "affirmed", None) in fates


def test_relations_a_post_in_a_relative_clause_after_an_alias_phrase(fates_en) -> None:
    # the small model makes "spelt" the root and "was" its subjectless conjunct
    fates = fates_en("Pavel Ivanovich Orekhov (1 May 1895 - 4 February 1940), also spelt "
                     "Orekhoff, was a Soviet police official who was head of the NKVD from 1936 "
                     "to 1938.")
    assert ("appointment", "Pavel Ivanovich Orekhov", "1936", "affirmed", None) in fates


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was an officer who headed the Foreign Department (INO), then part of the "
    "NKVD, from 1935 to 1938.",
    "Pavel Orekhov headed the Foreign Department, the main spy service, from 1935 to 1938.",
])
def test_relations_a_span_after_an_apposition_to_the_body_is_the_post_s(fates_en,
                                                                        text: str) -> None:
    fates = fates_en(text)
    assert ("appointment", "Pavel Orekhov", "1935", "affirmed", None) in fates
    assert ("dismissal", "Pavel Orekhov", "1938", "affirmed", None) in fates


def test_relations_a_span_of_another_clause_is_not_the_post_s(fates_en) -> None:
    fates = fates_en("Pavel Orekhov headed the Foreign Department, and Ivan Lagin led the army "
                     "from 1935 to 1938.")
    assert not [f for f in fates if f[1] == "Pavel Orekhov" and f[0] == "appointment"]


@pytest.mark.parametrize("text", [
    "Ivan Lagin worked as a helper for Pavel Orekhov.",
    "The next morning I found Pavel Orekhov's secretary, Ivan Lagin, and told him about it.",
])
def test_relations_a_subordinate_role_ties_its_holder_to_the_superior(extract_en,
                                                                      text: str) -> None:
    ex = extract_en(text)
    names = {m.id: m.text for m in ex.mentions}
    assert ("Ivan Lagin", "Pavel Orekhov") in {
        (names[c.subject], names.get(c.object)) for c in ex.claims if c.type == "subordinate_of"}


@pytest.mark.parametrize(("text", "body"), [
    ("In 1936 Pavel Orekhov took over the NKVD.", "NKVD"),
    ("In 1936 Pavel Orekhov took charge of the NKVD.", "NKVD"),
    ("In 1936 Pavel Orekhov assumed command of the Red Army.", "Red Army"),
    ("In 1936 Pavel Orekhov was put in charge of the NKVD.", "NKVD"),
    ("In 1936 Pavel Orekhov was placed in charge of the Gulag.", "Gulag"),
    ("In 1936 Pavel Orekhov was given control of the NKVD.", "NKVD"),
    ("In 1936 control of the NKVD was given to Pavel Orekhov.", "NKVD"),
    # succeeding or replacing someone in a post named after "as"
    ("In 1936 Pavel Orekhov succeeded Ivan Lagin as head of the NKVD.", "NKVD"),
    ("In 1936 Pavel Orekhov replaced Ivan Lagin as head of the NKVD.", "NKVD"),
])
def test_relations_taking_charge_of_a_body_is_an_appointment(extract_en, text: str,
                                                             body: str) -> None:
    ex = extract_en(text)
    names = {m.id: m.text for m in ex.mentions}
    assert [(names[c.subject], names.get(c.object), c.date, c.polarity) for c in ex.claims
            if c.type == "appointment"] == [("Pavel Orekhov", body, "1936", "affirmed")]


@pytest.mark.parametrize("text", [
    "Pavel Orekhov took charge of the children.",  # no body
    "Pavel Orekhov took over the flat.",
    "Pavel Orekhov was put in charge of the children.",
    "Pavel Orekhov feared he would be put in charge of the NKVD.",  # feared
    "In 1936 Pavel Orekhov succeeded in escaping.",  # no post
])
def test_relations_taking_charge_of_no_body_or_in_fear_is_no_appointment(extract_en,
                                                                         text: str) -> None:
    ex = extract_en(text)
    assert not [c for c in ex.claims if c.type == "appointment" and c.polarity == "affirmed"]

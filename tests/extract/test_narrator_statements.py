"""A signed statement's first person is its narrator (extract.narrator.narrator_opening, read
by both extractors): made-up statements in English and Russian."""

from __future__ import annotations

import hashlib

import pytest

from kartoteka.extract import extract as read
from kartoteka.model import Document, Extraction


def extraction(text: str, language: str) -> Extraction:
    pytest.importorskip("natasha" if language == "ru" else "spacy")
    return read(Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                         language=language, kind="testimony"))


def facts(ex: Extraction) -> set[tuple[str, str | None, str | None]]:
    names = {m.id: m.name for m in ex.mentions}
    return {(c.type, names.get(c.subject), names.get(c.object) if c.object else c.date)
            for c in ex.claims if c.polarity == "affirmed"}


def test_narrator_statements_english_first_person_is_the_signer() -> None:
    ex = extraction("I, Semyon Ilyich Gurov, was born in 1901 in Kursk. In 1937 I was "
                    "arrested. My father, Ilya Gurov, was shot in 1938.", "en")
    found = facts(ex)
    assert ("arrest", "Semyon Ilyich Gurov", "1937") in found
    assert ("parent_of", "Ilya Gurov", "Semyon Ilyich Gurov") in found
    assert ("execution", "Ilya Gurov", "1938") in found


def test_narrator_statements_russian_first_person_is_the_signer() -> None:
    ex = extraction("Я, Гуров Семён Ильич, родился в 1901 году в Курске. В 1937 году я был "
                    "арестован. Мой отец, Илья Гуров, умер в лагере. Моя сестра Вера Гурова "
                    "жила в Туле.", "ru")
    found = facts(ex)
    assert ("arrest", "Гуров Семён Ильич", "1937") in found
    assert [c.date for c in ex.claims if c.type == "birth"] == ["1901"]  # "Я" and X: once
    assert ("parent_of", "Илья Гуров", "Гуров Семён Ильич") in found
    assert ("sibling_of", "Вера Гурова", "Гуров Семён Ильич") in found


def test_narrator_statements_a_son_of_the_narrator_s_name_is_his_son() -> None:
    ex = extraction("Я, Гуров Семён Ильич, родился в 1901 году. Мой сын, Гуров Семён Ильич, "
                    "родился в 1925 году.", "ru")
    ties = [c for c in ex.claims if c.type == "child_of"]
    assert len(ties) == 1 and ties[0].subject != ties[0].object


def test_narrator_statements_no_signer_no_ties_to_the_first_person() -> None:
    ex = extraction("Мой отец, Илья Гуров, умер в лагере. Его брат Пётр Гуров жил в Туле.", "ru")
    assert not any(c.attrs.get("of") == "narrator" for c in ex.claims)


@pytest.mark.parametrize("text", [
    # mid-text, inside a memoir: the memoirist's "I" is not the man whose words are quoted
    "The investigator read out a page. Then he wrote the words he wanted: \"I, Semyon Gurov, "
    "confess to everything.\" In 1937 I was arrested myself.",
    # after a colon: a quotation without its marks
    "The letter he sent that spring began: I, Semyon Gurov, ask for a review. In 1937 I was "
    "arrested myself.",
])
def test_narrator_statements_a_quoted_signer_is_no_narrator(text: str) -> None:
    ex = extraction(text, "en")
    quoted = {m.id for m in ex.mentions if m.name == "Semyon Gurov"}
    assert quoted and not any(c.type == "arrest" and c.subject in quoted for c in ex.claims)

"""Whom a pronoun stands for (kartoteka.extract.ru.coref): in a memoir the person the sentences
before it are about, in an article its person. Invented sentences."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction

pytestmark = pytest.mark.slow

MEMOIR = (
    "Мой дед, Сомов Пётр Ильич, работал бухгалтером на заводе. "
    "В 1937 году деда арестовали. Его расстреляли в 1938 году.\n\n"
    "Наш сосед Павел Орлов уцелел. Он не был арестован ни разу.\n\n"
    "Дядя Коля, брат бабушки, пытался хлопотать. Его тоже арестовали в 1939 году.\n\n"
    "Сторож завода работал там с 1920 года. Его арестовали в 1937 году.\n"
)



def _fates(ex: Extraction) -> list[tuple[str | None, str, str, str | None]]:
    return sorted((ex.mention(c.subject).name, c.type, c.polarity, c.date) for c in ex.claims
                  if c.type in ("arrest", "execution"))


def test_ru_coref_memoir_pronoun_is_the_nearest_subject(extract) -> None:
    assert _fates(extract(MEMOIR)) == sorted([
        ("Сомов Пётр Ильич", "execution", "affirmed", "1938"),
        ("Павел Орлов", "arrest", "negated", None),
        ("Коля", "arrest", "affirmed", "1939"),
        # "Сторож" is nobody the text names: his arrest is nobody's claim, not the grandfather's
    ])


def test_ru_coref_article_pronoun_is_the_article_person(extract) -> None:
    ex = extract("Иван Петрович Сомов (1890—1937) — советский инженер. В 1920 году Павел Орлов "
                 "направил его в Тулу. Он был арестован в 1936 году.")
    assert _fates(ex) == [("Иван Петрович Сомов", "arrest", "affirmed", "1936")]


def test_ru_coref_object_pronoun_is_not_its_verbs_subject(extract) -> None:
    ex = extract("Мой дед, Сомов Пётр Ильич, работал на заводе. Следователь Павел Орлов "
                 "арестовал его в 1937 году.")
    assert _fates(ex) == [("Сомов Пётр Ильич", "arrest", "affirmed", "1937")]

"""Fates told by a noun with a genitive or possessive (kartoteka.extract.ru.nominal), end to end
through the Russian pipeline; invented people and sentences (docs/constructions.md, ## Russian)."""

from __future__ import annotations

import pytest

from kartoteka.extract.modality import REPORTED_CONFIDENCE, Modality
from kartoteka.extract.ru.nominal import nominal_modality
from kartoteka.model import Extraction


def _facts(ex: Extraction, type_: str) -> list[tuple[str | None, str | None, str]]:
    names = {m.id: m.name for m in ex.mentions}
    return sorted((names.get(c.subject), c.date, c.polarity) for c in ex.claims
                  if c.type == type_ and c.confidence > REPORTED_CONFIDENCE)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Арест Петрова Ивана Сергеевича в 1937 году потряс завод.", "arrest",
     [("Петров Иван Сергеевич", "1937", "affirmed")]),
    ("Расстрел Сидорова Петра Ивановича состоялся 3 ноября 1937 года.", "execution",
     [("Сидоров Петр Иванович", "1937-11-03", "affirmed")]),
    ("Сидоров Петр Иванович был инженером. Его гибель в лагере в 1942 году осталась тайной.",
     "death", [("Сидоров Петр Иванович", "1942", "affirmed")]),
    ("Сидоров Петр Иванович до ареста работал инженером.", "arrest",
     [("Сидоров Петр Иванович", None, "affirmed")]),
])
def test_ru_nominal_fate_noun_names_its_person(extract, text: str, type_: str,
                                               expected: list[tuple[str, str | None, str]]) -> None:
    assert _facts(extract(text), type_) == expected


@pytest.mark.parametrize("text", [
    "Сидоров Петр Иванович чудом избежал ареста в 1937 году.",
    "Над Сидоровым Петром Ивановичем нависла угроза ареста.",
    "Сидоров Петр Иванович боялся ареста.",
    "Ходили слухи о расстреле Сидорова Петра Ивановича.",
    "Прокурор требовал расстрела Сидорова Петра Ивановича.",
    "Следователь получил ордер на арест Сидорова Петра Ивановича.",
    "Арест без подписи.",
])
def test_ru_nominal_governing_word_keeps_it_from_being_affirmed(extract, text: str) -> None:
    ex = extract(text)
    assert not [c for c in ex.claims if c.type in ("arrest", "execution") and
                c.polarity == "affirmed" and c.confidence > REPORTED_CONFIDENCE]


@pytest.mark.parametrize(("before", "expected"), [
    ("Он избежал ", Modality.DENIED), ("Нависла угроза ", Modality.FEARED),
    ("Приговорён тройкой к ", Modality.ORDERED), ("Ходили слухи о его ", Modality.RUMOUR),
    ("Пришло сообщение о ", Modality.REPORTED), ("После ", None),
])
def test_ru_nominal_modality_of_the_governing_word(before: str, expected: Modality | None) -> None:
    text = before + "расстреле"
    assert nominal_modality(text, 0, len(before)) == expected


@pytest.mark.parametrize("text", [
    "Расстрел Ивана Сомова отложили.",
    "Арест Ивана Сомова отменили.",
    "Война помешала аресту Ивана Сомова.",
])
def test_ru_nominal_a_fate_put_off_or_prevented_gives_no_claim(extract, text: str) -> None:
    assert [c for c in extract(text).claims if c.type in ("arrest", "execution")] == []


def test_ru_nominal_a_fate_that_took_place_stands(extract) -> None:
    claims = [c for c in extract("Расстрел Ивана Сомова состоялся 3 ноября 1937 года.").claims
              if c.type == "execution"]
    assert [(c.date, c.polarity) for c in claims] == [("1937-11-03", "affirmed")]

"""Names set beside a kinship noun in apposition (kartoteka.extract.ru.appositions). Made-up
sentences."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction


def _ties(ex: Extraction) -> list[tuple[str, str | None, str | None]]:
    names = {m.id: m.name or m.descriptor for m in ex.mentions}
    kin = ("spouse_of", "parent_of", "child_of", "sibling_of", "relative_of")
    return sorted((c.type, names.get(c.subject), names.get(c.object)) for c in ex.claims
                  if c.type in kin)


@pytest.mark.parametrize(("text", "tie"), [
    ("Иван Смирнов родился в Туле. Его отец, Пётр Иванович Смирнов, был священником.",
     ("parent_of", "Пётр Иванович Смирнов", "Иван Смирнов")),
    ("Иван Смирнов родился в Туле. Его отца, Петра Ивановича Смирнова, арестовали в 1937 году.",
     ("parent_of", "Петр Иванович Смирнов", "Иван Смирнов")),
    ("Анна Орлова родилась в Туле. Её мать, Мария Ивановна Орлова, умерла в 1940 году.",
     ("parent_of", "Мария Ивановна Орлова", "Анна Орлова")),
])
def test_ru_appositions_a_third_person_kin_noun_ties_its_name_to_the_pronoun_s_person(
        extract, text: str, tie: tuple[str, str, str]) -> None:
    assert tie in _ties(extract(text))


@pytest.mark.parametrize("text", [
    "Иван Смирнов родился в Туле. Его отец был священником.",  # no name set off
    "Иван Смирнов родился в Туле. Его мать, Пётр Иванович Смирнов, …",  # gender against noun
])
def test_ru_appositions_no_name_or_a_misfit_gives_no_tie(extract, text: str) -> None:
    assert not [t for t in _ties(extract(text)) if t[2] == "Иван Смирнов"]


@pytest.mark.parametrize(("text", "wife", "husband"), [
    ("Жена Орлова, Анна Орлова, была арестована в 1938 году.", "Анна Орлова", "Орлов"),
    ("Жена Петра Орлова, Анна Ивановна Орлова, умерла в лагере.", "Анна Ивановна Орлова",
     "Петр Орлов"),
])
def test_ru_appositions_a_name_after_the_owner_is_the_relative_named(
        extract, text: str, wife: str, husband: str) -> None:
    ex = extract(text)
    assert _ties(ex) == [("spouse_of", wife, husband)]
    fates = [c for c in ex.claims if c.type in ("arrest", "death")]
    names = {m.id: m.name for m in ex.mentions}
    assert [names[c.subject] for c in fates] == [wife]  # no described "wife" beside her

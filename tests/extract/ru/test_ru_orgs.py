"""Soviet bodies in Russian text, matched by lemma (kartoteka.extract.ru.orgs)."""

from __future__ import annotations

import pytest

from kartoteka.extract.ru.orgs import find_organizations, organization_at_start


@pytest.mark.parametrize(("text", "surface", "org_id"), [
    ("осужден тройкой при УНКВД", "тройкой", "troika"),
    ("приговорен Особым совещанием при НКВД", "Особым совещанием при НКВД", "oso"),
    ("Военной коллегией Верховного суда СССР", "Военной коллегией Верховного суда СССР",
     "military_collegium"),
    ("член ВКП(б) с 1927 года", "ВКП(б)", "communist_party"),
    ("сотрудник ГУГБ НКВД", "ГУГБ НКВД", "gugb"),
    ("начальник ГУЛАГа", "ГУЛАГа", "gulag"),
])
def test_ru_orgs_inflected_aliases(text: str, surface: str, org_id: str) -> None:
    found = find_organizations(text)
    assert [(text[m.start:m.end], m.org_id) for m in found][:1] == [(surface, org_id)]


def test_ru_orgs_only_a_leading_body_counts_at_start() -> None:
    assert organization_at_start("тройкой при УНКВД по Омской обл.").org_id == "troika"
    assert organization_at_start("завод при НКВД") is None


def test_ru_orgs_ordinary_words_are_not_bodies() -> None:
    assert find_organizations("Он жил в Москве и работал на заводе.") == []

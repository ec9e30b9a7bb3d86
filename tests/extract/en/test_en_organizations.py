"""Romanised Russian titles of bodies are organisations, never people (made-up sentences;
fast: one small model per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "title"), [
    ("He was arrested by the Narodnyi Komissariat Vnutrennikh Del in 1937.",
     "Narodnyi Komissariat Vnutrennikh Del"),
    ("Ivan Lebedev was sent to the Glavnoe Upravlenie Lagerei in 1938.",
     "Glavnoe Upravlenie Lagerei"),
    ("The Sovet Narodnykh Komissarov met in Moscow.", "Sovet Narodnykh Komissarov"),
])
def test_organizations_romanised_titles_are_bodies(extract_en, text: str, title: str) -> None:
    ex = extract_en(text)
    assert any(m.kind == "organization" and m.text == title for m in ex.mentions)
    assert not any(m.kind == "person" and set(m.text.split()) & set(title.split())
                   for m in ex.mentions)


def test_organizations_a_romanised_table_name_is_its_body(extract_en) -> None:
    ex = extract_en("Pavel Orekhov joined the Narodnyy Komissariat Vnutrennikh Del in 1934.")
    orgs = [m for m in ex.mentions if m.kind == "organization"]
    assert orgs and orgs[0].attrs.get("org_id") == "nkvd"

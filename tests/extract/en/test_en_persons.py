"""Names after a post's title (made-up lines; fast: one small model per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name"), [
    ("People's Commissar of the Ministry of Justice Krylenko signed the order.", "Krylenko"),
    ("He was received by the Governor of the State Bank Maryasin.", "Maryasin"),
    ("Deputy Chairman of the Council of People's Commissars Antipov spoke first.", "Antipov"),
])
def test_persons_a_surname_after_a_post_title_is_a_person(extract_en, text: str,
                                                          name: str) -> None:
    ex = extract_en(text)
    assert any(m.kind == "person" and m.text == name for m in ex.mentions)
    assert not any(m.kind != "person" and name in m.text for m in ex.mentions)


@pytest.mark.parametrize("text", [
    "In 1933, at the age of forty-five, Bukharin met a young teacher.",
    "In early 1937, Bukharin was finally thrown into prison.",
])
def test_persons_a_russian_surname_in_the_english_word_list_is_a_person(extract_en,
                                                                        text: str) -> None:
    # WordNet lists famous Russians among its words; the surname's shape outweighs that
    ex = extract_en(text)
    assert [m.text for m in ex.mentions if m.kind == "person" and m.name] == ["Bukharin"]

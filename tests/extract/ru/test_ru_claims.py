"""Small pieces of the Russian claim rules (kartoteka.extract.ru.claims) that need no model."""

from __future__ import annotations

import pytest

from kartoteka.extract.ru.claims import sentence_role


@pytest.mark.parametrize(("text", "role"), [
    ("к ВМН, заменена на 5 л.ИТЛ с поражением в правах на 3 г.", "ВМН"),
    ("к высшей мере наказания", "ВМН"),
    ("расстрелу. Определением суда заменен 10 годами", "ВМН"),
    ("к 10 годам заключения в ИТЛ", "10 лет заключения в ИТЛ"),
    ("на 10 лет л/с.", "10 лет л/с"),
    ("8 лет ИТЛ", "8 лет ИТЛ"),
    ("раскулачивание", "раскулачивание"),
])
def test_ru_claims_sentence_role(text: str, role: str) -> None:
    assert sentence_role(text) == role

"""Russian or English, by the share of Cyrillic letters."""

from __future__ import annotations

import pytest

from kartoteka.sources.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ежов был снят в ноябре 1938 года.", "ru"),
        ("Yezhov was removed in November 1938.", "en"),
        ("Artuzov (Russian: Артур Христианович Артузов) was born in 1891 near Tver.", "en"),
        ("Справка: Frinovsky M. P., 1898–1940, расстрелян.", "ru"),
        ("1937 — 1938 — 1939", None),
        ("   \n\t", None),
    ],
)
def test_language_detect(text: str, language: str | None) -> None:
    assert detect_language(text) == language

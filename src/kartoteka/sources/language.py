"""Language of a document: Russian or English, by the share of Cyrillic letters among letters."""

from __future__ import annotations

import re

# A document whose letters are at least this share Cyrillic is Russian; the English sources of
# the field quote Cyrillic names ("Russian: Николай Ежов") but stay far below it.
MIN_CYRILLIC_LETTER_SHARE = 0.5
# Enough letters to judge: the language of the first 200,000 characters is the document's.
SAMPLE_CHARS = 200_000

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u052f]")


def detect_language(text: str) -> str | None:
    """"ru" or "en" (ISO 639-1); None when the text has no letters at all."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    cyrillic = len(_CYRILLIC_LETTER.findall(sample))
    return "ru" if cyrillic / letters >= MIN_CYRILLIC_LETTER_SHARE else "en"

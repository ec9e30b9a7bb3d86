"""Which script a text is written in: the one detector every stage uses.

Cyrillic is the Unicode block U+0400–U+04FF (Unicode 15, "Cyrillic"), which holds every letter
of Russian, Ukrainian, Belarusian and the pre-1918 orthography; Latin is any letter whose
Unicode name starts with LATIN. Codes are ISO 15924 (Cyrl, Latn; Zyyy for no letters).
"""

from __future__ import annotations

import re
import unicodedata

CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
CYRILLIC_WORD_RE = re.compile(r"[\u0400-\u04FF]+")


def is_cyrillic(text: str) -> bool:
    """True when the text contains any Cyrillic letter."""
    return bool(CYRILLIC_RE.search(text))


def script_of(text: str) -> str:
    """The ISO 15924 code of the letters in ``text``: Cyrl, Latn, Mixed or Zyyy (no letters)."""
    scripts = set()
    for char in text:
        if char.isalpha():
            scripts.add("Cyrl" if CYRILLIC_RE.match(char) else
                        "Latn" if unicodedata.name(char, "").startswith("LATIN") else "Other")
    if not scripts:
        return "Zyyy"
    return scripts.pop() if len(scripts) == 1 else "Mixed"


__all__ = ["CYRILLIC_RE", "CYRILLIC_WORD_RE", "is_cyrillic", "script_of"]

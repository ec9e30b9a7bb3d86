"""The small interface every language pipeline implements (as spaCy's ``Language`` subclasses)."""

from __future__ import annotations

from typing import Protocol

from kartoteka.model import Document, Extraction


class LanguagePipeline(Protocol):
    """Turns one document in its language into mentions and claims.

    Implementations load their models lazily (once, on first use) and are pure: the same
    document always gives the same extraction, and nothing is written anywhere.
    """

    lang: str

    def extract(self, document: Document) -> Extraction: ...

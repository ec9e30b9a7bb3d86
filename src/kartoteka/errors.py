"""Errors with a clear message: what went wrong and with which file."""

from __future__ import annotations


class KartotekaError(Exception):
    """Base of every error kartoteka raises on purpose."""


class InvalidVocabulary(KartotekaError):
    """vocabulary.yaml is malformed."""


class SourceError(KartotekaError):
    """A file could not be read as a document. The message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExtractionError(KartotekaError):
    """A language pipeline is missing or failed on a document."""


class StoreError(KartotekaError):
    """The database is missing, locked or of an unknown schema."""

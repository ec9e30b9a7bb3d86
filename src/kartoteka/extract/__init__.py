"""Extraction: a document in, mentions and claims out. Languages load on first use."""

from __future__ import annotations

import importlib
from functools import cache

from kartoteka.errors import ExtractionError
from kartoteka.extract.base import LanguagePipeline
from kartoteka.model import Document, Extraction
from kartoteka.normalise import restore, view_of

SUPPORTED = ("en", "ru")


@cache
def get_pipeline(lang: str) -> LanguagePipeline:
    if lang not in SUPPORTED:
        raise ExtractionError(f"no extraction pipeline for language {lang!r} (have: {SUPPORTED})")
    module = importlib.import_module(f"kartoteka.extract.{lang}")
    return module.Pipeline()


# Documents whose structure, not their prose, carries the facts: (kind, media type) -> the
# module whose ``extract(document)`` parses them whole instead of the language's NLP pipeline.
STRUCTURED = {
    ("record-list", "application/x-ndjson"): "kartoteka.extract.ru.records",
}


def is_structured(document: Document) -> bool:
    """A document parsed whole (a JSON-lines record list): one record is one person."""
    return (document.kind, document.media_type) in STRUCTURED


def extract(document: Document, *, lang: str | None = None) -> Extraction:
    """Mentions and claims of ``document``; ``lang`` overrides the document's own language.

    A structured document (``STRUCTURED``) goes to its record parser whatever the language.
    """
    structured = STRUCTURED.get((document.kind, document.media_type))
    if structured is not None:
        return importlib.import_module(structured).extract(document)
    language = lang or document.language or "en"
    # stress marks, soft hyphens, odd spaces …: read a normalised view, answer in the original
    readable, view = view_of(document)
    return restore(get_pipeline(language).extract(readable), view, document)


__all__ = ["STRUCTURED", "SUPPORTED", "extract", "get_pipeline", "is_structured"]

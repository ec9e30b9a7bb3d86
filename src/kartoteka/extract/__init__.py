"""Extraction: a document in, mentions and claims out. Languages load on first use."""

from __future__ import annotations

import importlib
from functools import cache

from kartoteka.errors import ExtractionError
from kartoteka.extract.base import LanguagePipeline
from kartoteka.extract.chunks import extract_in_chunks
from kartoteka.model import Document, Extraction

SUPPORTED = ("en", "ru")


@cache
def get_pipeline(lang: str) -> LanguagePipeline:
    if lang not in SUPPORTED:
        raise ExtractionError(f"no extraction pipeline for language {lang!r} (have: {SUPPORTED})")
    module = importlib.import_module(f"kartoteka.extract.{lang}")
    return module.Pipeline()


def extract(document: Document, *, lang: str | None = None) -> Extraction:
    """Mentions and claims of ``document``; ``lang`` overrides the document's own language."""
    language = lang or document.language or "en"
    return extract_in_chunks(get_pipeline(language).extract, document)  # long texts: chunks


__all__ = ["extract", "get_pipeline", "SUPPORTED"]

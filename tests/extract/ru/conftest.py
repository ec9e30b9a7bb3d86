"""One Russian pipeline (one natasha load, about a second) for the Russian tests: texts go
through ``kartoteka.extract.extract``, so they are read as published (normalised view, spans
in the original's offsets)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from kartoteka.model import Document, Extraction


@pytest.fixture(scope="session")
def extract() -> Callable[..., Extraction]:
    pytest.importorskip("natasha")
    from kartoteka.extract import extract as read

    def run(text: str, kind: str = "testimony") -> Extraction:
        doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                       language="ru", kind=kind)
        return read(doc)

    return run

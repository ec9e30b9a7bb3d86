"""One Russian pipeline (one natasha load) for the slow Russian tests."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from kartoteka.model import Document, Extraction


@pytest.fixture(scope="session")
def extract() -> Callable[..., Extraction]:
    pytest.importorskip("natasha")
    from kartoteka.extract.ru import Pipeline

    pipeline = Pipeline()

    def run(text: str, kind: str = "testimony") -> Extraction:
        doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                       language="ru", kind=kind)
        return pipeline.extract(doc)

    return run

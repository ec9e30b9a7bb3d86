"""One English pipeline (and one spaCy model load) for all the slow English tests."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from kartoteka.model import Document, Extraction


@pytest.fixture(scope="session")
def en_pipeline():
    pytest.importorskip("spacy")
    from kartoteka.extract.en import Pipeline

    pipeline = Pipeline()
    pipeline.nlp  # noqa: B018 - load the model once, here
    return pipeline


@pytest.fixture(scope="session")
def extract_en(en_pipeline) -> Callable[[str], Extraction]:
    cache: dict[str, Extraction] = {}

    def run(text: str) -> Extraction:
        if text not in cache:
            doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                           language="en")
            cache[text] = en_pipeline.extract(doc)
        return cache[text]

    return run


@pytest.fixture(scope="session")
def fates_en(extract_en) -> Callable[[str], list[tuple]]:
    """(type, subject's text, date, polarity, modality) of every claim of a made-up text."""

    def run(text: str) -> list[tuple]:
        ex = extract_en(text)
        by_id = {m.id: m for m in ex.mentions}
        return [(c.type, by_id[c.subject].text, c.date, c.polarity, c.attrs.get("modality"))
                for c in ex.claims if c.type != "position"]

    return run

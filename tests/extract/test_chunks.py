"""Long texts go through extraction in paragraph-bounded chunks with offsets shifted back."""

from __future__ import annotations

import pytest

from kartoteka.extract import chunks, extract, get_pipeline
from kartoteka.model import Document

# Made-up testimony: each paragraph names a different person and a fate, so the facts of one
# paragraph never depend on another and a chunked extraction must equal the whole one.
PARAGRAPH = ("Petr Ivanovich Karin{n} was arrested in Moscow in 1937. "
             "His colleague Boris Semyonovich Lidin{n} was shot in 1938.")


def make_text(count: int) -> str:
    return "\n\n".join(PARAGRAPH.format(n=f"-{i}") for i in range(count))


def test_chunks_spans_cover_the_text_and_end_at_paragraph_breaks() -> None:
    text = make_text(200)
    spans = chunks.chunk_spans(text, 1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(end - start <= 1_000 for start, end in spans)
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])


def test_chunks_cut_a_text_without_breaks_at_the_size() -> None:
    spans = chunks.chunk_spans("x" * 2_500, 1_000)
    assert spans == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


@pytest.mark.slow
def test_chunks_long_english_text_beyond_spacy_limit_goes_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With spaCy's limit lowered to 5,000 characters, a 20,000-character text fails unchunked
    and goes through chunked, with every mention and claim where the whole text says."""
    pipeline = get_pipeline("en")
    text = make_text(150)
    document = Document(sha256="0" * 64, text=text, language="en")
    whole = pipeline.extract(document)
    monkeypatch.setattr(pipeline.nlp, "max_length", 5_000)
    with pytest.raises(ValueError, match="E088"):
        pipeline.extract(document)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 4_000)
    chunked = extract(document)
    assert len(chunks.chunk_spans(text)) >= 5
    for mention in chunked.mentions:
        assert text[mention.start:mention.end] == mention.text
    ids = {mention.id for mention in chunked.mentions}
    assert len(ids) == len(chunked.mentions)
    for claim in chunked.claims:
        assert claim.subject in ids
        assert all(0 <= span.start < span.end <= len(text) for span in claim.evidence)

    def facts(extraction):  # noqa: ANN001, ANN202
        return {(c.type, c.evidence[0].start, c.date, extraction.mention(c.subject).start)
                for c in extraction.claims}

    # A pronoun at a chunk's start cannot reach back into the chunk before: one or two claims
    # of 300 may differ, never more.
    assert len(facts(whole)) >= 300
    assert len(facts(whole) ^ facts(chunked)) <= len(facts(whole)) // 100

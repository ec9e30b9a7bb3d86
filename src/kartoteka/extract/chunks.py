"""Long texts extracted in paragraph-bounded chunks, so memory stays bounded whatever the size.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its memory, like
natasha's, grows with the text; a memoir of several MB is parsed in chunks of at most
CHUNK_CHARS characters, cut at a paragraph break (else a line break, a sentence end, a space).
Each chunk is extracted as a document of its own with the same id, and its offsets are shifted
back to the whole text: mention and claim ids are derived from offsets, so they are recomputed
and every reference to a mention id (claim subjects, ``alias_of`` …) follows.

A statement is never split across chunks unless a paragraph is longer than a chunk; people
named in two chunks are joined later by within-document resolution, as in one text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kartoteka.model import Document, Extraction, Span

# Far beyond any testimony paragraph and far below spaCy's 1,000,000 characters; one chunk of
# this size parses in well under a gigabyte with either language's models.
CHUNK_CHARS = 100_000
# Where a chunk may end, best first; a cut is looked for in the second half of the window.
_BREAKS = ("\n\n", "\n", ". ", " ")
# Claim attributes that hold a character offset into the text.
_OFFSET_ATTRS = frozenset({"trigger_at"})


def chunk_spans(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive chunks covering ``text``, each at most ``size`` long
    (CHUNK_CHARS when not given)."""
    size = size or CHUNK_CHARS
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for mark in _BREAKS:
            found = text.rfind(mark, start + size // 2, end)
            if found != -1:
                cut = found + len(mark)
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def extract_in_chunks(
    run: Callable[[Document], Extraction], document: Document, size: int | None = None
) -> Extraction:
    """``run(document)``, chunk by chunk when the text is longer than ``size``."""
    spans = chunk_spans(document.text, size)
    if len(spans) == 1:
        return run(document)
    whole = Extraction(document=document)
    for start, end in spans:
        part = run(replace(document, text=document.text[start:end]))
        _shift(part, start)
        whole.mentions.extend(part.mentions)
        whole.claims.extend(part.claims)
    return whole


def _shift(part: Extraction, offset: int) -> None:
    """Move a chunk's mentions and claims to their place in the whole text."""
    new_id: dict[str, str] = {}
    for mention in part.mentions:
        old = mention.id
        mention.start += offset
        mention.end += offset
        new_id[old] = mention.id
    for mention in part.mentions:
        mention.attrs = _follow(mention.attrs, new_id)
    for claim in part.claims:
        claim.subject = new_id.get(claim.subject, claim.subject)
        for field in ("object", "place", "attributed_to"):
            value = getattr(claim, field)
            if value is not None:
                setattr(claim, field, new_id.get(value, value))
        claim.evidence = [Span(span.start + offset, span.end + offset) for span in claim.evidence]
        claim.attrs = _follow(claim.attrs, new_id)
        for key in _OFFSET_ATTRS & claim.attrs.keys():
            if isinstance(claim.attrs[key], int):
                claim.attrs[key] += offset


def _follow(value: Any, new_id: dict[str, str]) -> Any:
    """``value`` with every mention id in it (at any depth) replaced by its shifted id."""
    if isinstance(value, str):
        return new_id.get(value, value)
    if isinstance(value, dict):
        return {key: _follow(item, new_id) for key, item in value.items()}
    if isinstance(value, list):
        return [_follow(item, new_id) for item in value]
    return value

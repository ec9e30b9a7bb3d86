"""Cutting a document's text into what the reader shows: paragraphs, sentences and segments.

A segment is a stretch of text with one look: inside a mention (of which entity), inside the
highlighted passage, inside a hearsay passage. The text itself is never turned into markup
here; the template escapes every segment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence ends at . ! ? … (and closing quotes or brackets) before a space and a capital,
# a digit, a quote or a dash; single-letter initials ("N. I. Yezhov") do not end one.
SENTENCE_END = re.compile(r"""[.!?…]+["'»”)\]]*(?=\s+["'«“(\[—–-]?[\dA-ZА-ЯЁ])""")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "dr", "st", "no", "vol", "cf", "ca", "gen", "col", "lt", "capt", "prof",
    "т", "г", "гг", "им", "тов", "см", "ср", "стр", "ул",
})
COLORS = 8


@dataclass
class Mark:
    """A span to show: a mention (entity) or a hearsay passage (informant)."""

    start: int
    end: int
    entity_id: str | None = None
    entity_label: str | None = None
    kind: str | None = None
    informant: str | None = None


@dataclass
class Segment:
    start: int
    end: int
    text: str
    entity_id: str | None = None
    entity_label: str | None = None
    kind: str | None = None
    color: int = 0
    highlighted: bool = False
    anchor: bool = False  # the first highlighted segment: the page scrolls to it
    hearsay: str | None = None  # informant label when inside a hearsay passage
    told_by: str | None = None  # set on the first segment of a hearsay passage
    low: bool = False  # a word OCR read with low confidence: a reviewer should check it


@dataclass
class Sentence:
    number: int
    start: int
    end: int
    segments: list[Segment] = field(default_factory=list)
    tail: list[Segment] = field(default_factory=list)  # the spaces after it, shown after marks
    claims: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    sentences: list[Sentence]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if brk.start() > start:
            spans.append((start, brk.start()))
        start = brk.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] that tile it (each keeps the space after it)."""
    spans, begin = [], start
    for found in SENTENCE_END.finditer(text, start, end):
        words = text[begin:found.start()].split()
        last = words[-1].strip("\"'«“(").casefold() if words else ""
        if len(last) == 1 and last.isalpha() or last in ABBREVIATIONS:
            continue
        stop = found.end()
        while stop < end and text[stop].isspace():
            stop += 1
        spans.append((begin, stop))
        begin = stop
    if begin < end:
        spans.append((begin, end))
    return spans


@lru_cache(maxsize=256)
def layout(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The sentences of each paragraph, as (start, end); a document's text never changes, so
    a worker cuts each one once."""
    return tuple(tuple(sentence_spans(text, a, b)) for a, b in paragraph_spans(text))


def _innermost(marks: list[Mark], cuts: list[int]) -> list[Mark | None]:
    """For each piece between cuts, the shortest mark that covers it."""
    best: list[Mark | None] = [None] * (len(cuts) - 1)
    for mark in marks:
        first = bisect_left(cuts, mark.start)
        last = bisect_right(cuts, mark.end) - 1
        for piece in range(first, last):
            current = best[piece]
            if current is None or (current.end - current.start) > (mark.end - mark.start):
                best[piece] = mark
    return best


def build_paragraphs(text: str, mentions: list[Mark], hearsay: list[Mark],
                     claim_starts: list[tuple[int, str]],
                     highlight: tuple[int, int] | None = None,
                     low: list[tuple[int, int]] | None = None) -> list[Paragraph]:
    """The reader's view of ``text``; ``claim_starts`` are (offset, claim id) pairs; ``low``
    are spans of words OCR read with low confidence."""
    colors: dict[str, int] = {}
    for m in mentions:
        if m.entity_id and m.entity_id not in colors:
            colors[m.entity_id] = len(colors) % COLORS
    points = {0, len(text)}
    for mark in [*mentions, *hearsay]:
        points.update((max(0, mark.start), min(len(text), mark.end)))
    if highlight:
        points.update((max(0, highlight[0]), min(len(text), highlight[1])))
    low_marks = [Mark(a, b) for a, b in low or []]
    for mark in low_marks:
        points.update((max(0, mark.start), min(len(text), mark.end)))
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for spans in layout(text):
        row = []
        for s_start, s_end in spans:
            sentence = Sentence(len(sentences) + 1, s_start, s_end)
            sentences.append(sentence)
            row.append(sentence)
            core_end = s_start + len(text[s_start:s_end].rstrip())
            points.update((s_start, s_end, core_end))
        paragraphs.append(Paragraph(row))
    cuts = sorted(points)
    mention_of = _innermost(mentions, cuts)
    hearsay_of = _innermost(hearsay, cuts)
    low_of = _innermost(low_marks, cuts) if low_marks else [None] * (len(cuts) - 1)
    starts = {m.start for m in hearsay}
    anchored = False
    sentence_starts = [s.start for s in sentences]
    for piece, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
        index = bisect_right(sentence_starts, a) - 1
        if index < 0 or a >= sentences[index].end:
            continue  # whitespace between paragraphs
        mention, told = mention_of[piece], hearsay_of[piece]
        lit = bool(highlight and highlight[0] <= a and b <= highlight[1]
                   and highlight[0] < highlight[1])
        segment = Segment(
            a, b, text[a:b], entity_id=mention.entity_id if mention else None,
            entity_label=mention.entity_label if mention else None,
            kind=mention.kind if mention else None,
            color=colors.get(mention.entity_id or "", 0) if mention else 0,
            highlighted=lit, anchor=lit and not anchored,
            hearsay=(told.informant or "") if told else None,
            told_by=(told.informant or "") if told and a in starts and told.start == a else None,
            low=low_of[piece] is not None,
        )
        anchored = anchored or lit
        sentence = sentences[index]
        if segment.text.isspace() and not text[a:sentence.end].strip():
            sentence.tail.append(segment)
        else:
            sentence.segments.append(segment)
    for offset, claim_id in claim_starts:
        index = bisect_right(sentence_starts, offset) - 1
        if 0 <= index < len(sentences):
            sentences[index].claims.append(claim_id)
    return paragraphs


def sentence_list(paragraphs: list[Paragraph]) -> list[Sentence]:
    return [s for p in paragraphs for s in p.sentences]

"""A document's stored text as TEI paragraphs with inline markup from code-point offsets.

Offsets come from several layers (mentions, evidence passages, reported speech) that XML can
only hold when they nest. The rules, in order:

1. paragraphs are the outer frame (blank lines separate them; a text without blank lines
   has one paragraph a line);
2. a mention is marked when it lies within one paragraph and crosses no mention already
   marked; one that would cross another's boundary is left out (the standOff record keeps
   the entity, only the inline tag is lost);
3. a passage (evidence, reported speech) is always marked: where it crosses a paragraph or a
   mention it is cut into fragments chained with @next/@prev (TEI's "virtual join"), so a
   pointer to its first fragment still reaches the whole passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"

# Characters XML 1.0 cannot carry (form feeds and other controls from PDFs): replaced one for
# one so that offsets still index the text.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_PARAGRAPH_GAP = re.compile(r"\s*\n[^\S\n]*\n\s*")
_LINE_GAP = re.compile(r"\s*\n\s*")


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, *, text: str | None = None,
        **attrib: str) -> etree._Element:
    """A TEI child element with attributes and, optionally, text."""
    element = etree.SubElement(parent, tei(tag), attrib)
    if text is not None:
        element.text = text
    return element


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each paragraph, surrounding whitespace left out."""
    gap = _PARAGRAPH_GAP if _BLANK_LINE.search(text) else _LINE_GAP
    spans, cursor = [], 0
    for match in gap.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        if chunk.strip():
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            out.append((start, end))
    return out


@dataclass
class Markup:
    """An element to wrap around text[start:end]; ``rank`` orders equal spans (lower = outer)."""

    start: int
    end: int
    tag: str
    attrib: dict[str, str]
    rank: int = 2
    children: list[Markup] = field(default_factory=list)


def crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans overlap and neither contains the other."""
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


class TextLayout:
    """The markup of one document, kept properly nested as layers are added."""

    def __init__(self, text: str) -> None:
        self.text = xml_safe(text)
        self.paragraphs = paragraph_spans(self.text)
        self.markup: list[list[Markup]] = [[] for _ in self.paragraphs]

    def _paragraph_index(self, start: int, end: int) -> int | None:
        for index, (p_start, p_end) in enumerate(self.paragraphs):
            if p_start <= start and end <= p_end:
                return index
        return None

    def add_whole(self, markup: Markup) -> bool:
        """Mark a span only if it nests with everything marked so far (rule 2)."""
        if not 0 <= markup.start < markup.end <= len(self.text):
            return False
        index = self._paragraph_index(markup.start, markup.end)
        if index is None:
            return False
        span = (markup.start, markup.end)
        if any(crosses(span, (m.start, m.end)) for m in self.markup[index]):
            return False
        self.markup[index].append(markup)
        return True

    def add_fragmented(
        self, start: int, end: int, make: Callable[[int, int], Markup]
    ) -> list[Markup]:
        """Mark a passage, cut where it crosses paragraphs or marked spans (rule 3).

        ``make(start, end)`` builds the element of one fragment; the fragments come back in
        text order and the caller links them.
        """
        start, end = max(0, start), min(len(self.text), end)
        fragments: list[Markup] = []
        for index, (p_start, p_end) in enumerate(self.paragraphs):
            piece = (max(start, p_start), min(end, p_end))
            if piece[0] >= piece[1]:
                continue
            cuts = {piece[0], piece[1]}
            for other in self.markup[index]:
                if crosses(piece, (other.start, other.end)):
                    cuts.update(b for b in (other.start, other.end) if piece[0] < b < piece[1])
            bounds = sorted(cuts)
            pieces = [make(left, right) for left, right in zip(bounds, bounds[1:], strict=False)]
            self.markup[index].extend(pieces)
            fragments.extend(pieces)
        return fragments

    def render(self, body: etree._Element) -> None:
        """Append one <p> a paragraph to ``body``, with the markup nested inside."""
        for (p_start, p_end), marks in zip(self.paragraphs, self.markup, strict=True):
            paragraph = etree.SubElement(body, tei("p"))
            _render_span(paragraph, self.text, p_start, p_end, _nest(marks))


def _nest(marks: list[Markup]) -> list[Markup]:
    """Turn a flat list of nesting spans into a forest (children inside parents)."""
    roots: list[Markup] = []
    stack: list[Markup] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        mark.children = []
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        (stack[-1].children if stack else roots).append(mark)
        stack.append(mark)
    return roots


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _render_span(
    parent: etree._Element, text: str, start: int, end: int, children: list[Markup]
) -> None:
    cursor = start
    for child in children:
        _append_text(parent, text[cursor:child.start])
        element = etree.SubElement(parent, tei(child.tag), child.attrib)
        _render_span(element, text, child.start, child.end, child.children)
        cursor = child.end
    _append_text(parent, text[cursor:end])

"""From OCR words to stored text: typewriter fixes, hyphenation, page furniture, offsets.

Every word keeps its box, and every box gets the span of the stored text its word became, so
a mention or a claim's evidence can be drawn where it stands on the page. Fixes are letter for
letter (a Latin "o" inside a Cyrillic word becomes "о"), so they never move an offset; a word
broken at a line end is joined and each half keeps its own box.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kartoteka.model import ScanPage
from kartoteka.sources.ocr_data import (
    CYRILLIC,
    CYRILLIC_TO_LATIN,
    DIGIT_TO_CYRILLIC,
    LATIN,
    LATIN_TO_CYRILLIC,
    LINE_END_HYPHENS,
    PAGE_NUMBER,
)

PAGE_SEPARATOR = "\n\n"
PARAGRAPH_SEPARATOR = "\n\n"
_CYRILLIC_WITH_DIGITS = re.compile(r"^(?=.*[А-Яа-яЁё]{2})[А-Яа-яЁё30]+$")
_INITIAL_DIGIT = re.compile(r"^[30]\.$")
_EDGE_PUNCT = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.DOTALL)


@dataclass
class Word:
    """One word as Tesseract read it: its text, box (left, top, width, height), confidence
    and the (block, paragraph, line) it belongs to."""

    text: str
    box: tuple[int, int, int, int]
    conf: int
    line: tuple[int, int, int]


@dataclass
class PageRead:
    """One page's OCR (or text layer, when ``text_layer`` is set) before assembly."""

    number: int
    width: int = 0
    height: int = 0
    words: list[Word] = field(default_factory=list)
    image: bytes = b""
    lang: str | None = None
    rotation: int = 0
    skew: float = 0.0
    confidence: float | None = None
    status: str = "ok"
    reason: str | None = None
    text_layer: str | None = None


def _script(word: str) -> str | None:
    cyr, lat = len(CYRILLIC.findall(word)), len(LATIN.findall(word))
    if cyr > lat:
        return "cyr"
    if lat > cyr:
        return "lat"
    return None


def fix_word(word: str, before: str | None, after: str | None) -> str:
    """A word with typewriter and OCR look-alikes put right; the same length as ``word``.

    ``before`` and ``after`` are the neighbouring words on the page (None at an edge): an
    initial "3." becomes "З." and an all-look-alike Latin word becomes Cyrillic only between
    Cyrillic words.
    """
    cyr, lat = len(CYRILLIC.findall(word)), len(LATIN.findall(word))
    if cyr and lat:
        if cyr >= lat and word.translate(LATIN_TO_CYRILLIC) != word:
            fixed = word.translate(LATIN_TO_CYRILLIC)
            if not LATIN.search(fixed):
                return fixed
        if lat > cyr:
            fixed = word.translate(CYRILLIC_TO_LATIN)
            if not CYRILLIC.search(fixed):
                return fixed
        return word
    lead, core, trail = _EDGE_PUNCT.match(word).groups()  # type: ignore[union-attr]
    cyrillic_around = _script(before or "") == "cyr" or _script(after or "") == "cyr"
    if cyr and _CYRILLIC_WITH_DIGITS.match(core) and re.search("[30]", core):
        return lead + core.translate(DIGIT_TO_CYRILLIC) + trail
    if _INITIAL_DIGIT.match(core + trail[:1]) and cyrillic_around:
        return lead + core.translate(DIGIT_TO_CYRILLIC) + trail
    if (lat and not cyr and _script(before or "") == "cyr" and _script(after or "") == "cyr"
            and not LATIN.search(core.translate(LATIN_TO_CYRILLIC))):
        return lead + core.translate(LATIN_TO_CYRILLIC) + trail
    return word


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in words:
        if lines and lines[-1][0].line == word.line:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def _key(line: list[Word]) -> str:
    """A running header's identity: its letters, without the page number that changes."""
    return "".join(ch for ch in _line_text(line).casefold() if ch.isalpha())


def furniture(pages: list[PageRead]) -> list[set[int]]:
    """For each page, the indexes of its lines that are page furniture, not prose.

    A line is furniture when it is the first or last of its page and is a page number alone,
    or when the same letters open (or close) at least half of the document's OCR pages (two at
    least): a running header or footer.
    """
    all_lines = [_lines(p.words) for p in pages]
    scanned = [lines for p, lines in zip(pages, all_lines, strict=True)
               if p.text_layer is None and lines]
    repeated: set[str] = set()
    for edge in (0, -1):
        counts = Counter(_key(lines[edge]) for lines in scanned)
        repeated |= {key for key, n in counts.items()
                     if len(key) >= 3 and n >= 2 and n * 2 >= len(scanned)}
    out: list[set[int]] = []
    for lines in all_lines:
        drop: set[int] = set()
        for index in {0, len(lines) - 1} if lines else set():
            line = lines[index]
            if PAGE_NUMBER.match(_line_text(line)) or _key(line) in repeated:
                drop.add(index)
        out.append(drop)
    return out


def _breaks_word(word: Word, following: Word | None) -> bool:
    """A word broken by a hyphen at a line end: "сло-" then "во" in lower case."""
    text = word.text
    return (following is not None and len(text) >= 3 and text[-1] in LINE_END_HYPHENS
            and text[-2].isalpha() and following.text[:1].islower())


def assemble(pages: list[PageRead]) -> tuple[str, list[int], list[ScanPage]]:
    """The stored text, each page's start offset and the scans with word spans filled in."""
    dropped = furniture(pages)
    parts: list[str] = []
    offset = 0
    starts: list[int] = []
    scans: list[ScanPage] = []

    def put(piece: str) -> tuple[int, int]:
        nonlocal offset
        parts.append(piece)
        offset += len(piece)
        return offset - len(piece), offset

    for page_index, page in enumerate(pages):
        if page_index:
            put(PAGE_SEPARATOR)
        starts.append(offset)
        if page.text_layer is not None:
            put(page.text_layer)
            if page.status != "ok":  # a text-layer page has no scan; only its report is kept
                scans.append(_scan(page, []))
            continue
        boxes: list[tuple[int, int, int, int, int, int, int]] = []
        lines = _lines(page.words)
        kept = [w for i, line in enumerate(lines) if i not in dropped[page_index] for w in line]
        furniture_words = [w for i, line in enumerate(lines) if i in dropped[page_index]
                           for w in line]
        joined_to_previous = False
        for index, word in enumerate(kept):
            before = kept[index - 1].text if index else None
            after = kept[index + 1].text if index + 1 < len(kept) else None
            nxt = kept[index + 1] if index + 1 < len(kept) else None
            if index and not joined_to_previous:
                put(PARAGRAPH_SEPARATOR if kept[index - 1].line[:2] != word.line[:2] else " ")
            text = word.text
            breaks = nxt is not None and nxt.line != word.line and _breaks_word(word, nxt)
            if breaks:
                text = text[:-1]
            text = fix_word(text, before, after)
            start, end = put(text)
            boxes.append((start, end, *word.box, word.conf))
            joined_to_previous = breaks
        for word in furniture_words:
            boxes.append((-1, -1, *word.box, word.conf))
        scans.append(_scan(page, boxes))
    return "".join(parts), starts, scans


def _scan(page: PageRead, boxes: list[tuple[int, int, int, int, int, int, int]]) -> ScanPage:
    return ScanPage(
        number=page.number, width=page.width, height=page.height, image=page.image,
        lang=page.lang, rotation=page.rotation, skew=page.skew, confidence=page.confidence,
        status=page.status if page.text_layer is None or page.status != "ok" else "text-layer",
        reason=page.reason, words=boxes,
    )

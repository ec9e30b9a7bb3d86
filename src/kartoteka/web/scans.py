"""The page image beside the text: where each mention, piece of evidence and the highlighted
passage stands on a scanned page, and which words OCR was unsure of.

Boxes come from the words OCR read (``pages.words``: a span of the stored text and a box in
pixels); a span of text is drawn as one box per line of the words it covers, in the page's
pixels, as rectangles of an SVG laid over the image (its viewBox is the page, so the image may
be shown at any size; and the pages' Content-Security-Policy allows no inline styles).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kartoteka.web.reader import COLORS
from kartoteka.web.schemas import DocumentView, PageOut

# A word OCR read under this confidence (Tesseract's 0-100) is marked for a reviewer to check:
# below 60 Tesseract's own guesses are wrong about as often as right on typescript.
LOW_WORD_CONFIDENCE = 60


@dataclass
class Box:
    x: int  # pixels of the page as OCR read it
    y: int
    width: int
    height: int
    cls: str  # m (a mention) | ev (a claim's evidence) | hl (the highlighted passage) | low
    entity: str | None = None
    claim: str | None = None
    title: str | None = None


@dataclass
class PageFigure:
    page: PageOut
    boxes: list[Box] = field(default_factory=list)


def low_confidence_spans(pages: list[PageOut]) -> list[tuple[int, int]]:
    """The text spans of words read with a confidence under LOW_WORD_CONFIDENCE."""
    return [(w[0], w[1]) for p in pages for w in p.words
            if w[0] >= 0 and w[6] < LOW_WORD_CONFIDENCE]


def _line_boxes(page: PageOut, words: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """One rectangle (x, y, width, height) per line of these words: a word that does not
    overlap the previous one vertically starts a new line."""
    rects: list[list[int]] = []
    for w in words:
        x, y, wd, ht = w[2], w[3], w[4], w[5]
        if rects and y < rects[-1][3] and y + ht > rects[-1][1] and x >= rects[-1][0]:
            r = rects[-1]
            r[1], r[2], r[3] = min(r[1], y), max(r[2], x + wd), max(r[3], y + ht)
        else:
            rects.append([x, y, x + wd, y + ht])
    pad = max(2, page.width // 400)  # a little air around the ink
    return [(max(0, r[0] - pad), max(0, r[1] - pad), r[2] - r[0] + 2 * pad,
             r[3] - r[1] + 2 * pad) for r in rects]


def page_figures(view: DocumentView) -> list[PageFigure]:
    """Each scanned page with the boxes to draw over its image."""
    colors: dict[str, int] = {}
    for m in view.mentions:
        if m.entity and m.entity.id not in colors:
            colors[m.entity.id] = len(colors) % COLORS
    figures = []
    for page in view.pages:
        figure = PageFigure(page)
        figures.append(figure)
        words = sorted((w for w in page.words if w[0] >= 0), key=lambda w: w[0])
        if not words:
            continue
        starts = [w[0] for w in words]

        def covered(a: int, b: int, words=words, starts=starts) -> list[list[int]]:
            first = max(0, bisect_left(starts, a) - 1)
            out = []
            for w in words[first:]:
                if w[0] >= b:
                    break
                if w[1] > a:
                    out.append(w)
            return out

        def add(a: int, b: int, cls: str, page=page, figure=figure, covered=covered,
                **attrs: str | None) -> None:
            for rect in _line_boxes(page, covered(a, b)):
                figure.boxes.append(Box(*rect, cls=cls, **attrs))

        for c in view.claims:
            for e in c.evidence:
                if e.document == view.document.id:
                    add(e.start, e.end, "ev", claim=c.id, title=c.type_label)
        if view.highlight:
            add(view.highlight[0], view.highlight[1], "hl")
        for m in view.mentions:
            label = m.entity.label if m.entity else m.text
            color = colors.get(m.entity.id, 0) if m.entity else 0
            add(m.start, m.end, f"m k-{m.kind} c{color}",
                entity=m.entity.id if m.entity else None, title=label)
        for w in words:
            if w[6] < LOW_WORD_CONFIDENCE:
                add(w[0], w[1], "low", title=f"OCR confidence {w[6]}")
    return figures

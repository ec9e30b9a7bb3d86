"""Text as published, read as plain text: a normalised view whose offsets map back.

Sources come as they were printed or put online: encyclopedia leads carry stress marks
("Бе́рия", U+0301), web pages soft hyphens and non-breaking or zero-width spaces, scans words
hyphenated at line ends, old books the spelling before the 1918 reform ("Ивановъ", "Сѣверъ").
The extractors read a view with all that undone, so "Бе́рия" and "Берия" are one name; the
stored text stays the original and every span found in the view is mapped back to it, so the
reader highlights the characters as published.

What the view changes, and why each is safe for both languages:

- stress marks (U+0301, U+0300 and their U+0341/U+0340 twins) are dropped; other combining
  marks are composed (NFC: "и" + U+0306 is "й");
- "ё" stays: a card shows "Пётр" as printed, and the matching keys (names/keys.py) and the
  trigger patterns already read ё and е alike; "е" + U+0308 is composed into "ё";
- pre-reform letters become their reformed ones (ѣ→е, і→и, ѳ→ф, ѵ→и) and a word-final hard sign
  is dropped (the 1918 decree of the People's Commissariat of Education on spelling);
- soft hyphens, zero-width spaces and joiners, the byte-order mark and word joiners go;
- non-breaking, thin and other fixed-width spaces become a plain space, one for one;
- rare dash and hyphen code points become the three the extractors read ("-", "–", "—");
- rare quote marks become the typographic pairs the extractors read (“ ” ‘ ’ « » „): the pairs
  keep their direction, which tells a quotation's opening from its close;
- a word broken at a line end with a hyphen ("Ежо-\\nва") is joined when a lower-case letter
  follows the break, so a compound whose second part is capitalised keeps its hyphen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from kartoteka.model import Document, Extraction, Span

STRESS = frozenset("\u0301\u0300\u0341\u0340")
DELETED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                   "\u202f\u205f\u3000")
SAME_LENGTH: dict[str, str] = {
    # pre-1918 letters (decree of 1918 on the new spelling)
    "ѣ": "е", "Ѣ": "Е", "і": "и", "І": "И", "ѳ": "ф", "Ѳ": "Ф", "ѵ": "и", "Ѵ": "И",
    # hyphens and dashes (Unicode General Punctuation block)
    "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2012": "–", "\u2015": "—", "\u2e3a": "—",
    "\u2e3b": "—", "\ufe58": "—",
    # quote marks: each becomes the pair member of the same direction
    "\u201f": "“", "\u201b": "‘", "\u201a": "‘", "\u301d": "“", "\u301e": "”", "\uff02": '"',
    "\u2033": '"', "\u2032": "'", "\u02bc": "’",
}
_SPECIAL = re.compile("[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff\u180e\u00a0\u2000-\u200a"
                      "\u202f\u205f\u3000ѣѢіІѳѲѵѴ\u2010-\u2012\u2015\u2212\u2e3a\u2e3b\ufe58"
                      "\u201f\u201b\u201a\u301d\u301e\uff02\u2033\u2032\u02bc]|-[ \t]*\r?\n")
# "Ежо-\nва": the hyphen, the line break and the next line's indentation.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t]*\r?\n[ \t]*(?=[a-zа-я])")
_WORD_FINAL_HARD_SIGN = re.compile(r"(?<=[а-яёА-ЯЁ])[ъЪ](?![^\W\d_])")


@dataclass
class View:
    """``text`` as the extractors read it, and where each of its characters came from.

    ``starts[i]``/``ends[i]``: the original slice the view's character ``i`` stands for. A
    dropped stress mark or final hard sign belongs to the letter before it, so a name's span
    reaches over its accents; a dropped space-like mark belongs to nothing.
    """

    original: str
    text: str
    starts: list[int] = field(default_factory=list, repr=False)
    ends: list[int] = field(default_factory=list, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original slice of the view's ``[start, end)``; empty spans stay empty."""
        if not self.starts:
            return start, end
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}:{end} outside the view (length {n})")
        first = self.starts[start] if start < n else len(self.original)
        if end == start:
            return first, first
        return first, self.ends[end - 1]


def normalise(text: str) -> View:
    """The normalised view of ``text`` (see the module's docstring for what changes)."""
    if not _SPECIAL.search(text) and not _WORD_FINAL_HARD_SIGN.search(text):
        return View(text, text)
    dropped = {m.start() for m in _WORD_FINAL_HARD_SIGN.finditer(text)}
    breaks = {m.start(): m.end() for m in _LINE_BREAK_HYPHEN.finditer(text)}
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if i in breaks:  # a hyphenated line end: nothing of it is read
            i = breaks[i]
            continue
        ch = text[i]
        if i in dropped or ch in STRESS:
            if ends:  # belongs to the letter before it
                ends[-1] = i + 1
            i += 1
            continue
        if ch in DELETED:
            i += 1
            continue
        j = i + 1
        marks = ""
        while j < n and unicodedata.combining(text[j]):
            if text[j] not in STRESS:
                marks += text[j]
            j += 1
        cluster = unicodedata.normalize("NFC", ch + marks) if marks else ch
        for c in cluster:
            c = " " if c in SPACES else SAME_LENGTH.get(c, c)
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    view = "".join(out)
    if view == text:  # nothing removed or replaced: the identity needs no table
        return View(text, text)
    return View(text, view, starts, ends)


def view_of(document: Document) -> tuple[Document, View]:
    """The document as the extractors read it (same id, normalised text) and its view."""
    view = normalise(document.text)
    return (replace(document, text=view.text) if view.changed else document), view


def restore(extraction: Extraction, view: View, document: Document) -> Extraction:
    """``extraction`` of the view, in ``document``'s original offsets and text.

    A mention's id hashes its offsets, so every reference to one (a claim's subject, object,
    place and informant, a mention's attrs such as ``refers_to``) is rewritten with it.
    """
    extraction.document = document
    if not view.changed:
        return extraction
    ids: dict[str, str] = {}
    for mention in extraction.mentions:
        old = mention.id
        mention.start, mention.end = view.to_original(mention.start, mention.end)
        mention.text = document.text[mention.start:mention.end]
        ids[old] = mention.id
    for mention in extraction.mentions:
        mention.attrs = _renamed(mention.attrs, ids)
    for claim in extraction.claims:
        claim.evidence = [Span(*view.to_original(s.start, s.end)) for s in claim.evidence]
        claim.subject = ids.get(claim.subject, claim.subject)
        for name in ("object", "place", "attributed_to"):
            value = getattr(claim, name)
            if value is not None:
                setattr(claim, name, ids.get(value, value))
        claim.attrs = _renamed(claim.attrs, ids)
    return extraction


def _renamed(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, dict):
        return {k: _renamed(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, ids) for v in value]
    if isinstance(value, tuple):
        return tuple(_renamed(v, ids) for v in value)
    return value


__all__ = ["View", "normalise", "restore", "view_of"]

"""HTML (.html, .htm): the visible text of the page, never its markup, scripts or navigation.

The stored text is plain text extracted with lxml: script, style, nav (and other non-text
elements, see data.HTML_DROPPED_TAGS) are dropped; paragraph-like blocks are separated by a
blank line, other blocks and <br> start a new line, table cells are separated by a tab; runs of
whitespace collapse to one space as a browser shows them, except inside <pre>. The title is
<title>, else the first <h1>, else the first line. Nothing of the page is ever executed.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.etree
import lxml.html

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.common import build_document, check_text, decode_text
from kartoteka.sources.data import (
    BYTE_ORDER_MARKS,
    HTML_CELL_TAGS,
    HTML_DROPPED_TAGS,
    HTML_LINE_TAGS,
    HTML_PARAGRAPH_TAGS,
)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_CELL = "\t"


def read_html(path: Path, raw: bytes) -> Document:
    """An HTML page as a Document of its plain text; SourceError if it has none."""
    markup, encoding = _decode_html(path, raw)
    # Binary junk named .html is refused before parsing (lxml would quietly drop the controls);
    # long lines are normal in minified markup, so only the extracted text is held to the limit.
    check_text(path, markup, what="markup", line_limit=False)
    # lxml refuses a str that still declares its encoding; the declaration says nothing now.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceError(str(path), f"not readable as HTML: {exc}") from exc
    text = html_to_text(root)
    check_text(path, text)
    return build_document(
        path, raw, text, media_type="text/html", encoding=encoding, title=_page_title(root)
    )


def html_to_text(root: lxml.html.HtmlElement) -> str:
    """The visible text of a parsed page, laid out in lines and paragraphs."""
    builder = _TextBuilder()
    builder.walk(root, preformatted=False)
    return builder.result()


def _decode_html(path: Path, raw: bytes) -> tuple[str, str]:
    """Byte-order mark, then valid UTF-8, then the declared charset, then our guess."""
    if any(raw.startswith(mark) for mark, _ in BYTE_ORDER_MARKS):
        return decode_text(path, raw)
    try:
        return raw.decode("utf-8"), "utf-8"  # pages often declare latin-1 and hold UTF-8
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            return raw.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess as for a plain file
    return decode_text(path, raw)


def _page_title(root: lxml.html.HtmlElement) -> str | None:
    for xpath in ("//title", "//h1"):
        for element in root.xpath(xpath):
            title = " ".join(element.text_content().split())
            if title:
                return title
    return None


class _TextBuilder:
    """Collects text and breaks while walking the tree, then lays them out as lines."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.pending_break = 0  # newlines owed before the next text: 1 line, 2 paragraph
        self.pending_cells = 0  # cells begun since the last text: one tab each, empty or not

    def walk(self, element: lxml.html.HtmlElement, *, preformatted: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag and tag not in HTML_DROPPED_TAGS:
            inside_pre = preformatted or tag == "pre"
            block = 2 if tag in HTML_PARAGRAPH_TAGS else 1 if tag in HTML_LINE_TAGS else 0
            if tag == "br":  # each <br> is a line break: two make a blank line
                self.pending_break = min(self.pending_break + 1, 2)
            self.pending_break = max(self.pending_break, block)
            if tag in HTML_CELL_TAGS:
                self.pending_cells += 1
            self.add(element.text, preformatted=inside_pre)
            for child in element:
                self.walk(child, preformatted=inside_pre)
            self.pending_break = max(self.pending_break, block)
        self.add(element.tail, preformatted=preformatted)  # a dropped element's tail is shown

    def add(self, text: str | None, *, preformatted: bool) -> None:
        if not text:
            return
        if not preformatted:
            text = _HTML_WHITESPACE.sub(" ", text)
        if not text.strip():
            if not preformatted and self.lines[-1] and not self.pending_break:
                self.lines[-1] = self.lines[-1].rstrip(" ") + " "
            return
        if self.pending_break and self.lines[-1].strip():
            self.lines[-1] = self.lines[-1].rstrip(" ")
            self.lines.extend([""] * self.pending_break)
        if self.pending_cells and self.lines[-1].strip():
            self.lines[-1] = self.lines[-1].rstrip(" ") + _CELL * self.pending_cells
        self.pending_break = 0
        self.pending_cells = 0
        if not self.lines[-1].strip() and not preformatted:
            self.lines[-1] = ""  # a line starts with its text, not with collapsed whitespace
            text = text.lstrip(" ")
        self.lines[-1] += text

    def result(self) -> str:
        lines = [line.rstrip(" \t") for line in "\n".join(self.lines).split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

"""HTML pages: visible text only, laid out in lines; scripts never stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import lxml.html
import pytest

from kartoteka.errors import SourceError
from kartoteka.sources import read_source
from kartoteka.sources.html import html_to_text

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>  Письмо   читателя </title>
<style>p {{ color: red; }}</style>
<script>var secret = "never stored"; document.write("injected");</script>
</head><body>
<nav><a href="/">Home page</a> | <a href="/x">Menu</a></nav>
<h1>Ежовщина</h1>
<p>Осенью   1937 года <b>Берзины</b>
исчезли.</p><p>Мне говорили,<br>что их увезли ночью.</p>
<!-- a comment that is not text -->
<table><tr><th>Имя</th><th>Судьба</th></tr><tr><td>Карл</td><td>расстрелян</td></tr></table>
<pre>  строка   один
  строка два</pre>
<script>alert("also never stored")</script>
</body></html>
"""
EXPECTED = (
    "Ежовщина\n\nОсенью 1937 года Берзины исчезли.\n\nМне говорили,\nчто их увезли ночью.\n\n"
    "Имя\tСудьба\nКарл\tрасстрелян\n\n  строка   один\n  строка два"
)


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("windows-1251", "cp1251")])
def test_html_visible_text_only(tmp_path: Path, charset: str, codec: str) -> None:
    raw = PAGE.format(charset=charset).encode(codec)
    path = tmp_path / "page.html"
    path.write_bytes(raw)
    document = read_source(path)
    assert document.text == EXPECTED
    assert document.title == "Письмо читателя"
    assert document.media_type == "text/html"
    assert document.encoding == codec
    assert document.language == "ru"
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    "leak", ["secret", "never stored", "injected", "alert", "color", "Home page", "comment", "<"]
)
def test_html_drops_scripts_styles_navigation_markup(tmp_path: Path, leak: str) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    assert leak not in read_source(path).text


def test_html_wrong_declared_charset_is_overruled(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="utf-8").encode("koi8-r", errors="replace"))
    assert read_source(path).text.startswith("Ежовщина")


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        ("<html><body><h1>The Berzins</h1><p>text</p></body></html>", "The Berzins"),
        ("<p>First paragraph.</p><p>Second.</p>", "First paragraph."),
        ('<?xml version="1.0" encoding="utf-8"?><html><title>T</title><p>x</p></html>', "T"),
    ],
)
def test_html_title_falls_back(tmp_path: Path, markup: str, title: str) -> None:
    path = tmp_path / "t.html"
    path.write_text(markup, encoding="utf-8")
    assert read_source(path).title == title


@pytest.mark.parametrize(
    "markup",
    ["<html><head><title>Only a title</title></head><body></body></html>",
     "<script>var x = 1;</script>", "<!-- -->"],
)
def test_html_without_visible_text_is_refused(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(SourceError, match="blank.html"):
        read_source(path)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p><b>Ежов</b> <i>Н. И.</i>, нарком</p>", "Ежов Н. И., нарком"),
        ("<p>line<br>two</p>", "line\ntwo"),
        ("<p>line<br><br>two</p>", "line\n\ntwo"),
        ("<ul><li>one</li>\n <li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"),
        ("<div>x<div>y</div>z</div>", "x\ny\nz"),
        ("<table><tr><td> a </td><td></td><td>c</td></tr><tr><td>x</td><td>y</td></tr></table>",
         "a\t\tc\nx\ty"),
        ("<p>a&nbsp;b &amp; c</p>", "a\u00a0b & c"),
    ],
)
def test_html_layout(markup: str, text: str) -> None:
    assert html_to_text(lxml.html.document_fromstring(markup)) == text

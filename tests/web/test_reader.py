"""Cutting text into paragraphs, sentences and segments for the reader."""

from __future__ import annotations

import pytest

from kartoteka.web.reader import Mark, build_paragraphs, paragraph_spans, sentence_spans


@pytest.mark.parametrize(("text", "expected"), [
    ("One.\n\nTwo.", ["One.", "Two."]),
    ("One.\n  \n\n Two.\n", ["One.", "Two.\n"]),
    ("Only one paragraph\nwith a line break.", ["Only one paragraph\nwith a line break."]),
    ("\n\nLeading blank lines.", ["Leading blank lines."]),
])
def test_reader_paragraphs_skip_blank_lines(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in paragraph_spans(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He left. She stayed.", ["He left. ", "She stayed."]),
    ("N. I. Yezhov was shot. Then silence.", ["N. I. Yezhov was shot. ", "Then silence."]),
    ("Was it 1937? Yes, 1937.", ["Was it 1937? ", "Yes, 1937."]),
    ("Ежов был арестован. Потом расстрелян.", ["Ежов был арестован. ", "Потом расстрелян."]),
    ("Он жил на ул. Ленина. Потом уехал.", ["Он жил на ул. Ленина. ", "Потом уехал."]),
    ("no capital after. so one sentence", ["no capital after. so one sentence"]),
])
def test_reader_sentences_tile_the_paragraph(text: str, expected: list[str]) -> None:
    spans = sentence_spans(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == expected
    assert spans[0][0] == 0 and spans[-1][1] == len(text)


def _segments(paragraphs):  # noqa: ANN001, ANN202
    return [g for p in paragraphs for s in p.sentences for g in s.segments]


def test_reader_segments_rebuild_the_text_without_the_breaks() -> None:
    text = "Yezhov came. Yagoda left.\n\nLater the NKVD shot him."
    marks = [Mark(0, 6, "p1", "Yezhov", "person"), Mark(13, 19, "p2", "Yagoda", "person"),
             Mark(37, 41, "o1", "NKVD", "organization")]
    paragraphs = build_paragraphs(text, marks, [], [])
    joined = "".join(g.text for p in paragraphs for s in p.sentences
                     for g in [*s.segments, *s.tail])
    assert joined == text.replace("\n\n", "")
    assert [g.text for p in paragraphs for s in p.sentences for g in s.tail] == [" "]
    linked = {g.text: g.entity_id for g in _segments(paragraphs) if g.entity_id}
    assert linked == {"Yezhov": "p1", "Yagoda": "p2", "NKVD": "o1"}


def test_reader_innermost_mention_wins_inside_a_longer_one() -> None:
    text = "Nikolai Ivanovich Yezhov."
    marks = [Mark(0, 24, "p1", "Yezhov", "person"), Mark(18, 24, "p2", "Surname", "person")]
    segments = _segments(build_paragraphs(text, marks, [], []))
    assert [(g.text, g.entity_id) for g in segments] == [
        ("Nikolai Ivanovich ", "p1"), ("Yezhov", "p2"), (".", None)]


def test_reader_highlight_marks_its_span_and_anchors_once() -> None:
    text = "First sentence here. The passage to show. After it."
    start = text.index("The passage")
    end = text.index(" After")
    segments = _segments(build_paragraphs(text, [], [], [], (start, end)))
    lit = [g for g in segments if g.highlighted]
    assert "".join(g.text for g in lit) == "The passage to show."
    assert sum(g.anchor for g in segments) == 1 and lit[0].anchor


def test_reader_hearsay_names_its_informant_at_its_start() -> None:
    text = "Shpigelglas told me that Yezhov was shot. Quiet."
    end = text.index(" Quiet")
    hearsay = [Mark(0, end, informant="Shpigelglas")]
    marks = [Mark(25, 31, "p1", "Yezhov", "person")]
    segments = _segments(build_paragraphs(text, marks, hearsay, []))
    told = [g for g in segments if g.hearsay is not None]
    assert "".join(g.text for g in told) == text[:end]
    assert [g.told_by for g in segments if g.told_by is not None] == ["Shpigelglas"]


def test_reader_claims_land_on_the_sentence_they_start_in() -> None:
    text = "One thing. Yezhov was shot in 1940. Another."
    at = text.index("Yezhov")
    paragraphs = build_paragraphs(text, [], [], [(at, "c1")])
    sentences = [s for p in paragraphs for s in p.sentences]
    assert [s.claims for s in sentences] == [[], ["c1"], []]


@pytest.mark.parametrize("text", ["<script>alert('x')</script>", 'a "quoted" & <b>', "plain"])
def test_reader_html_escapes_like_markupsafe(text: str) -> None:
    from markupsafe import escape as markupsafe_escape

    from kartoteka.web.render import escape

    assert escape(text) == str(markupsafe_escape(text))

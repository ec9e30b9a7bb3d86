"""A line break after a finished sentence ends it (extract/en/line_ends.py): a dialogue's lines
are sentences of their own, so a vocative on the next line is no object of the question's verb.

The sentences are made up for these tests; the names are common Russian ones.
"""

from __future__ import annotations

import pytest


def _sentences(en_pipeline, text: str) -> list[str]:
    return [s.text.strip() for s in en_pipeline.nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(("text", "addressed"), [
    ('"Did you arrest the students too?"\n"Yes, of course, Ivan Petrovich!" Orlov said.',
     "Ivan Petrovich"),
    ('"Were they all shot?"\n"All of them, Pavel Semyonovich." The clerk closed the file.',
     "Pavel Semyonovich"),
    ("Was Sobolev arrested in the spring?\nYes, Nikolai Ivanovich, in April.",
     "Nikolai Ivanovich"),
])
def test_line_ends_a_question_and_its_answer_on_two_lines_are_two_sentences(
        en_pipeline, fates_en, text: str, addressed: str) -> None:
    first, second = text.split("\n")
    sentences = _sentences(en_pipeline, text)
    assert sentences[0] == first and sentences[1].startswith(second[:12])
    # the man addressed on the answer's line was not arrested, shot or anything else
    assert all(addressed not in f[1] for f in fates_en(text))


@pytest.mark.parametrize("text", [
    # a hard-wrapped line of a scan: no closing punctuation, the sentence runs on
    "In 1937 Ivan Sobolev was arrested by the\nNKVD and shot in the autumn.",
    # a heading's line without a stop stays the parser's to judge
    "Ivan Sobolev, born 1899\nwas arrested in 1937.",
])
def test_line_ends_a_line_without_closing_punctuation_runs_on(en_pipeline, text: str) -> None:
    assert len(_sentences(en_pipeline, text)) == 1


def test_line_ends_a_wrapped_sentence_keeps_its_fate(fates_en) -> None:
    fates = fates_en("In 1937 Ivan Sobolev was arrested by the\nNKVD and shot in the autumn.")
    assert {f[0] for f in fates if f[1] == "Ivan Sobolev"} >= {"arrest", "execution"}

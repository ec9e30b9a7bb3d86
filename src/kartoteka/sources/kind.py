"""A first guess of the kind of source from its text: interrogation record, list, testimony.

A guess for sorting and for the extractor's defaults; a historian corrects it on the card.
"""

from __future__ import annotations

from kartoteka.sources.data import (
    ANSWER_LINE,
    MIN_INTERROGATION_PAIRS,
    MIN_RECORD_LINE_SHARE,
    MIN_RECORD_LINES,
    QUESTION_LINE,
    RECORD_LINE,
)

# Enough lines to judge: the kind of the first 5,000 non-empty lines is the document's.
SAMPLE_LINES = 5_000


def guess_kind(text: str) -> str:
    """"interrogation", "record-list" or "testimony" (the default)."""
    lines = [line for line in text.splitlines() if line.strip()][:SAMPLE_LINES]
    questions = sum(1 for line in lines if QUESTION_LINE.match(line))
    answers = sum(1 for line in lines if ANSWER_LINE.match(line))
    if min(questions, answers) >= MIN_INTERROGATION_PAIRS:
        return "interrogation"
    records = sum(1 for line in lines if RECORD_LINE.match(line))
    if records >= MIN_RECORD_LINES and records / len(lines) >= MIN_RECORD_LINE_SHARE:
        return "record-list"
    return "testimony"

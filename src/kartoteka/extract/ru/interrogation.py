"""Interrogation records: the person questioned, and the answers that are his to claim.

    ПРОТОКОЛ ДОПРОСА обвиняемого Ягоды Генриха Григорьевича
    Вопрос: …
    Ответ: Я был арестован …

Claims in an answer are attributed to the person the heading names (a mention is made for him
there); claims in the questions are not made at all, since a question asserts nothing.
"""

from __future__ import annotations

import re

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.inflection import (
    given_nominative,
    patronymic_nominative,
    surname_candidates,
)
from kartoteka.model import Mention
from kartoteka.names.gender import patronymic_gender

_WORD = r"(?:[А-ЯЁ][А-ЯЁа-яё-]+|[А-ЯЁ]\.)"
HEADING = re.compile(
    rf"(?:протокол\s+допроса|допрос)\s+(?:(?:обвиняем|арестованн|свидетел|подследственн|"
    rf"гражданин|гр\.)\w*\s+)?(?P<name>{_WORD}(?:[ \t]*{_WORD}){{0,3}})", re.I)
ANSWER = re.compile(r"^[ \t]*(?:(?:ответ|отв\.)[ \t]*[:.-]|о[ \t]*:)", re.I | re.M)
QUESTION = re.compile(r"^[ \t]*(?:(?:вопрос|вопр\.)[ \t]*[:.-]|в[ \t]*:)", re.I | re.M)


def _genitive_name(words: list[str]) -> tuple[str, str | None]:
    """"ЯГОДЫ Генриха Григорьевича" -> ("Ягода Генрих Григорьевич", "m")."""
    words = [w.capitalize() if w.isupper() and len(w) > 2 else w for w in words]
    gender = next((patronymic_gender(w) for w in words if patronymic_gender(w)), None)
    if gender is None:
        gender = "f" if any(w.lower().endswith(("овой", "евой", "иной", "ской")) for w in words
                            ) else "m"
    out = []
    for w in words:
        if w.endswith("."):
            out.append(w)
        elif patronymic_gender(w):
            out.append(patronymic_nominative(w, "gent", gender))
        elif morph.has_tag(w, "Name") and not morph.has_tag(w, "Surn") and len(out) > 0:
            out.append(given_nominative(w, "gent", gender))
        else:
            out.append(surname_candidates(w, "gent", gender)[0])
    return " ".join(out), gender


def find_interrogation(ctx: RuContext) -> Mention | None:
    """Marks the answers of an interrogation record as the questioned person's words."""
    text = ctx.text
    answers = list(ANSWER.finditer(text))
    if not answers or not QUESTION.search(text):
        return None
    heading = HEADING.search(text[:2000])
    if heading:
        words = re.findall(r"[А-ЯЁ][А-ЯЁа-яё-]+|[А-ЯЁ]\.", heading.group("name"))
        name, gender = _genitive_name(words)
        a, b = heading.span("name")
        speaker = ctx.add_mention(a, b, "person", name=name, gender=gender)
        speaker.name, speaker.gender = name, gender  # the heading's reading wins over natasha's
    else:
        first = answers[0]
        speaker = ctx.add_mention(first.start(), first.end(), "person",
                                  descriptor="допрашиваемый")
    speaker.attrs["role"] = "interrogated"
    questions = [m.start() for m in QUESTION.finditer(text)]
    for answer in answers:
        end = min([q for q in questions if q > answer.start()] or [len(text)])
        ctx.speaker_of.append((answer.start(), end, speaker))
    return speaker

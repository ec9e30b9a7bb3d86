"""Sentencing, arrest and other event phrases of Memorial records: bodies, sentences, articles.

    Приговорен: тройка при УНКВД по АК 28 ноября 1937 г., обв.: по ст. 58-7, 10, 11.
    Приговорен к 3 годам ссылки в Сибирь Коллегией ОГПУ СССР 26 июня 1929 г. по обвинению …
    Осужден 2.09.1938 тройкой за … к ВМН.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.extract.ru.dates import RuDate
from kartoteka.extract.ru.records.data import EVENT_WORDS
from kartoteka.extract.ru.records.fields import Span, dates_in, top_level_parts, trim

_ELEMENT = (r"(?:(?:ст\.\s*){1,2}|(?<![\d.№/]))\d{1,3}(?:[а-я](?![а-я]))?(?:\s*[-‐]\s*\d{1,2})*"
            r"(?:\s*(?:п\.|пп\.|ч\.?)\s*\d+(?:\s*«[а-я]»)?)*(?:\s*УК\s+[А-ЯЁ]+)?")
ARTICLE = re.compile(rf"{_ELEMENT}(?:\s*,\s*{_ELEMENT})*")
BODY_NOUN = re.compile(
    r"(?:тройк\w*|двойк\w*|коллеги\w*|ревтрибунал\w*|трибунал\w*|суд(?:ом|а|у|е)?|облсуд\w*|"
    r"крайсуд\w*|горсуд\w*|нарсуд\w*|губсуд\w*|совещани\w*|комисси\w*|осо|вт|вквс|нквд|огпу|гпу|"
    r"мгб|унквд)", re.I)
ADJECTIVE_END = re.compile(r"\w+(?:ым|им|ой|ей|ою|ого|его|ий|ый|ая|ое)$")
CHARGE_START = re.compile(r"(?:по обвинению|обв\.:?|за\s)")


@dataclass
class Sentencing:
    date: RuDate | None = None
    body: Span | None = None
    sentence: Span | None = None
    charge: Span | None = None
    article: Span | None = None


def find_article(text: str, start: int, end: int) -> Span | None:
    """The criminal-code articles cited: "ст. 58-10 ч.2 УК РСФСР", "72, 76 УК БССР"."""
    for m in ARTICLE.finditer(text, start, end):
        found = m.group()
        if "ст" in found or "УК" in found or re.search(r"\d\s*[-‐]\s*\d", found):
            return trim(text, m.start(), m.end())
    return None


def first_date(text: str, start: int, end: int) -> RuDate | None:
    """The first date of a span that is not the date of a law ("по Закону от 18 октября 1991")."""
    for d in dates_in(text, start, end):
        if not re.search(r"от\s*$", text[max(start, d.start - 4):d.start]):
            return d
    return None


def _body_span(text: str, start: int, end: int, blocked: list[Span]) -> Span | None:
    """The sentencing body around its noun: "Особым совещанием при НКВД СССР", "тройкой"."""
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
    words = [text[a:b].strip(",.;:") for a, b in tokens]
    for i, word in enumerate(words):
        if not BODY_NOUN.fullmatch(word) or any(a <= tokens[i][0] < b for a, b in blocked):
            continue
        j = i
        while j > 0 and ADJECTIVE_END.fullmatch(words[j - 1]) and words[j - 1][:1].isupper():
            j -= 1
        k = i
        while k + 1 < len(words):
            nxt = words[k + 1]
            if nxt in ("при", "по") and k + 2 < len(words) and words[k + 2][:1].isupper():
                k += 1
            elif nxt[:1].isupper() or re.fullmatch(r"[а-яё-]{1,5}\.|ж\.\s?д\.|войск", text[
                    tokens[k + 1][0]:tokens[k + 1][1]]):
                k += 1
            else:
                break
            if text[tokens[k][1] - 1] == ",":
                break
        return trim(text, tokens[j][0], tokens[k][1])
    return None


def parse_labelled_sentencing(text: str, start: int, end: int) -> Sentencing:
    """"<body> <date>, обв.: <charge>" after the "Приговорен:" label."""
    out = Sentencing()
    marker = re.search(r"обв\.:?", text[start:end])
    pre_end = start + marker.start() if marker else end
    if marker:
        out.charge = trim(text, start + marker.end(), end)
        out.article = find_article(text, *out.charge)
    out.date = first_date(text, start, pre_end)
    body_end = out.date.start if out.date else pre_end
    a, b = trim(text, start, body_end, prepositions=True)
    if b > a and text[a:b].lower() not in ("в", "к"):
        out.body = (a, b)
    return out


def parse_narrative_sentencing(text: str, start: int, end: int) -> Sentencing:
    """A sentence that tells a sentencing: date, body, "к <sentence>", "по обвинению …"."""
    out = Sentencing(date=first_date(text, start, end))
    charge = CHARGE_START.search(text, start, end)
    sentence = re.search(r"(?<!\w)к\s+", text[start:end])
    blocked: list[Span] = []
    if charge:
        charge_end = end
        if sentence and start + sentence.start() > charge.start():
            charge_end = start + sentence.start()
        out.charge = trim(text, charge.start(), charge_end)
        blocked.append((charge.start(), charge_end))
    out.article = find_article(text, start, end)
    if out.article:
        blocked.append(out.article)
    out.body = _body_span(text, start, end, blocked)
    if sentence:
        s_start = start + sentence.end()
        limits = [p for p in (out.body[0] if out.body else None,
                              out.date.start if out.date else None,
                              charge.start() if charge else None,
                              out.article[0] if out.article else None)
                  if p is not None and p > s_start]
        out.sentence = trim(text, s_start, min(limits) if limits else end)
    return out


@dataclass
class EventClause:
    kind: str
    span: Span
    dates: list[RuDate]


def event_clauses(text: str, start: int, end: int) -> list[EventClause]:
    """Events a narrative sentence tells, with their dates ("В 1919, 1920 гг. арестовывался")."""
    out: list[EventClause] = []
    pending: list[RuDate] = []
    pending_start: int | None = None
    for a, b in top_level_parts(text, start, end):
        kinds = [(m.start(), kind) for kind, pattern in EVENT_WORDS.items()
                 for m in re.finditer(pattern, text[a:b], re.I)]
        dates = [d for d in dates_in(text, a, b)
                 if not re.search(r"от\s*$", text[max(a, d.start - 4):d.start])]
        if not kinds:
            pending += dates
            pending_start = a if pending_start is None else pending_start
            continue
        kind = min(kinds)[1]
        clause_start = pending_start if pending_start is not None else a
        out.append(EventClause(kind, (clause_start, b), pending + dates))
        pending, pending_start = [], None
    return out

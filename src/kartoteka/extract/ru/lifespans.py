"""Claims that encyclopedic texts state without a verb: life spans after a name, "(1 мая 1895,
Москва — 4 февраля 1940, Москва)", and infobox lines ("Смерть: 7 марта 1939.",
"Народный комиссар связи СССР: 16 августа 1937 — 24 декабря 1938.")."""

from __future__ import annotations

import re

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.dates import RuDate, about_before, join_range, qualified_edtf
from kartoteka.extract.ru.triggers import INFOBOX
from kartoteka.model import Mention

DASH = re.compile(r"\s[—–-]\s|\s?—\s?")
NOT_POSTS = ("годы службы", "годы жизни", "звание", "образование", "командовал")


def _brackets(text: str, start: int) -> tuple[int, int] | None:
    """The inside of the brackets that open at ``start``."""
    if start >= len(text) or text[start] != "(":
        return None
    depth = 0
    for i in range(start, min(len(text), start + 600)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return start + 1, i
    return None


def _top_level(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    depth, out = 0, []
    for m in pattern.finditer(text, start, end):
        depth = text.count("(", start, m.start()) + text.count("[", start, m.start()) - (
            text.count(")", start, m.start()) + text.count("]", start, m.start()))
        if depth == 0:
            out.append(m)
    return out


def _name_end(ctx: RuContext, person: Mention) -> int:
    """Where the name ends: a list entry's head takes in the bracket after it ("Кобелев Устин
    Петрович (1889, д. Сосновка — 1938)"), which holds its life span or year of birth."""
    span = ctx.text[person.start:person.end]
    if person.attrs.get("entry_head") and span.endswith(")"):
        bracket = span.rfind("(")  # the last one: "Сомов (Сомовский) Игнат" has a variant
        if bracket > 0 and re.search(r"\d", span[bracket:]):
            return person.start + bracket
    return person.end


def lifespan_claims(ctx: RuContext) -> None:
    text = ctx.text
    for person in [m for m in ctx.mentions if m.kind == "person" and m.name]:
        at = _name_end(ctx, person)
        while at < len(text) and text[at] in " \u00a0":
            at += 1
        inside = _brackets(text, at)
        if inside is None:
            continue
        seg_start = inside[0]
        for sep in [*_top_level(text, inside[0], inside[1], re.compile(";")), None]:
            seg_end = sep.start() if sep else inside[1]
            if _segment(ctx, person, seg_start, seg_end, inside):
                break
            seg_start = sep.end() if sep else seg_end


def _segment(ctx: RuContext, person: Mention, start: int, end: int,
             inside: tuple[int, int]) -> bool:
    text = ctx.text
    dashes = _top_level(text, start, end, DASH)
    dates = [d for d in ctx.dates if start <= d.start and d.end <= end]
    for dash in reversed(dashes):
        right = [d for d in dates if d.start >= dash.end()]
        if not right or text[dash.end():right[0].start].strip(" ,"):
            continue
        left_start = max([d.end() for d in dashes if d.end() <= dash.start()] or [start])
        left = [d for d in dates if left_start <= d.start and d.end <= dash.start()]
        evidence = (person.start, inside[1] + 1)
        if left:
            ctx.add_claim("birth", person, evidence, date=qualified_edtf(text, left[-1]),
                          confidence=0.9,
                          place=_place_id(ctx, left[-1].end, dash.start()),
                          attrs=_attrs(left[-1], "lifespan"))
        elif _place_id(ctx, left_start, dash.start()):
            ctx.add_claim("birth", person, evidence, confidence=0.8,
                          place=_place_id(ctx, left_start, dash.start()),
                          attrs={"source": "lifespan"})
        ctx.add_claim("death", person, evidence, date=qualified_edtf(text, right[0]),
                      confidence=0.9,
                      place=_place_id(ctx, right[0].end, end), attrs=_attrs(right[0], "lifespan"))
        return True
    return _years_of_life(ctx, person, dates, inside)


def _years_of_life(ctx: RuContext, person: Mention, dates: list[RuDate],
                   inside: tuple[int, int]) -> bool:
    """"Иван Сомов (1890—1938) — советский …": a range of years in the brackets of a name an
    article defines (a dash follows them) or a list line begins with is the years of life; in
    prose "Ежов (1936—1938)" may be years in office."""
    ranges = [d for d in dates if d.precision == "interval" and d.edtf.count("/") == 1]
    defining = re.match(r"\s*[—–-]\s", ctx.text[inside[1] + 1:inside[1] + 4]) or (
        ctx.text[:person.start].rsplit("\n", 1)[-1].strip() == "")
    if len(ranges) != 1 or not defining:
        return False
    first, last = ranges[0].edtf.split("/")
    years = re.match(r"\d{4}", first), re.match(r"\d{4}", last)
    if not (years[0] and years[1] and 0 < int(years[1][0]) - int(years[0][0]) <= LONGEST_LIFE):
        return False
    evidence = (person.start, inside[1] + 1)
    # "(около 1890 — 1938)": the word before the range qualifies its first year only
    first += "~" if about_before(ctx.text, ranges[0].start) and first.isdigit() else ""
    for type_, value in (("birth", first), ("death", last)):
        ctx.add_claim(type_, person, evidence, date=value, confidence=0.85,
                      attrs={"source": "years of life"})
    return True


def _attrs(date: RuDate, source: str) -> dict[str, object]:
    attrs: dict[str, object] = {"source": source}
    if date.old_style_possible:
        attrs["old_style_possible"] = True
    return attrs


def _place_id(ctx: RuContext, start: int, end: int) -> str | None:
    for i in ctx.tokens_in(start, end):
        if i in ctx.place_at:
            return ctx.place_at[i].id
    return None


BORN_IN_YEAR = re.compile(r"(?<!\d)(\d{4})\s*г\.?\s*р\.|(?<!\d)(\d{4})\s+года\s+рождения")
# "род. 1891", "род. в 1891 г.", "род. 12.03.1891": the date follows (as ctx.dates reads it).
BORN_ABBREVIATED = re.compile(r"(?<![\w-])род\.\s*(?:в\s+)?", re.I)
# A year range right after the name a list's entry begins with ("Сомов И. Л.<TAB>1890–1938",
# "Иванов П. С. (1890–1937)"): the years of life. Not "1937–1938 гг.", a period; and not after
# a name in prose, where "Ежов (1936–1938)" may be his years in office.
RANGE_GAP = re.compile(r"[ \t]*(?:[,;][ \t]*)?")
PERIOD_AFTER = re.compile(r"\s*(?:гг?\.|год)")
LONGEST_LIFE = 110


def _person_just_before(ctx: RuContext, at: int) -> Mention | None:
    ends = {p.id: _name_end(ctx, p) for p in ctx.mentions if p.kind == "person"}
    before = [p for p in ctx.mentions if p.kind == "person" and ends[p.id] <= at
              and at - ends[p.id] < 40 and "\n" not in ctx.text[ends[p.id]:at]
              and re.fullmatch(r"[\s,(]*", ctx.text[ends[p.id]:at])]
    return before[-1] if before else None


def birth_year_claims(ctx: RuContext) -> None:
    """"Ежов Николай Иванович, 1895 г.р.", "Кузьмин Степан Ильич, род. 1901": the date of
    birth after a name."""
    for m in BORN_IN_YEAR.finditer(ctx.text):
        person = _person_just_before(ctx, m.start())
        if person is not None:
            year = m.group(1) or m.group(2)
            ctx.add_claim("birth", person, (person.start, m.end()), date=year,
                          confidence=0.9, attrs={"source": "year of birth"})
    for m in BORN_ABBREVIATED.finditer(ctx.text):
        date = next((d for d in ctx.dates if d.start == m.end() and "/" not in d.edtf), None)
        person = _person_just_before(ctx, m.start())
        if date is not None and person is not None:
            ctx.add_claim("birth", person, (person.start, date.end), date=date.edtf,
                          confidence=0.9, attrs=_attrs(date, "year of birth"))


def year_range_claims(ctx: RuContext) -> None:
    """Birth and death from a range of years after a list entry's name (see RANGE_GAP)."""
    heads = {entry.head for entry in ctx.entries}
    for person in [m for m in ctx.mentions if m.id in heads]:
        at = RANGE_GAP.match(ctx.text, person.end).end()
        bracketed = ctx.text[at:at + 1] == "("
        if not (bracketed or at > person.end):
            continue
        start = at + 1 if bracketed else at
        date = next((d for d in ctx.dates if d.start == start), None)
        if date is None or date.precision != "interval" or PERIOD_AFTER.match(ctx.text, date.end):
            continue
        if bracketed and ctx.text[date.end:date.end + 1] != ")":
            continue
        first, _, last = date.edtf.partition("/")
        if not (first.isdigit() and last.isdigit()
                and 0 < int(last) - int(first) <= LONGEST_LIFE):
            continue
        evidence = (person.start, date.end + (1 if bracketed else 0))
        for type_, year in (("birth", first), ("death", last)):
            ctx.add_claim(type_, person, evidence, date=year, confidence=0.85,
                          attrs={"source": "years of life"})


def infobox_claims(ctx: RuContext) -> None:
    """Label lines of an infobox kept as plain text; they are about the article's person."""
    topic = ctx.topic
    if topic is None:
        return
    text = ctx.text
    for line in re.finditer(r"^[^\n]+$", text, re.M):
        a, b = line.start(), line.end()
        label = re.match(r"([А-ЯЁ][^:\n]{1,60}):\s*", line.group())
        dates = [d for d in ctx.dates if a <= d.start and d.end <= b]
        if label and label.group(1).lower() in INFOBOX and dates:
            type_ = INFOBOX[label.group(1).lower()]
            if any(c.type == type_ and c.subject == topic.id and c.date == dates[0].edtf
                   for c in ctx.claims):
                continue  # "Арестован: 5 мая 1937 г." read already as a trigger
            ctx.add_claim(type_, topic, (a, b), date=dates[0].edtf, confidence=0.9,
                          place=_place_id(ctx, dates[0].end, b), attrs=_attrs(dates[0], "infobox"))
            continue
        if label and label.group(1).lower() in ("партия", "член партии"):
            _party(ctx, topic, a, b)
            continue
        _tenure(ctx, topic, a, b, dates)


def _party(ctx: RuContext, topic: Mention, a: int, b: int) -> None:
    org = next((ctx.org_at[i] for i in ctx.tokens_in(a, b) if i in ctx.org_at), None)
    if org is None:
        return
    since = re.search(r"с\s+(\d{4})", ctx.text[a:b])
    ctx.add_claim("member_of", topic, (a, b), object=org.id, confidence=0.9,
                  date=f"{since.group(1)}/.." if since else None, attrs={"source": "infobox"})


def _tenure(ctx: RuContext, topic: Mention, a: int, b: int, dates: list[RuDate]) -> None:
    """"3-й Начальник ГУЛАГ ОГПУ-НКВД: 9 июня 1932 — 16 августа 1937." (a post held)."""
    if len(dates) < 2:
        return
    span = join_range(ctx.text, dates[0], dates[1])
    if span is None:
        return
    prefix = ctx.text[a:dates[0].start]
    role = re.sub(r"^\d+-й\s+", "", prefix).strip(" :,—-")
    words = role.split()
    if not role or len(words) > 12 or role.lower().startswith(NOT_POSTS) or re.search(
            r"\((?!б\))", role):
        return
    if any(m.start == a for m in ctx.mentions if m.kind == "person"):
        return  # a name and its life span, not a post and its tenure
    best = [morph.parses(w.strip(",.:"))[0] for w in words if morph.parses(w.strip(",.:"))]
    if not any(morph.is_animate_noun(w) for w in words) or any(
            p.tag.POS in ("VERB", "INFN", "PRTS") for p in best):
        return
    org = next((ctx.org_at[i] for i in ctx.tokens_in(a, dates[0].start) if i in ctx.org_at),
               None)
    evidence = (a, dates[1].end)
    ctx.add_claim("appointment", topic, evidence, date=dates[0].edtf, role=role, confidence=0.85,
                  object=org.id if org else None, attrs={"source": "infobox"})
    ctx.add_claim("position", topic, evidence, date=span, role=role, confidence=0.85,
                  object=org.id if org else None, attrs={"source": "infobox"})

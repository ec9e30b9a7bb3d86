"""Posts as encyclopedias and prose give them, with no verb of appointment: a post with its
years in brackets ("Народный комиссар внутренних дел СССР (1936—1938)", "комиссар
госбезопасности 1-го ранга (с 26 ноября 1935)"), and one person succeeding another ("его на
посту наркома сменил Берия": the one appointed, the other removed)."""

from __future__ import annotations

import re
from collections.abc import Callable

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.dates import RuDate
from kartoteka.extract.ru.lexicon import PRONOUNS
from kartoteka.extract.ru.lifespans import _brackets
from kartoteka.model import Mention

# What may stand in the brackets before the date: nothing, "с" (since), or a gloss and a comma
# ("(Секретариат Сталина, 1928—1952)").
BEFORE_DATE = re.compile(r"\s*(?:(?:с|со|в)\s+|[^()\d;]{1,60},\s*)?", re.I)
# Where a post's phrase begins, going back from its brackets.
# "ВКП(б)" is one word.
PHRASE_START = re.compile(r"[,;:.—–\n]|\((?!б\))|(?<!\(б)\)|\s-\s|\bи\s")
MAX_POST_WORDS = 10
# Memberships, studies and honours, not posts: "член партии (1919—1938)".
NOT_POSTS = frozenset({"член", "участник", "кандидат", "слушатель", "студент", "учащийся",
                       "герой", "лауреат", "кавалер"})  # and honours: "Герой Труда (1943)"


def bracket_tenures(ctx: RuContext) -> None:
    """The article's person held the post before the brackets in the years inside them."""
    topic = ctx.topic
    if topic is None or not ctx.article:
        return
    text = ctx.text
    for opening in re.finditer(r"\(", text):
        inside = _brackets(text, opening.start())
        if inside is None:
            continue
        date = _closing_date(ctx, inside)
        role, org = _post_before(ctx, opening.start()) if date else (None, None)
        if date is None or role is None:
            continue
        since = re.search(r"(?:^|\s)(?:с|со)\s+$", text[inside[0]:date.start], re.I)
        first = date.edtf.split("/")[0]
        span = date.edtf if "/" in date.edtf else (f"{first}/.." if since else None)
        evidence = (_phrase_start(text, opening.start()), inside[1] + 1)
        fields = {"role": role, "confidence": 0.8, "object": org.id if org else None,
                  "attrs": {"source": "post in brackets"}}
        ctx.add_claim("appointment", topic, evidence, date=first, **fields)
        if span:
            ctx.add_claim("position", topic, evidence, date=span, **fields)


def _closing_date(ctx: RuContext, inside: tuple[int, int]) -> RuDate | None:
    """The date that ends the brackets' first part ("(1936—1938)", "(с 1937 года, …",
    "(секретариат, 1928—1952)"), with only "с" or a gloss before it."""
    text = ctx.text
    dates = [d for d in ctx.dates if inside[0] <= d.start and d.end <= inside[1]]
    if not dates:
        return None
    date = dates[0]
    part = re.compile(r"[;,]").search(text, date.end, inside[1])
    end = part.start() if part else inside[1]
    if text[date.end:end].strip(" .") not in ("", "гг", "г", "года", "год"):
        return None
    m = BEFORE_DATE.match(text, inside[0], date.start)
    return date if m and m.end() == date.start else None


def _phrase_start(text: str, at: int) -> int:
    found = list(PHRASE_START.finditer(text, max(0, at - 160), at))
    return found[-1].end() if found else max(0, at - 160)


def _post_before(ctx: RuContext, at: int) -> tuple[str | None, Mention | None]:
    """The post named right before ``at`` (nominative, a person noun at its head, no verb),
    and the body it names; (None, None) when it is not a post."""
    start = _phrase_start(ctx.text, at)
    phrase = ctx.text[start:at].strip()
    words = phrase.split()
    if not words or len(words) > MAX_POST_WORDS or re.search(r"\d{3}", phrase):
        return None, None
    if any(m.kind == "person" and start <= m.start < at for m in ctx.mentions):
        return None, None  # a name and its years of life
    best = [morph.parses(w.strip(",.:«»\""))[0] for w in words if morph.parses(w.strip(",.:"))]
    # a person noun in the nominative heads a post ("комиссар", "заведующий"), no verb in it
    if morph.lemma(words[0].strip(",.:")) in NOT_POSTS or not any(
            _person_noun(w) for w in words) or any(
            p.tag.POS in ("VERB", "INFN", "PRTS", "GRND") for p in best):
        return None, None
    org = next((ctx.org_at[i] for i in ctx.tokens_in(start, at) if i in ctx.org_at), None)
    return phrase, org


def _person_noun(word: str) -> bool:
    """"комиссар", or a participle used as a noun ("заведующий", pymorphy's Subx)."""
    return any("nomn" in p.tag.grammemes and (
        (p.tag.POS == "NOUN" and "anim" in p.tag.grammemes) or "Subx" in p.tag.grammemes)
        for p in morph.parses(word.strip(",.:«»\"")))


def _named_or_recent(ctx: RuContext, token: int, sentence_first: int) -> list[Mention]:
    """The person a token of a noun phrase names; a pronoun there ("сменой его самого") is the
    last person named before it in its sentence, or an article's own person."""
    if token in ctx.person_at:
        return [ctx.person_at[token]]
    if ctx.tokens[token].text.lower() not in PRONOUNS:
        return []
    before = [ctx.person_at[i] for i in range(token - 1, sentence_first - 1, -1)
              if i in ctx.person_at]
    gender = PRONOUNS[ctx.tokens[token].text.lower()]
    before = [m for m in before if m.gender in (None, gender)]
    if before:
        return before[:1]
    return [ctx.topic] if ctx.article and ctx.topic is not None else []


# "на посту наркома", "в должности начальника управления": the post in the genitive.
POST_OF = re.compile(r"(?:на|в)\s+(?:посту|должности|пост|должность)\s+", re.I)


def succession_claims(ctx: RuContext, persons_for: Callable[[int], list[Mention]]) -> None:
    """"В 1938 году его на посту наркома сменил Берия": the subject of "сменить" is
    appointed, its object removed, both to and from the post of "на посту …"."""
    for tok in ctx.tokens:
        if tok.pos != "VERB" or morph.lemma(tok.text) != "сменить":
            continue
        kids = ctx.children(tok.index)
        new = [p for c in kids if ctx.tokens[c].rel == "nsubj" for p in persons_for(c)]
        old = [p for c in kids if ctx.tokens[c].rel == "obj" for p in persons_for(c)]
        if not new or not old:
            continue
        sent = ctx.sentence_of(tok.index)
        role = _post_named(ctx, sent.start, sent.end)
        dates = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end]
        date = dates[0].edtf if dates else None
        attrs = {"source": "succession", "trigger": tok.text}
        for person in new:
            ctx.add_claim("appointment", person, (sent.start, sent.end), date=date, role=role,
                          confidence=0.75, attrs=dict(attrs))
        for person in old:
            ctx.add_claim("dismissal", person, (sent.start, sent.end), date=date, role=role,
                          confidence=0.75, attrs=dict(attrs))


def _post_named(ctx: RuContext, start: int, end: int) -> str | None:
    m = POST_OF.search(ctx.text, start, end)
    if m is None:
        return None
    words = []
    for i in ctx.tokens_in(m.end(), end):
        tok = ctx.tokens[i]
        if (tok.pos in ("VERB", "PUNCT", "PRON", "ADP", "NUM") or i in ctx.person_at
                or not tok.text[:1].isalpha() or len(words) >= 6):
            break
        words.append(tok.text)
    return morph.nominative_phrase(" ".join(words)) if words else None


# "назначение Ежова наркомом", "с назначением на пост главы НКВД Н. И. Ежова": the noun of
# an appointment and the person in the genitive after it (Русская грамматика 1980, the
# genitive of the object with verbal nouns).
APPOINTMENT_NOUN = re.compile(r"(?<![\w-])(?:после|с|со|в\s+связи\s+с|вслед\s+за)\s+"
                              r"назначени(?:я|ем)\s+(?P<post>(?:на|в)\s+(?:пост|должность)\s+)?",
                              re.I)
# "сменой его на посту главы НКВД на Берию": the one replaced, then "на" the successor.
SUCCESSION_NOUN = re.compile(r"(?<![\w-])(?:(?:после|со|с)\s+смены|(?:со\s+|с\s+)?сменой)\s+",
                             re.I)
# Only what the sentence takes as given counts: "после назначения Ежова", "закончился сменой
# Ежова на Берию"; "обсуждалось назначение Ежова" says nothing happened.
NOMINAL_REACH = 8  # tokens after the noun the person may stand


def nominal_tenures(ctx: RuContext) -> None:
    """Appointments and successions told with a noun instead of a verb."""
    from kartoteka.extract.modality import DROPPING, gate
    from kartoteka.extract.ru.modality import modality_of

    for pattern, kind in ((APPOINTMENT_NOUN, "appointment"), (SUCCESSION_NOUN, "succession")):
        for m in pattern.finditer(ctx.text):
            first = ctx.token_index(m.end())
            if first is None:
                continue
            sent = ctx.sentence_of(first)
            modality = modality_of(ctx.text, (sent.start, sent.end), (m.start(), m.end()))
            if modality in DROPPING:
                continue
            after = range(first, min(sent.last + 1, first + NOMINAL_REACH))
            people = [(i, p) for i in after for p in _named_or_recent(ctx, i, sent.first)]
            if not people:
                continue
            clause = re.compile(r"[,;]").search(ctx.text, m.end(), sent.end)
            role = _post_named(ctx, m.start(), clause.start() if clause else sent.end)
            dates = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end]
            later = [d for d in dates if d.start >= m.end()]
            date = (later or dates[-1:] or [None])[0]
            date = date.edtf if date else None
            evidence = (sent.start, sent.end)
            attrs = {"source": "noun", "trigger": m.group(0).strip()}
            made = []
            if kind == "appointment":
                made.append(ctx.add_claim("appointment", people[0][1], evidence, date=date,
                                          role=role, confidence=0.7, attrs=dict(attrs)))
            else:
                new = re.compile(r"\sна\s+$")
                successor = [p for i, p in people[1:] if new.search(
                    ctx.text[sent.start:ctx.tokens[i].start])]
                if not successor:
                    continue
                made.append(ctx.add_claim("dismissal", people[0][1], evidence, date=date,
                                          role=role, confidence=0.7, attrs=dict(attrs)))
                made.append(ctx.add_claim("appointment", successor[-1], evidence, date=date,
                                          role=role, confidence=0.7, attrs=dict(attrs)))
            for claim in made:
                if claim is not None:
                    gate(claim, modality)


__all__ = ["bracket_tenures", "nominal_tenures", "succession_claims"]

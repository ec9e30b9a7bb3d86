"""The text machinery of the Memorial parser: statements, trimmed spans, conflicts, work phrases.

Everything works on (start, end) spans of one record's text so that every field keeps the exact
place it was read from. ``parse.py`` puts the pieces together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.dates import RuDate, find_dates
from kartoteka.extract.ru.lexicon import month_number
from kartoteka.extract.ru.records.data import (
    ABBREVIATIONS,
    COMPOUND_HEADS,
    ORGANIZATION_NOUNS,
    ORGANIZATION_TOKENS,
    PAST_POST_START,
    POST_ABBREVIATIONS,
    STATE_NAMES,
)

Span = tuple[int, int]

# Statement starts that always begin a new statement, whatever precedes them.
FORCED_BREAK = re.compile(
    r"(?:Адрес:|Расс?стрел|Место захоронения|Арестован|Арест\.|Приговорен|Приговор:|Осужден|"
    r"Освобожден|Реабилитирован|Реаб\.|Проживал|Прож\.|Содержал|Ссылк|Отбывал|Жил\s|На момент|"
    r"Срок\s|Судимость|Самовольно)")
OTHER_DATA = re.compile(r"\s*\(по другим данным[\s,–—-]*(?P<other>(?:[^()]|\([^()]*\))*)\)")
PREPOSITIONS = ("в", "во", "на", "при", "у")
LAST_WORD = re.compile(r"([^\s(\"«]+)\.$")
REGION_ABBREVIATION = re.compile(r"(?:обл|губ|р-на|кр|края|АССР)\.$")


@dataclass(frozen=True)
class Statement:
    """A sentence or labelled line of a record: its span and the span after its label."""

    start: int
    end: int
    label: str = ""


def ends_with_abbreviation(text: str) -> bool:
    """True when a closing full stop belongs to an abbreviation ("губ.", "Окт.", "ж.д.")."""
    m = LAST_WORD.search(text)
    if not m:
        return False
    word = m.group(1).split(".")[-1] if "." in m.group(1) else m.group(1)
    whole = m.group(1)
    if re.fullmatch(r"[А-ЯЁA-Z]", word) or re.fullmatch(r"[А-ЯЁ][а-яё]{1,3}", word):
        return True  # an initial ("М. Андроньевская"), a capitalised abbreviation ("Окт.")
    return word.lower() in ABBREVIATIONS or whole.lower() in ABBREVIATIONS or bool(
        re.fullmatch(r"(?:[а-яё]{1,2}\.)+[а-яё]{1,2}", whole.lower()))


def trim(text: str, start: int, end: int, *, prepositions: bool = False,
         words: tuple[str, ...] = ()) -> Span:
    """Shrink a span past spaces, separators, one closing full stop and leading words."""
    while start < end and text[start] in " \t\n\u00a0,;:-–—":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0,;:":
        end -= 1
    if end > start and text[end - 1] == ".":
        if text[start:end].endswith("..") or not ends_with_abbreviation(text[start:end]):
            end -= 1
    lead = (PREPOSITIONS if prepositions else ()) + words
    if prepositions:
        tail = re.search(r"\s(?:в|во|на|при|у)$", text[start:end])
        if tail:
            return trim(text, start, start + tail.start(), prepositions=True, words=words)
    for word in lead:
        if re.match(rf"{word}\s+", text[start:end]) and end - start > len(word) + 2:
            start += len(word)
            return trim(text, start, end, prepositions=prepositions, words=words)
    return start, end


def split_statements(text: str, *, forced_only: bool = False) -> list[Statement]:
    """Lines, and sentences within lines (full stops that end a sentence, not an abbreviation).

    ``forced_only`` cuts a line only before the words that always start a field ("Арестован").
    """
    out: list[Statement] = []
    for line in re.finditer(r"[^\n]+", text):
        cuts = [line.start()]
        for m in re.finditer(r"[.;]?\s+(?=\S)", line.group()):
            pos = line.start() + m.end()
            before, after = text[line.start():line.start() + m.start() + 1], text[pos:]
            if FORCED_BREAK.match(after) and text[line.start() + m.start()] in ".;":
                cuts.append(pos)
            elif forced_only:
                continue
            elif text[line.start() + m.start()] == "." and re.match(r"[А-ЯЁ\d]", after):
                if not ends_with_abbreviation(before) or (
                        REGION_ABBREVIATION.search(before) and _starts_with_occupation(after)):
                    cuts.append(pos)
        cuts.append(line.end())
        for a, b in zip(cuts, cuts[1:], strict=False):
            s, e = trim(text, a, b)
            if e > s:
                out.append(Statement(s, e))
    return out


def _starts_with_occupation(after: str) -> bool:
    """"… Сах.обл. Плотник рыбозавода": a capitalised occupation starts a new sentence."""
    word = re.match(r"[А-ЯЁ][а-яё-]+", after)
    if not word:
        return False
    found = morph.parses(word.group())
    return bool(found) and found[0].is_known and morph.is_animate_noun(word.group()) and not any(
        morph.has_tag(word.group(), tag) for tag in ("Surn", "Name", "Patr", "Geox"))


def take_other_data(text: str, start: int, end: int) -> tuple[str, list[tuple[Span, str]]]:
    """The span's text without its "(по другим данным - …)" parts, and those parts."""
    pieces: list[str] = []
    others: list[tuple[Span, str]] = []
    pos = start
    for m in OTHER_DATA.finditer(text, start, end):
        pieces.append(text[pos:m.start()])
        a, b = trim(text, m.start("other"), m.end("other"))
        others.append(((a, b), text[a:b]))
        pos = m.end()
    pieces.append(text[pos:end])
    return "".join(pieces).strip(), others


def other_date(primary: RuDate | None, other: str) -> RuDate | None:
    """The date "по другим данным" gives: a whole date, or a month/day put into the primary."""
    found = find_dates(other)
    if found:
        return found[0]
    if primary is None:
        return None
    words = other.split()
    text = primary.text
    if len(words) == 1 and month_number(words[0]):
        text = re.sub(r"[А-Яа-яё]+", words[0], text, count=1)
    elif len(words) == 2 and words[0].isdigit() and month_number(words[1]):
        text = re.sub(r"\d{1,2}\s+[А-Яа-яё]+", other, text, count=1)
    else:
        return None
    replaced = find_dates(text)
    return replaced[0] if replaced else None


def top_level_parts(text: str, start: int, end: int, separator: str = ",") -> list[Span]:
    """Spans between separators that stand outside brackets and quotes."""
    parts: list[Span] = []
    depth, quoted, last = 0, False, start
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in '"«»':
            quoted = not quoted if ch == '"' else ch == "«"
        elif ch == separator and depth == 0 and not quoted:
            parts.append((last, i))
            last = i + 1
    parts.append((last, end))
    return [trim(text, a, b) for a, b in parts if trim(text, a, b)[1] > trim(text, a, b)[0]]


# --- work phrases: employer and post ---------------------------------------------------------

def _tokens(text: str, start: int, end: int) -> list[Span]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def _word(text: str, span: Span) -> str:
    return text[span[0]:span[1]].strip(",.;:()\"«»")


def _org_noun(word: str) -> bool:
    """"завода", "рыбозавода", "библиотеки": a workplace noun, possibly compounded."""
    if morph.is_animate_noun(word):
        return False
    return any(lemma in ORGANIZATION_NOUNS or lemma.endswith(COMPOUND_HEADS)
               for lemma in morph.lemmas(word))


def _org_start(text: str, tokens: list[Span], i: int) -> str | None:
    """How token ``i`` begins an employer's name: "name", "noun", "quote"; None if it does not."""
    token = text[tokens[i][0]:tokens[i][1]]
    word = _word(text, tokens[i])
    if not word or token.startswith("("):
        return None
    if all(_word(text, t) in STATE_NAMES or not _word(text, t) for t in tokens[i:]):
        return None
    if token[:1] in '"«':
        return "quote"
    if re.match(ORGANIZATION_TOKENS, text[tokens[i][0]:]):
        return "name"
    if word[:1].isupper():
        return "name"
    if word.islower() and word.isalpha() and (_org_noun(word) or _unknown_genitive(word)):
        return "noun"
    return None


def _unknown_genitive(word: str) -> bool:
    """A word the dictionary does not know, read as a genitive noun: "райпищеторга"."""
    found = morph.parses(word)
    return bool(found) and not found[0].is_known and {"NOUN", "gent"} <= set(found[0].tag.grammemes)


def _agrees(adjective: str, noun: str) -> bool:
    """True when ``adjective`` can describe ``noun``: an adjective reading in one of its cases."""
    cases = {p.tag.case for p in morph.parses(noun) if p.tag.POS == "NOUN"}
    return any(p.tag.POS in ("ADJF", "PRTF") and (not cases or p.tag.case in cases)
               for p in morph.parses(adjective))


def split_post(text: str, start: int, end: int) -> tuple[Span | None, Span | None, Span | None]:
    """(post, employer, further post) of a work phrase written post first.

    "зав. отделом писем редакции газеты "Правда"" -> post "зав. отделом писем", employer
    "редакции газеты "Правда""; "… института экспериментальной медицины и ассистент в …" keeps
    the part after "и" as a further post.
    """
    tokens = _tokens(text, start, end)
    if len(tokens) < 2:
        return (start, end), None, None
    leading = 0
    while leading < len(tokens) and text[tokens[leading][0]:tokens[leading][1]].lower() in (
            POST_ABBREVIATIONS):
        leading += 1
    first = max(1, leading)
    for i in range(first, len(tokens)):
        word = text[tokens[i][0]:tokens[i][1]]
        if word in PREPOSITIONS and i + 1 < len(tokens):
            return _post_and_employer(text, tokens, i, i + 1, end)
        how = _org_start(text, tokens, i)
        if how is None or (how == "noun" and text[tokens[i - 1][0]:tokens[i - 1][1]] == "по"):
            continue
        j = i
        # an organisation noun or a quoted name takes the words that describe it along:
        # "закупочной базы", "5 жилищно-ремонтной конторы", "бюро "Турбокотелстрой""
        if how == "quote" and j - 1 >= first and not morph.is_animate_noun(
                _word(text, tokens[j - 1])) and not morph.is_adjective(_word(text, tokens[j - 1])):
            j -= 1
        if how in ("noun", "quote"):
            head = _word(text, tokens[j])
            while j - 1 >= first and (_agrees(_word(text, tokens[j - 1]), head)
                                      or _word(text, tokens[j - 1]).isdigit()):
                j -= 1
        return _post_and_employer(text, tokens, j, j, end)
    return (start, end), None, None


def _post_and_employer(text: str, tokens: list[Span], cut: int, employer_from: int,
                       end: int) -> tuple[Span | None, Span | None, Span | None]:
    post = trim(text, tokens[0][0], tokens[cut - 1][1])
    employer_tokens = tokens[employer_from:]
    for k in range(1, len(employer_tokens) - 1):
        a, b = employer_tokens[k]
        if text[a:b] == "и" and morph.is_animate_noun(_word(text, employer_tokens[k + 1])):
            return (post, trim(text, employer_tokens[0][0], employer_tokens[k - 1][1]),
                    trim(text, employer_tokens[k + 1][0], end))
    return post, trim(text, employer_tokens[0][0], end), None


def is_post_like(text: str, span: Span) -> bool:
    """True when a segment names a person's post ("столяр", "зав. складом"), not a workplace."""
    words = [w for w in re.findall(r"[\w.-]+", text[span[0]:span[1]])]
    if not words:
        return False
    if words[0].lower() == "ст." and len(words) > 1 and words[1][:1].isupper():
        return False  # "ст. Рыбное": a railway station
    if words[0].lower() in POST_ABBREVIATIONS or words[0].lower().rstrip(".") + "." in (
            POST_ABBREVIATIONS):
        return True
    for word in words[:3]:
        if morph.is_animate_noun(word):
            return True
        if not morph.is_adjective(word):
            return False
    return False


def is_workplace(text: str, span: Span) -> bool:
    """True when a segment names a workplace: "колхоз им.Калинина", "завод "Автохим"."""
    words = re.findall(r"[^\W\d_]+", text[span[0]:span[1]])
    return bool(words) and (_org_noun(words[0]) or '"' in text[span[0]:span[1]])


def is_past_post(text: str, span: Span) -> bool:
    return bool(re.match(PAST_POST_START, text[span[0]:span[1]], re.I))


def dates_in(text: str, start: int, end: int) -> Iterator[RuDate]:
    """Date phrases inside a span, with offsets into the whole text."""
    for d in find_dates(text[start:end]):
        yield RuDate(start + d.start, start + d.end, d.edtf, d.precision, d.old_style_possible,
                     d.new_style_given, d.text)

"""Memorial's record lists: one JSON line a victim, parsed into fields with their spans.

Two layouts share the parser: the Moscow list (``{"name", "record", "page"}``: "род. 1884, <place>,
латыш, б/п, <work>. Адрес: … . Рассстрелян 17.05.1938. Место захоронения: Бутово.") and the
lists.memo.ru records (``{"source_index", "text"}``: one labelled line a field, no name).
``parse_memorial_record`` serves the authority import too; ``claims.py`` turns a whole record
list (read by ``sources/jsonl.py``) into a person and claims per record.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from kartoteka.extract.ru.records.data import (
    EDUCATION_START,
    HOMOGLYPHS,
    NATIONALITIES,
    PARTY_START,
)
from kartoteka.extract.ru.records.events import (
    event_clauses,
    first_date,
    parse_labelled_sentencing,
    parse_narrative_sentencing,
)
from kartoteka.extract.ru.records.fields import (
    Span,
    is_past_post,
    is_post_like,
    is_workplace,
    split_post,
    split_statements,
    take_other_data,
    top_level_parts,
    trim,
)
from kartoteka.extract.ru.records.record import Episode, MemorialRecord
from kartoteka.names.parse import parse_person_name

DATE_FIELDS = ("birth_date", "arrest_date", "sentence_date", "execution_date",
               "rehabilitation_date", "release_date")
LABELS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p, re.I)) for k, p in [
    ("birth", r"(?:род\.|родил(?:ся|ась)|р\.)\s*"),
    ("address", r"(?:адрес:|проживал(?:а)?:?|прож\.:?)\s*"),
    ("arrest", r"(?:арестован(?:а)?|арест\.)\s*"),
    ("sentencing", r"(?:приговорен(?:а)?:?|осужден(?:а)?)\s*"),
    ("sentence", r"приговор:\s*"),
    ("execution", r"расс?стрелян(?:а)?\s*"),
    ("burial", r"место захоронения\s*[:–—-]?\s*(?:место захоронения\s*[:–—-]\s*)?"),
    ("rehabilitation", r"(?:реабилитирован(?:а)?|реаб\.)\s*"),
    ("release", r"освобожден(?:а)?\s*"),
]]
PARTY_RE = re.compile(PARTY_START, re.I)
EDUCATION_RE = re.compile(EDUCATION_START, re.I)
FEMININE = re.compile(r"\b(?:Родилась|Проживала|Арестована|Приговорена|Расс?стреляна|"
                      r"Реабилитирована|Осуждена|Освобождена)\b")
MASCULINE = re.compile(r"\b(?:Родился|Проживал|Арестован|Приговорен|Расс?стрелян|"
                       r"Реабилитирован|Осужден|Освобожден)\b")


def parse_memorial_record(line_no: int, obj: dict[str, Any]) -> MemorialRecord:
    """The fields of one record (``line_no`` 1-based) of either layout."""
    if "record" in obj:
        rec = MemorialRecord(str(line_no), "moscow", str(obj.get("record") or ""))
        _parse_name(rec, str(obj.get("name") or ""))
    else:
        rec = MemorialRecord(str(line_no), "lists", str(obj.get("text") or ""))
    text = rec.text
    if FEMININE.search(text):
        rec.gender = "f"
    elif MASCULINE.search(text):
        rec.gender = "m"
    unlabelled: list[Span] = []
    free_form = rec.layout == "lists" and "\n" not in text.strip()
    for st in split_statements(text, forced_only=rec.layout == "lists" and not free_form):
        kind, body_start = _label(text, st.start, st.end)
        if kind == "variants":
            rec.name_variants += _lists_variants(text[st.start:st.end])
        elif kind == "birth":
            _parse_birth(rec, body_start, st.end, (st.start, st.end))
        elif kind == "address":
            _parse_address(rec, body_start, st.end, (st.start, st.end))
        elif kind in ("execution", "burial", "rehabilitation") or rec.layout == "lists":
            _parse_labelled(rec, kind, body_start, st.end, (st.start, st.end), unlabelled)
        else:
            _parse_episodes(rec, st.start, st.end)
    if unlabelled:
        _parse_occupation(rec, *unlabelled[0])
    if rec.gender is None and rec.name and rec.name.gender:
        rec.gender = rec.name.gender
    return rec


def _label(text: str, start: int, end: int) -> tuple[str | None, int]:
    if text[start] == "(" and text[end - 1] == ")":
        return "variants", start
    for kind, pattern in LABELS:
        m = pattern.match(text, start, end)
        if m and (kind != "birth" or start == 0 or text[start:start + 2] != "р."):
            return kind, m.end()
    return None, start


def _parse_name(rec: MemorialRecord, heading: str) -> None:
    heading = " ".join(w.translate(HOMOGLYPHS) if re.search("[а-яё]", w, re.I) else w
                       for w in heading.split())
    if not heading:
        return
    primary = re.sub(r"\s*\((?:[^()]|\([^()]*\))*\)", "", heading).strip()
    rec.name_text = primary
    words = primary.split()
    rec.name_variants = _heading_variants(heading, words)
    parsed = parse_person_name(primary, order="surname-first")
    rec.name = dataclasses.replace(parsed, variants=tuple(rec.name_variants))


def _heading_variants(heading: str, words: list[str]) -> list[str]:
    """"Ифлянд (Инфлянд) Михаил Львович" -> ["Инфлянд Михаил Львович"]; full alternatives kept."""
    out: list[str] = []
    slot = -1
    for m in re.finditer(r"\((?P<inner>(?:[^()]|\([^()]*\))*)\)|\S+", heading):
        if m.group("inner") is None:
            slot += 1
            continue
        entries = [e.strip() for e in re.split(r",(?![^()]*\))", m.group("inner")) if e.strip()]
        singles = all(len(re.sub(r"\(.*?\)", "", e).split()) == 1 for e in entries)
        for entry in entries:
            if singles and 0 <= slot < len(words):
                out.append(" ".join(words[:slot] + [entry] + words[slot + 1:]))
            else:
                plain = re.sub(r"\s*\(.*?\)", "", entry).strip()
                out.append(plain)
                for inner in re.findall(r"\(([^()]*)\)", entry):
                    parts = plain.split()
                    at = len(entry[:entry.index("(")].split()) - 1
                    if 0 <= at < len(parts):
                        out.append(" ".join(parts[:at] + [inner.strip()] + parts[at + 1:]))
    return out


def _lists_variants(text: str) -> list[str]:
    """"(варианты фамилии: Альшвангер; варианты ФИО: Дриккер Г.И.)", "(Иван Петрович)"."""
    inner = text.strip("() ")
    out: list[str] = []
    for part in inner.split(";"):
        value = re.sub(r"^\s*варианты\s+[\wА-Я]+:\s*", "", part).strip()
        out += [v.strip() for v in value.split(",") if v.strip()]
    return out


def _parse_birth(rec: MemorialRecord, start: int, end: int, statement: Span) -> None:
    text = rec.text
    rest = start
    first = top_level_parts(text, start, end)
    if first:
        a, b = first[0]
        cleaned, others = take_other_data(text, a, b)
        date = first_date(cleaned, 0, len(cleaned))
        if date and not cleaned[:date.start].strip(" в"):
            if not cleaned[date.end:].strip(" .г;"):
                rest = b  # the whole first part is the date ("29 июля (по другим …) 1883")
            elif not others:
                rest = a + text[a:b].index(cleaned) + date.end
            if rest != start:
                rec._set_date("birth_date", (a, rest), statement)
    separator = ";" if rec.layout == "lists" and ";" in text[rest:end] else ","
    parts = top_level_parts(text, rest, end, separator)
    if separator == ";" and parts:
        parts = [parts[0]] + parts[1:]
    place_end = _classify_birth_parts(rec, parts, statement)
    if place_end is not None:
        place = trim(text, parts[0][0], place_end, prepositions=True,
                     words=("уроженец", "уроженка", "в"))
        rec._set("birth_place", place, statement)


def _classify_birth_parts(rec: MemorialRecord, parts: list[Span], statement: Span) -> int | None:
    """Sets nationality, education, party and work; returns where the birthplace ends."""
    text = rec.text
    place_end: int | None = None
    work: list[Span] = []
    for n, (a, b) in enumerate(parts):
        value = take_other_data(text, a, b)[0]
        word = value.rstrip(".").strip()
        if rec.nationality is None and word.lower() in NATIONALITIES and rec.party is None:
            rec._set("nationality", (a, b), statement)
            place_end = parts[n - 1][1] if n else place_end
        elif PARTY_RE.match(value) and not work:
            if rec.party is None and rec.nationality is None and n:
                place_end = parts[n - 1][1]
            _extend(rec, "party", (a, b), statement)
        elif EDUCATION_RE.match(value) and not work:
            _extend(rec, "education", (a, b), statement)
        elif rec.nationality is None and rec.party is None and rec.education is None:
            place_end = b
        else:
            work.append((a, b))
    if work:
        _parse_work(rec, work, statement)
    return place_end


def _extend(rec: MemorialRecord, name: str, span: Span, statement: Span) -> None:
    old = rec.spans.get(name)
    if old:
        rec.spans.pop(name)
        span = (old[0], span[1])
    rec._set(name, span, statement)


def _parse_work(rec: MemorialRecord, parts: list[Span], statement: Span) -> None:
    """Moscow work segments: "<employer>: <post>" or "<post> <employer>", then further posts."""
    text = rec.text
    rec._set("occupation", (parts[0][0], parts[-1][1]), statement)
    for k, (a, b) in enumerate(parts):
        colon = text.find(":", a, b)
        if colon > 0:
            rec._set("employer", trim(text, parts[0][0], colon), statement)
            rec._set("post", trim(text, colon + 1, b), statement)
            rec.other_posts += [text[x:y] for x, y in parts[k + 1:]]
            return
    current = [p for p in parts if not is_past_post(text, p)] or parts
    main = current[0]
    post, employer, further = split_post(text, *main)
    rec._set("post", post, statement)
    rec._set("employer", employer, statement)
    extra = ([text[further[0]:further[1]]] if further else [])
    rec.other_posts += extra + [text[x:y] for x, y in parts if (x, y) != main]


def _parse_occupation(rec: MemorialRecord, start: int, end: int) -> None:
    """The lists layout's unlabelled work line: "столяр", "Филькинское углежжение, столяр"."""
    text = rec.text
    rec._set("occupation", (start, end))
    if text.find(":", start, end) > 0:
        _parse_work(rec, [(start, end)], (start, end))
        return
    parts = top_level_parts(text, start, end)
    posts = [p for p in parts if is_post_like(text, p)]
    places = [p for p in parts if p not in posts]
    if not posts and len(parts) == 1 and is_workplace(text, parts[0]):
        rec._set("employer", (start, end))
        return
    if not posts:
        posts, places = [(start, end)], []
    post, employer, further = split_post(text, *posts[0])
    rec._set("post", post)
    if places:
        rec._set("employer", (places[0][0], places[-1][1]))
    else:
        rec._set("employer", employer)
    rec.other_posts += ([text[further[0]:further[1]]] if further else []) + [
        text[a:b] for a, b in posts[1:]]


def _parse_address(rec: MemorialRecord, start: int, end: int, statement: Span) -> None:
    text = rec.text
    start, end = trim(text, start, end, prepositions=True)
    other = text.find("$", start, end)
    rec._set("address", trim(text, start, other if other > 0 else end), statement)


def _parse_labelled(rec: MemorialRecord, kind: str | None, start: int, end: int,
                    statement: Span, unlabelled: list[Span]) -> None:
    text = rec.text
    if kind == "execution":
        rec._set_date("execution_date", (start, end), statement)
    elif kind == "burial":
        rec._set("burial_place", trim(text, start, end), statement)
    elif kind == "rehabilitation":
        date = first_date(text, start, end)
        if date:
            rec._set_date("rehabilitation_date", (date.start, date.end), statement)
        rest = trim(text, date.end if date else start, end)
        if not re.fullmatch(r"реабилитирован\w*\.?", text[rest[0]:rest[1]], re.I):
            rec._set("rehabilitation_body", rest, statement)
    elif kind == "arrest":
        date = first_date(text, start, end)
        if date and rec.arrest_date is None:
            rec._set_date("arrest_date", (date.start, date.end), statement)
            details = [trim(text, start, date.start, prepositions=True),
                       trim(text, date.end, end, prepositions=True)]
            details = [d for d in details if d[1] > d[0] and text[d[0]:d[1]] not in ("в", "во")]
            if details:
                rec._set("arrest_details", details[0], statement)
    elif kind == "sentencing":
        labelled = ":" in text[statement[0]:start]
        found = (parse_labelled_sentencing if labelled else parse_narrative_sentencing)(
            text, start, end)
        if found.date:
            rec._set_date("sentence_date", (found.date.start, found.date.end), statement)
        rec._set("sentencing_body", found.body, statement)
        rec._set("charge", found.charge, statement)
        rec._set("article", found.article, statement)
        if found.sentence:
            rec._set("sentence", _without_to(text, found.sentence), statement)
    elif kind == "sentence":
        _parse_sentence(rec, start, end, statement)
    elif kind == "release":
        rec._set_date("release_date", (start, end), statement)
    elif kind is None:
        _parse_unlabelled(rec, start, end, unlabelled)


def _without_to(text: str, span: Span) -> Span:
    return trim(text, *span, words=("к", "на"))


def _parse_sentence(rec: MemorialRecord, start: int, end: int, statement: Span) -> None:
    text = rec.text
    only_date = first_date(text, start, end)
    if only_date and not text[start:end].replace(only_date.text, "").strip(" .в"):
        if rec.sentence_date is None:
            rec._set_date("sentence_date", (only_date.start, only_date.end), statement)
        return
    if rec.sentence is None:
        rec._set("sentence", _without_to(text, trim(text, start, end)), statement)
    release = re.search(r"освобожден\w*", text[start:end])
    if release:
        date = first_date(text, start + release.end(), end)
        if date:
            rec._set_date("release_date", (date.start, date.end), statement)


def _parse_unlabelled(rec: MemorialRecord, start: int, end: int, unlabelled: list[Span]) -> None:
    """Lines without a label: an arrest ("ОГПУ по НВК 15 января 1933 г."), a nationality, work."""
    text = rec.text
    date = first_date(text, start, end)
    value = text[start:end].strip(" ;.")
    if date and not text[date.end:end].strip(" .;") and rec.arrest_date is None and (
            rec.sentence_date is None and rec.sentence is None):
        rec._set_date("arrest_date", (date.start, date.end), (start, end))
        rec._set("arrest_details", trim(text, start, date.start), (start, end))
        rec.statements["arrest_inferred"] = (start, end)
    elif value.lower() in NATIONALITIES and rec.nationality is None:
        rec._set("nationality", trim(text, start, end))
    elif date and date.start == start:
        rec.episodes.append(Episode("sentence", date.edtf, (start, end),
                                    sentence=text[date.end:end].strip(" ,.")))
    else:
        unlabelled.append(trim(text, start, end))


def _parse_episodes(rec: MemorialRecord, start: int, end: int) -> None:
    """Events of a Moscow record's narrative sentences, kept apart from the record's fields."""
    text = rec.text
    for clause in event_clauses(text, start, end):
        if clause.kind == "sentence":
            found = parse_narrative_sentencing(text, *clause.span)
            date = found.date or (clause.dates[0] if clause.dates else None)
            rec.episodes.append(Episode(
                "sentence", date.edtf if date else None, clause.span,
                body=text[found.body[0]:found.body[1]] if found.body else None,
                sentence=text[slice(*_without_to(text, found.sentence))] if found.sentence
                else None, old_style_possible=bool(date and date.old_style_possible),
                body_span=found.body))
        elif clause.kind in ("arrest", "release"):
            dates = clause.dates if clause.kind == "arrest" else clause.dates[:1]
            for d in dates or [None]:
                rec.episodes.append(Episode(clause.kind, d.edtf if d else None, clause.span,
                                            old_style_possible=bool(d and d.old_style_possible)))


__all__ = ["Episode", "MemorialRecord", "parse_memorial_record"]

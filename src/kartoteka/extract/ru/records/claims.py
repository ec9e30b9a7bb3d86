"""A Memorial .jsonl list as one record-list document: a person and claims for every record.

The document's text is the file's decoded text, unchanged, so every span points into the JSON
lines themselves (escapes such as ``\\"`` accounted for). Structured fields become claims of the
vocabulary; what has no claim type (nationality, address, burial place, education) goes into the
person mention's ``attrs``. "По другим данным" gives a second claim marked ``conflict``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from kartoteka.extract.ru.claims import sentence_role
from kartoteka.extract.ru.morph import nominative_phrase
from kartoteka.extract.ru.orgs import organization_at_start
from kartoteka.extract.ru.records.data import PARTY_NAME
from kartoteka.extract.ru.records.parse import MemorialRecord, parse_memorial_record
from kartoteka.model import Claim, Document, Extraction, Mention, Span

ORGAN = re.compile(r"НКВД|ОГПУ|ГПУ|УГБ|УНКВД|НКГБ|МГБ|ЧК|РО\b|отдел|милиц", re.I)
# "по другим данным" on these fields gives a second claim: field -> (claim type, claim slot)
CONFLICT_CLAIMS = {"birth_date": ("birth", "date"), "birth_place": ("birth", "place"),
                   "execution_date": ("execution", "date"), "arrest_date": ("arrest", "date"),
                   "sentence_date": ("sentence", "date"), "post": ("position", "role"),
                   "rehabilitation_date": ("rehabilitation", "date")}


def _string_offsets(line: str, key: str) -> tuple[int, list[int] | None] | None:
    """Where the value of ``key`` starts in a JSON line, and (if it has escapes) the raw offset
    of every decoded character."""
    m = re.search(rf'(?<!\\)"{re.escape(key)}"\s*:\s*"', line)
    if not m:
        return None
    start = m.end()
    if "\\" not in line[start:]:
        return start, None
    positions: list[int] = []
    i = start
    while i < len(line) and line[i] != '"':
        positions.append(i)
        if line[i] == "\\":
            i += 6 if line[i + 1] == "u" else 2
            if line[i - 6:i - 4] == "\\u" and 0xD800 <= int(line[i - 4:i], 16) < 0xDC00:
                i += 6  # a surrogate pair is one code point
        else:
            i += 1
    positions.append(i)
    return start, positions


class _RecordBuilder:
    """Mentions and claims of one record, with spans mapped from the record text to the file."""

    def __init__(self, out: Extraction, rec: MemorialRecord, line: str, line_start: int,
                 key: str) -> None:
        self.out, self.rec, self.doc_id = out, rec, out.document.id
        self.line, self.line_start = line, line_start
        found = _string_offsets(line, key)
        self.value_start = found[0] if found else 0
        self.positions = found[1] if found else None

    def at(self, i: int) -> int:
        """The file offset of the record text's character ``i``."""
        if self.positions:
            return self.line_start + self.positions[i]
        return self.line_start + self.value_start + i

    def span(self, span: tuple[int, int]) -> Span:
        return Span(self.at(span[0]), self.at(span[1]))

    def mention(self, span: tuple[int, int] | None, kind: str, *, name: str | None = None,
                **extra: Any) -> Mention | None:
        if span is None:
            return None
        s = self.span(span)
        m = Mention(s.start, s.end, self.out.document.text[s.start:s.end], kind,  # type: ignore[arg-type]
                    document_id=self.doc_id, name=name, **extra)
        self.out.mentions.append(m)
        return m

    def organization(self, span: tuple[int, int] | None) -> Mention | None:
        if span is None:
            return None
        text = self.rec.text[span[0]:span[1]]
        match = organization_at_start(text)
        attrs = {"org_id": match.org_id} if match else {}
        whole = bool(match) and not text[match.end:].strip(" \"»") if match else False
        name = match.org.label if whole and match else nominative_phrase(text)
        return self.mention(span, "organization", name=name, attrs=attrs)

    def value_span(self, key: str) -> tuple[int, int] | None:
        """The file span of a whole string value of this record's JSON line."""
        found = _string_offsets(self.line, key)
        if found is None:
            return None
        start, positions = found
        end = positions[-1] if positions else self.line.index('"', start)
        return self.line_start + start, self.line_start + end

    def claim(self, type_: str, subject: Mention, field: str | None, **kwargs: Any) -> Claim:
        statement = self.rec.statements.get(field or "", None) if field else None
        evidence = [self.span(statement)] if statement else [Span(subject.start, subject.end)]
        attrs = dict(kwargs.pop("attrs", {}) or {})
        if field in self.rec.old_style:
            attrs["old_style_possible"] = True
        c = Claim(type_, subject.id, evidence, document_id=self.doc_id, confidence=kwargs.pop(
            "confidence", 0.95), attrs=attrs, **kwargs)
        self.out.claims.append(c)
        return c


def _person(b: _RecordBuilder, obj: dict[str, Any]) -> Mention:
    rec = b.rec
    attrs: dict[str, Any] = {"record_id": rec.record_id}
    for key, value in (("nationality", rec.nationality), ("address", rec.address),
                       ("burial", rec.burial_place), ("education", rec.education),
                       ("occupation", rec.occupation), ("party", rec.party)):
        if value:
            attrs[key] = value
    if rec.name_variants:
        attrs["name_variants"] = list(rec.name_variants)
    if rec.name is not None:
        attrs["parts"] = {k: v for k, v in (("surname", rec.name.surname),
                                            ("given", rec.name.given),
                                            ("patronymic", rec.name.patronymic)) if v}
    if rec.conflicts:
        attrs["conflicts"] = [{"field": f, "value": v} for f, v in rec.conflicts]
    for key in ("page", "source_index"):
        if key in obj:
            attrs[key] = obj[key]
    found = b.value_span("name") if rec.name_text else None
    if found and found[1] > found[0]:
        s, e = found
        m = Mention(s, e, b.out.document.text[s:e], "person", document_id=b.doc_id,
                    name=rec.name_text, gender=rec.gender, attrs=attrs)  # type: ignore[arg-type]
        b.out.mentions.append(m)
        return m
    first = re.match(r"\S+", rec.text)
    span = (first.start(), first.end()) if first else (0, max(1, len(rec.text)))
    m = b.mention(span, "person", descriptor=f"запись {rec.record_id}", gender=rec.gender,
                  attrs=attrs)
    assert m is not None
    return m


def _claims(b: _RecordBuilder, person: Mention) -> None:
    rec = b.rec
    if rec.birth_date or rec.birth_place:
        place = b.mention(rec.spans.get("birth_place"), "place", name=rec.birth_place)
        b.claim("birth", person, "birth_date" if rec.birth_date else "birth_place",
                date=rec.birth_date, place=place.id if place else None)
    if rec.post or rec.employer:
        employer = b.organization(rec.spans.get("employer"))
        b.claim("position", person, "post" if rec.post else "employer", role=rec.post,
                object=employer.id if employer else None)
    for other in rec.other_posts:
        b.claim("position", person, "occupation", role=other, confidence=0.8)
    _party_claims(b, person)
    if rec.arrest_date or rec.arrest_details:
        details = rec.spans.get("arrest_details")
        is_organ = bool(details) and bool(ORGAN.search(rec.arrest_details or ""))
        organ = b.organization(details) if is_organ else None
        inferred = "arrest_inferred" in rec.statements
        b.claim("arrest", person, "arrest_date", date=rec.arrest_date,
                object=organ.id if organ else None, confidence=0.7 if inferred else 0.95,
                attrs={"details": rec.arrest_details, "inferred_label": inferred}
                if rec.arrest_details or inferred else {})
    if rec.sentence or rec.sentencing_body or rec.sentence_date:
        body = b.organization(rec.spans.get("sentencing_body"))
        attrs = {k: v for k, v in (("article", rec.article), ("charge", rec.charge)) if v}
        if rec.sentence:
            attrs["sentence_text"] = rec.sentence
        b.claim("sentence", person, "sentence" if rec.sentence else "sentence_date",
                date=rec.sentence_date, role=sentence_role(rec.sentence) if rec.sentence else None,
                object=body.id if body else None, attrs=attrs)
    if rec.execution_date:
        b.claim("execution", person, "execution_date", date=rec.execution_date,
                attrs={"burial": rec.burial_place} if rec.burial_place else {})
    if rec.rehabilitation_date or "rehabilitation_body" in rec.spans:
        body = b.organization(rec.spans.get("rehabilitation_body"))
        b.claim("rehabilitation", person, "rehabilitation_date" if rec.rehabilitation_date else
                "rehabilitation_body", date=rec.rehabilitation_date,
                object=body.id if body else None)
    if rec.release_date:
        b.claim("release", person, "release_date", date=rec.release_date)
    for ep in rec.episodes:
        body = b.organization(ep.body_span) if ep.body_span else None
        claim = b.claim(ep.kind, person, None, date=ep.date,
                        role=sentence_role(ep.sentence) if ep.kind == "sentence" and ep.sentence
                        else None,
                        object=body.id if body else None, attrs={"episode": True})
        claim.evidence = [b.span(ep.span)]
        if ep.old_style_possible:
            claim.attrs["old_style_possible"] = True
    _conflict_claims(b, person)


def _party_claims(b: _RecordBuilder, person: Mention) -> None:
    rec = b.rec
    span = rec.spans.get("party")
    if not span:
        return
    text = rec.text
    for m in re.finditer(PARTY_NAME, text[span[0]:span[1]]):
        start, end = span[0] + m.start(), span[0] + m.end()
        before = text[max(span[0], text.rfind(",", span[0], start) + 1,
                          text.rfind("(", span[0], start) + 1):start].lower()
        after = re.match(r"[^,()]*", text[end:span[1]])
        when = _membership_dates(after.group() if after else "")
        party = b.organization((start, end))
        oid = party.id if party else None
        if "исключ" in before:
            b.claim("expulsion", person, "party", object=oid, date=when[0] or when[1])
        elif "член" in before or "кандидат" in before:
            attrs: dict[str, Any] = {}
            if "кандидат" in before:
                attrs["status"] = "candidate"
            if "бывш" in before or "(" in text[span[0]:start]:
                attrs["former"] = True
            date = None
            if when[0] or when[1]:
                date = f"{when[0] or '..'}/{when[1] or '..'}"
            b.claim("member_of", person, "party", object=oid, date=date, attrs=attrs)


def _membership_dates(after: str) -> tuple[str | None, str | None]:
    """"с 1927" -> (1927, None); "с 1918 по 1919", "1918-1921" -> both; "до 1932" -> end."""
    m = re.search(r"(?:с\s+)?(\d{4})\s*(?:по|[-–—])\s*(\d{4})", after)
    if m:
        return m.group(1), m.group(2)
    m = re.search(r"\bс\s+(\d{4})", after)
    if m:
        return m.group(1), None
    m = re.search(r"\bдо\s+(\d{4})", after)
    if m:
        return None, m.group(1)
    m = re.search(r"\bв\s+(\d{4})", after)
    return (m.group(1), None) if m else (None, None)


def _conflict_claims(b: _RecordBuilder, person: Mention) -> None:
    rec = b.rec
    for (fld, value), span in zip(rec.conflicts, rec.conflict_spans, strict=False):
        if fld not in CONFLICT_CLAIMS:
            continue
        type_, slot = CONFLICT_CLAIMS[fld]
        kwargs: dict[str, Any] = {}
        if slot == "place":
            place = b.mention(span, "place", name=value)
            kwargs["place"] = place.id if place else None
        else:
            kwargs[slot] = value
        claim = b.claim(type_, person, None, confidence=0.6, attrs={"conflict": True}, **kwargs)
        claim.evidence = [b.span(span)]


def memorial_extraction(document: Document) -> Extraction:
    """A record-list document read by ``sources/jsonl.py``: a person and claims a record.

    The document keeps its text and id; its title, language and format name Memorial's lists.
    """
    path = Path(document.source_path or "records.jsonl")
    doc = dataclasses.replace(
        document, title=f"Memorial record list {path.parent.name}/{path.name}", language="ru",
        meta={**document.meta, "format": "memorial"})
    text = doc.text
    out = Extraction(document=doc)
    pos = 0
    records = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        if line.strip():
            obj = json.loads(line)  # the reader has checked every line is a JSON object
            rec = parse_memorial_record(line_no, obj)
            builder = _RecordBuilder(out, rec, line, pos, "record" if "record" in obj else "text")
            _claims(builder, _person(builder, obj))
            records += 1
        pos += len(line) + 1
    doc.meta["records"] = records
    return out


__all__ = ["memorial_extraction"]

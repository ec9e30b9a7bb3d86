"""The fields of one Memorial record, each with the span of the record text it was read from."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from kartoteka.extract.ru.records.events import first_date
from kartoteka.extract.ru.records.fields import Span, other_date, take_other_data, trim
from kartoteka.names.parse import PersonName


@dataclass
class Episode:
    """An earlier event a record's narrative tells (an arrest, a sentence, a release)."""

    kind: str
    date: str | None
    span: Span
    body: str | None = None
    sentence: str | None = None
    old_style_possible: bool = False
    body_span: Span | None = None


@dataclass
class MemorialRecord:
    """One record's fields (EDTF dates) and, in ``spans``, where each was read in ``text``."""

    record_id: str
    layout: str  # "moscow" | "lists"
    text: str
    name: PersonName | None = None
    name_text: str | None = None
    name_variants: list[str] = field(default_factory=list)
    gender: str | None = None
    birth_date: str | None = None
    birth_place: str | None = None
    nationality: str | None = None
    education: str | None = None
    party: str | None = None
    occupation: str | None = None
    employer: str | None = None
    post: str | None = None
    other_posts: list[str] = field(default_factory=list)
    address: str | None = None
    arrest_date: str | None = None
    arrest_details: str | None = None
    sentencing_body: str | None = None
    sentence_date: str | None = None
    charge: str | None = None
    article: str | None = None
    sentence: str | None = None
    execution_date: str | None = None
    burial_place: str | None = None
    rehabilitation_date: str | None = None
    rehabilitation_body: str | None = None
    release_date: str | None = None
    episodes: list[Episode] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)  # field -> value span in ``text``
    statements: dict[str, Span] = field(default_factory=dict)  # field -> its sentence's span
    conflict_spans: list[Span] = field(default_factory=list)
    old_style: set[str] = field(default_factory=set)  # date fields that may be Old Style

    @property
    def birth_year(self) -> int | None:
        return int(self.birth_date[:4]) if self.birth_date else None

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["name"] = self.name.to_dict() if self.name else None
        out["old_style"] = sorted(self.old_style)
        return out

    def _set(self, name: str, span: Span | None, statement: Span | None = None) -> None:
        if span is None or span[1] <= span[0]:
            return
        value, others = take_other_data(self.text, *span)
        setattr(self, name, re.sub(r"\s+", " ", value).strip(" ,;") or None)
        self.spans[name] = span
        self.statements[name] = statement or span
        for other_span, other in others:
            if name in ("birth_place", "address"):
                other_span = trim(self.text, *other_span, prepositions=True)
                other = self.text[other_span[0]:other_span[1]]
            self.conflicts.append((name, other))
            self.conflict_spans.append(other_span)

    def _set_date(self, name: str, span: Span, statement: Span | None = None) -> None:
        """A date field from a span that may hold "(по другим данным - …)"."""
        value, others = take_other_data(self.text, *span)
        found = first_date(value, 0, len(value))
        if found is None:
            return
        setattr(self, name, found.edtf)
        self.spans[name] = span
        self.statements[name] = statement or span
        if found.old_style_possible:
            self.old_style.add(name)
        for other_span, other in others:
            alt = other_date(found, re.sub(r"^в\s+", "", other))
            if alt is not None:
                self.conflicts.append((name, alt.edtf))
                self.conflict_spans.append(other_span)

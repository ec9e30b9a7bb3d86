"""An invented two-document export for the exporter tests (import as ``tests.export.sample``).

Everything here is made up for the tests. It exercises what the formats must not lose: a
Cyrillic document and Cyrillic name forms, a negated claim, a hearsay claim with its
informant, an EDTF season (qualified too), an interval and an open interval, a rejected claim,
a descriptive mention, two mentions that cross, an evidence passage that starts inside a
name, and one that runs over a paragraph break. Offsets are computed from the texts, never
typed in.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

MEMOIR = (
    "Notes of Elena Sokolova\n"
    "\n"
    "Pavel Orlov was arrested by the NKVD in the summer of 1938. The Orlovs lived in Kiev.\n"
    "\n"
    "Kravets told me that Grigory Lyubimov served as deputy head of the NKVD from 1936 to 1938."
    " Lyubimov was never executed.\n"
    "\n"
    "His wife, Anna Orlova, was a friend of Lyubimov. Orlov was born on 12 May 1901 & joined"
    " the Party in 1920.\n"
)

NOTE_RU = (
    "Записка о Любимове\n"
    "\n"
    "Григорий Любимов был арестован, видимо, весной 1939 года.\n"
    "\n"
    "Арест в Москве произвёл Николай Зимин.\n"
)


def span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(doc: str, text: str, needle: str, entity: str | None, occurrence: int = 0,
             ) -> dict[str, Any]:
    start, end = span(text, needle, occurrence)
    return {"id": f"m-{doc}-{start}", "document": doc, "start": start, "end": end,
            "text": text[start:end], "entity": entity}


def _evidence(doc: str, text: str, needle: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span(text, needle, occurrence)
    return {"document": doc, "start": start, "end": end}


def _document(doc_id: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "length": len(text), "text": text, **extra}


def build_sample_export() -> dict[str, Any]:
    m, r = MEMOIR, NOTE_RU
    entities = [
        {"id": "p1", "kind": "person", "label": "Pavel Orlov", "names": ["Orlov", "Pavel Orlov"],
         "members": [], "authority": [], "gender": "m"},
        {"id": "p2", "kind": "person", "label": "Grigory Lyubimov",
         "names": ["Grigory Lyubimov", "Lyubimov", "Григорий Любимов", "Любимов"],
         "members": [], "authority": [{"source": "wikidata", "id": "Q4115189"}], "gender": "m"},
        {"id": "p3", "kind": "person", "label": "Maria Kravets", "names": ["Kravets"],
         "members": [], "authority": [], "gender": "f"},
        {"id": "p4", "kind": "person", "label": "Anna Orlova",
         "names": ["Anna Orlova", "Анна Орлова"], "members": [], "authority": [], "gender": "f"},
        {"id": "p5", "kind": "person", "label": "Николай Зимин", "names": ["Николай Зимин"],
         "members": [], "authority": []},
        {"id": "g1", "kind": "group", "label": "the Orlovs", "names": ["The Orlovs"],
         "members": ["p1", "p4"], "authority": []},
        {"id": "o1", "kind": "organization", "label": "NKVD", "names": ["NKVD", "НКВД"],
         "members": [], "authority": []},
        {"id": "o2", "kind": "organization", "label": "Communist Party", "names": ["the Party"],
         "members": [], "authority": []},
        {"id": "pl1", "kind": "place", "label": "Kiev", "names": ["Kiev", "Киев"],
         "members": [], "authority": []},
        {"id": "pl2", "kind": "place", "label": "Moscow", "names": ["Москва"],
         "members": [], "authority": []},
    ]
    mentions = [
        _mention("d1", m, "Pavel Orlov", "p1"),
        _mention("d1", m, "NKVD", "o1"),
        _mention("d1", m, "The Orlovs", "g1"),
        _mention("d1", m, "Kiev", "pl1"),
        _mention("d1", m, "Kravets", "p3"),
        _mention("d1", m, "Grigory Lyubimov", "p2"),
        _mention("d1", m, "NKVD", "o1", occurrence=1),
        _mention("d1", m, "Lyubimov", "p2", occurrence=1),
        _mention("d1", m, "His wife", "p4"),
        _mention("d1", m, "wife, Anna", "p4"),  # crosses both "His wife" and "Anna Orlova"
        _mention("d1", m, "Anna Orlova", "p4"),
        _mention("d1", m, "Lyubimov", "p2", occurrence=2),
        _mention("d1", m, "Orlov", "p1", occurrence=3),
        _mention("d1", m, "the Party", "o2"),
        _mention("d1", m, "Elena Sokolova", None),
        _mention("d2", r, "Григорий Любимов", "p2"),
        _mention("d2", r, "Москве", "pl2"),
        _mention("d2", r, "Николай Зимин", "p5"),
    ]
    claims = [
        {"id": "c1", "type": "arrest", "subject": "p1", "object": "o1", "role": None,
         "date": "1938-22", "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "Pavel Orlov was arrested by the NKVD in the summer"
                                " of 1938.")],
         "confidence": 0.9, "status": "accepted", "hearsay": False},
        {"id": "c2", "type": "position", "subject": "p2", "object": "o1", "role": "deputy head",
         "date": "1936/1938", "place": None, "polarity": "affirmed", "attributed_to": "p3",
         # starts inside the name "Grigory Lyubimov": the evidence must be cut, not dropped
         "evidence": [_evidence("d1", m, "Lyubimov served as deputy head of the NKVD from 1936"
                                " to 1938.")],
         "confidence": 0.7, "status": "proposed", "hearsay": True},
        {"id": "c3", "type": "execution", "subject": "p2", "object": None, "role": None,
         "date": None, "place": None, "polarity": "negated", "attributed_to": None,
         "evidence": [_evidence("d1", m, "Lyubimov was never executed.")],
         "confidence": 0.8, "status": "proposed"},
        {"id": "c4", "type": "friend_of", "subject": "p4", "object": "p2", "role": None,
         "date": None, "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "Anna Orlova, was a friend of Lyubimov.")],
         "confidence": 0.6, "status": "proposed"},
        {"id": "c5", "type": "spouse_of", "subject": "p4", "object": "p1", "role": None,
         "date": None, "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "His wife, Anna Orlova")],
         "confidence": 0.8, "status": "proposed"},
        {"id": "c6", "type": "death", "subject": "p1", "object": None, "role": None,
         "date": "1938", "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "Pavel Orlov was arrested")],
         "confidence": 0.3, "status": "rejected"},
        {"id": "c7", "type": "birth", "subject": "p1", "object": None, "role": None,
         "date": "1901-05-12", "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "Orlov was born on 12 May 1901")],
         "confidence": 0.95, "status": "accepted"},
        {"id": "c8", "type": "member_of", "subject": "p1", "object": "o2", "role": None,
         "date": "1920/..", "place": None, "polarity": "affirmed", "attributed_to": None,
         "evidence": [_evidence("d1", m, "joined the Party in 1920.")],
         "confidence": 0.8, "status": "proposed"},
        {"id": "c9", "type": "arrest", "subject": "p2", "object": None, "role": None,
         "date": "1939-21?", "place": "pl2", "polarity": "affirmed", "attributed_to": None,
         # runs over the paragraph break
         "evidence": [_evidence("d2", r, "Григорий Любимов был арестован, видимо, весной 1939"
                                " года.\n\nАрест в Москве произвёл Николай Зимин.")],
         "confidence": 0.75, "status": "proposed"},
    ]
    return {
        "format": "kartoteka-export/1",
        "documents": [
            _document("d1", m, title="Notes of Elena Sokolova", language="en", kind="testimony",
                      source_path="memoirs/sokolova.txt", author="Elena Sokolova"),
            _document("d2", r, title="Записка о Любимове", language="ru", kind="letter"),
        ],
        "entities": entities,
        "mentions": mentions,
        "claims": claims,
    }


def without_texts(data: dict[str, Any]) -> dict[str, Any]:
    """The same export as the schema alone describes it: no stored texts, no extra fields."""
    out = copy.deepcopy(data)
    for document in out["documents"]:
        for key in ("text", "kind", "source_path", "author"):
            document.pop(key, None)
    for claim in out["claims"]:
        for key in ("confidence", "status", "hearsay"):
            claim.pop(key, None)
    for entity in out["entities"]:
        entity.pop("gender", None)
    for mention in out["mentions"]:
        mention.pop("id", None)
    return out

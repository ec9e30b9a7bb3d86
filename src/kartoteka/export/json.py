"""The ``kartoteka-export/1`` JSON interchange (see shared/export-format.md)."""

from __future__ import annotations

from typing import Any

from kartoteka.model import Extraction, LocalEntity

FORMAT = "kartoteka-export/1"


def export_extraction(extraction: Extraction, entities: list[LocalEntity]) -> dict[str, Any]:
    """One document's extraction and its within-document entities as an export object.

    For development and tests: the stored path (``kartoteka export``) builds the same shape
    from the database.
    """
    doc = extraction.document
    entity_of = {mid: e.key for e in entities for mid in e.mention_ids}
    return {
        "format": FORMAT,
        "documents": [{
            "id": doc.id, "title": doc.title, "language": doc.language, "sha256": doc.sha256,
            "length": len(doc.text),
        }],
        "entities": [{
            "id": e.key, "kind": e.kind, "label": e.label, "names": sorted(set(e.names)),
            "members": list(e.members), "authority": [],
        } for e in entities],
        "mentions": [{
            "document": doc.id, "start": m.start, "end": m.end, "text": m.text,
            "entity": entity_of.get(m.id),
        } for m in extraction.mentions],
        "claims": [{
            "id": c.id, "type": c.type, "subject": entity_of.get(c.subject, c.subject),
            "object": entity_of.get(c.object, c.object) if c.object else None,
            "role": c.role, "date": c.date,
            "place": entity_of.get(c.place, c.place) if c.place else None,
            "polarity": c.polarity,
            "attributed_to": entity_of.get(c.attributed_to) if c.attributed_to else None,
            "evidence": [{"document": doc.id, **s.to_dict()} for s in c.evidence],
            "confidence": c.confidence,
        } for c in extraction.claims],
    }

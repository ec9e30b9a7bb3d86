"""The ``kartoteka-export/1`` JSON interchange (see shared/export-format.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.model import EXPORT_FORMAT, Extraction, LocalEntity
from kartoteka.store import queries
from kartoteka.store.tables import MentionRow

FORMAT = EXPORT_FORMAT


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


def export_store(session: Session, *, include_text: bool = True,
                 include_rejected: bool = False) -> dict[str, Any]:
    """The whole database (current document versions) as a ``kartoteka-export/1`` object.

    Beyond the contract it carries documents' text, kind and path, entities' gender, claims'
    status, confidence and hearsay flag, and mention ids, which the other formats use.
    Rejected claims are left out unless asked for: an export is what the index asserts.
    """
    docs = queries.current_documents(session)
    doc_ids = {d.id for d in docs}
    entity_of = queries.mention_entities(session)
    links = queries.authority_links(session)
    documents = []
    for d in docs:
        item: dict[str, Any] = {
            "id": d.id, "title": d.title, "language": d.language, "sha256": d.sha256,
            "length": len(d.text), "kind": d.kind, "source_path": d.source_path,
            "media_type": d.media_type, "version": d.version,
        }
        if include_text:
            item["text"] = d.text
        documents.append(item)
    mentions = []
    for m in session.scalars(select(MentionRow).where(MentionRow.document_id.in_(doc_ids))
                             .order_by(MentionRow.document_id, MentionRow.start)):
        if (m.attrs or {}).get("synthetic"):
            continue
        mentions.append({"id": m.id, "document": m.document_id, "start": m.start, "end": m.end,
                         "text": m.text, "entity": entity_of.get(m.id)})
    entities = [{
        "id": e.id, "kind": e.kind, "label": e.label, "names": sorted(set(e.names)),
        "members": list(e.members), "authority": links.get(e.id, []), "gender": e.gender,
    } for e in queries.live_entities(session)]
    claims = []
    for c in queries.claim_views(session, include_rejected=include_rejected):
        if c.subject is None or not c.evidence:
            continue
        claims.append({
            "id": c.id, "type": c.type, "subject": c.subject, "object": c.object,
            "role": c.role, "date": c.date, "place": c.place, "polarity": c.polarity,
            "attributed_to": c.attributed_to,
            "evidence": [{"document": d, "start": s, "end": e} for d, s, e in c.evidence],
            "confidence": c.confidence, "status": c.status, "hearsay": c.hearsay,
        })
    return {"format": FORMAT, "documents": documents, "entities": entities,
            "mentions": mentions, "claims": claims}

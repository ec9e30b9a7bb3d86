"""Reading a ``kartoteka-export/1`` JSON object back into a database.

Ids, labels, name forms, statuses and authority links are kept as exported, so export →
import → export gives the same object. The export has no per-document profiles, so one is
made for each (document, entity) pair; a claim whose subject, object, place or informant is
not mentioned in its document gets a zero-width mention marked ``synthetic`` (never exported)
to hang on.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from kartoteka.errors import StoreError
from kartoteka.model import EXPORT_FORMAT as FORMAT
from kartoteka.model import stable_id
from kartoteka.store.tables import (
    AuthorityLinkRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ProfileRow,
)


def import_export(session: Session, data: dict[str, Any]) -> dict[str, int]:
    if data.get("format") != FORMAT:
        raise StoreError(f"not a {FORMAT} object (format: {data.get('format')!r})")
    if session.query(DocumentRow).count():
        raise StoreError("import needs an empty database")
    entities = {e["id"]: e for e in data["entities"]}
    for d in data["documents"]:
        if "text" not in d:
            raise StoreError(f"document {d['id']} has no text: export with the text included")
        session.add(DocumentRow(
            id=d["id"], sha256=d["sha256"], title=d.get("title"), language=d.get("language"),
            kind=d.get("kind") or "testimony", source_path=d.get("source_path"),
            media_type=d.get("media_type") or "text/plain", text=d["text"],
            version=d.get("version") or 1, meta={},
        ))
    for e in entities.values():
        session.add(EntityRow(id=e["id"], kind=e["kind"], label=e["label"],
                              names=list(e.get("names", [])), members=list(e.get("members", [])),
                              gender=e.get("gender")))
    session.flush()

    profiles: dict[tuple[str, str], ProfileRow] = {}

    def profile_for(doc: str, entity_id: str) -> ProfileRow:
        key = (doc, entity_id)
        if key not in profiles:
            e = entities[entity_id]
            row = ProfileRow(key=stable_id("x", doc, entity_id), document_id=doc,
                             entity_id=entity_id, kind=e["kind"], label=e["label"], names=[],
                             members=[], gender=e.get("gender"), data={})
            session.add(row)
            session.flush()  # mentions point at it; no ORM relationship orders the inserts
            profiles[key] = row
        return profiles[key]

    mention_of: dict[tuple[str, str], str] = {}
    for m in data["mentions"]:
        entity_id = m.get("entity")
        profile = profile_for(m["document"], entity_id) if entity_id in entities else None
        mid = m.get("id") or stable_id("m", m["document"], m["start"], m["end"])
        if profile is not None:
            if m["text"] not in profile.names:
                profile.names = [*profile.names, m["text"]]
            mention_of.setdefault((m["document"], entity_id), mid)
        session.add(MentionRow(
            id=mid, document_id=m["document"], profile_key=profile.key if profile else None,
            start=m["start"], end=m["end"], text=m["text"],
            kind=entities[entity_id]["kind"] if entity_id in entities else "person",
        ))
    session.flush()

    def mention_for(doc: str, entity_id: str | None, at: int) -> str | None:
        if entity_id is None:
            return None
        if (doc, entity_id) not in mention_of:
            profile = profile_for(doc, entity_id)
            mid = stable_id("m", doc, "synthetic", entity_id)
            session.add(MentionRow(id=mid, document_id=doc, profile_key=profile.key, start=at,
                                   end=at, text="", kind=entities[entity_id]["kind"],
                                   attrs={"synthetic": True}))
            mention_of[(doc, entity_id)] = mid
        return mention_of[(doc, entity_id)]

    for c in data["claims"]:
        first = c["evidence"][0]
        doc = first["document"]
        session.add(ClaimRow(
            id=c["id"], document_id=doc, type=c["type"],
            subject_mention=mention_for(doc, c["subject"], first["start"]),
            object_mention=mention_for(doc, c.get("object"), first["start"]),
            place_mention=mention_for(doc, c.get("place"), first["start"]),
            informant_mention=mention_for(doc, c.get("attributed_to"), first["start"]),
            role=c.get("role"), date=c.get("date"), polarity=c.get("polarity", "affirmed"),
            confidence=c.get("confidence", 0.8), hearsay=bool(c.get("hearsay")),
            status=c.get("status") or "proposed",
        ))
        for ev in c["evidence"]:
            session.add(EvidenceRow(claim_id=c["id"], document_id=ev["document"],
                                    start=ev["start"], end=ev["end"]))
    session.flush()
    by_entity: dict[str, list[ProfileRow]] = defaultdict(list)
    for (_, entity_id), row in profiles.items():
        by_entity[entity_id].append(row)
    for e in entities.values():
        anchor = min(by_entity.get(e["id"], []), key=lambda r: r.key, default=None)
        for link in e.get("authority", []):
            if anchor is not None:
                session.add(AuthorityLinkRow(profile_key=anchor.key, source=link["source"],
                                             record_id=link["id"], probability=1.0,
                                             decision="linked", features={"by": "import"}))
    session.flush()
    return {"documents": len(data["documents"]), "entities": len(entities),
            "mentions": len(data["mentions"]), "claims": len(data["claims"])}

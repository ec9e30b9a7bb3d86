"""Writing one document's extraction: document, profiles, mentions, claims, evidence.

Called inside one transaction per document (``Store.session()``), so a crash leaves either the
whole document or nothing.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kartoteka.model import Extraction, LocalEntity
from kartoteka.store.tables import (
    AuthorityRecordRow,
    ClaimRow,
    DocumentRow,
    EvidenceRow,
    FailureRow,
    MentionRow,
    PageRow,
    ProfileRow,
)


def has_document(session: Session, sha256: str) -> bool:
    return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)) is not None


def has_authority_records(session: Session) -> bool:
    return session.scalar(select(AuthorityRecordRow.source).limit(1)) is not None


def previous_version(session: Session, source_path: str | None) -> DocumentRow | None:
    """The current document stored from the same path, if the bytes there have changed."""
    if not source_path:
        return None
    return session.scalars(
        select(DocumentRow)
        .where(DocumentRow.source_path == source_path, DocumentRow.superseded.is_(False))
        .order_by(DocumentRow.version.desc())
    ).first()


class StorableProfile(Protocol):
    """A profile as the store keeps it (``resolve.profile.Profile``): its fields as a dict."""

    def to_dict(self) -> dict[str, Any]: ...


def write_extraction(
    session: Session,
    extraction: Extraction,
    entities: list[LocalEntity],
    profiles: dict[str, StorableProfile],
    block_keys: dict[str, str],
) -> DocumentRow:
    """Insert the document and everything extracted from it; returns the document row."""
    doc = extraction.document
    previous = previous_version(session, doc.source_path)
    row = DocumentRow(
        id=doc.id, sha256=doc.sha256, title=doc.title, language=doc.language, kind=doc.kind,
        source_path=doc.source_path, media_type=doc.media_type, encoding=doc.encoding,
        text=doc.text, meta=doc.meta,
        version=previous.version + 1 if previous else 1,
        previous_id=previous.id if previous else None,
    )
    if previous is not None:
        # A changed file is a new version: the old text, claims and edits stay for the record,
        # but its profiles leave their entities so cards show what the current version says.
        previous.superseded = True
        session.execute(
            update(ProfileRow).where(ProfileRow.document_id == previous.id).values(entity_id=None)
        )
    session.add(row)
    session.flush()
    for scan in doc.scans:
        session.add(PageRow(
            document_id=doc.id, number=scan.number, width=scan.width, height=scan.height,
            image=scan.image, lang=scan.lang, rotation=scan.rotation, skew=scan.skew,
            confidence=scan.confidence, status=scan.status, reason=scan.reason,
            words=[list(w) for w in scan.words],
        ))
    for ent in entities:
        profile = profiles.get(ent.key)
        session.add(ProfileRow(
            key=ent.key, document_id=doc.id, kind=ent.kind, label=ent.label, names=ent.names,
            members=ent.members, gender=ent.gender, descriptor=ent.descriptor,
            data=profile.to_dict() if profile else {}, block_key=block_keys.get(ent.key),
        ))
    session.flush()
    profile_of = {mid: ent.key for ent in entities for mid in ent.mention_ids}
    for m in extraction.mentions:
        session.add(MentionRow(
            id=m.id, document_id=doc.id, profile_key=profile_of.get(m.id), start=m.start,
            end=m.end, text=m.text, kind=m.kind, name=m.name, descriptor=m.descriptor,
            gender=m.gender, family=m.family, attrs=m.attrs,
        ))
    session.flush()
    seen: set[str] = set()
    for c in extraction.claims:
        if c.id in seen:  # the same statement extracted twice from one passage
            continue
        seen.add(c.id)
        session.add(ClaimRow(
            id=c.id, document_id=doc.id, type=c.type, subject_mention=c.subject,
            object_mention=c.object, place_mention=c.place, informant_mention=c.attributed_to,
            role=c.role, date=c.date, polarity=c.polarity, confidence=c.confidence,
            hearsay=c.hearsay, attrs=c.attrs,
        ))
        for span in c.evidence:
            session.add(EvidenceRow(claim_id=c.id, document_id=doc.id, start=span.start,
                                    end=span.end))
    session.flush()
    session.query(FailureRow).filter(FailureRow.path == doc.source_path).delete()
    return row


def record_failure(session: Session, path: str, reason: str) -> None:
    """Keep one row per failing path (the latest reason), so re-runs add nothing."""
    session.query(FailureRow).filter(FailureRow.path == path).delete()
    session.add(FailureRow(path=path, reason=reason))

"""Writing one document's extraction: document, profiles, mentions, claims, evidence.

Called inside one transaction per document (``Store.session()``), so a crash leaves either the
whole document or nothing.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kartoteka.model import Extraction, LocalEntity
from kartoteka.store.entities import LEFT_ENTITIES
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
        # Those entities show one profile fewer: assign_entities rebuilds them with the rest.
        session.info.setdefault(LEFT_ENTITIES, set()).update(session.scalars(
            select(ProfileRow.entity_id).where(ProfileRow.document_id == previous.id,
                                               ProfileRow.entity_id.is_not(None))))
        session.execute(
            update(ProfileRow).where(ProfileRow.document_id == previous.id).values(entity_id=None)
        )
    session.add(row)
    session.flush()
    # Each table goes in as one bulk INSERT (batched multi-row statements, not a round trip
    # and an ORM object per row): a list of 10,000 records is some 50,000 rows. Parents
    # before children, in the extraction's order, so evidence ids come out as they did.
    _insert(session, PageRow, [dict(
        document_id=doc.id, number=scan.number, width=scan.width, height=scan.height,
        image=scan.image, lang=scan.lang, rotation=scan.rotation, skew=scan.skew,
        confidence=scan.confidence, status=scan.status, reason=scan.reason,
        words=[list(w) for w in scan.words],
    ) for scan in doc.scans])
    _insert(session, ProfileRow, [dict(
        key=ent.key, document_id=doc.id, kind=ent.kind, label=ent.label, names=ent.names,
        members=ent.members, gender=ent.gender, descriptor=ent.descriptor,
        data=_profile_data(profiles.get(ent.key)), block_key=block_keys.get(ent.key),
    ) for ent in entities])
    profile_of = {mid: ent.key for ent in entities for mid in ent.mention_ids}
    _insert(session, MentionRow, [dict(
        id=m.id, document_id=doc.id, profile_key=profile_of.get(m.id), start=m.start,
        end=m.end, text=m.text, kind=m.kind, name=m.name, descriptor=m.descriptor,
        gender=m.gender, family=m.family, attrs=m.attrs,
    ) for m in extraction.mentions])
    claims: dict[str, Any] = {}
    for c in extraction.claims:
        claims.setdefault(c.id, c)  # the same statement extracted twice from one passage
    _insert(session, ClaimRow, [dict(
        id=c.id, document_id=doc.id, type=c.type, subject_mention=c.subject,
        object_mention=c.object, place_mention=c.place, informant_mention=c.attributed_to,
        role=c.role, date=c.date, polarity=c.polarity, confidence=c.confidence,
        hearsay=c.hearsay, attrs=c.attrs,
    ) for c in claims.values()])
    _insert(session, EvidenceRow, [dict(
        claim_id=c.id, document_id=doc.id, start=span.start, end=span.end,
    ) for c in claims.values() for span in c.evidence])
    session.query(FailureRow).filter(FailureRow.path == doc.source_path).delete()
    return row


def _profile_data(profile: StorableProfile | None) -> dict[str, Any]:
    return profile.to_dict() if profile else {}


def _insert(session: Session, table: type, rows: list[dict[str, Any]]) -> None:
    """One ORM bulk INSERT (``executemany``; SQLAlchemy batches it into multi-row statements).

    SQLAlchemy leaves a None out of a row's parameters so the column's default applies, but
    rows with different parameters cannot share a statement: one None in a row would make it
    a statement of its own. So the defaults are put in here, as the ORM would, and the Nones
    left are sent as NULL (``render_nulls``) — the same values a row object a time stored.
    """
    if not rows:
        return
    defaults = {column.key: column.default.arg for column in table.__table__.columns
                if column.default is not None and column.default.is_scalar}
    if defaults:
        rows = [{key: defaults[key] if value is None and key in defaults else value
                 for key, value in row.items()} for row in rows]
    session.execute(insert(table).execution_options(render_nulls=True), rows)


def record_failure(
    session: Session, path: str, reason: str, *, sha256: str | None = None
) -> None:
    """Keep one row per failing path (the latest reason), so re-runs add nothing.

    ``sha256`` is given when the failure lasts as long as the bytes do (the content cannot be
    read). ``path`` is the safe rendering of the file name (``sources.display_path``), as
    documents store it, so any file name can be stored.
    """
    session.query(FailureRow).filter(FailureRow.path == path).delete()
    session.add(FailureRow(path=path, reason=reason, sha256=sha256))


def lasting_failure(session: Session, path: str, sha256: str) -> str | None:
    """The reason these very bytes at this path failed before for a lasting reason, if they did."""
    return session.scalar(
        select(FailureRow.reason)
        .where(FailureRow.path == path, FailureRow.sha256 == sha256)
        .limit(1)
    )

"""Read-side queries shared by the exports, the CLI and the web UI. No formatting here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kartoteka.dates import may_overlap
from kartoteka.store.tables import (
    AuthorityLinkRow,
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ProfileRow,
)
from kartoteka.vocabulary import load_vocabulary


def current_documents(session: Session) -> list[DocumentRow]:
    return list(session.scalars(
        select(DocumentRow).where(DocumentRow.superseded.is_(False)).order_by(DocumentRow.id)))


def mention_entities(session: Session, mention_ids: Collection[str] | None = None
                     ) -> dict[str, str | None]:
    """Mention id -> entity id, for mentions of current documents (only ``mention_ids``)."""
    query = (select(MentionRow.id, ProfileRow.entity_id)
             .join(ProfileRow, MentionRow.profile_key == ProfileRow.key, isouter=True)
             .join(DocumentRow, MentionRow.document_id == DocumentRow.id)
             .where(DocumentRow.superseded.is_(False)))
    if mention_ids is None:
        return {mid: eid for mid, eid in session.execute(query)}
    ids, out = list(mention_ids), {}
    for start in range(0, len(ids), 500):
        out.update(dict(session.execute(query.where(MentionRow.id.in_(ids[start:start + 500])))
                        .all()))
    return out


@dataclass
class ClaimView:
    """A claim with its entities resolved and its passages quoted."""

    id: str
    type: str
    subject: str | None
    object: str | None
    role: str | None
    date: str | None
    place: str | None
    polarity: str
    attributed_to: str | None
    confidence: float
    hearsay: bool
    status: str
    document_id: str
    evidence: list[tuple[str, int, int]]
    attrs: dict[str, Any] = field(default_factory=dict)

    def passage(self, texts: dict[str, str]) -> str:
        parts = [texts[d][s:e] for d, s, e in self.evidence if d in texts]
        return " … ".join(" ".join(p.split()) for p in parts)


def claim_views(
    session: Session, *, claim_ids: list[str] | None = None, include_rejected: bool = False,
) -> list[ClaimView]:
    # Columns rather than ORM objects: a page or an export reads thousands of claims, and
    # nothing here is written back.
    query = (select(*ClaimRow.__table__.columns)
             .join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
             .where(DocumentRow.superseded.is_(False)))
    if claim_ids is not None:
        query = query.where(ClaimRow.id.in_(claim_ids))
    if not include_rejected:
        query = query.where(ClaimRow.status != "rejected")
    claims = list(session.execute(query.order_by(ClaimRow.document_id, ClaimRow.id)))
    # With a few claims asked for, resolve only their mentions, not the whole database's.
    entity_of = mention_entities(session, None if claim_ids is None else {
        m for c in claims for m in (c.subject_mention, c.object_mention, c.place_mention,
                                    c.informant_mention) if m})
    evidence: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    ids = [c.id for c in claims]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for ev in session.execute(
                select(EvidenceRow.claim_id, EvidenceRow.document_id, EvidenceRow.start,
                       EvidenceRow.end).where(EvidenceRow.claim_id.in_(chunk))
                .order_by(EvidenceRow.id)):
            evidence[ev.claim_id].append((ev.document_id, ev.start, ev.end))
    out = []
    for c in claims:
        out.append(ClaimView(
            id=c.id, type=c.type, subject=entity_of.get(c.subject_mention),
            object=entity_of.get(c.object_mention) if c.object_mention else None,
            role=c.role, date=c.date,
            place=entity_of.get(c.place_mention) if c.place_mention else None,
            polarity=c.polarity,
            attributed_to=entity_of.get(c.informant_mention) if c.informant_mention else None,
            confidence=c.confidence, hearsay=c.hearsay, status=c.status,
            document_id=c.document_id, evidence=evidence.get(c.id, []), attrs=c.attrs or {},
        ))
    return out


def live_entities(session: Session, kind: str | None = None) -> list[EntityRow]:
    """Entities that at least one current document mentions."""
    held = (select(ProfileRow.entity_id).join(DocumentRow)
            .where(DocumentRow.superseded.is_(False)).distinct())
    query = select(EntityRow).where(EntityRow.id.in_(held))
    if kind:
        query = query.where(EntityRow.kind == kind)
    return list(session.scalars(query.order_by(EntityRow.label, EntityRow.id)))


def authority_links(session: Session, entity_ids: Collection[str] | None = None
                    ) -> dict[str, list[dict[str, Any]]]:
    """Entity id -> its linked authority records (through its profiles)."""
    query = (select(ProfileRow.entity_id, AuthorityLinkRow)
             .join(AuthorityLinkRow, AuthorityLinkRow.profile_key == ProfileRow.key)
             .where(AuthorityLinkRow.decision == "linked"))
    if entity_ids is not None:
        query = query.where(ProfileRow.entity_id.in_(list(entity_ids)))
    rows = session.execute(query)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for eid, link in rows:
        item = {"source": link.source, "id": link.record_id}
        if eid and item not in out[eid]:
            out[eid].append(item)
    return out


@dataclass
class PersonRow:
    id: str
    label: str
    names: list[str]
    fates: list[tuple[str, str | None, str]]  # (type, date, polarity)
    documents: int
    named: bool = True  # False for people the sources only describe ("his wife")


def person_rows(session: Session) -> list[PersonRow]:
    vocab = load_vocabulary()
    people = live_entities(session, "person")
    fates: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
    for c in claim_views(session):
        if c.subject and c.type in vocab.fates:
            item = (c.type, c.date, c.polarity)
            if item not in fates[c.subject]:
                fates[c.subject].append(item)
    docs = dict(session.execute(
        select(ProfileRow.entity_id, func.count(func.distinct(ProfileRow.document_id)))
        .group_by(ProfileRow.entity_id)).all())
    named = set(session.scalars(select(ProfileRow.entity_id).where(
        ProfileRow.kind == "person", ProfileRow.descriptor.is_(None)).distinct()))
    return [PersonRow(e.id, e.label, [n for n in e.names if n != e.label],
                      sorted(fates.get(e.id, []), key=lambda f: (f[1] or "9999", f[0])),
                      docs.get(e.id, 0), e.id in named)
            for e in people]


def entity_mentions(session: Session, entity_id: str) -> list[MentionRow]:
    return list(session.scalars(
        select(MentionRow).join(ProfileRow, MentionRow.profile_key == ProfileRow.key)
        .where(ProfileRow.entity_id == entity_id).order_by(MentionRow.document_id,
                                                           MentionRow.start)))


def entity_claims(session: Session, entity_id: str) -> list[ClaimView]:
    mention_ids = {m.id for m in entity_mentions(session, entity_id)}
    ids = list(session.scalars(select(ClaimRow.id).where(
        ClaimRow.subject_mention.in_(mention_ids) | ClaimRow.object_mention.in_(mention_ids))))
    return claim_views(session, claim_ids=ids, include_rejected=True)


def disagreements(claims: list[ClaimView], entity_id: str) -> list[tuple[ClaimView, ClaimView]]:
    """Pairs of claims about this entity that cannot both be true as stated.

    Same fate, different dates or polarities (executed 1937 vs 1938; shot vs not shot).
    """
    vocab = load_vocabulary()
    own = [c for c in claims if c.subject == entity_id and c.type in vocab.fates
           and c.status != "rejected"]
    out = []
    for i, a in enumerate(own):
        for b in own[i + 1:]:
            if a.type != b.type:
                continue
            if a.polarity != b.polarity or (a.date and b.date
                                             and not may_overlap(a.date, b.date)):
                out.append((a, b))
    return out


def document_texts(session: Session, ids: set[str]) -> dict[str, str]:
    return dict(session.execute(select(DocumentRow.id, DocumentRow.text)
                                .where(DocumentRow.id.in_(ids))).all())

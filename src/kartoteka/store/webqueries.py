"""Read-side queries the web UI needs beyond ``queries``: slices by entity and by document.

Each works on a slice of the database reached through indexes (an entity's profiles, their
mentions, the claims that name those mentions), so a page costs about the same on a hundred
people as on a hundred thousand. The one full pass, ``claim_fact_rows``, feeds the web app's
facet index, which is built once per change of the data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from kartoteka.dates import may_fall_in, year_of
from kartoteka.store.queries import mention_entities
from kartoteka.store.tables import (
    ClaimRow,
    DocumentRow,
    EditRow,
    EntityRow,
    LinkRow,
    MentionRow,
    ProfileRow,
)
from kartoteka.vocabulary import load_vocabulary

CHUNK = 500


def chunks(ids: Iterable[str], size: int = CHUNK) -> Iterable[list[str]]:
    items = list(ids)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def data_generation(session: Session) -> tuple[int, int]:
    """Changes whenever entities may have changed: entities change only when documents come
    in (an ingest, an import) or a curator decides (an edit, an undo)."""
    return (
        session.scalar(select(func.max(EditRow.id))) or 0,
        session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
    )


# --- claims seen through their entities -------------------------------------------------------

CLAIM_COLUMNS = (ClaimRow.id, ClaimRow.type, ClaimRow.date, ClaimRow.status, ClaimRow.polarity,
                 ClaimRow.role, ClaimRow.document_id)


def claim_entities(*columns: Any) -> Select:
    """Claims of current documents with subject and object entity ids (and object kind)."""
    subject_m, subject_p = aliased(MentionRow), aliased(ProfileRow)
    object_m, object_p = aliased(MentionRow), aliased(ProfileRow)
    return (
        select(*(columns or CLAIM_COLUMNS),
               subject_p.entity_id.label("subject"), object_p.entity_id.label("object"),
               object_p.kind.label("object_kind"))
        .join(DocumentRow, and_(DocumentRow.id == ClaimRow.document_id,
                                DocumentRow.superseded.is_(False)))
        .join(subject_m, subject_m.id == ClaimRow.subject_mention)
        .join(subject_p, subject_p.key == subject_m.profile_key)
        .outerjoin(object_m, object_m.id == ClaimRow.object_mention)
        .outerjoin(object_p, object_p.key == object_m.profile_key)
    )


def claim_fact_rows(session: Session) -> Iterator[Row]:
    """Every claim of a current document: type, date, status, polarity, subject, object."""
    query = claim_entities(ClaimRow.type, ClaimRow.date, ClaimRow.status, ClaimRow.polarity)
    yield from session.execute(query.execution_options(yield_per=20_000))


def entity_mentions_of(session: Session, entity_ids: Collection[str]) -> dict[str, str]:
    """Mention id -> entity id, for every mention of these entities in current documents."""
    out: dict[str, str] = {}
    for chunk in chunks(entity_ids):
        out.update(session.execute(
            select(MentionRow.id, ProfileRow.entity_id)
            .join(ProfileRow, ProfileRow.key == MentionRow.profile_key)
            .join(DocumentRow, and_(DocumentRow.id == ProfileRow.document_id,
                                    DocumentRow.superseded.is_(False)))
            .where(ProfileRow.entity_id.in_(chunk))).all())
    return out


def claims_naming(session: Session, entity_ids: Collection[str], *, as_subject: bool = True,
                  as_object: bool = False, types: Collection[str] | None = None,
                  include_rejected: bool = True) -> list[str]:
    """Ids of claims whose subject (or object) is one of these entities, through indexes."""
    mentions = list(entity_mentions_of(session, entity_ids))
    found: dict[str, None] = {}
    for chunk in chunks(mentions):
        sides = ([ClaimRow.subject_mention.in_(chunk)] if as_subject else []) + (
            [ClaimRow.object_mention.in_(chunk)] if as_object else [])
        query = select(ClaimRow.id).where(or_(*sides))
        if types is not None:
            query = query.where(ClaimRow.type.in_(list(types)))
        if not include_rejected:
            query = query.where(ClaimRow.status != "rejected")
        found.update(dict.fromkeys(session.scalars(query)))
    return list(found)


# --- the facet index's inputs -----------------------------------------------------------------

def person_documents(session: Session) -> Iterator[tuple[str, str]]:
    """(entity id, document id) for every live entity and the current documents it is in."""
    yield from session.execute(
        select(ProfileRow.entity_id, ProfileRow.document_id).distinct()
        .join(DocumentRow, DocumentRow.id == ProfileRow.document_id)
        .where(DocumentRow.superseded.is_(False), ProfileRow.entity_id.is_not(None)))


def live_entity_labels(session: Session, kinds: Collection[str]) -> dict[str, tuple[str, str]]:
    """Entity id -> (label, kind) for live entities of these kinds."""
    held = (select(ProfileRow.entity_id).join(DocumentRow)
            .where(DocumentRow.superseded.is_(False)))
    rows = session.execute(select(EntityRow.id, EntityRow.label, EntityRow.kind)
                           .where(EntityRow.kind.in_(list(kinds)), EntityRow.id.in_(held)))
    return {eid: (label, kind) for eid, label, kind in rows}


def current_titles(session: Session) -> dict[str, str | None]:
    return dict(session.execute(select(DocumentRow.id, DocumentRow.title)
                                .where(DocumentRow.superseded.is_(False))).all())


def named_entities(session: Session) -> set[str]:
    """Entities some source names (the others are only described: "his wife")."""
    return set(session.scalars(select(ProfileRow.entity_id).where(
        ProfileRow.descriptor.is_(None), ProfileRow.entity_id.is_not(None)).distinct()))


def entities_in_review(session: Session) -> set[str]:
    """Entities with a profile in an unanswered merge question."""
    return set(session.scalars(
        select(ProfileRow.entity_id)
        .join(LinkRow, or_(LinkRow.a == ProfileRow.key, LinkRow.b == ProfileRow.key))
        .where(LinkRow.decision == "review", ProfileRow.entity_id.is_not(None))))


# --- persons ----------------------------------------------------------------------------------

@dataclass
class PersonSummary:
    id: str
    label: str
    names: list[str]
    fates: list[dict[str, Any]]
    documents: int
    claims: int
    first_year: int | None
    last_year: int | None


def person_summaries(session: Session, entity_ids: list[str]) -> list[PersonSummary]:
    """One row a person, in the order given: names, fates, counts, years."""
    if not entity_ids:
        return []
    vocab = load_vocabulary()
    entities = {e.id: e for e in session.scalars(
        select(EntityRow).where(EntityRow.id.in_(entity_ids)))}
    documents = dict(session.execute(
        select(ProfileRow.entity_id, func.count(func.distinct(ProfileRow.document_id)))
        .join(DocumentRow, DocumentRow.id == ProfileRow.document_id)
        .where(ProfileRow.entity_id.in_(entity_ids), DocumentRow.superseded.is_(False))
        .group_by(ProfileRow.entity_id)).all())
    fates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    claims: dict[str, int] = defaultdict(int)
    years: dict[str, list[int]] = defaultdict(list)
    entity_of = entity_mentions_of(session, entity_ids)
    for chunk in chunks(entity_of):
        rows = session.execute(
            select(ClaimRow.subject_mention, ClaimRow.type, ClaimRow.date, ClaimRow.polarity)
            .where(ClaimRow.subject_mention.in_(chunk), ClaimRow.status != "rejected"))
        for mention, ctype, date, polarity in rows:
            subject = entity_of[mention]
            claims[subject] += 1
            year = year_of(date)
            if year:
                years[subject].append(year)
            if ctype in vocab.fates:
                fate = {"type": ctype, "date": date, "polarity": polarity}
                if fate not in fates[subject]:
                    fates[subject].append(fate)
    out = []
    for eid in entity_ids:
        e = entities.get(eid)
        if e is None:
            continue
        out.append(PersonSummary(
            id=e.id, label=e.label, names=[n for n in e.names if n != e.label],
            fates=sorted(fates[eid], key=lambda f: (f["date"] or "9999", f["type"])),
            documents=documents.get(eid, 0), claims=claims[eid],
            first_year=min(years[eid]) if years[eid] else None,
            last_year=max(years[eid]) if years[eid] else None,
        ))
    return out


def entity_labels(session: Session, ids: Collection[str]) -> dict[str, str]:
    return {eid: label for eid, (label, _) in entity_labels_kinds(session, ids).items()}


def entity_kinds(session: Session, ids: Collection[str]) -> dict[str, str]:
    return {eid: kind for eid, (_, kind) in entity_labels_kinds(session, ids).items()}


@dataclass
class ProfileInfo:
    key: str
    document_id: str
    document_title: str | None
    label: str
    names: list[str]
    descriptor: str | None


def entity_profiles(session: Session, entity_id: str) -> list[ProfileInfo]:
    """The per-document views that make up an entity (what a split chooses among)."""
    rows = session.execute(
        select(ProfileRow, DocumentRow.title).join(DocumentRow)
        .where(ProfileRow.entity_id == entity_id, DocumentRow.superseded.is_(False))
        .order_by(DocumentRow.title, ProfileRow.key))
    return [ProfileInfo(p.key, p.document_id, title, p.label, list(p.names or []), p.descriptor)
            for p, title in rows]


# --- documents --------------------------------------------------------------------------------

@dataclass
class DocumentMention:
    id: str
    start: int
    end: int
    text: str
    kind: str
    entity_id: str | None
    entity_label: str | None


def document_mentions(session: Session, document_id: str) -> list[DocumentMention]:
    # Columns, not ORM objects: a long source has thousands of mentions.
    rows = session.execute(
        select(MentionRow.id, MentionRow.start, MentionRow.end, MentionRow.text,
               MentionRow.kind, ProfileRow.entity_id, EntityRow.label)
        .outerjoin(ProfileRow, ProfileRow.key == MentionRow.profile_key)
        .outerjoin(EntityRow, EntityRow.id == ProfileRow.entity_id)
        .where(MentionRow.document_id == document_id)
        .order_by(MentionRow.start, MentionRow.end.desc()))
    return [DocumentMention(*row) for row in rows if row.end > row.start]


def document_claim_ids(session: Session, document_id: str) -> list[str]:
    return list(session.scalars(select(ClaimRow.id).where(ClaimRow.document_id == document_id)))


# --- graph and review -------------------------------------------------------------------------

@dataclass
class Edge:
    claim_id: str
    source: str
    target: str
    type: str
    date: str | None
    role: str | None


def relation_edges(session: Session, *, types: Collection[str], around: Collection[str],
                   year: int | None = None, within: bool = False, limit: int = 2000
                   ) -> list[Edge]:
    """Affirmed claims of these types that tie an entity of ``around`` to another entity.

    ``within``: only ties between two entities of ``around``. Those are found from their
    subjects' side alone, so an institution with thousands of members costs nothing extra.
    """
    wanted = set(around)
    scanned: Collection[str] = around
    if within:
        # Only kinds the vocabulary allows as subjects of these types can start a tie (an
        # institution never does), and its thousands of mentions need not be read.
        vocab = load_vocabulary()
        subjects = {kind for t in types if t in vocab for kind in vocab[t].subject}
        kinds = entity_kinds(session, around)
        scanned = [eid for eid in around if kinds.get(eid) in subjects]
    mentions = list(entity_mentions_of(session, scanned))
    rows: dict[str, Row] = {}
    for chunk in chunks(mentions):
        sides = [ClaimRow.subject_mention.in_(chunk)]
        if not within:
            sides.append(ClaimRow.object_mention.in_(chunk))
        query = (
            select(ClaimRow.id, ClaimRow.type, ClaimRow.date, ClaimRow.role,
                   ClaimRow.subject_mention, ClaimRow.object_mention)
            .join(DocumentRow, and_(DocumentRow.id == ClaimRow.document_id,
                                    DocumentRow.superseded.is_(False)))
            .where(ClaimRow.type.in_(list(types)), ClaimRow.status != "rejected",
                   ClaimRow.polarity == "affirmed", ClaimRow.object_mention.is_not(None),
                   or_(*sides)))
        rows.update((r.id, r) for r in session.execute(query))
    entity_of = mention_entities(session, {m for r in rows.values()
                                           for m in (r.subject_mention, r.object_mention)})
    edges = []
    for r in sorted(rows.values(), key=lambda r: r.id):
        source, target = entity_of.get(r.subject_mention), entity_of.get(r.object_mention)
        if (source and target and source != target
                and (not within or (source in wanted and target in wanted))
                and (year is None or may_fall_in(r.date, year))):
            edges.append(Edge(r.id, source, target, r.type, r.date, r.role))
    return edges[:limit]


def uncertain_claim_ids(session: Session, *, below: float, limit: int) -> list[str]:
    """Proposed claims the extractor was least sure of, least sure first."""
    return list(session.scalars(
        select(ClaimRow.id).join(DocumentRow)
        .where(ClaimRow.status == "proposed", ClaimRow.confidence < below,
               DocumentRow.superseded.is_(False))
        .order_by(ClaimRow.confidence, ClaimRow.id).limit(limit)))


def profile_entities(session: Session, keys: Collection[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for chunk in chunks(keys):
        out.update(session.execute(select(ProfileRow.key, ProfileRow.entity_id)
                                   .where(ProfileRow.key.in_(chunk))).all())
    return out


def entity_labels_kinds(session: Session, ids: Collection[str]) -> dict[str, tuple[str, str]]:
    """Label and kind of each of these entities."""
    out: dict[str, tuple[str, str]] = {}
    for chunk in chunks(i for i in ids if i):
        for eid, label, kind in session.execute(
                select(EntityRow.id, EntityRow.label, EntityRow.kind)
                .where(EntityRow.id.in_(chunk))):
            out[eid] = (label, kind)
    return out


def document_titles(session: Session, ids: Collection[str]) -> dict[str, str | None]:
    """The title of each of these documents (None when it has none)."""
    out: dict[str, str | None] = {}
    for chunk in chunks(ids):
        out.update(session.execute(select(DocumentRow.id, DocumentRow.title)
                                   .where(DocumentRow.id.in_(chunk))).all())
    return out

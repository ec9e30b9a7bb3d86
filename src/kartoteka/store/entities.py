"""Giving profiles their entities: the cross-document step applied to the stored profiles.

Persons are linked by ``resolve.across.link_profiles`` over a neighbourhood (every profile that
shares a blocking key with the ones that changed), with the human decisions as constraints.
Organisations and places are one entity per normalised name; groups and unnamed people stay
with their document. Entity ids are kept where a cluster already had one, so links, URLs and
decisions that name an entity keep working after a re-run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kartoteka.curate.edits import Curation, curation
from kartoteka.model import stable_id
from kartoteka.resolve.profile import Profile
from kartoteka.store.tables import ClaimRow, EntityRow, LinkRow, MentionRow, ProfileRow

PERSON_PREFIX = "p"


def _normal(label: str) -> str:
    return " ".join(label.casefold().split())


def _current_profiles(session: Session, where=None) -> list[ProfileRow]:  # noqa: ANN001
    from kartoteka.store.tables import DocumentRow

    query = select(ProfileRow).join(DocumentRow).where(DocumentRow.superseded.is_(False))
    if where is not None:
        query = query.where(where)
    return list(session.scalars(query))


def _is_linkable_person(row: ProfileRow) -> bool:
    return row.kind == "person" and not row.descriptor and bool(row.block_key)


def resolve_profiles(session: Session, changed: Iterable[str] | None = None) -> set[str]:
    """(Re)assign entities to the changed profiles (all when None); returns touched entities."""
    cur = curation(session)
    if changed is None:
        rows = _current_profiles(session)
    else:
        changed = set(changed)
        seed = _current_profiles(session, ProfileRow.key.in_(changed))
        # Decisions pull in the profiles they name, wherever they are.
        tied = {b for a, b in cur.decisions.must_link | cur.decisions.cannot_link if a in changed}
        tied |= {a for a, b in cur.decisions.must_link | cur.decisions.cannot_link if b in changed}
        blocks = _neighbour_blocks(session, [r for r in seed if _is_linkable_person(r)])
        old_entities = {r.entity_id for r in seed if r.entity_id}
        rows = {r.key: r for r in seed}
        if blocks:
            for r in _current_profiles(session, ProfileRow.block_key.in_(blocks)):
                rows[r.key] = r
        if tied or old_entities:
            cond = ProfileRow.key.in_(tied) | ProfileRow.entity_id.in_(old_entities)
            for r in _current_profiles(session, cond):
                rows[r.key] = r
        rows = list(rows.values())
    touched: set[str] = {r.entity_id for r in rows if r.entity_id}
    persons = [r for r in rows if _is_linkable_person(r)]
    others = [r for r in rows if not _is_linkable_person(r)]
    clusters = _link_persons(session, persons, cur)
    by_name: dict[tuple[str, str], list[ProfileRow]] = defaultdict(list)
    for r in others:
        if r.kind in ("organization", "place"):
            by_name[(r.kind, _normal(r.label))].append(r)
        else:
            clusters.append([r])
    clusters.extend(by_name.values())
    used: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: (-len(c), min(r.key for r in c))):
        entity_id = _entity_id_for(cluster, used)
        used.add(entity_id)
        for r in cluster:
            r.entity_id = entity_id
        touched.add(entity_id)
    session.flush()
    refresh_entities(session, touched, cur)
    return touched


def _neighbour_blocks(session: Session, seed: list[ProfileRow]) -> set[str]:
    """The blocks whose profiles the changed ones are compared with: their own, and every
    stored block with the same coarse key (``names.keys.neighbour_key``) as any reading of
    their surnames, so Ulrich meets Ulrikh whichever was stored first."""
    from kartoteka.names.keys import neighbour_key, surname_keys

    blocks = {r.block_key for r in seed if r.block_key}
    wanted = {neighbour_key(k) for k in blocks}
    for r in seed:
        surname = (r.data or {}).get("surname")
        if surname:
            wanted.update(neighbour_key(k) for k in surname_keys(surname))
    stored = session.scalars(select(ProfileRow.block_key).where(
        ProfileRow.kind == "person", ProfileRow.block_key.is_not(None)).distinct())
    return blocks | {b for b in stored if b and neighbour_key(b) in wanted}


def _link_persons(session: Session, persons: list[ProfileRow], cur: Curation) -> list[list]:
    if not persons:
        return []
    from kartoteka.resolve.across import link_profiles

    by_key = {r.key: r for r in persons}
    linkage = link_profiles(
        [Profile.from_dict(r.data) for r in persons], decisions=cur.decisions,
    )
    keys = list(by_key)
    for pair in linkage.pairs:
        if pair.a in by_key and pair.b in by_key:
            a, b = sorted((pair.a, pair.b))
            session.merge(LinkRow(a=a, b=b, probability=float(pair.probability),
                                  decision=pair.decision, features=pair.features))
    clusters = [[by_key[k] for k in cluster if k in by_key] for cluster in linkage.clusters]
    covered = {r.key for c in clusters for r in c}
    clusters += [[by_key[k]] for k in keys if k not in covered]
    return [c for c in clusters if c]


def _entity_id_for(cluster: list[ProfileRow], used: set[str]) -> str:
    """Keep the id most of the cluster already had; otherwise derive one from its members.

    Clusters come largest first, so after a split the larger part keeps the old id.
    """
    held = Counter(r.entity_id for r in cluster if r.entity_id and r.entity_id not in used)
    if held:
        return sorted(held.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    kind = cluster[0].kind
    if kind in ("organization", "place"):
        base = (kind[0], _normal(cluster[0].label))
    else:
        base = (PERSON_PREFIX if kind == "person" else kind[0], min(r.key for r in cluster))
    candidate, n = stable_id(*base), 0
    while candidate in used:
        n += 1
        candidate = stable_id(*base, n)
    return candidate


def refresh_entities(session: Session, entity_ids: Iterable[str], cur: Curation | None = None
                     ) -> None:
    """Rebuild label, names, gender and members of these entities from their profiles."""
    cur = cur or curation(session)
    ids = set(entity_ids)
    if not ids:
        return
    profiles: dict[str, list[ProfileRow]] = defaultdict(list)
    for r in session.scalars(select(ProfileRow).where(ProfileRow.entity_id.in_(ids))):
        profiles[r.entity_id].append(r)
    member_entity = {}
    member_keys = {k for rows in profiles.values() for r in rows for k in r.members}
    if member_keys:
        for key, eid in session.execute(
            select(ProfileRow.key, ProfileRow.entity_id).where(ProfileRow.key.in_(member_keys))
        ):
            member_entity[key] = eid
    for eid in ids:
        rows = profiles.get(eid, [])
        existing = session.get(EntityRow, eid)
        if not rows:
            if existing is not None:
                session.delete(existing)
            continue
        names: list[str] = []
        for r in sorted(rows, key=lambda r: r.key):
            for n in [*r.names, r.label] if not r.descriptor else r.names:
                if n and n not in names:
                    names.append(n)
        label = _best_label(rows, cur)
        genders = Counter(r.gender for r in rows if r.gender)
        members = sorted({member_entity[k] for r in rows for k in r.members
                          if member_entity.get(k)})
        entity = existing or EntityRow(id=eid, kind=rows[0].kind)
        entity.kind, entity.label, entity.names = rows[0].kind, label, names
        entity.members = members
        entity.gender = genders.most_common(1)[0][0] if genders else None
        if existing is None:
            session.add(entity)
    session.flush()


def _best_label(rows: list[ProfileRow], cur: Curation) -> str:
    for r in rows:
        if r.key in cur.labels:
            return cur.labels[r.key]

    def fullness(r: ProfileRow) -> tuple:
        d = r.data or {}
        parts = sum(bool(d.get(k)) for k in ("given", "patronymic", "surname"))
        latin = r.label.isascii()
        return (not r.descriptor, parts, latin, len(r.names), -len(r.label))

    return max(rows, key=fullness).label


def drop_orphan_entities(session: Session) -> None:
    held = select(ProfileRow.entity_id).where(ProfileRow.entity_id.is_not(None))
    session.execute(delete(EntityRow).where(EntityRow.id.not_in(held)))


def apply_claim_curation(session: Session, cur: Curation | None = None) -> None:
    """Claim statuses and field edits made by hand, re-applied after any re-run."""
    cur = cur or curation(session)
    for claim_id, status in cur.claim_status.items():
        row = session.get(ClaimRow, claim_id)
        if row is not None:
            row.status = status
    for claim_id, fields in cur.claim_fields.items():
        row = session.get(ClaimRow, claim_id)
        if row is not None:
            for name, value in fields.items():
                setattr(row, name, value)


def entity_of_mention(session: Session, mention_id: str) -> str | None:
    return session.scalar(
        select(ProfileRow.entity_id).join(MentionRow, MentionRow.profile_key == ProfileRow.key)
        .where(MentionRow.id == mention_id)
    )

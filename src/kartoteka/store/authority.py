"""Authority lists in the store: their records, and the links of person profiles to them.

Links hang on profiles (stable keys), so they survive re-resolution. Deciding the links is
``resolve.authority``'s work, called by ``kartoteka.relink``; a link or an unlink made by hand
(an edit) is passed in here and always wins over the model's decision.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kartoteka.store.tables import AuthorityLinkRow, AuthorityRecordRow, DocumentRow, ProfileRow
from kartoteka.store.users import SettingRow

MODEL_SETTING = "authority_model"


class Match(Protocol):
    """A decided link (``resolve.authority.AuthorityMatch``), as the store keeps it."""

    profile_key: str
    source: str
    record_id: str
    probability: float
    decision: str
    features: dict[str, Any]


def save_record(session: Session, *, source: str, record_id: str, name: str,
                block_key: str | None, data: dict[str, Any]) -> None:
    session.merge(AuthorityRecordRow(source=source, record_id=record_id, name=name,
                                     block_key=block_key, data=data))


def _linkable():  # noqa: ANN202 (a SQLAlchemy select)
    return (select(ProfileRow).join(DocumentRow).where(
        DocumentRow.superseded.is_(False), ProfileRow.kind == "person",
        ProfileRow.descriptor.is_(None), ProfileRow.block_key.is_not(None)))


def linkable_profiles(session: Session, profile_keys: Iterable[str] | None = None, *,
                      with_entities: bool = False) -> list[ProfileRow]:
    """Current named person profiles with a blocking key (all, or these; ``with_entities``:
    these and the other linkable profiles of their entities, ``with_entity_members``)."""
    query = _linkable()
    if profile_keys is None:
        return list(session.scalars(query))
    rows = list(session.scalars(query.where(ProfileRow.key.in_(list(profile_keys)))))
    return with_entity_members(session, rows) if with_entities else rows


def with_entity_members(session: Session, rows: Collection[ProfileRow]) -> list[ProfileRow]:
    """These profiles and the other linkable profiles of their entities: a new document's
    profile that joins an entity brings what it says to the entity's older profiles, whose
    links were decided without it (``resolve.authority_rules.pooled``)."""
    entities = {r.entity_id for r in rows if r.entity_id}
    out = {r.key: r for r in rows}
    if entities:
        for row in session.scalars(_linkable().where(ProfileRow.entity_id.in_(list(entities)))):
            out.setdefault(row.key, row)
    return sorted(out.values(), key=lambda r: r.key)


def entities_of(session: Session, profile_keys: Collection[str],
                by_hand: Collection[tuple[str, str, str]] = ()) -> dict[str, str]:
    """Profile key -> its entity, for these profiles and those of the pairs a human decided
    (those that have one)."""
    keys = {*profile_keys, *(profile for profile, _, _ in by_hand)}
    if not keys:
        return {}
    query = select(ProfileRow.key, ProfileRow.entity_id).where(
        ProfileRow.key.in_(list(keys)), ProfileRow.entity_id.is_not(None))
    return {key: entity for key, entity in session.execute(query)}


def entity_profiles(session: Session, rows: Collection[ProfileRow]) -> dict[str, list[ProfileRow]]:
    """Profile key -> the other current person profiles of its entity (its other documents)."""
    entities = {r.entity_id for r in rows if r.entity_id}
    if not entities:
        return {}
    query = (select(ProfileRow).join(DocumentRow).where(
        DocumentRow.superseded.is_(False), ProfileRow.kind == "person",
        ProfileRow.entity_id.in_(list(entities))))
    members: dict[str, list[ProfileRow]] = {}
    for row in session.scalars(query):
        members.setdefault(row.entity_id or "", []).append(row)
    return {r.key: [m for m in members.get(r.entity_id or "", []) if m.key != r.key]
            for r in rows if r.entity_id}


def stored_records(session: Session, *, source: str | None = None,
                   block_keys: Collection[str] | None = None) -> list[AuthorityRecordRow]:
    """Stored records (of one list, or all; in these blocks, or all)."""
    query = select(AuthorityRecordRow)
    if source:
        query = query.where(AuthorityRecordRow.source == source)
    if block_keys is not None:
        query = query.where(AuthorityRecordRow.block_key.in_(block_keys))
    return list(session.scalars(query))


def record_counts(session: Session) -> dict[str, int]:
    """The number of stored records of each list."""
    query = select(AuthorityRecordRow.source, func.count()).group_by(AuthorityRecordRow.source)
    return {source: int(count) for source, count in session.execute(query)}


def entity_link_details(session: Session, entity_id: str
                        ) -> dict[tuple[str, str], tuple[float, dict[str, Any]]]:
    """(source, record id) -> (probability, features) of the links of this entity's profiles
    (the best scored where several of its profiles link to one record)."""
    query = (select(AuthorityLinkRow)
             .join(ProfileRow, ProfileRow.key == AuthorityLinkRow.profile_key)
             .where(ProfileRow.entity_id == entity_id, AuthorityLinkRow.decision == "linked"))
    out: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}
    for link in session.scalars(query):
        key = (link.source, link.record_id)
        if key not in out or link.probability > out[key][0]:
            out[key] = (link.probability, link.features or {})
    return out


def labelled_links(session: Session, by_hand: dict[tuple[str, str, str], bool]
                   ) -> list[tuple[dict[str, Any], float, bool]]:
    """(features, probability, accepted) of the pairs a human decided that the model had
    scored (a link made by hand from nothing has no comparisons to learn from)."""
    out = []
    for (profile, source, record_id), accepted in sorted(by_hand.items()):
        row = session.get(AuthorityLinkRow, (profile, source, record_id))
        if row is not None and isinstance((row.features or {}).get("surname"), dict):
            out.append((row.features, row.probability, accepted))
    return out


def save_model(session: Session, model: dict[str, Any]) -> None:
    session.merge(SettingRow(key=MODEL_SETTING, value=json.dumps(model, sort_keys=True)))


def stored_model(session: Session) -> dict[str, Any] | None:
    """The authority model last computed (``resolve.authority_model``), or None."""
    row = session.get(SettingRow, MODEL_SETTING)
    return json.loads(row.value) if row is not None else None


def replace_links(session: Session, profile_keys: Collection[str], sources: Collection[str],
                  matches: Iterable[Match], by_hand: Collection[tuple[str, str, str]]
                  ) -> dict[str, int]:
    """The model's links of these profiles to these lists, replaced by ``matches``; the pairs
    a human decided (``by_hand``) are kept as they are. Returns the count of each decision."""
    stale = select(AuthorityLinkRow).where(AuthorityLinkRow.profile_key.in_(list(profile_keys)),
                                           AuthorityLinkRow.source.in_(set(sources)))
    for old in session.scalars(stale):
        if (old.profile_key, old.source, old.record_id) not in by_hand:
            session.delete(old)
    session.flush()
    counts = {"linked": 0, "review": 0}
    for m in matches:
        if (m.profile_key, m.source, m.record_id) in by_hand:
            continue  # a human decided this pair
        session.merge(AuthorityLinkRow(profile_key=m.profile_key, source=m.source,
                                       record_id=m.record_id, probability=m.probability,
                                       decision=m.decision, features=m.features))
        counts[m.decision] += 1
    session.flush()
    return counts


__all__ = ["Match", "entities_of", "entity_link_details", "labelled_links", "linkable_profiles",
           "record_counts", "replace_links", "save_model", "save_record", "stored_model",
           "stored_records", "with_entity_members"]

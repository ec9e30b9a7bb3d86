"""Entities in the store: profiles grouped under entity ids, and what each entity shows.

Which profiles belong together is decided outside (``kartoteka.relink`` calls ``resolve``);
this module stores the answer. Entity ids are kept where a cluster already had one, so links,
URLs and decisions that name an entity keep working after a re-run.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import (
    Text,
    cast,
    delete,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import Session

from kartoteka.model import stable_id
from kartoteka.store import entity_summary as summaries
from kartoteka.store.tables import (
    ClaimRow,
    DocumentRow,
    EntityRow,
    MentionRow,
    ProfileRow,
)

PERSON_PREFIX = "p"
# session.info key: entities that profiles of a superseded document left (``store.writer``).
LEFT_ENTITIES = "kartoteka.left_entities"
# Values bound in one IN (...): far under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
IN_CHUNK = 5000


def _normal(label: str) -> str:
    return " ".join(label.casefold().split())


def current_profiles(session: Session, where=None) -> list[ProfileRow]:  # noqa: ANN001
    """Profiles of documents not superseded (that match ``where``, if given)."""
    query = select(ProfileRow).join(DocumentRow).where(DocumentRow.superseded.is_(False))
    if where is not None:
        query = query.where(where)
    return list(session.scalars(query))


def is_linkable_person(row: ProfileRow) -> bool:
    return row.kind == "person" and not row.descriptor and bool(row.block_key)


def stored_block_keys(session: Session) -> list[str]:
    """Every blocking key a person profile is stored under."""
    return [b for b in session.scalars(select(ProfileRow.block_key).where(
        ProfileRow.kind == "person", ProfileRow.block_key.is_not(None)).distinct()) if b]


def assign_entities(session: Session, clusters: list[list[ProfileRow]], touched: set[str],
                    labels: dict[str, str], *, only_changed: bool = False) -> set[str]:
    """Give every cluster of profiles one entity (largest first, keeping ids where it can),
    rebuild those entities and return the ids touched (with ``touched``, the ids held before).

    ``only_changed``: rebuild only the entities a profile left or joined. One whose profiles
    are the ones it had shows what it showed (its label, names and gender are functions of
    them and of the names given by hand, which a curator's edit applies when it is made);
    relinking a common surname's neighbourhood rebuilt every entity in it, file after file.
    """
    used: set[str] = set()
    moved: set[str | None] = set()
    joined: dict[str, list[ProfileRow]] = defaultdict(list)
    lost: set[str] = set()  # entities a profile left
    for cluster in sorted(clusters, key=lambda c: (-len(c), min(r.key for r in c))):
        entity_id = _entity_id_for(cluster, used)
        used.add(entity_id)
        for r in cluster:
            if r.entity_id != entity_id:
                moved.update((r.entity_id, entity_id))
                joined[entity_id].append(r)
                if r.entity_id:
                    lost.add(r.entity_id)
            r.entity_id = entity_id
        touched.add(entity_id)
    session.flush()
    left = session.info.pop(LEFT_ENTITIES, set())  # by the profiles of a file's old version
    # An entity that only gained profiles is brought up to date from its summary and them.
    added = {eid: rows for eid, rows in joined.items() if eid not in lost | left}
    ids = touched & moved if only_changed else touched
    refresh_entities(session, ids | left, labels,
                     added={eid: rows for eid, rows in added.items() if eid in ids})
    return touched


def group_by_name(rows: list[ProfileRow]) -> list[list[ProfileRow]]:
    """Organisations and places are one entity per normalised name; groups and unnamed people
    stay alone with their document."""
    clusters: list[list[ProfileRow]] = []
    by_name: dict[tuple[str, str], list[ProfileRow]] = defaultdict(list)
    for r in rows:
        if r.kind in ("organization", "place"):
            by_name[(r.kind, _normal(r.label))].append(r)
        else:
            clusters.append([r])
    return clusters + list(by_name.values())


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


def refresh_entities(session: Session, entity_ids: Iterable[str],
                     labels: dict[str, str] | None = None, *,
                     added: dict[str, list[ProfileRow]] | None = None) -> None:
    """Rebuild label, names, gender and members of these entities from their profiles.

    ``labels``: the names given by hand (anchor profile key -> label, from the edits).
    ``added``: the profiles that joined an entity which lost none: one with a summary
    (``store.entity_summary``) is brought up to date from it and them, as a rebuild from all
    its profiles would (a recurring prisoner's entity was read whole each time one joined).
    """
    ids = set(entity_ids)
    if not ids:
        return
    # The entities as stored, read in a few queries: one get() a row would be a round trip
    # (and a flush of the rows added before it) per entity.
    stored = {row.id: row for chunk in _chunks(sorted(ids))
              for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(chunk)))}
    quick = summaries.extendable(session, stored, {e: r for e, r in (added or {}).items()
                                                   if e in ids})
    anchors = _labelled_members(session, sorted(ids), labels or {})
    for eid, summary in quick.items():
        entity = stored[eid]
        entity.label = labels[anchors[eid]] if labels and eid in anchors \
            else summary["best"]["label"]
        entity.names = [n for n, _key, _place in summary["names"]]
        entity.gender = summaries.gender_of(summary)
        entity.summary = summary
    _rebuild(session, sorted(ids - quick.keys()), stored, anchors, labels or {})
    session.flush()


def _rebuild(session: Session, ids: list[str], stored: dict[str, EntityRow],
             anchors: dict[str, str], labels: dict[str, str]) -> None:
    """These entities rebuilt from all their profiles, with their summaries."""
    profiles = _member_groups(session, ids)
    member_entity = {}
    member_keys = {k for rows in profiles.values() for r in rows for k in r.members}
    for chunk in _chunks(sorted(member_keys)):
        for key, eid in session.execute(
            select(ProfileRow.key, ProfileRow.entity_id).where(ProfileRow.key.in_(chunk))
        ):
            member_entity[key] = eid
    built: dict[str, dict[str, Any]] = {}
    for eid in ids:
        rows = profiles.get(eid, [])
        existing = stored.get(eid)
        if not rows:
            if existing is not None:
                session.delete(existing)
            continue
        names: list[list[Any]] = []
        seen: set[str] = set()
        for r in sorted(rows, key=lambda r: r.key):
            for place, n in enumerate(summaries.shown_names(r.names, r.label, r.descriptor)):
                if n and n not in seen:
                    seen.add(n)
                    names.append([n, r.key, place])
        best = _best_label(rows)
        genders: dict[str, list[Any]] = {}
        for r in rows:  # in the rows' order, which breaks a tie as it did row by row
            if r.gender:
                genders.setdefault(r.gender, [r.gender, 0, r.order])[1] += r.count
        members = sorted({member_entity[k] for r in rows for k in r.members
                          if member_entity.get(k)})
        entity = existing or EntityRow(id=eid, kind=rows[0].kind)
        entity.kind, entity.names = rows[0].kind, [n for n, _k, _p in names]
        entity.label = labels[anchors[eid]] if eid in anchors else best.label
        entity.members = members
        built[eid] = {"count": sum(r.count for r in rows), "names": names,
                      "best": {"rank": _fullness(best), "key": best.order, "label": best.label},
                      "genders": list(genders.values())}
        entity.gender = summaries.gender_of(built[eid])
        if existing is None:
            session.add(entity)
            stored[eid] = entity
    # the summaries name profiles by key: the stored order (SQLite's rowid) read back as one
    key_of = summaries.keys_of_orders(session, [o for s in built.values() for o in (
        s["best"]["key"], *(first for _g, _n, first in s["genders"]))])
    for eid, summary in built.items():
        summary["best"]["key"] = key_of[summary["best"]["key"]]
        summary["genders"] = [[g, n, key_of[first]] for g, n, first in summary["genders"]]
        stored[eid].summary = summary


def _chunks(items: list[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Member(NamedTuple):
    """What an entity shows of its profiles: one row for every profile that shows the same
    (``_member_groups``), with the smallest key among them and how many they are."""

    key: str
    order: Any  # the first one's place in the stored order (``entity_summary.stored_order``)
    entity_id: str
    count: int
    kind: str
    label: str
    names: list[str]
    members: list[str]
    gender: str | None
    descriptor: str | None
    given: str | None
    patronymic: str | None
    surname: str | None


# The table's columns, not the mapped class's: plain rows skip the ORM's loading. The JSON
# lists are grouped as their stored text (PostgreSQL's json type has no equality).
_PROFILES = ProfileRow.__table__.c
_SHOWN = (_PROFILES.entity_id, _PROFILES.kind, _PROFILES.label, cast(_PROFILES.names, Text),
          cast(_PROFILES.members, Text), _PROFILES.gender, _PROFILES.descriptor,
          *(_PROFILES.data[part].as_string() for part in ("given", "patronymic", "surname")))


def _member_groups(session: Session, ids: list[str]) -> dict[str, list[_Member]]:
    """Each entity's profiles, one row for those that show the same thing, in the order the
    profiles were stored (SQLite's rowid: the order the entity's index gave them in, which
    breaks ties of label and gender as before; PostgreSQL gives no order: their keys').

    Grouped by the database: an organisation or a place named in every file (the NKVD,
    Kolyma) has as many profiles as files, nearly all alike, and reading each of them, an
    entity a file, grew with the index and took a seventh of the writer's time. Every value
    an entity shows is the same from one profile of a group as from all of them: names are
    taken in key order and a group's smallest key comes first; the label is the first fullest
    in stored order and a group's first profile comes first; gender counts add up."""
    first = summaries.stored_order(session)
    out: dict[str, list[_Member]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = (select(func.min(_PROFILES.key), func.min(first), func.count(), *_SHOWN)
                 .where(_PROFILES.entity_id.in_(chunk)).group_by(*_SHOWN)
                 .order_by(_PROFILES.entity_id, func.min(first)))
        for key, order, count, eid, kind, label, names, members, *rest in \
                session.execute(query):
            out[eid].append(_Member(key, order, eid, count, kind, label,
                                    json.loads(names or "[]"), json.loads(members or "[]"),
                                    *rest))
    return out


def _labelled_members(session: Session, ids: list[str], labels: dict[str, str]
                      ) -> dict[str, str]:
    """Entity -> its first profile (in stored order) that was given a name by hand."""
    if not labels:
        return {}
    first = literal_column("rowid") if session.get_bind().dialect.name == "sqlite" \
        else _PROFILES.key
    found: dict[str, tuple[Any, str]] = {}
    for chunk in _chunks(ids):
        for keys in _chunks(sorted(labels)):
            query = (select(_PROFILES.entity_id, _PROFILES.key, first)
                     .where(_PROFILES.entity_id.in_(chunk), _PROFILES.key.in_(keys)))
            for eid, key, order in session.execute(query):
                if eid not in found or order < found[eid][0]:
                    found[eid] = (order, key)
    return {eid: key for eid, (_order, key) in found.items()}


def _fullness(r: _Member) -> list:
    parts = sum(bool(p) for p in (r.given, r.patronymic, r.surname))
    return summaries.rank(r.descriptor, parts, r.label, r.names)


def _best_label(rows: list[_Member]) -> _Member:
    """The fullest (``entity_summary.rank``); on a tie the first in stored order."""
    return max(rows, key=_fullness)


def drop_orphan_entities(session: Session) -> None:
    held = select(ProfileRow.entity_id).where(ProfileRow.entity_id.is_not(None))
    session.execute(delete(EntityRow).where(EntityRow.id.not_in(held)))


def set_claim_fields(session: Session, claim_status: dict[str, str],
                     claim_fields: dict[str, dict[str, Any]]) -> None:
    """Claim statuses and field edits made by hand, written over the claims they name."""
    for claim_id, status in claim_status.items():
        row = session.get(ClaimRow, claim_id)
        if row is not None:
            row.status = status
    for claim_id, fields in claim_fields.items():
        row = session.get(ClaimRow, claim_id)
        if row is not None:
            for name, value in fields.items():
                setattr(row, name, value)


def entity_of_mention(session: Session, mention_id: str) -> str | None:
    return session.scalar(
        select(ProfileRow.entity_id).join(MentionRow, MentionRow.profile_key == ProfileRow.key)
        .where(MentionRow.id == mention_id)
    )

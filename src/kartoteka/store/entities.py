"""Entities in the store: profiles grouped under entity ids, and what each entity shows.

Which profiles belong together is decided outside (``kartoteka.relink`` calls ``resolve``);
this module stores the answer. Entity ids are kept where a cluster already had one, so links,
URLs and decisions that name an entity keep working after a re-run.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import Text, cast, delete, func, insert, literal_column, select, update
from sqlalchemy.orm import Session

from kartoteka.model import stable_id
from kartoteka.store.tables import (
    ClaimRow,
    DocumentRow,
    EntityRow,
    LinkRow,
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


def save_links(session: Session, pairs: Iterable[Any], keys: Collection[str]) -> None:
    """The scored pairs (``resolve.across`` ``Pair``s) whose both profiles are among ``keys``."""
    wanted = {}
    for pair in pairs:
        if pair.a in keys and pair.b in keys:
            wanted[(pair.a, pair.b) if pair.a <= pair.b else (pair.b, pair.a)] = pair
    # Which of them are stored already, read a few queries at a time (merge() would read one a
    # pair). Both ends are bound: a stored profile's links with all its block are not wanted
    # when one new profile meets it. Only the keys are read: the stored features are replaced,
    # and decoding them (a JSON document a link) took a quarter of the writer's time a file.
    # The features are read as the stored JSON text, not decoded: a link whose probability,
    # decision and text are what it would be written as is left alone (relinking a common
    # surname's neighbourhood rewrote every link in it, file after file, most of them as they were).
    stored: dict[tuple[str, str], tuple[float, str, str | None]] = {}
    pairs_in_order = sorted(wanted)
    for start in range(0, len(pairs_in_order), IN_CHUNK // 2):
        chunk = pairs_in_order[start:start + IN_CHUNK // 2]
        query = select(LinkRow.a, LinkRow.b, LinkRow.probability, LinkRow.decision,
                       cast(LinkRow.features, Text)).where(
            LinkRow.a.in_(sorted({a for a, _b in chunk})),
            LinkRow.b.in_(sorted({b for _a, b in chunk})))
        stored.update(((a, b), (p, d, f)) for a, b, p, d, f in session.execute(query))
    fresh, changed = [], []
    for (a, b), pair in wanted.items():
        known = stored.get((a, b))
        row = dict(a=a, b=b, probability=float(pair.probability), decision=pair.decision,
                   features=pair.features if known else pair.features or {})
        if known is None:
            fresh.append(row)
        elif known[:2] != (row["probability"], row["decision"]) \
                or known[2] != _json_text(row["features"]):  # the text only when they agree
            changed.append(row)
    if changed:  # an UPDATE by primary key for all of them, as the INSERT below
        session.execute(update(LinkRow), changed)
    if fresh:  # one bulk INSERT, not an ORM object and a unit-of-work entry a pair
        session.execute(insert(LinkRow), fresh)


def _json_text(value: Any) -> str | None:
    """The text the JSON column stores for ``value`` (SQLAlchemy's default, ``json.dumps``);
    None when it cannot be told (the link is then written)."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return None


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
    for cluster in sorted(clusters, key=lambda c: (-len(c), min(r.key for r in c))):
        entity_id = _entity_id_for(cluster, used)
        used.add(entity_id)
        for r in cluster:
            if r.entity_id != entity_id:
                moved.update((r.entity_id, entity_id))
            r.entity_id = entity_id
        touched.add(entity_id)
    session.flush()
    left = session.info.pop(LEFT_ENTITIES, set())  # by the profiles of a file's old version
    refresh_entities(session, (touched & moved if only_changed else touched) | left, labels)
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
                     labels: dict[str, str] | None = None) -> None:
    """Rebuild label, names, gender and members of these entities from their profiles.

    ``labels``: the names given by hand (anchor profile key -> label, from the edits).
    """
    ids = set(entity_ids)
    if not ids:
        return
    profiles = _member_groups(session, sorted(ids))
    member_entity = {}
    member_keys = {k for rows in profiles.values() for r in rows for k in r.members}
    for chunk in _chunks(sorted(member_keys)):
        for key, eid in session.execute(
            select(ProfileRow.key, ProfileRow.entity_id).where(ProfileRow.key.in_(chunk))
        ):
            member_entity[key] = eid
    anchors = _labelled_members(session, sorted(ids), labels or {})
    # The entities as stored, read in a few queries: one get() a row would be a round trip
    # (and a flush of the rows added before it) per entity.
    stored = {row.id: row for chunk in _chunks(sorted(ids))
              for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(chunk)))}
    for eid in ids:
        rows = profiles.get(eid, [])
        existing = stored.get(eid)
        if not rows:
            if existing is not None:
                session.delete(existing)
            continue
        names: list[str] = []
        for r in sorted(rows, key=lambda r: r.key):
            for n in [*r.names, r.label] if not r.descriptor else r.names:
                if n and n not in names:
                    names.append(n)
        label = labels[anchors[eid]] if eid in anchors else _best_label(rows)
        genders: Counter[str] = Counter()
        for r in rows:  # in the rows' order, which breaks a tie as it did row by row
            if r.gender:
                genders[r.gender] += r.count
        members = sorted({member_entity[k] for r in rows for k in r.members
                          if member_entity.get(k)})
        entity = existing or EntityRow(id=eid, kind=rows[0].kind)
        entity.kind, entity.label, entity.names = rows[0].kind, label, names
        entity.members = members
        entity.gender = genders.most_common(1)[0][0] if genders else None
        if existing is None:
            session.add(entity)
    session.flush()


def _chunks(items: list[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Member(NamedTuple):
    """What an entity shows of its profiles: one row for every profile that shows the same
    (``_member_groups``), with the smallest key among them and how many they are."""

    key: str
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
    first = literal_column("rowid") if session.get_bind().dialect.name == "sqlite" \
        else _PROFILES.key
    out: dict[str, list[_Member]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = (select(func.min(_PROFILES.key), func.count(), *_SHOWN)
                 .where(_PROFILES.entity_id.in_(chunk)).group_by(*_SHOWN)
                 .order_by(_PROFILES.entity_id, func.min(first)))
        for key, count, eid, kind, label, names, members, *rest in session.execute(query):
            out[eid].append(_Member(key, eid, count, kind, label, json.loads(names or "[]"),
                                    json.loads(members or "[]"), *rest))
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


def _best_label(rows: list[_Member]) -> str:
    def fullness(r: _Member) -> tuple:
        parts = sum(bool(p) for p in (r.given, r.patronymic, r.surname))
        latin = r.label.isascii()
        return (not r.descriptor, parts, latin, len(r.names), -len(r.label))

    return max(rows, key=fullness).label


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

"""An entity's summary: what its label, names and gender are made of, kept beside it so the
profiles that join it can be added without reading the others again.

A recurring prisoner's entity gains a profile in file after file; rebuilding it from every
member each time grew with the index. The summary holds, for the rebuild's rules
(``store.entities.refresh_entities``):

- ``names``: each name with the first profile that gives it (its key and the name's place
  in that profile's list): the names are shown in that order;
- ``best``: the fullest label's rank and the profile it came from (a tie goes to the profile
  stored first: SQLite's rowid, PostgreSQL's key, read again when compared, never kept);
- ``genders``: each gender's count and the profile stored first with it;
- ``count``: how many profiles it was made of. One that differs from the entity's profiles now
  (a change made without the rebuild) makes the rebuild read every member again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from kartoteka.store.tables import EntityRow, ProfileRow

_PROFILES = ProfileRow.__table__.c
IN_CHUNK = 5000


def stored_order(session: Session):  # noqa: ANN201
    """The column that says which profile was stored first (see ``_member_groups``)."""
    return literal_column("rowid") if session.get_bind().dialect.name == "sqlite" \
        else _PROFILES.key


def rank(descriptor: str | None, parts: int, label: str, names: Sequence[str]) -> list:
    """How full a label is: a name before a description, more name parts, Latin, more
    written forms, shorter."""
    return [not descriptor, parts, label.isascii(), len(names), -len(label)]


def shown_names(names: Sequence[str], label: str, descriptor: str | None) -> list[str]:
    return list(names) if descriptor else [*names, label]


def keys_of_orders(session: Session, orders: Iterable[Any]) -> dict[Any, str]:
    """Profile key of each stored-order value (the identity on PostgreSQL)."""
    return _rowid_map(session, orders, literal_column("rowid"), _PROFILES.key)


def _orders_of_keys(session: Session, keys: Iterable[str]) -> dict[str, Any]:
    return _rowid_map(session, keys, _PROFILES.key, literal_column("rowid"))


def _rowid_map(session: Session, values: Iterable[Any], given: Any, wanted: Any
               ) -> dict[Any, Any]:
    """``given`` value -> ``wanted`` value of the profiles, between a key and its SQLite rowid
    (the stored order); on PostgreSQL the key is its own order."""
    found_for = sorted(set(values))
    if session.get_bind().dialect.name != "sqlite":
        return {v: v for v in found_for}
    found: dict[Any, Any] = {}
    for start in range(0, len(found_for), IN_CHUNK):
        query = select(given, wanted).where(given.in_(found_for[start:start + IN_CHUNK]))
        found.update((a, b) for a, b in session.execute(query))
    return found


def extendable(session: Session, stored: dict[str, EntityRow],
               added: dict[str, list[ProfileRow]]) -> dict[str, dict[str, Any]]:
    """The new summaries of the entities that can be brought up to date from their summary
    and the profiles that joined them (``added``, already flushed with their entity id)."""
    candidates = {}
    for eid, rows in added.items():
        entity = stored.get(eid)
        summary = entity.summary if entity is not None else None
        if not summary or entity.members or any(r.members or r.kind != entity.kind
                                                for r in rows):
            continue  # groups list their members' entities: those are read again
        candidates[eid] = summary
    if not candidates:
        return {}
    counts: dict[str, int] = {}
    ids = sorted(candidates)
    for start in range(0, len(ids), IN_CHUNK):
        query = (select(_PROFILES.entity_id, func.count())
                 .where(_PROFILES.entity_id.in_(ids[start:start + IN_CHUNK]))
                 .group_by(_PROFILES.entity_id))
        counts.update((eid, n) for eid, n in session.execute(query))
    candidates = {eid: s for eid, s in candidates.items()
                  if counts.get(eid) == s["count"] + len(added[eid])}
    keys = {r.key for eid in candidates for r in added[eid]}
    for s in candidates.values():
        keys.add(s["best"]["key"])
        keys.update(first for _g, _n, first in s["genders"])
    order = _orders_of_keys(session, keys)
    out = {}
    for eid, summary in candidates.items():
        if all(k in order for k in [summary["best"]["key"],
                                    *(first for _g, _n, first in summary["genders"])]):
            out[eid] = _extend(summary, added[eid], order)
    return out


def _extend(summary: dict[str, Any], rows: list[ProfileRow], order: dict[str, Any]
            ) -> dict[str, Any]:
    """``summary`` with ``rows`` added: what a rebuild from all of them would give."""
    first_place = {n: (k, i) for n, k, i in summary["names"]}
    best = summary["best"]
    best_rank, best_order = tuple(best["rank"]), order[best["key"]]
    genders = {g: [n, order[first], first] for g, n, first in summary["genders"]}
    for r in rows:
        for i, n in enumerate(shown_names(r.names or [], r.label, r.descriptor)):
            if n and (n not in first_place or (r.key, i) < tuple(first_place[n])):
                first_place[n] = (r.key, i)
        data = r.data or {}
        parts = sum(bool(data.get(p)) for p in ("given", "patronymic", "surname"))
        here = tuple(rank(r.descriptor, parts, r.label, r.names or []))
        if here > best_rank or (here == best_rank and order[r.key] < best_order):
            best = {"rank": list(here), "key": r.key, "label": r.label}
            best_rank, best_order = here, order[r.key]
        if r.gender:
            held = genders.setdefault(r.gender, [0, order[r.key], r.key])
            held[0] += 1
            if order[r.key] < held[1]:
                held[1], held[2] = order[r.key], r.key
    names = sorted(first_place, key=lambda n: tuple(first_place[n]))
    return {"count": summary["count"] + len(rows),
            "names": [[n, *first_place[n]] for n in names],
            "best": best,
            "genders": [[g, n, first] for g, (n, _o, first) in
                        sorted(genders.items(), key=lambda kv: kv[1][1])]}


def gender_of(summary: dict[str, Any]) -> str | None:
    """The commonest gender; on a tie the one stored first (the list is in that order)."""
    best: tuple[int, str] | None = None
    for g, n, _first in summary["genders"]:
        if best is None or n > best[0]:
            best = (n, g)
    return best[1] if best else None

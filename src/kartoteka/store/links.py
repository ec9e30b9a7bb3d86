"""Scored pairs of profiles in the store: what the review queue and an entity's page show of
why two profiles were linked, queued or kept apart.

The linker (``kartoteka.relink`` calls ``resolve``) scores the pairs of a set of profiles; this
module makes the stored links of that set what the linker last said of it. A stored link the
linker no longer returns is dropped, unless a person decided it: a review item it left would
stay in the queue after the evidence that raised it was gone.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from kartoteka.store.entities import IN_CHUNK
from kartoteka.store.tables import LinkRow

# Pairs looked up in one statement (``_stored_links``): SQLite parses an OR of them as a tree
# at most 1,000 deep.
PAIR_CHUNK = 256
# A reviewer's answer, mirrored on the link (``store.curation.set_link_decision``): the edit
# itself is kept elsewhere, but the link shows it, so the linker's silence never removes it.
HUMAN_DECISIONS = ("must-link", "cannot-link")


def save_links(session: Session, pairs: Iterable[Any], keys: Collection[str], *,
               compared: Collection[str] | None = None) -> None:
    """Store the scored pairs (``resolve.across`` ``Pair``s) whose both profiles are among
    ``keys``, and drop the stale ones.

    ``compared``: the profiles the linker scored against all of ``keys`` (every one of ``keys``
    when not given; the incremental linker scores only a file's new profiles against their
    neighbours). A stored link between one of them and another of ``keys`` that ``pairs`` no
    longer holds is removed, unless its decision is a reviewer's.
    """
    wanted = {}
    for pair in pairs:
        if pair.a in keys and pair.b in keys:
            wanted[(pair.a, pair.b) if pair.a <= pair.b else (pair.b, pair.a)] = pair
    _drop_stale(session, wanted, keys, keys if compared is None else compared)
    # Which of them are stored already, read a few queries at a time (merge() would read one a
    # pair), both ends bound. The features are read as the stored JSON text, not decoded (that
    # took a quarter of the writer's time a file): a link whose probability, decision and text
    # are what it would be written as is left alone (relinking a common surname's neighbourhood
    # rewrote every link in it, file after file, most of them as they were).
    stored: dict[tuple[str, str], tuple[float, str, str | None]] = {}
    pairs_in_order = sorted(wanted)
    for start in range(0, len(pairs_in_order), PAIR_CHUNK):
        stored.update(_stored_links(session, pairs_in_order[start:start + PAIR_CHUNK]))
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


def _drop_stale(session: Session, wanted: Collection[tuple[str, str]], keys: Collection[str],
                compared: Collection[str]) -> None:
    """Remove the stored links of ``compared`` to ``keys`` that are not ``wanted``, by key.

    Each end is looked up on its own index (the primary key's first column, ``ix_links_b``):
    a profile has as many links as its block has candidates, so this reads what the linker
    just scored, not the table."""
    ends = sorted(compared)
    stale: set[tuple[str, str]] = set()
    for column, other in ((LinkRow.a, LinkRow.b), (LinkRow.b, LinkRow.a)):
        for start in range(0, len(ends), IN_CHUNK):
            rows = session.execute(select(LinkRow.a, LinkRow.b, other).where(
                column.in_(ends[start:start + IN_CHUNK]),
                LinkRow.decision.not_in(HUMAN_DECISIONS)))
            stale.update((a, b) for a, b, end in rows
                         if end in keys and (a, b) not in wanted)
    if not stale:
        return
    gone = sorted(stale)
    for start in range(0, len(gone), PAIR_CHUNK):
        size, params = _bound_pairs(gone[start:start + PAIR_CHUNK])
        session.execute(delete(LinkRow).where(_pairs_clause(size)), params)


def _stored_links(session: Session, pairs: list[tuple[str, str]]
                  ) -> Iterator[tuple[tuple[str, str], tuple[float, str, str | None]]]:
    """The stored links of these pairs, each found by its primary key.

    Not ``a IN (...) AND b IN (...)``: that read every stored link between any of the pairs'
    ends (a neighbourhood's links, which grew with the index); nor a row-value IN, which
    SQLite answers by scanning the whole table. An OR of (a, b) equalities is one primary-key
    search a pair on SQLite and PostgreSQL; the list is padded to a power of two so a few
    statement shapes are built and compiled once a process (``_links_by_key``: building the OR
    anew took a sixth of the writer's time a file)."""
    size, params = _bound_pairs(pairs)
    for a, b, p, d, f in session.execute(_links_by_key(size), params):
        yield (a, b), (p, d, f)


def _bound_pairs(pairs: list[tuple[str, str]]) -> tuple[int, dict[str, str]]:
    """The pairs padded to a power of two (a few statement shapes a process) and bound as
    a0, b0, a1, b1, … for ``_pairs_clause``."""
    size = max(8, 1 << (len(pairs) - 1).bit_length())
    padded = pairs + [pairs[-1]] * (size - len(pairs))
    return size, {f"{end}{i}": pair[j] for i, pair in enumerate(padded)
                  for j, end in enumerate("ab")}


@lru_cache(maxsize=16)
def _pairs_clause(size: int) -> ColumnElement[bool]:
    return or_(*(and_(LinkRow.a == bindparam(f"a{i}"), LinkRow.b == bindparam(f"b{i}"))
                 for i in range(size)))


@lru_cache(maxsize=16)
def _links_by_key(size: int) -> Select:
    return select(LinkRow.a, LinkRow.b, LinkRow.probability, LinkRow.decision,
                  cast(LinkRow.features, Text)).where(_pairs_clause(size))


def _json_text(value: Any) -> str | None:
    """The text the JSON column stores for ``value`` (SQLAlchemy's default, ``json.dumps``);
    None when it cannot be told (the link is then written)."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return None

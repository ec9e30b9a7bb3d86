"""The one entity search: a name typed in any script or spelling -> the entities it may mean.

The web UI's search box, the JSON API, the CLI's ``show`` and the reconciliation API
(``kartoteka.export.reconcile``) all find their candidates here. ``NameKeys`` maps each name
token to its entities under three keys -- the token folded to Latin, its script-independent
surname keys, and their looser l/r form -- so a query reaches its candidates by lookups
(``search_candidates``). ``find_entities`` ranks stored entities by the words of their name
forms; the reconciliation API ranks the same candidates with ``compare_names`` (a thin layer in
``export.reconcile``). The web keeps one ``NameKeys`` per worker and rebuilds it when the data
change (``web.search``).

Keys and similarity come from ``kartoteka.names``, the leaf library of names; nothing here
decides who is whom.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.names.keys import fold, loose_key, surname_keys
from kartoteka.names.similarity import surname_similarity
from kartoteka.names.translit import to_latin
from kartoteka.store.queries import live_entities
from kartoteka.store.tables import DocumentRow, EntityRow, ProfileRow

_WORDS = re.compile(r"[\s,.()]+")
SEARCH_TOKEN = re.compile(r"[^\W\d_]{2,}")
MAX_CANDIDATES = 40  # scored by find_entities; a page shows 20
FUZZY_KEYS = 40  # nearest keys looked at for a misspelt query


@dataclass
class NameKeys:
    """Name tokens and their keys -> the entities whose names have them."""

    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_token: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Keys by first letter and length: a misspelling keeps its first letter (as a key), and a
    # near key is no more than a couple of letters longer or shorter.
    keys: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    tokens: list[str] = field(default_factory=list)
    size: int = 0


def _token_keys(token: str) -> set[str]:
    keys = set(surname_keys(token))
    return keys | {"~" + loose_key(k) for k in keys}


def build_name_keys(session: Session) -> NameKeys:
    """The keys of every entity some current document still mentions."""
    return name_keys_of(held_entity_names(session))


def name_keys_of(rows: Iterable[tuple[str, str, Iterable[str] | None]]) -> NameKeys:
    """The keys of entities given as (id, label, other names)."""
    index = NameKeys()
    token_entities: dict[str, set[str]] = defaultdict(set)
    for eid, label, names in rows:
        index.size += 1
        for name in {label, *(names or [])}:
            for token in SEARCH_TOKEN.findall(name):
                token_entities[token].add(eid)
    for token, ids in token_entities.items():
        folded = fold(token)
        if folded:
            index.by_token[folded] |= ids
        for key in _token_keys(token):
            index.by_key[key] |= ids
    for key in sorted(k for k in index.by_key if not k.startswith("~")):
        index.keys[(key[:1], len(key))].append(key)
    index.tokens = sorted(index.by_token)
    return index


def search_candidates(index: NameKeys, query: str) -> list[str]:
    """Entity ids worth scoring for ``query``, the likeliest first.

    Entities that match more of the query's words come first; then, for the last word:
    the same written form, the same name key, a form beginning with it, a near key. Looser
    levels are looked at only while there are few candidates.
    """
    words = SEARCH_TOKEN.findall(query)
    if not words:
        return []
    matched: dict[str, int] = defaultdict(int)
    for word in words:
        hit = set(index.by_token.get(fold(word), ()))
        for key in _token_keys(word):
            hit |= index.by_key.get(key, set())
        for eid in hit:
            matched[eid] += 1
    last = words[-1]
    level: dict[str, int] = {}

    def add(ids: Iterable[str], rank: int) -> None:
        for eid in ids:
            if level.get(eid, 99) > rank:
                level[eid] = rank

    add(index.by_token.get(fold(query), ()), 0)
    add(index.by_token.get(fold(last), ()), 0)
    for key in _token_keys(last):
        add(index.by_key.get(key, ()), 1)
    add(matched, 2)
    folded_last = fold(last)
    if len(level) < MAX_CANDIDATES and folded_last:
        # Forms that begin with it: a name typed in part ("Yezh"). The tokens are sorted.
        at = bisect_left(index.tokens, folded_last)
        while at < len(index.tokens) and index.tokens[at].startswith(folded_last):
            add(index.by_token[index.tokens[at]], 3)
            at += 1
    if len(level) < MAX_CANDIDATES:
        for key in surname_keys(last):
            cutoff = max(1, len(key) // 3)
            pool = [k for size in range(len(key) - cutoff, len(key) + cutoff + 1)
                    for k in index.keys.get((key[:1], size), ())]
            near = process.extract(key, pool, scorer=Levenshtein.distance,
                                   score_cutoff=cutoff, limit=FUZZY_KEYS)
            for found, distance, _ in near:
                add(index.by_key[found], 4 + int(distance))
    ordered = sorted(level, key=lambda eid: (-matched.get(eid, 0), level[eid], eid))
    return ordered[:MAX_CANDIDATES]


def search_entities(session: Session, keys: NameKeys, query: str, *,
                    kind: str | None = "person", limit: int = 20
                    ) -> list[tuple[EntityRow, float]]:
    """``find_entities`` over the shortlist ``keys`` gives for ``query``."""
    found = search_candidates(keys, query)
    if not found:
        return []
    return find_entities(session, query, kind=kind, limit=limit, candidates=found)


def held_entity_names(session: Session) -> Iterator[tuple[str, str, list[str] | None]]:
    """(id, label, names) of every entity some current document still mentions."""
    held = (select(ProfileRow.entity_id).join(DocumentRow)
            .where(DocumentRow.superseded.is_(False)))
    yield from session.execute(select(EntityRow.id, EntityRow.label, EntityRow.names)
                               .where(EntityRow.id.in_(held)))


def find_entities(session: Session, query: str, *, kind: str | None = "person",
                  limit: int = 20, candidates: Collection[str] | None = None,
                  ) -> list[tuple[EntityRow, float]]:
    """Entities whose name forms match ``query`` across scripts and spelling variants.

    ``candidates`` (entity ids) limits the scoring to a shortlist, for callers with an index.
    """
    wanted = query.strip()
    if not wanted:
        return []
    # Every word of the query must match a word of a name form (any order: Russian lists put
    # the surname first); initials are too weak to count.
    words = [w for w in _WORDS.split(wanted) if len(w) > 1]
    scored = []
    pool = live_entities(session, kind) if candidates is None else _live_among(
        session, kind, candidates)
    for e in pool:
        best = 0.0
        for name in [e.label, *e.names]:
            if name.casefold() == wanted.casefold():
                best = 1.0
                break
            if wanted.casefold() in name.casefold() or to_latin(wanted).casefold() in \
                    to_latin(name).casefold():
                best = max(best, 0.95)
                continue
            tokens = [t for t in _WORDS.split(name) if len(t) > 1]
            if not words or not tokens:
                continue
            per_word = [max(surname_similarity(w, t) for t in tokens) for w in words]
            if min(per_word) >= 0.8:
                best = max(best, sum(per_word) / len(per_word) * 0.95)
        if best >= 0.8:
            scored.append((e, best))
    scored.sort(key=lambda item: (-item[1], item[0].label))
    return scored[:limit]


def _live_among(session: Session, kind: str | None, ids: Collection[str]) -> list[EntityRow]:
    held = (select(ProfileRow.entity_id).join(DocumentRow)
            .where(DocumentRow.superseded.is_(False), ProfileRow.entity_id.in_(list(ids))))
    query = select(EntityRow).where(EntityRow.id.in_(list(ids)), EntityRow.id.in_(held))
    if kind:
        query = query.where(EntityRow.kind == kind)
    return list(session.scalars(query.order_by(EntityRow.label)))

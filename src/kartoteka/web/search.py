"""A shortlist for search: which entities could match a query, found through name keys.

``queries.find_entities`` scores every live entity, which is right for the CLI and too slow for a
hundred thousand people under load. This index maps each name token to its entities under three
keys — the token folded to Latin, its script-independent surname keys, and their looser l/r
form — so a query reaches its candidates by lookups, and ``find_entities`` scores only those.
The index is rebuilt when the data change (a new document, an edit, an undo); see ``cache``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy.orm import Session

from kartoteka.names.keys import fold, loose_key, surname_keys
from kartoteka.store import queries
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow
from kartoteka.store.webqueries import held_entity_names
from kartoteka.web.cache import GenerationCache

TOKEN = re.compile(r"[^\W\d_]{2,}")
MAX_CANDIDATES = 40  # scored by find_entities; a page shows 20
FUZZY_KEYS = 40  # nearest keys looked at for a misspelt query


@dataclass
class _Index:
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


def _build(session: Session) -> _Index:
    index = _Index()
    rows = held_entity_names(session)
    token_entities: dict[str, set[str]] = defaultdict(set)
    for eid, label, names in rows:
        index.size += 1
        for name in {label, *(names or [])}:
            for token in TOKEN.findall(name):
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


class NameIndex:
    """Search candidates from an index kept per worker and rebuilt when the data change."""

    def __init__(self, store: Store | None = None) -> None:
        self._cache = GenerationCache(store, _build, lambda index: index.size,
                                      name="name-index")

    def warm(self) -> None:
        self._cache.warm()

    def candidates(self, session: Session, query: str) -> list[str]:
        """Entity ids worth scoring for ``query``, the likeliest first.

        Entities that match more of the query's words come first; then, for the last word:
        the same written form, the same name key, a form beginning with it, a near key. Looser
        levels are looked at only while there are few candidates.
        """
        index = self._cache.get(session)
        words = TOKEN.findall(query)
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

    def search(self, session: Session, query: str, *, kind: str | None = "person",
               limit: int = 20) -> list[tuple[EntityRow, float]]:
        found = self.candidates(session, query)
        if not found:
            return []
        return queries.find_entities(session, query, kind=kind, limit=limit, candidates=found)

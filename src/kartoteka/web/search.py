"""Search through a shortlist of entities kept per worker (``queries.NameKeys``).

The index and the scoring are store queries (``queries.search_entities``); this module only
keeps the index and rebuilds it when the data change (a new document, an edit, an undo); see
``cache``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kartoteka.store import queries
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow
from kartoteka.web.cache import GenerationCache


class NameIndex:
    """Search candidates from an index kept per worker and rebuilt when the data change."""

    def __init__(self, store: Store | None = None) -> None:
        self._cache = GenerationCache(store, queries.build_name_keys, lambda index: index.size,
                                      name="name-index")

    def warm(self) -> None:
        self._cache.warm()

    def candidates(self, session: Session, query: str) -> list[str]:
        """Entity ids worth scoring for ``query``, the likeliest first."""
        return queries.search_candidates(self._cache.get(session), query)

    def search(self, session: Session, query: str, *, kind: str | None = "person",
               limit: int = 20) -> list[tuple[EntityRow, float]]:
        return queries.search_entities(session, self._cache.get(session), query, kind=kind,
                                       limit=limit)

"""Search through a shortlist of entities kept per worker (``store.search.NameKeys``).

The index and the scoring are the store's one entity search (``store.search``); this module only
keeps the index and rebuilds it when the data change (a new document, an edit, an undo); see
``cache``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kartoteka.store import search
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow
from kartoteka.web.cache import GenerationCache


class NameIndex:
    """Search candidates from an index kept per worker and rebuilt when the data change."""

    def __init__(self, store: Store | None = None) -> None:
        self._cache = GenerationCache(store, search.build_name_keys, lambda index: index.size,
                                      name="name-index")

    def warm(self) -> None:
        self._cache.warm()

    def candidates(self, session: Session, query: str) -> list[str]:
        """Entity ids worth scoring for ``query``, the likeliest first."""
        return search.search_candidates(self._cache.get(session), query)

    def search(self, session: Session, query: str, *, kind: str | None = "person",
               limit: int = 20) -> list[tuple[EntityRow, float]]:
        return search.search_entities(session, self._cache.get(session), query, kind=kind,
                                       limit=limit)

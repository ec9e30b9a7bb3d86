"""Values derived from the whole database, kept per worker until the data change.

The name index and the facet index take seconds to build on a hundred thousand people, and
change only when documents come in or a curator decides. ``GenerationCache`` rebuilds its value
when ``data_generation`` moves on: inside the request that notices, while the value is small;
in a background thread, while the old value keeps answering, once it is large.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from kartoteka.store.session import Store
from kartoteka.store.webqueries import data_generation

T = TypeVar("T")
SYNC_REBUILD_BELOW = 20_000  # a value this large (in entities) is rebuilt in the background


class GenerationCache(Generic[T]):
    def __init__(self, store: Store | None, build: Callable[[Session], T],
                 size: Callable[[T], int], *, name: str) -> None:
        self._store = store
        self._build = build
        self._size = size
        self._name = name
        self._value: T | None = None
        self._generation: tuple[int, ...] | None = None
        self._lock = threading.Lock()
        self._rebuilding = False

    def warm(self) -> threading.Thread | None:
        """Build in the background (at start-up), so the first request does not wait."""
        if self._store is None:
            return None
        thread = threading.Thread(target=self._rebuild, name=self._name, daemon=True)
        thread.start()
        return thread

    def _rebuild(self) -> None:
        assert self._store is not None
        try:
            with self._lock, self._store.session() as session:
                generation = data_generation(session)
                if self._value is None or self._generation != generation:
                    self._value, self._generation = self._build(session), generation
                    _settle()
        finally:
            self._rebuilding = False

    def get(self, session: Session) -> T:
        generation = data_generation(session)
        value = self._value
        if value is not None and self._generation == generation:
            return value
        if (value is not None and self._store is not None
                and self._size(value) >= SYNC_REBUILD_BELOW):
            if not self._rebuilding:
                self._rebuilding = True
                threading.Thread(target=self._rebuild, name=self._name, daemon=True).start()
            return value
        with self._lock:
            if self._value is None or self._generation != generation:
                self._value, self._generation = self._build(session), generation
                _settle()
            return self._value


def _settle() -> None:
    """Keep the garbage collector off the new value's objects.

    An index of 100,000 people is millions of small objects; left in the collector's care,
    every full collection walks them all, and requests stall for tens of milliseconds at
    random. ``gc.freeze`` moves what is alive now out of its sight (a replaced value is still
    freed by reference counting).
    """
    gc.collect()
    gc.freeze()

"""Values derived from the whole database, kept per worker until the data change.

The name index and the facet index take seconds to build on a hundred thousand people, and
change only when documents come in or a curator decides. ``GenerationCache`` rebuilds its value
when ``data_generation`` moves on: inside the request that notices, while the value is small;
in a background thread, while the old value keeps answering, once it is large.

At shutdown the app calls ``stop_caches``: a rebuild still running would otherwise go on
reading a database that is being closed (or dropped, as the tests drop theirs) and log an error.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from kartoteka.store.session import Store
from kartoteka.store.webqueries import data_generation

T = TypeVar("T")
SYNC_REBUILD_BELOW = 20_000  # a value this large (in entities) is rebuilt in the background
STOP_WAIT = 120.0  # seconds shutdown waits for a rebuild in progress (a large index takes tens)
_caches: weakref.WeakSet[GenerationCache] = weakref.WeakSet()
_starting = threading.Lock()  # a rebuild thread is started and recorded, or stopping wins


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
        self._stopped = False
        self._threads: list[threading.Thread] = []
        _caches.add(self)

    def warm(self) -> threading.Thread | None:
        """Build in the background (at start-up), so the first request does not wait."""
        if self._store is None:
            return None
        return self._background()

    def _background(self) -> threading.Thread | None:
        with _starting:
            if self._stopped:
                return None
            thread = threading.Thread(target=self._rebuild, name=self._name, daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()
            return thread

    def stop(self, timeout: float = STOP_WAIT) -> None:
        """Start no more rebuilds and wait for those running to end."""
        with _starting:
            self._stopped = True
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)

    def _rebuild(self) -> None:
        assert self._store is not None
        try:
            if self._stopped:
                return
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
                if self._background() is None:
                    self._rebuilding = False
            return value
        with self._lock:
            if self._value is None or self._generation != generation:
                self._value, self._generation = self._build(session), generation
                _settle()
            return self._value


def stop_caches(store: Store) -> None:
    """Stop every cache built on ``store`` (before the store closes)."""
    for cache in list(_caches):
        if cache._store is store:
            cache.stop()


def _settle() -> None:
    """Keep the garbage collector off the new value's objects.

    An index of 100,000 people is millions of small objects; left in the collector's care,
    every full collection walks them all, and requests stall for tens of milliseconds at
    random. ``gc.freeze`` moves what is alive now out of its sight (a replaced value is still
    freed by reference counting).
    """
    gc.collect()
    gc.freeze()

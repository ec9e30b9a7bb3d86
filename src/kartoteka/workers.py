"""Ingest with N extraction processes and one writer: ``kartoteka ingest --workers N``.

The parent reads each file's bytes once to hash them and skips those already stored (so a re-run
after a crash costs no extraction) and those whose same bytes failed before for a lasting reason
(unless ``retry_failed``), as the sequential path does; the rest go to a pool of processes
that each load the NLP models once and return the extraction. The parent alone writes, one
transaction a file, in the order the files were given, through the sequential path's own
writing half
(``pipeline.store_analysis``), so the card index is the one the sequential path builds. OCR's
pages are relayed from the workers to ``on_page`` as they are read.

At most ``2 × N`` files are in flight (read, queued or being extracted): memory is the
parent's plus N workers' models plus that window. A ``kill -9`` of the parent loses only the
files in flight; the workers notice their parent is gone and exit.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kartoteka.errors import KartotekaError
from kartoteka.model import Extraction, LocalEntity
from kartoteka.pipeline import (
    FileResult,
    already_done,
    analyse,
    block_keys,
    deferred_linking,
    failure_of,
    is_disk_full,
    link_new,
    page_warnings,
    read_and_extract,
    read_bytes,
    record_failed,
    store_analysis,
)
from kartoteka.resolve.profile import Profile
from kartoteka.sources.ocr import PageCallback, page_progress
from kartoteka.store.session import Store
from kartoteka.store.writer import has_document, write_extraction

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    """What a worker sends back: the analysis of one file, or why there is none."""

    path: str
    sha256: str
    extraction: Extraction | None = None
    entities: list[LocalEntity] | None = None
    profiles: dict[str, Profile] | None = None
    reason: str | None = None
    lasting: bool = False  # the reason lasts as long as the bytes do (pipeline.failure_of)


def failure_reason(exc: BaseException) -> str:
    """The reason recorded for a file, worded as the sequential path words it."""
    return failure_of(exc)[0]


def plain(value: Any) -> Any:
    """JSON-like data with plain ``str``: taggers put their own str subclasses (pymorphy's
    grammemes) into attrs, which the JSON columns store as strings but pickle cannot send."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def sendable(extraction: Extraction) -> Extraction:
    """The extraction with its free-form fields made plain, ready to cross a process boundary."""
    extraction.document.meta = plain(extraction.document.meta)
    for item in [*extraction.mentions, *extraction.claims]:
        item.attrs = plain(item.attrs)
    return extraction


# In a worker process: where OCR's pages are reported (a queue the parent drains), if anywhere.
_PAGES: Any = None


def _report_page(done: int, total: int) -> None:
    if _PAGES is not None:
        _PAGES.put((done, total))


def extract_file(path: str, raw: bytes, sha: str) -> Extracted:
    """The pure half of one file's ingest (runs in a worker; touches no database)."""
    try:
        with page_progress(_report_page if _PAGES is not None else None):
            extraction = sendable(read_and_extract(Path(path), raw))
        entities, profiles = analyse(extraction)
    except Exception as exc:  # noqa: BLE001 - a fault in a stage costs one file, not the run
        log.debug("extraction failed on %s", path, exc_info=True)
        reason, lasting = failure_of(exc)
        return Extracted(path, sha, reason=reason, lasting=lasting)
    return Extracted(path, sha, extraction, entities, profiles)


def write_extracted(store: Store, item: Extracted) -> FileResult:
    """The writing half, as the sequential path runs it (``pipeline.store_analysis``)."""
    if item.reason is None:
        assert item.extraction is not None and item.entities is not None
        try:
            return store_analysis(store, item.path, item.extraction, item.entities,
                                  item.profiles or {})
        except Exception as exc:  # noqa: BLE001 - the file fails, the run goes on
            if is_disk_full(exc):
                raise  # as on the sequential path: no later file could be stored either
            log.debug("storing failed on %s", item.path, exc_info=True)
            item.reason, item.lasting = failure_of(exc)
    return record_failed(store, item.path, item.reason,
                         sha256=item.sha256 if item.lasting and item.sha256 else None)


def write_batch(store: Store, items: list[Extracted]) -> list[FileResult]:
    """Store several files in one transaction with one cross-document step for all of them.

    Linking a file's people against the stored ones costs far more than extracting a short
    file, and most of that cost is per call; a batch pays it once. Each file goes in under its
    own savepoint, so a file that cannot be stored fails alone. If the shared step fails, the
    files are stored one by one instead.
    """
    if len(items) == 1:
        return [write_extracted(store, items[0])]
    results: dict[int, FileResult] = {}
    try:
        with store.session(write=True) as session:
            keys: list[str] = []
            for index, item in enumerate(items):
                if item.reason is not None:
                    continue
                if has_document(session, item.sha256):
                    results[index] = FileResult(item.path, "unchanged",
                                                document_id="d" + item.sha256[:16])
                    continue
                try:
                    with session.begin_nested():
                        row = write_extraction(session, item.extraction, item.entities,
                                               item.profiles, block_keys(item.profiles))
                except Exception as exc:  # noqa: BLE001 - this file fails, the batch goes on
                    item.reason, item.lasting = failure_of(exc)
                    continue
                keys += [e.key for e in item.entities]
                results[index] = FileResult(item.path, "stored", document_id=row.id,
                                            warnings=page_warnings(item.extraction.document.meta))
            if keys:
                link_new(session, keys)
    except Exception:  # noqa: BLE001 - the shared step failed: nothing of the batch is stored
        log.debug("batch write failed; storing file by file", exc_info=True)
        return [write_extracted(store, item) for item in items]
    return [results[i] if i in results else write_extracted(store, item)
            for i, item in enumerate(items)]


def hashed(store: Store, paths: Iterable[Path], done: Callable[[FileResult], None], *,
           retry_failed: bool = False) -> Iterator[tuple[str, bytes, str]]:
    """The files still to extract, with their bytes and hash; the others (stored already,
    unreadable, or the same bytes that failed before) are reported here."""
    for path in paths:
        try:
            raw = read_bytes(path)
        except KartotekaError as exc:
            done(write_extracted(store, Extracted(str(path), "", reason=failure_reason(exc))))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        known = already_done(store, str(path), sha, retry_failed=retry_failed)
        if known is not None:
            done(known)
        else:
            yield str(path), raw, sha


def _start_worker(parent: int, pages: Any) -> None:
    global _PAGES
    _PAGES = pages
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the parent is gone (a kill -9 leaves no one to stop us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


SPAWN = multiprocessing.get_context("spawn")


def _pool(workers: int, pages: Any = None) -> ProcessPoolExecutor:
    # spawn, not fork: the parent holds database connections and threads a fork would copy.
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                               initargs=(os.getpid(), pages), mp_context=SPAWN)


class PageRelay:
    """OCR's pages, read in the workers, reported to ``on_page`` in the parent (a queue
    drained by a thread), so the progress bar moves as on the sequential path."""

    def __init__(self, on_page: PageCallback | None) -> None:
        self.queue = SPAWN.Queue() if on_page is not None else None
        self._on_page = on_page
        self._thread = threading.Thread(target=self._drain, daemon=True, name="ocr-pages")

    def _drain(self) -> None:
        assert self.queue is not None and self._on_page is not None
        while (item := self.queue.get()) is not None:
            try:
                self._on_page(*item)
            except Exception:  # noqa: BLE001 - a progress display must not stop the ingest
                log.debug("page progress callback failed", exc_info=True)

    def __enter__(self) -> PageRelay:
        if self.queue is not None:
            self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.queue is not None:
            self.queue.put(None)
            self._thread.join(10)
            self.queue.close()


def ingest_parallel(
    store: Store, paths: Iterable[Path], *, workers: int = 2,
    on_file: Callable[[FileResult], None] | None = None, window: int | None = None,
    batch: int = 1, on_page: PageCallback | None = None, retry_failed: bool = False,
) -> list[FileResult]:
    """Ingest ``paths`` with ``workers`` extraction processes; returns one result a file.

    ``batch`` files share one transaction and one cross-document step (see ``write_batch``);
    1, the default, gives exactly the sequential path's index. ``on_page`` and
    ``retry_failed`` mean what they mean to ``pipeline.ingest``.
    """
    results: list[FileResult] = []

    def done(result: FileResult) -> None:
        results.append(result)
        if on_file is not None:
            on_file(result)

    limit = window or 2 * max(workers, batch)
    ready: list[Extracted] = []

    def flush() -> None:
        for result in write_batch(store, ready):
            done(result)
        ready.clear()

    pending: deque[tuple[str, bytes, str, Future[Extracted]]] = deque()
    relay = PageRelay(on_page).__enter__()
    pool = _pool(workers, relay.queue)
    try:
        todo = hashed(store, paths, done, retry_failed=retry_failed)
        while True:
            while len(pending) < limit:
                item = next(todo, None)
                if item is None:
                    break
                pending.append((*item, pool.submit(extract_file, *item)))
            if not pending:
                break
            path, raw, sha, future = pending.popleft()
            try:
                extracted = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): this file is the likeliest cause;
                # the others in flight go to a fresh pool.
                extracted = Extracted(path, sha, reason="the extraction process died "
                                      "(killed or out of memory)")
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers, relay.queue)
                pending = deque((p, r, s, pool.submit(extract_file, p, r, s))
                                for p, r, s, _ in pending)
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                extracted = Extracted(path, sha, reason=failure_reason(exc))
            ready.append(extracted)
            if len(ready) >= batch or not pending:
                flush()
        if ready:
            flush()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        relay.__exit__()
    return results


def ingest_with(
    store: Store, paths: list[Path], *, workers: int = 1, engine: str = "local",
    on_file: Callable[[FileResult], None] | None = None, batch: int = 1,
    on_page: PageCallback | None = None, retry_failed: bool = False,
    defer_linking: bool = False,
) -> list[FileResult]:
    """The ingest the command line asked for: sequential, N processes, or a Spark job; each
    reports files and OCR pages and skips the bytes that failed before alike.
    ``defer_linking``: files are stored without the cross-document step; the caller links
    every profile once afterwards (``pipeline.link_everything``)."""
    if defer_linking:
        with deferred_linking():
            return ingest_with(store, paths, workers=workers, engine=engine, on_file=on_file,
                               batch=batch, on_page=on_page, retry_failed=retry_failed)
    if engine == "spark":
        from kartoteka.spark_ingest import ingest_spark

        return ingest_spark(store, paths, on_file=on_file, cores=workers, on_page=on_page,
                            retry_failed=retry_failed)
    if workers > 1 or batch > 1:
        return ingest_parallel(store, paths, workers=workers, on_file=on_file, batch=batch,
                               on_page=on_page, retry_failed=retry_failed)
    from kartoteka.pipeline import ingest

    return ingest(store, paths, on_file=on_file, on_page=on_page, retry_failed=retry_failed)


__all__ = ["Extracted", "ingest_with", "extract_file", "ingest_parallel", "write_extracted"]

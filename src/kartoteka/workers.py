"""Ingest with N extraction processes and one writer: ``kartoteka ingest --workers N``.

The parent reads each file's bytes once to hash them and skips those already stored (so a re-run
after a crash costs no extraction); the rest go to a pool of processes that each load the NLP
models once and return the extraction. The parent alone writes, one transaction a file, in the
order the files were given, so the card index is the one the sequential path builds.

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

from sqlalchemy.orm import Session

from kartoteka.curate.edits import curation
from kartoteka.errors import KartotekaError, SourceError
from kartoteka.model import Extraction, LocalEntity
from kartoteka.pipeline import FileResult, analyse, block_keys, read_and_extract, read_bytes
from kartoteka.relink import apply_claim_curation, link_new_profiles, link_persons
from kartoteka.resolve.profile import Profile
from kartoteka.store.session import Store
from kartoteka.store.writer import (
    has_authority_records,
    has_document,
    record_failure,
    write_extraction,
)

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


def failure_reason(exc: BaseException) -> str:
    """The reason recorded for a file, worded as the sequential path words it."""
    if isinstance(exc, SourceError):
        return exc.reason
    if isinstance(exc, KartotekaError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


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


def extract_file(path: str, raw: bytes, sha: str) -> Extracted:
    """The pure half of one file's ingest (runs in a worker; touches no database)."""
    try:
        extraction = sendable(read_and_extract(Path(path), raw))
        entities, profiles = analyse(extraction)
    except Exception as exc:  # noqa: BLE001 - a fault in a stage costs one file, not the run
        log.debug("extraction failed on %s", path, exc_info=True)
        return Extracted(path, sha, reason=failure_reason(exc))
    return Extracted(path, sha, extraction, entities, profiles)


def link_new(session: Session, keys: list[str]) -> None:
    """The cross-document step for newly stored profiles, as the sequential path takes it."""
    cur = curation(session)  # the human decisions, read once
    link_new_profiles(session, keys, cur)
    apply_claim_curation(session, cur)
    if has_authority_records(session):
        link_persons(session, profile_keys=keys, cur=cur)


def write_extracted(store: Store, item: Extracted) -> FileResult:
    """The writing half: store one file's analysis in one transaction (or its failure)."""
    if item.reason is None:
        try:
            with store.session(write=True) as session:
                if has_document(session, item.sha256):  # stored meanwhile by another ingest
                    return FileResult(item.path, "unchanged",
                                      document_id="d" + item.sha256[:16])
                extraction, entities, profiles = item.extraction, item.entities, item.profiles
                row = write_extraction(session, extraction, entities, profiles,
                                       block_keys(profiles))
                link_new(session, [e.key for e in entities])
                return FileResult(item.path, "stored", document_id=row.id)
        except Exception as exc:  # noqa: BLE001 - the file fails, the run goes on
            log.debug("storing failed on %s", item.path, exc_info=True)
            item.reason = failure_reason(exc)
    with store.session(write=True) as session:
        record_failure(session, item.path, item.reason)
    return FileResult(item.path, "failed", reason=item.reason)


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
                    item.reason = failure_reason(exc)
                    continue
                keys += [e.key for e in item.entities]
                results[index] = FileResult(item.path, "stored", document_id=row.id)
            if keys:
                link_new(session, keys)
    except Exception:  # noqa: BLE001 - the shared step failed: nothing of the batch is stored
        log.debug("batch write failed; storing file by file", exc_info=True)
        return [write_extracted(store, item) for item in items]
    return [results[i] if i in results else write_extracted(store, item)
            for i, item in enumerate(items)]


def hashed(store: Store, paths: Iterable[Path],
            done: Callable[[FileResult], None]) -> Iterator[tuple[str, bytes, str]]:
    """The files still to extract, with their bytes and hash; the others are reported here."""
    for path in paths:
        try:
            raw = read_bytes(path)
        except KartotekaError as exc:
            done(write_extracted(store, Extracted(str(path), "", reason=failure_reason(exc))))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        with store.session() as session:
            stored = has_document(session, sha)
        if stored:
            done(FileResult(str(path), "unchanged", document_id="d" + sha[:16]))
        else:
            yield str(path), raw, sha


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the parent is gone (a kill -9 leaves no one to stop us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: the parent holds database connections and threads a fork would copy.
    return ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent,
                               initargs=(os.getpid(),),
                               mp_context=multiprocessing.get_context("spawn"))


def ingest_parallel(
    store: Store, paths: Iterable[Path], *, workers: int = 2,
    on_file: Callable[[FileResult], None] | None = None, window: int | None = None,
    batch: int = 1,
) -> list[FileResult]:
    """Ingest ``paths`` with ``workers`` extraction processes; returns one result a file.

    ``batch`` files share one transaction and one cross-document step (see ``write_batch``);
    1, the default, gives exactly the sequential path's index.
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
    pool = _pool(workers)
    try:
        todo = hashed(store, paths, done)
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
                pool = _pool(workers)
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
    return results


def ingest_with(
    store: Store, paths: list[Path], *, workers: int = 1, engine: str = "local",
    on_file: Callable[[FileResult], None] | None = None, batch: int = 1, **sequential: Any,
) -> list[FileResult]:
    """The ingest the command line asked for: sequential, N processes, or a Spark job.

    ``sequential`` (``on_page``, ``retry_failed``) goes to the sequential path only; the
    workers and Spark do not report OCR pages and read failed files again.
    """
    if engine == "spark":
        from kartoteka.spark_ingest import ingest_spark

        return ingest_spark(store, paths, on_file=on_file, cores=workers)
    if workers > 1 or batch > 1:
        return ingest_parallel(store, paths, workers=workers, on_file=on_file, batch=batch)
    from kartoteka.pipeline import ingest

    return ingest(store, paths, on_file=on_file, **sequential)


__all__ = ["Extracted", "ingest_with", "extract_file", "ingest_parallel", "write_extracted"]

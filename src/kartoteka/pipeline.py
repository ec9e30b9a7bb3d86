"""The whole path for a set of files: read, extract, resolve, store — one transaction a file.

Stages stay pure (sources, extract, resolve); this module calls them in turn and hands the
result to the store, the only writer; ``relink`` beside it re-links the stored profiles. A
file that fails is recorded with its reason and skipped; the others go in. A crash loses at most
the file in flight, and the next run picks up where it stopped, because stored files are
recognised by their bytes' sha256.
"""

from __future__ import annotations

import errno
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from kartoteka.curate.edits import curation
from kartoteka.errors import KartotekaError, SourceError
from kartoteka.extract import extract, is_structured
from kartoteka.model import Extraction, LocalEntity
from kartoteka.relink import apply_claim_curation, link_new_profiles, resolve_profiles
from kartoteka.relink.authority import link_persons
from kartoteka.resolve.profile import Profile, build_profiles
from kartoteka.resolve.within import within
from kartoteka.sources import display_path, iter_source_files, read_file_bytes, read_source
from kartoteka.store.session import Store
from kartoteka.store.writer import (
    has_authority_records,
    has_document,
    lasting_failure,
    record_failure,
    write_extraction,
)

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    path: str
    status: str  # stored | unchanged | failed
    reason: str | None = None
    document_id: str | None = None
    warnings: list[str] = field(default_factory=list)  # pages of a scan that gave no text


def read_bytes(path: Path) -> bytes:
    # Checked before reading: a regular file (never a FIFO or device) under its size limit.
    return read_file_bytes(path)


def read_and_extract(path: Path, raw: bytes) -> Extraction:
    """A file's extraction: record lists are parsed whole, other sources go through NLP."""
    return extract(read_source(path, data=raw))


def analyse(extraction: Extraction) -> tuple[list[LocalEntity], dict[str, Profile]]:
    entities = records_as_entities(extraction) if is_record_list(extraction) else within(
        extraction)
    return entities, build_profiles(extraction, entities)


def is_record_list(extraction: Extraction) -> bool:
    """A parsed list of records (Memorial's): one record is one person by construction."""
    return is_structured(extraction.document)


def records_as_entities(extraction: Extraction) -> list[LocalEntity]:
    """Each person mention of a record list is its own entity; bodies and places group.

    Grouping the persons of one list by name would merge namesakes the list keeps apart
    (and costs quadratic time on 10,000 records); duplicates across records are left to
    the cross-document step, which weighs dates as well as names.
    """
    people = [m for m in extraction.mentions if m.kind == "person"]
    others = Extraction(document=extraction.document,
                        mentions=[m for m in extraction.mentions if m.kind != "person"])
    entities = [LocalEntity(key=m.id, kind="person", label=m.name or m.descriptor or m.text,
                            names=[m.text] if m.name else [], mention_ids=[m.id],
                            gender=m.gender, descriptor=m.descriptor) for m in people]
    return entities + within(others)


def block_keys(profiles: dict[str, Profile]) -> dict[str, str]:
    """The blocking key each person profile is stored under (its surname's matching key)."""
    from kartoteka.names.keys import surname_key

    out = {}
    for key, profile in profiles.items():
        if profile.kind == "person" and profile.surname and not profile.descriptor:
            out[key] = surname_key(profile.surname)
    return out


def ingest_file(store: Store, path: Path, *, retry_failed: bool = False) -> FileResult:
    sha = None
    try:
        raw = read_bytes(path)
        sha = hashlib.sha256(raw).hexdigest()
        done = already_done(store, str(path), sha, retry_failed=retry_failed)
        if done is not None:
            return done
        extraction = read_and_extract(path, raw)
        entities, profiles = analyse(extraction)
        return store_analysis(store, str(path), extraction, entities, profiles)
    except Exception as exc:  # noqa: BLE001 - a fault in a stage costs one file, not the run
        if is_disk_full(exc):
            raise  # no later file can be stored either: the run stops with a clear error
        log.debug("ingest failed on %s", path, exc_info=True)
        reason, lasting = failure_of(exc)
    return record_failed(store, str(path), reason, sha256=sha if lasting else None)


# --- The halves every path shares (sequential, ``workers``, ``spark_ingest``) ----------------

def already_done(store: Store, path: str, sha256: str, *, retry_failed: bool = False
                 ) -> FileResult | None:
    """The result of a file that needs no extraction: stored already, or its very bytes
    failed before for a lasting reason (parsing them again cannot help)."""
    with store.session() as session:
        if has_document(session, sha256):
            return FileResult(path, "unchanged", document_id="d" + sha256[:16])
        earlier = None if retry_failed else lasting_failure(
            session, display_path(path), sha256)
    if earlier is not None:
        return FileResult(path, "failed", reason=f"{earlier} (unchanged since it failed; "
                          "--retry-failed reads it again)")
    return None


def failure_of(exc: BaseException) -> tuple[str, bool]:
    """The reason recorded for a file, and whether it lasts as long as its bytes do (a
    reader's refusal of them; other errors may pass)."""
    if isinstance(exc, SourceError):
        return exc.reason, True
    if isinstance(exc, KartotekaError):
        return str(exc), False
    # A bug in a stage must cost one file, not the run; the reason names the fault.
    return f"internal error: {type(exc).__name__}: {exc}", False


# Set while an ingest stores files without their cross-document step (``deferred_linking``).
_DEFERRED: ContextVar[bool] = ContextVar("kartoteka_deferred_linking", default=False)


@contextmanager
def deferred_linking() -> Iterator[None]:
    """Files stored inside this block skip the cross-document step (``link_new``); the caller
    links everything once afterwards (``link_everything``). Every ingest path (sequential,
    ``workers``, ``spark_ingest``) stores through ``link_new`` in this process, so one switch
    holds for all of them."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)


def link_new(session: Session, keys: list[str]) -> None:
    """The cross-document step for newly stored profiles (every ingest path calls this)."""
    if _DEFERRED.get():
        return
    cur = curation(session)  # the human decisions, read once
    link_new_profiles(session, keys, cur)
    apply_claim_curation(session, cur)
    if has_authority_records(session):
        link_persons(session, profile_keys=keys, cur=cur)


def link_everything(session: Session, *, backend: str = "duckdb"
                    ) -> tuple[set[str], tuple[int, int] | None]:
    """Every stored profile linked again across documents, with every human decision as a
    constraint, and to the authority lists if any are stored (``kartoteka resolve``; the end
    of a deferred ingest). Returns the entities touched and, with authority lists, the persons
    linked to them and the links waiting for review."""
    cur = curation(session)
    touched = resolve_profiles(session, cur=cur, backend=backend)
    apply_claim_curation(session, cur)
    if not has_authority_records(session):
        return touched, None
    return touched, link_persons(session, cur=cur)


def store_analysis(store: Store, path: str, extraction: Extraction,
                   entities: list[LocalEntity], profiles: dict[str, Profile]) -> FileResult:
    """The writing half of one file: its analysis stored and linked in one transaction."""
    sha = extraction.document.sha256
    with store.session(write=True) as session:
        if has_document(session, sha):  # another ingest stored it while this one extracted
            return FileResult(path, "unchanged", document_id="d" + sha[:16])
        row = write_extraction(session, extraction, entities, profiles, block_keys(profiles))
        link_new(session, [e.key for e in entities])
        return FileResult(path, "stored", document_id=row.id,
                          warnings=page_warnings(extraction.document.meta))


def record_failed(store: Store, path: str, reason: str, *, sha256: str | None = None
                  ) -> FileResult:
    """Record a file's failure (``sha256`` when it lasts as long as its bytes)."""
    with store.session(write=True) as session:
        record_failure(session, display_path(path), reason, sha256=sha256)
    return FileResult(path, "failed", reason=reason)


def page_warnings(meta: dict) -> list[str]:
    """What a reader reported about pages it could not read or did not read."""
    out = [f"page {p['page']}: {p['reason']}" for p in meta.get("unreadable_pages", [])]
    skipped = meta.get("skipped_pages")
    if skipped:
        out.append(f"{skipped['count']} page(s) not read: {skipped['reason']}")
    return out


def is_disk_full(exc: BaseException) -> bool:
    """The store cannot write: the disk (or a file-size limit) is full, or the disk fails."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    message = str(getattr(exc, "orig", "")).lower()
    return "disk is full" in message or "disk i/o error" in message


def ingest(
    store: Store, paths: Iterable[Path], *,
    on_file: Callable[[FileResult], None] | None = None,
    on_page: Callable[[int, int], None] | None = None, retry_failed: bool = False,
) -> list[FileResult]:
    """Ingest each file; ``on_file`` hears of each file, ``on_page`` of each page OCR reads
    (pages done, pages of the file)."""
    from kartoteka.sources.ocr import page_progress

    results = []
    with page_progress(on_page):
        for path in paths:
            result = ingest_file(store, path, retry_failed=retry_failed)
            results.append(result)
            if on_file is not None:
                on_file(result)
    return results


__all__ = ["FileResult", "analyse", "deferred_linking", "ingest", "ingest_file",
           "iter_source_files", "link_everything"]

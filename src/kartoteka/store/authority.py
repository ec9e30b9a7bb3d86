"""Authority lists in the store: importing records and linking persons to them.

Links hang on profiles (stable keys), so they survive re-resolution; a link or an unlink made
by hand is an edit and always wins over the model's decision.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.curate.edits import curation
from kartoteka.errors import SourceError
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import parse_person_name
from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.profile import Profile
from kartoteka.store.tables import AuthorityLinkRow, AuthorityRecordRow, DocumentRow, ProfileRow

FORMATS = ("memorial", "csv")


def read_authority_file(path: Path, source: str, fmt: str) -> Iterator[AuthorityRecord]:
    """Records of a Memorial JSON-lines list (id = 1-based line) or a CSV (id = its column)."""
    if fmt not in FORMATS:
        raise SourceError(str(path), f"unknown authority format {fmt!r} (have: {FORMATS})")
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    with handle:
        if fmt == "memorial":
            yield from _memorial_records(handle, path, source)
        else:
            yield from _csv_records(handle, path, source)


def _memorial_records(lines: Iterable[str], path: Path, source: str
                      ) -> Iterator[AuthorityRecord]:
    from kartoteka.extract.ru.records import parse_memorial_record

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise SourceError(str(path), f"line {number} is not JSON: {exc}") from exc
        if not obj.get("name"):
            continue  # a record without a name cannot be linked to anybody
        parsed = parse_memorial_record(number, obj)
        shot = parsed.execution_date
        yield AuthorityRecord(
            source, str(number), obj["name"], parsed.birth_year,
            int(shot[:4]) if shot and shot[:4].isdigit() else None,
            {"variants": list(parsed.name_variants), "gender": parsed.gender,
             "record": obj.get("record", "")[:2000]},
        )


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value[:4]) if value[:4].isdigit() else None


def _csv_records(handle, path: Path, source: str) -> Iterator[AuthorityRecord]:  # noqa: ANN001
    reader = csv.DictReader(handle)
    missing = {"id", "name"} - set(reader.fieldnames or [])
    if missing:
        raise SourceError(str(path), f"CSV lacks the column(s) {sorted(missing)}")
    for row in reader:
        if not (row.get("id") and row.get("name")):
            continue
        extra = {k: v for k, v in row.items() if k not in ("id", "name") and v}
        yield AuthorityRecord(source, row["id"], row["name"], _year(row.get("birth_year")),
                              _year(row.get("death_year")), extra)


def import_records(session: Session, records: Iterable[AuthorityRecord]) -> int:
    count = 0
    for rec in records:
        surname = parse_person_name(rec.name).surname
        session.merge(AuthorityRecordRow(
            source=rec.source, record_id=rec.record_id, name=rec.name,
            block_key=surname_key(surname) if surname else None,
            data={"birth_year": rec.birth_year, "death_year": rec.death_year,
                  "extra": rec.extra},
        ))
        count += 1
    session.flush()
    return count


def _record(row: AuthorityRecordRow) -> AuthorityRecord:
    d = row.data or {}
    return AuthorityRecord(row.source, row.record_id, row.name, d.get("birth_year"),
                           d.get("death_year"), d.get("extra") or {})


def link_persons(session: Session, *, profile_keys: Iterable[str] | None = None,
                 source: str | None = None) -> tuple[int, int]:
    """Link person profiles (all current ones, or these) to stored records; (linked, review)."""
    query = (select(ProfileRow).join(DocumentRow).where(
        DocumentRow.superseded.is_(False), ProfileRow.kind == "person",
        ProfileRow.descriptor.is_(None), ProfileRow.block_key.is_not(None)))
    if profile_keys is not None:
        query = query.where(ProfileRow.key.in_(list(profile_keys)))
    rows = list(session.scalars(query))
    if not rows:
        return 0, 0
    rec_query = select(AuthorityRecordRow)
    if source:
        rec_query = rec_query.where(AuthorityRecordRow.source == source)
    if profile_keys is not None:  # a few new profiles: only the records in their blocks
        rec_query = rec_query.where(AuthorityRecordRow.block_key.in_({r.block_key for r in rows}))
    records = [_record(r) for r in session.scalars(rec_query)]
    if not records:
        return 0, 0
    matches = link_authority([Profile.from_dict(r.data) for r in rows], records)
    by_hand = curation(session).authority
    stale = select(AuthorityLinkRow).where(
        AuthorityLinkRow.profile_key.in_([r.key for r in rows]),
        AuthorityLinkRow.source.in_({r.source for r in records}))
    for old in session.scalars(stale):
        if (old.profile_key, old.source, old.record_id) not in by_hand:
            session.delete(old)
    session.flush()
    counts = {"linked": 0, "review": 0}
    for m in matches:
        key = (m.profile_key, m.source, m.record_id)
        if key in by_hand:
            continue  # a human decided this pair
        session.merge(AuthorityLinkRow(profile_key=m.profile_key, source=m.source,
                                       record_id=m.record_id, probability=m.probability,
                                       decision=m.decision, features=m.features))
        counts[m.decision] += 1
    session.flush()
    return counts["linked"], counts["review"]

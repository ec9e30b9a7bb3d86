"""Re-linking stored person profiles to authority lists (Memorial's, or a CSV): reading a list
file into records, storing them, and linking the stored profiles to them with the human
decisions held (``resolve.authority``, ``resolve.authority_rules``), as ``relink`` does for
persons among themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from kartoteka.curate.edits import Curation, curation
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import parse_person_name
from kartoteka.resolve.authority import (
    DEFAULT_LINK_THRESHOLD,
    AuthorityRecord,
    link_authority,
    profile_blocks,
)
from kartoteka.resolve.authority_model import LearntModel, learn
from kartoteka.resolve.authority_rules import by_hand_for_entity
from kartoteka.resolve.comparisons import AUTHORITY_PRIOR_FILE, load_prior
from kartoteka.resolve.profile import Profile
from kartoteka.sources.authority import RawRecord
from kartoteka.sources.authority import read_authority_file as read_raw_records
from kartoteka.store import authority as stored_authority


def read_authority_file(path: Path, source: str, fmt: str) -> Iterator[AuthorityRecord]:
    """Records of a Memorial JSON-lines list (id = 1-based line) or a CSV (id = its column)."""
    for raw in read_raw_records(path, fmt):
        yield _memorial_record(raw, source) if fmt == "memorial" else _csv_record(raw, source)


def _memorial_record(raw: RawRecord, source: str) -> AuthorityRecord:
    from kartoteka.extract.ru.records import parse_memorial_record

    obj = raw.fields
    parsed = parse_memorial_record(raw.number, obj)
    shot = parsed.execution_date
    return AuthorityRecord(
        source, str(raw.number), obj["name"], parsed.birth_year,
        int(shot[:4]) if shot and shot[:4].isdigit() else None,
        {"variants": list(parsed.name_variants), "gender": parsed.gender,
         "record": obj.get("record", "")[:2000],
         # what a text may corroborate (resolve.authority_evidence): days and the birthplace
         **{k: v for k, v in (("birth_date", parsed.birth_date),
                              ("birth_place", parsed.birth_place),
                              ("arrest_date", parsed.arrest_date),
                              ("occupation", parsed.occupation),
                              ("execution_date", parsed.execution_date)) if v}},
    )


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value[:4]) if value[:4].isdigit() else None


def _csv_record(raw: RawRecord, source: str) -> AuthorityRecord:
    row = raw.fields
    extra = {k: v for k, v in row.items() if k not in ("id", "name") and v}
    return AuthorityRecord(source, row["id"], row["name"], _year(row.get("birth_year")),
                           _year(row.get("death_year")), extra)


def import_records(session: Session, records: Iterable[AuthorityRecord]) -> int:
    """Store authority records under the blocking key of their surname; returns the count."""
    count = 0
    for rec in records:
        surname = parse_person_name(rec.name).surname
        stored_authority.save_record(
            session, source=rec.source, record_id=rec.record_id, name=rec.name,
            block_key=surname_key(surname) if surname else None,
            data={"birth_year": rec.birth_year, "death_year": rec.death_year,
                  "extra": rec.extra})
        count += 1
    session.flush()
    return count


def link_persons(session: Session, *, profile_keys: Iterable[str] | None = None,
                 source: str | None = None, cur: Curation | None = None) -> tuple[int, int]:
    """Link person profiles (all current ones, or these) to stored records; (linked, review)."""
    rows = stored_authority.linkable_profiles(session, profile_keys, with_entities=True)
    if not rows:
        return 0, 0
    profiles = [Profile.from_dict(r.data) for r in rows]
    # A few new profiles: only the records in their blocks, under every reading of their
    # surnames (a Latin spelling's own key is not always its Cyrillic record's).
    blocks = None
    if profile_keys is not None:
        blocks = {r.block_key for r in rows if r.block_key}
        blocks.update(k for p in profiles for k in profile_blocks(p))
    records = [AuthorityRecord(r.source, r.record_id, r.name, (r.data or {}).get("birth_year"),
                               (r.data or {}).get("death_year"), (r.data or {}).get("extra") or {})
               for r in stored_authority.stored_records(session, source=source,
                                                        block_keys=blocks)]
    if not records:
        return 0, 0
    by_hand = (cur or curation(session)).authority
    model = learn_authority_model(session, by_hand)
    # what the entity's other documents say counts as said here (resolve.authority_rules)
    siblings = {key: [Profile.from_dict(m.data) for m in members] for key, members in
                stored_authority.entity_profiles(session, rows).items() if members}
    matches = link_authority(profiles, records, model=model,
                             list_sizes=stored_authority.record_counts(session),
                             entity_profiles=siblings)
    entity_of = stored_authority.entities_of(session, [r.key for r in rows], by_hand)
    matches = by_hand_for_entity(matches, entity_of, by_hand)  # decisions hold for the person
    counts = stored_authority.replace_links(session, [r.key for r in rows],
                                            {r.source for r in records}, matches, by_hand)
    return counts["linked"], counts["review"]


def learn_authority_model(session: Session, by_hand: dict[tuple[str, str, str], bool]
                          ) -> LearntModel:
    """The authority model re-estimated from the links reviewers accepted and rejected
    (``resolve.authority_model``), stored with the time it was computed for the review page."""
    model = learn(load_prior(AUTHORITY_PRIOR_FILE),
                  stored_authority.labelled_links(session, by_hand), DEFAULT_LINK_THRESHOLD)
    model.computed_at = datetime.now(UTC).isoformat(timespec="seconds")
    stored_authority.save_model(session, model.to_dict())
    return model


__all__ = ["import_records", "learn_authority_model", "link_persons", "read_authority_file"]

"""Integrity of a database, read only: every row where it belongs and the edit log consistent.

``check_store(session)`` runs every check and returns the problems found, each with the kind
of check and the rows concerned. The checks are plain SQL (SQLite and PostgreSQL alike), so
they also catch what foreign keys cannot: an offset outside its text, a mention whose text is
not the text at its offsets, a claim pointing at a mention of another document, two current
versions of one file, an undo of an edit that does not exist or is undone twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from kartoteka.store.tables import (
    AuthorityLinkRow,
    AuthorityRecordRow,
    ClaimRow,
    DocumentRow,
    EditRow,
    EntityRow,
    EvidenceRow,
    LinkRow,
    MentionRow,
    ProfileRow,
)

# Rows named per problem; the count says how many there are in all.
MAX_EXAMPLES = 10


@dataclass
class Problem:
    check: str  # what should hold, in words
    count: int
    examples: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        shown = ", ".join(self.examples)
        more = f" … and {self.count - len(self.examples)} more" if self.count > len(
            self.examples) else ""
        return f"{self.check}: {self.count} row(s): {shown}{more}"


def check_store(session: Session) -> list[Problem]:
    """Every integrity problem of the database (an empty list: all is well)."""
    problems = []
    if session.get_bind().dialect.name == "sqlite":  # the file itself: pages, indexes
        found = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        if found != ["ok"]:
            problems.append(Problem("SQLite's integrity check", len(found), found[:MAX_EXAMPLES]))
    for check, query in _checks():
        rows = [str(row[0]) for row in session.execute(query)]
        if rows:
            problems.append(Problem(check, len(rows), rows[:MAX_EXAMPLES]))
    return problems


def _missing(column, target) -> Select:  # noqa: ANN001 - SQL columns
    """Rows whose ``column`` (when set) names no row of ``target``'s column."""
    return select(column).where(column.is_not(None), column.not_in(select(target)))


def _checks() -> list[tuple[str, Select]]:
    doc = aliased(DocumentRow)
    subject = aliased(MentionRow)
    checks: list[tuple[str, Select]] = [
        ("every mention's document exists", select(MentionRow.id).where(
            MentionRow.document_id.not_in(select(DocumentRow.id)))),
        ("every mention inside its document's text", select(MentionRow.id).join(
            doc, doc.id == MentionRow.document_id).where(or_(
                MentionRow.start < 0, MentionRow.end <= MentionRow.start,
                MentionRow.end > func.length(doc.text)))),
        ("every mention's text is the text at its offsets", select(MentionRow.id).join(
            doc, doc.id == MentionRow.document_id).where(and_(
                MentionRow.start >= 0, MentionRow.end <= func.length(doc.text),
                func.substr(doc.text, MentionRow.start + 1, MentionRow.end - MentionRow.start)
                != MentionRow.text))),
        ("every mention's profile exists", _missing(MentionRow.profile_key, ProfileRow.key)),
        ("every claim's document exists", select(ClaimRow.id).where(
            ClaimRow.document_id.not_in(select(DocumentRow.id)))),
        ("every claim's subject is a mention of its document", select(ClaimRow.id).outerjoin(
            subject, subject.id == ClaimRow.subject_mention).where(or_(
                subject.id.is_(None), subject.document_id != ClaimRow.document_id))),
    ]
    for name, column in (("object", ClaimRow.object_mention), ("place", ClaimRow.place_mention),
                         ("informant", ClaimRow.informant_mention)):
        other = aliased(MentionRow)
        checks.append((f"every claim's {name} is a mention of its document",
                       select(ClaimRow.id).outerjoin(other, other.id == column).where(
                           column.is_not(None),
                           or_(other.id.is_(None), other.document_id != ClaimRow.document_id))))
    claim = aliased(ClaimRow)
    checks += [
        ("every claim has evidence", select(ClaimRow.id).where(
            ClaimRow.id.not_in(select(EvidenceRow.claim_id)))),
        ("every evidence span belongs to a claim of its document", select(EvidenceRow.id)
         .outerjoin(claim, claim.id == EvidenceRow.claim_id).where(or_(
             claim.id.is_(None), claim.document_id != EvidenceRow.document_id))),
        ("every claim's evidence inside the text", select(EvidenceRow.id).join(
            doc, doc.id == EvidenceRow.document_id).where(or_(
                EvidenceRow.start < 0, EvidenceRow.end <= EvidenceRow.start,
                EvidenceRow.end > func.length(doc.text)))),
        ("every evidence span's document exists", select(EvidenceRow.id).where(
            EvidenceRow.document_id.not_in(select(DocumentRow.id)))),
        ("every profile's document exists", select(ProfileRow.key).where(
            ProfileRow.document_id.not_in(select(DocumentRow.id)))),
        ("every profile's entity exists", _missing(ProfileRow.entity_id, EntityRow.id)),
        ("every scored pair's profiles exist", select(LinkRow.a + " " + LinkRow.b).where(or_(
            LinkRow.a.not_in(select(ProfileRow.key)),
            LinkRow.b.not_in(select(ProfileRow.key))))),
        ("every authority link's profile exists", select(AuthorityLinkRow.profile_key).where(
            AuthorityLinkRow.profile_key.not_in(select(ProfileRow.key)))),
        ("every authority link's record exists", _orphan_authority_links()),
        ("every earlier version of a document exists",
         _missing(DocumentRow.previous_id, doc.id)),
        ("one current version per file", select(DocumentRow.source_path).where(
            DocumentRow.superseded.is_(False), DocumentRow.source_path.is_not(None)).group_by(
            DocumentRow.source_path).having(func.count() > 1)),
    ]
    return checks + _edit_checks()


def _orphan_authority_links() -> Select:
    record = aliased(AuthorityRecordRow)
    return select(AuthorityLinkRow.profile_key).outerjoin(record, and_(
        record.source == AuthorityLinkRow.source,
        record.record_id == AuthorityLinkRow.record_id)).where(record.source.is_(None))


def _edit_checks() -> list[tuple[str, Select]]:
    reverted = aliased(EditRow)
    undone = select(EditRow.reverts).where(EditRow.action == "undo", EditRow.reverts.is_not(None))
    # Undos not themselves undone: two of them reverting one edit say contradictory things
    # (an edit may be undone, redone by undoing the undo, and undone again).
    in_force = select(EditRow.reverts).where(
        EditRow.action == "undo", EditRow.reverts.is_not(None), EditRow.id.not_in(undone)
    ).subquery()
    return [
        ("every undo names the edit it reverts", select(EditRow.id).where(
            EditRow.action == "undo", EditRow.reverts.is_(None))),
        ("only an undo reverts an edit", select(EditRow.id).where(
            EditRow.action != "undo", EditRow.reverts.is_not(None))),
        ("every undo reverts an earlier edit that exists", select(EditRow.id).outerjoin(
            reverted, reverted.id == EditRow.reverts).where(
            EditRow.reverts.is_not(None),
            or_(reverted.id.is_(None), reverted.id >= EditRow.id))),
        ("no edit undone twice by undos in force", select(in_force.c.reverts).group_by(
            in_force.c.reverts).having(func.count() > 1)),
    ]

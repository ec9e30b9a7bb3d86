"""The database schema (SQLAlchemy 2). Alembic migrations in ``migrations/`` create it.

Claims point at mentions, mentions at profiles (one document's view of one entity) and
profiles at entities, so merging or splitting people rewrites only ``profiles.entity_id``:
claims, evidence and human decisions keep their ids.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(32), default="testimony")
    source_path: Mapped[str | None] = mapped_column(Text, index=True)
    media_type: Mapped[str] = mapped_column(String(64), default="text/plain")
    encoding: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(String(32))  # the version it replaces
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PageRow(Base):
    """One page of a scanned document: its image (kept in the database, so the file stays
    portable) and its words' boxes, each with the span of the stored text it became.

    ``words`` is a list of ``[start, end, left, top, width, height, confidence]``.
    """

    __tablename__ = "pages"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    image_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    lang: Mapped[str | None] = mapped_column(String(16))
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    skew: Mapped[float] = mapped_column(Float, default=0.0)
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="ok")
    reason: Mapped[str | None] = mapped_column(Text)
    words: Mapped[list[Any]] = mapped_column(default=list)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    label: Mapped[str] = mapped_column(Text)
    names: Mapped[list[Any]] = mapped_column(default=list)
    members: Mapped[list[Any]] = mapped_column(default=list)  # entity ids, for groups
    gender: Mapped[str | None] = mapped_column(String(1))
    label_locked: Mapped[bool] = mapped_column(Boolean, default=False)  # renamed by hand
    # What label, names and gender are made of, so profiles that join can be added to it
    # without reading the others (``store.entities``); None: rebuilt from the members.
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class ProfileRow(Base):
    """One document's view of one entity (a within-document cluster of mentions)."""

    __tablename__ = "profiles"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    entity_id: Mapped[str | None] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text)
    names: Mapped[list[Any]] = mapped_column(default=list)
    members: Mapped[list[Any]] = mapped_column(default=list)  # profile keys
    gender: Mapped[str | None] = mapped_column(String(1))
    descriptor: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the resolve.Profile fields
    block_key: Mapped[str | None] = mapped_column(String(64), index=True)

    # the stored person block keys read from the index alone (``stored_block_keys``)
    __table_args__ = (Index("ix_profiles_kind_block_key", "kind", "block_key"),)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    profile_key: Mapped[str | None] = mapped_column(ForeignKey("profiles.key"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(Text)
    descriptor: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(String(1))
    family: Mapped[bool] = mapped_column(Boolean, default=False)
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    subject_mention: Mapped[str] = mapped_column(ForeignKey("mentions.id"), index=True)
    object_mention: Mapped[str | None] = mapped_column(ForeignKey("mentions.id"), index=True)
    place_mention: Mapped[str | None] = mapped_column(ForeignKey("mentions.id"))
    informant_mention: Mapped[str | None] = mapped_column(ForeignKey("mentions.id"))
    role: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))
    polarity: Mapped[str] = mapped_column(String(16), default="affirmed")
    confidence: Mapped[float] = mapped_column(Float, default=0.8)
    hearsay: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    attrs: Mapped[dict[str, Any]] = mapped_column(default=dict)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class EditRow(Base):
    """An append-only human decision. Undo is a new edit that names the one it reverts."""

    __tablename__ = "edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reverts: Mapped[int | None] = mapped_column(Integer)
    # For an undo: how many undos of the same edit came before it. Unique with ``reverts``,
    # so of two concurrent undos of one edit only one can be written.
    undo_round: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ux_edits_reverts_round", "reverts", "undo_round", unique=True),)


class LinkRow(Base):
    """A scored pair of profiles from the cross-document step, for the review queue."""

    __tablename__ = "links"
    # a profile's links are found by either end (``store.links``): a is the key's first column
    __table_args__ = (Index("ix_links_b", "b"),)
    a: Mapped[str] = mapped_column(String(32), primary_key=True)
    b: Mapped[str] = mapped_column(String(32), primary_key=True)
    probability: Mapped[float] = mapped_column(Float)
    decision: Mapped[str] = mapped_column(String(16), index=True)
    features: Mapped[dict[str, Any]] = mapped_column(default=dict)


class FailureRow(Base):
    """A file that could not be ingested, with the reason; kept so nothing is lost silently."""

    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    reason: Mapped[str] = mapped_column(Text)
    # The sha256 of bytes that failed for a lasting reason (their content): the same bytes are
    # not parsed again unless asked. None for a passing trouble (permission, I/O, a bug).
    sha256: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuthorityRecordRow(Base):
    __tablename__ = "authority_records"
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    block_key: Mapped[str | None] = mapped_column(String(64), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AuthorityLinkRow(Base):
    """A profile's link to an authority record; the entity shows its profiles' links."""

    __tablename__ = "authority_links"
    profile_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    probability: Mapped[float] = mapped_column(Float)
    decision: Mapped[str] = mapped_column(String(16), index=True)  # linked | review | rejected
    features: Mapped[dict[str, Any]] = mapped_column(default=dict)


Index("ix_claims_status_type", ClaimRow.status, ClaimRow.type)
# The review queue asks for the least certain proposed claims first.
Index("ix_claims_status_confidence", ClaimRow.status, ClaimRow.confidence)


class LinkageModelRow(Base):
    """The linkage model the last full run (``kartoteka resolve``) computed, kept so that ingest
    links new profiles with it rather than with the prior: one row a kind ("person")."""

    __tablename__ = "linkage_models"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)  # Splink settings JSON
    model: Mapped[dict[str, Any]] = mapped_column(default=dict)  # m/u, weights, what it learnt
    link_threshold: Mapped[float] = mapped_column(Float)
    profiles: Mapped[int] = mapped_column(Integer, default=0)  # how many it was computed on
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TermFrequencyRow(Base):
    """How often a name value is another person's among the profiles a model was computed on
    (``resolve.scoring.surname_frequencies``): read a few values at a time by ingest."""

    __tablename__ = "linkage_term_frequencies"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)  # a linkage column
    value: Mapped[str] = mapped_column(String(200), primary_key=True)
    frequency: Mapped[float] = mapped_column(Float)

"""The shapes of the curation pages' JSON (review queue, audit log, accounts); the reading
pages' are in ``schemas.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from pydantic import Field

from kartoteka.web.comparisons import DecidedBy, ModelInUse
from kartoteka.web.schemas import ClaimOut, EntityRef


@dataclass
class ReviewEntry:
    id: Annotated[str, Field(description="Stable within the queue: kind and keys")]
    kind: Annotated[str, Field(description="merge | authority | claim")]
    probability: float
    left: str
    right: str
    keys: list[str]
    left_entity: EntityRef | None = None
    right_entity: EntityRef | None = None
    features: dict[str, Any] = field(default_factory=dict)
    decided_by: DecidedBy | None = None  # the comparisons in features, as rows
    claim: ClaimOut | None = None


@dataclass
class ReviewQueue:
    entries: list[ReviewEntry]
    confidence_below: float
    model: ModelInUse | None = None  # the authority model in use, learnt from the decisions
    # The person model the last `kartoteka resolve` stored (ingest links with it); None: the
    # prior. Beside it, the merge decisions in force (pairs of profiles) it will learn from.
    person_model: ModelInUse | None = None
    merges_accepted: int = 0
    merges_rejected: int = 0


@dataclass
class EditOut:
    id: int
    at: datetime
    user: str
    action: str
    target: str
    payload: dict[str, Any]
    reverts: int | None
    in_force: bool
    undoable: bool
    target_url: str | None


@dataclass
class AuditLog:
    edits: list[EditOut]
    total: int
    offset: int
    limit: int


@dataclass
class CurationResult:
    edit: EditOut
    redirect: str


@dataclass
class SessionInfo:
    user: str | None
    role: str | None
    csrf_token: str
    can_edit: bool


@dataclass
class UserOut:
    name: str
    role: str
    created_at: datetime


@dataclass
class UserList:
    users: list[UserOut]
    roles: list[str]

"""Human decisions as append-only edits, and what they mean for the pipeline.

Nothing here updates or deletes an edit: undo is a new edit that names the one it reverts.
Re-running the pipeline reads these edits back as constraints (must-link, cannot-link,
claim statuses, labels), so a decision made by hand is never lost. ``in_force`` and
``curation_of`` turn a list of edits into decisions without a database session; the session
forms (``active_edits``, ``curation``) only fetch the log from ``store.edits`` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from kartoteka.resolve.profile import Decisions
from kartoteka.store.edits import add_edit, all_edits
from kartoteka.store.tables import EditRow

ACTIONS = (
    "merge", "split", "claim_status", "claim_edit", "rename", "authority_link",
    "authority_unlink", "undo",
)


def record_edit(
    session: Session, *, user: str, action: str, target: str, payload: dict[str, Any],
    reverts: int | None = None,
) -> EditRow:
    if action not in ACTIONS:
        raise ValueError(f"unknown edit action {action!r}")
    return add_edit(session, user=user, action=action, target=target, payload=payload,
                    reverts=reverts)


class Edit(Protocol):
    """What the decisions are read from: a stored edit (``EditRow``) or anything shaped so."""

    id: int
    action: str
    target: str
    payload: dict[str, Any]
    reverts: int | None


E = TypeVar("E", bound=Edit)


def active_edits(session: Session) -> list[EditRow]:
    """The stored edits in force (see ``in_force``)."""
    return in_force(all_edits(session))


def in_force(edits: Sequence[E]) -> list[E]:
    """Edits in force: not undo records themselves, and not reverted by a later undo."""
    reverted = {e.reverts for e in edits if e.action == "undo" and e.reverts is not None}
    # An undo can itself be undone: then the edit it reverted is in force again.
    undone_undos = {e.reverts for e in edits if e.action == "undo" and e.reverts is not None
                    and any(u.id == e.reverts and u.action == "undo" for u in edits)}
    for edit in edits:
        if edit.action == "undo" and edit.id in undone_undos and edit.reverts is not None:
            reverted.discard(edit.reverts)
    return [e for e in edits if e.action != "undo" and e.id not in reverted]


@dataclass
class Curation:
    """Everything the edits in force say, in the shape the pipeline consumes."""

    decisions: Decisions = field(default_factory=Decisions)
    claim_status: dict[str, str] = field(default_factory=dict)
    claim_fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # anchor profile key -> label
    authority: dict[tuple[str, str, str], bool] = field(default_factory=dict)


def curation(session: Session) -> Curation:
    """What the stored edits in force say (one read of the edit log)."""
    return curation_of(active_edits(session))


def curation_of(edits: Sequence[Edit]) -> Curation:
    """What these edits in force say, in the shape the pipeline consumes; no session needed."""
    must: set[tuple[str, str]] = set()
    cannot: set[tuple[str, str]] = set()
    out = Curation()
    for edit in edits:
        p = edit.payload
        if edit.action == "merge":
            for a, b in product(p["profiles_a"], p["profiles_b"]):
                must.add((a, b))
                cannot.discard((a, b))
                cannot.discard((b, a))
        elif edit.action == "split":
            for a, b in product(p["moved"], p["kept"]):
                cannot.add((a, b))
                must.discard((a, b))
                must.discard((b, a))
        elif edit.action == "claim_status":
            out.claim_status[edit.target] = p["status"]
        elif edit.action == "claim_edit":
            out.claim_fields.setdefault(edit.target, {}).update(p["fields"])
        elif edit.action == "rename":
            out.labels[p["anchor"]] = p["label"]
        elif edit.action in ("authority_link", "authority_unlink"):
            key = (p["profile"], p["source"], p["record_id"])
            out.authority[key] = edit.action == "authority_link"
    out.decisions = Decisions(must_link=frozenset(must), cannot_link=frozenset(cannot))
    return out


__all__ = ["ACTIONS", "Curation", "Edit", "active_edits", "all_edits", "curation", "curation_of",
           "in_force", "record_edit"]

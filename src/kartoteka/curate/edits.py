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
    reverts: int | None = None, undo_round: int | None = None,
) -> EditRow:
    if action not in ACTIONS:
        raise ValueError(f"unknown edit action {action!r}")
    return add_edit(session, user=user, action=action, target=target, payload=payload,
                    reverts=reverts, undo_round=undo_round)


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


def edit_states(edits: Sequence[Edit]) -> dict[int, bool]:
    """Whether each edit is in force, replaying the log in order.

    An undo takes the edit it names out of force; as that may itself be an undo, what that one
    had reverted comes back into force, and so on down the chain. An edit out of force cannot
    be undone (so no undo is ever recorded twice for one state).
    """
    by_id = {e.id: e for e in edits}
    live: dict[int, bool] = {}
    for edit in edits:
        live[edit.id] = True
        if edit.action != "undo":
            continue
        target, value = edit.reverts, False
        while target is not None and target in by_id:
            live[target] = value
            reverted = by_id[target]
            target = reverted.reverts if reverted.action == "undo" else None
            value = not value
    return live


def in_force(edits: Sequence[E]) -> list[E]:
    """Edits in force: not undo records themselves, and not reverted by an undo in force."""
    live = edit_states(edits)
    return [e for e in edits if e.action != "undo" and live[e.id]]


def undoable_by(session: Session, edit_id: int, user: str) -> bool:
    """True when edit ``edit_id`` exists, was made by ``user`` and is in force."""
    edit = session.get(EditRow, edit_id)
    if edit is None or edit.user != user:
        return False
    return edit_states(all_edits(session)).get(edit_id, False)


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
           "edit_states", "in_force", "record_edit", "undoable_by"]

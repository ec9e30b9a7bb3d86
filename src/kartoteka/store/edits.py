"""The edit log in the store: appending an edit and reading them all back, oldest first.

Nothing here updates or deletes an edit; what the edits mean is ``kartoteka.curate``'s business.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.store.tables import EditRow


def add_edit(session: Session, *, user: str, action: str, target: str,
             payload: dict[str, Any], reverts: int | None = None,
             undo_round: int | None = None) -> EditRow:
    row = EditRow(user=user, action=action, target=target, payload=payload, reverts=reverts,
                  undo_round=undo_round)
    session.add(row)
    session.flush()
    return row


def all_edits(session: Session) -> list[EditRow]:
    return list(session.scalars(select(EditRow).order_by(EditRow.id)))


__all__ = ["add_edit", "all_edits"]

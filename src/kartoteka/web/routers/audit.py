"""The audit log: every human decision with who and when, newest first, each undoable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from kartoteka.curate.edits import all_edits, edit_states
from kartoteka.store.tables import ClaimRow, EditRow
from kartoteka.web.auth import reader
from kartoteka.web.curation_schemas import AuditLog, EditOut
from kartoteka.web.pages import page
from kartoteka.web.present import reader_url
from kartoteka.web.settings import DbSession

router = APIRouter(tags=["audit"], dependencies=[Depends(reader)])

ENTITY_ACTIONS = ("merge", "split", "rename", "authority_link", "authority_unlink")


def target_url(session: Session, edit: EditRow) -> str | None:
    if edit.action in ENTITY_ACTIONS:
        return f"/persons/{edit.target}"
    if edit.action in ("claim_status", "claim_edit"):
        claim = session.get(ClaimRow, edit.target)
        return reader_url(claim.document_id) if claim else None
    return None


def edit_out(session: Session, edit: EditRow, *, in_force: bool, undoable: bool) -> EditOut:
    return EditOut(id=edit.id, at=edit.at, user=edit.user, action=edit.action,
                   target=edit.target, payload=edit.payload or {}, reverts=edit.reverts,
                   in_force=in_force, undoable=undoable, target_url=target_url(session, edit))


@page(router, "/audit", "audit.html", model=AuditLog,
      summary="Every edit, newest first, with whether it is still in force")
def audit_log(
    session: DbSession,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> AuditLog:
    edits = all_edits(session)
    live = edit_states(edits)  # an edit, or an undo, can be undone while it is in force
    newest_first = list(reversed(edits))[offset:offset + limit]
    out = [edit_out(session, e, in_force=live[e.id], undoable=live[e.id]) for e in newest_first]
    return AuditLog(edits=out, total=len(edits), offset=offset, limit=limit)

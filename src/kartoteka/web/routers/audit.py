"""The audit log: every human decision with who and when, newest first, each undoable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from kartoteka.curate.edits import active_edits, all_edits
from kartoteka.store.tables import ClaimRow, EditRow
from kartoteka.web.auth import reader
from kartoteka.web.pages import page
from kartoteka.web.present import reader_url
from kartoteka.web.schemas import AuditLog, EditOut
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
    active = {e.id for e in active_edits(session)}
    undone_undos = {e.reverts for e in edits if e.action == "undo" and e.reverts is not None}
    newest_first = list(reversed(edits))[offset:offset + limit]
    out = []
    for e in newest_first:
        if e.action == "undo":
            live = e.id not in undone_undos
            out.append(edit_out(session, e, in_force=live, undoable=live))
        else:
            out.append(edit_out(session, e, in_force=e.id in active, undoable=e.id in active))
    return AuditLog(edits=out, total=len(edits), offset=offset, limit=limit)

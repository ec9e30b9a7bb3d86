"""Curation: each POST records one append-only edit through ``curate.actions``.

Each runs in a writer's transaction (``Store.session(write=True)``), as an ingest's file does:
a merge re-links the profiles it joins, and an ingest linking the same people at the same
moment on PostgreSQL would otherwise write entities computed without the decision.

Every endpoint takes a JSON body (scripts, the pages' keyboard shortcuts) or a form (plain HTML
buttons), needs an editor and the session's CSRF token, and answers JSON or a redirect back
with ``?edit=ID`` so the page can offer to undo.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator, model_validator
from sqlalchemy.orm import Session

from kartoteka.curate import actions
from kartoteka.dates import is_valid as edtf_valid
from kartoteka.store.tables import ClaimRow, EditRow, ProfileRow
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.auth import Viewer, csrf_protect, editor
from kartoteka.web.body import body_of, body_schema, request_data
from kartoteka.web.curation_schemas import CurationResult
from kartoteka.web.pages import MAX_ID, curation_response
from kartoteka.web.routers.audit import edit_out
from kartoteka.web.settings import web

router = APIRouter(prefix="/api", tags=["curation"],
                   dependencies=[Depends(csrf_protect), Depends(editor)])
Editor = Annotated[Viewer, Depends(editor)]


class MergeRequest(BaseModel):
    other: str = Field(max_length=64, description="The entity that is the same person as this one")


class SplitRequest(BaseModel):
    profiles: list[str] = Field(min_length=1, max_length=1000,
                                description="Profile keys that are someone else")


class RenameRequest(BaseModel):
    label: str = Field(min_length=1, max_length=300)


class AuthorityRequest(BaseModel):
    source: str = Field(min_length=1, max_length=64, description="e.g. wikidata")
    record_id: str = Field(min_length=1, max_length=64)
    link: bool = Field(True, description="false unlinks (or rejects a proposed link)")


class ClaimStatusRequest(BaseModel):
    status: Literal["proposed", "accepted", "rejected"]


class ClaimEditRequest(BaseModel):
    date: str | None = Field(None, max_length=64, description="EDTF; empty clears it")
    role: str | None = Field(None, max_length=300)
    polarity: Literal["affirmed", "negated"] | None = None
    type: str | None = Field(None, max_length=64)

    @model_validator(mode="before")
    @classmethod
    def blanks_are_none(cls, data: Any) -> Any:
        """A form sends every field; an empty one means "none" (a cleared date)."""
        if isinstance(data, dict):
            return {k: (None if isinstance(v, str) and not v.strip() else v)
                    for k, v in data.items()}
        return data

    @field_validator("date")
    @classmethod
    def edtf_date(cls, value: str | None) -> str | None:
        if value and not edtf_valid(value.strip()):
            raise ValueError(f"{value!r} is not an EDTF date (e.g. 1937, 1937-05, 1937~, "
                             "1937/1940)")
        return value

    @field_validator("type")
    @classmethod
    def known_type(cls, value: str | None) -> str | None:
        if value and value not in load_vocabulary():
            raise ValueError(f"unknown claim type {value!r}")
        return value or None


class LinkDecision(BaseModel):
    a: str = Field(max_length=64, description="A profile key")
    b: str = Field(max_length=64, description="The other profile key")
    same: bool = Field(description="true: the same person (merge); false: not (split)")


async def next_url(request: Request) -> Any:
    return (await request_data(request)).get("next")


NextUrl = Annotated[Any, Depends(next_url)]


def _entity_of_profile(session: Session, key: str | None) -> str | None:
    row = session.get(ProfileRow, key) if key else None
    return row.entity_id if row else None


def _respond(request: Request, session: Session, edit: EditRow, redirect: str,
             next_to: Any) -> Response:
    result = CurationResult(edit=edit_out(session, edit, in_force=True, undoable=True),
                            redirect=redirect)
    return curation_response(request, result, redirect, next_to)


@router.post("/persons/{entity_id}/merge", response_model=CurationResult,
             openapi_extra=body_schema(MergeRequest), summary="Merge another entity into this")
def merge(request: Request, entity_id: str, viewer: Editor, next_to: NextUrl,
          body: Annotated[MergeRequest, Depends(body_of(MergeRequest))]) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.merge_entities(session, entity_id, body.other.strip(), user=viewer.name)
        kept = _entity_of_profile(session, edit.payload["profiles_a"][0]) or entity_id
        return _respond(request, session, edit, f"/persons/{kept}", next_to)


@router.post("/persons/{entity_id}/split", response_model=CurationResult,
             openapi_extra=body_schema(SplitRequest), summary="Split profiles off an entity")
def split(request: Request, entity_id: str, viewer: Editor, next_to: NextUrl,
          body: Annotated[SplitRequest, Depends(body_of(SplitRequest, lists=("profiles",)))],
          ) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.split_entity(session, entity_id, body.profiles, user=viewer.name)
        kept = _entity_of_profile(session, edit.payload["kept"][0]) or entity_id
        return _respond(request, session, edit, f"/persons/{kept}", next_to)


@router.post("/persons/{entity_id}/rename", response_model=CurationResult,
             openapi_extra=body_schema(RenameRequest), summary="Set an entity's preferred name")
def rename(request: Request, entity_id: str, viewer: Editor, next_to: NextUrl,
           body: Annotated[RenameRequest, Depends(body_of(RenameRequest))]) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.rename_entity(session, entity_id, body.label, user=viewer.name)
        return _respond(request, session, edit, f"/persons/{entity_id}", next_to)


@router.post("/persons/{entity_id}/authority", response_model=CurationResult,
             openapi_extra=body_schema(AuthorityRequest),
             summary="Link or unlink an authority record")
def authority(request: Request, entity_id: str, viewer: Editor, next_to: NextUrl,
              body: Annotated[AuthorityRequest, Depends(body_of(AuthorityRequest))]) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.link_authority(session, entity_id, body.source.strip(),
                                      body.record_id.strip(), user=viewer.name, link=body.link)
        return _respond(request, session, edit, f"/persons/{entity_id}", next_to)


def _claim_page(session: Session, claim_id: str) -> str:
    claim = session.get(ClaimRow, claim_id)
    return f"/documents/{claim.document_id}" if claim else "/review"


@router.post("/claims/{claim_id}/status", response_model=CurationResult,
             openapi_extra=body_schema(ClaimStatusRequest),
             summary="Accept, reject or reopen a claim")
def claim_status(request: Request, claim_id: str, viewer: Editor, next_to: NextUrl,
                 body: Annotated[ClaimStatusRequest, Depends(body_of(ClaimStatusRequest))],
                 ) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.set_claim_status(session, claim_id, body.status, user=viewer.name)
        return _respond(request, session, edit, _claim_page(session, claim_id), next_to)


@router.post("/claims/{claim_id}/edit", response_model=CurationResult,
             openapi_extra=body_schema(ClaimEditRequest),
             summary="Correct a claim's date, role, polarity or type (changed fields only)")
def claim_edit(request: Request, claim_id: str, viewer: Editor, next_to: NextUrl,
               body: Annotated[ClaimEditRequest, Depends(body_of(ClaimEditRequest))],
               ) -> Response:
    with web(request).store.session(write=True) as session:
        row = session.get(ClaimRow, claim_id)
        if row is None:
            raise actions.CurationError(f"no claim {claim_id!r}")
        sent = body.model_dump(exclude_unset=True)
        changed = {name: (value.strip() or None) if isinstance(value, str) else value
                   for name, value in sent.items()}
        changed = {name: value for name, value in changed.items()
                   if value != getattr(row, name) and not (name in ("type", "polarity")
                                                           and value is None)}
        if not changed:
            raise actions.CurationError("nothing to change")
        edit = actions.edit_claim(session, claim_id, changed, user=viewer.name)
        return _respond(request, session, edit, _claim_page(session, claim_id), next_to)


@router.post("/links/decide", response_model=CurationResult,
             openapi_extra=body_schema(LinkDecision),
             summary="Answer the review queue about two profiles")
def decide_link(request: Request, viewer: Editor, next_to: NextUrl,
                body: Annotated[LinkDecision, Depends(body_of(LinkDecision))]) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.decide_link(session, body.a, body.b, body.same, user=viewer.name)
        entity = _entity_of_profile(session, body.a)
        return _respond(request, session, edit,
                        f"/persons/{entity}" if entity else "/review", next_to)


@router.post("/edits/{edit_id}/undo", response_model=CurationResult,
             responses={409: {"description": "The edit is no longer in force"}},
             summary="Revert an edit (recorded as a new edit); 409 when it is not in force")
def undo(request: Request, edit_id: Annotated[int, Path(ge=1, le=MAX_ID)], viewer: Editor,
         next_to: NextUrl) -> Response:
    with web(request).store.session(write=True) as session:
        edit = actions.undo(session, edit_id, user=viewer.name)
        return _respond(request, session, edit, "/audit", next_to)

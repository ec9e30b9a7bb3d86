"""OpenRefine's Reconciliation Service API 0.2 at ``/reconcile``.

- ``GET /reconcile``: the service manifest; with ``queries=`` (JSON), a batch of queries.
- ``POST /reconcile``: a batch, form-encoded ``queries=<JSON>`` (what OpenRefine sends).
- ``GET /reconcile/suggest/entity?prefix=…``: auto-complete.
- ``GET /reconcile/preview?id=…``: an HTML card for OpenRefine's preview pane (an iframe).

The matching lives in ``kartoteka.export.reconcile``; this module only reads requests. The index
comes from ``get_reconcile_index``: the app overrides it (``app.dependency_overrides``) or
leaves a built index in ``app.state.reconcile_index``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kartoteka.export.reconcile import (
    ReconcileIndex,
    manifest,
    preview_html,
    reconcile_batch,
    suggest_entities,
)

router = APIRouter(prefix="/reconcile", tags=["reconcile"])

# The preview is shown inside OpenRefine's page: it must be framable from anywhere, and it
# carries no script. (Set here; the app's own security headers only fill in missing ones.)
PREVIEW_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "frame-ancestors *",
}


def get_reconcile_index(request: Request) -> ReconcileIndex:
    index = getattr(request.app.state, "reconcile_index", None)
    if index is None:
        raise HTTPException(status_code=503, detail="no reconciliation index is loaded")
    return index


IndexDep = Annotated[ReconcileIndex, Depends(get_reconcile_index)]


def _parse_queries(raw: str) -> dict[str, Any]:
    try:
        queries = json.loads(raw)
    except json.JSONDecodeError as error:
        raise HTTPException(status_code=400, detail=f"queries is not JSON: {error}") from None
    if not isinstance(queries, dict) or not all(isinstance(q, dict) for q in queries.values()):
        raise HTTPException(status_code=400,
                            detail='queries must be an object of query objects: '
                                   '{"q0": {"query": "…"}}')
    return queries


def _service_url(request: Request) -> str:
    return str(request.url_for("reconcile_service")).rstrip("/")


@router.get("", name="reconcile_service")
def reconcile_service(request: Request, index: IndexDep,
                      queries: Annotated[str | None, Query()] = None) -> dict[str, Any]:
    if queries is None:
        return manifest(_service_url(request))
    return reconcile_batch(index, _parse_queries(queries))


@router.post("")
def reconcile_post(index: IndexDep,
                   queries: Annotated[str, Form()]) -> dict[str, Any]:
    return reconcile_batch(index, _parse_queries(queries))


@router.get("/suggest/entity")
def suggest_entity(index: IndexDep, prefix: Annotated[str, Query()] = "",
                   cursor: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    found = suggest_entities(index, prefix, limit=cursor + 10)
    return {"result": found["result"][cursor:]}


@router.get("/preview", response_class=HTMLResponse)
def preview(index: IndexDep, entity_id: Annotated[str, Query(alias="id")]) -> HTMLResponse:
    snippet = preview_html(index, entity_id)
    if snippet is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id!r}")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
            f"<body>{snippet}</body></html>")
    return HTMLResponse(page, headers=PREVIEW_HEADERS)

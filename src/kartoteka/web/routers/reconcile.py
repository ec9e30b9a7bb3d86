"""OpenRefine's Reconciliation Service API 0.2 at ``/reconcile``.

- ``GET /reconcile``: the service manifest; with ``queries=`` (JSON), a batch of queries.
- ``POST /reconcile``: a batch, form-encoded ``queries=<JSON>`` (what OpenRefine sends).
- ``GET /reconcile/suggest/entity?prefix=…``: auto-complete.
- ``GET /reconcile/preview?id=…``: an HTML card for OpenRefine's preview pane (an iframe).

The same routes answer under ``/reconcile/t/{token}`` for OpenRefine, which cannot send an
``Authorization`` header: the service URL to give it is ``BASE/reconcile/t/TOKEN`` with a token
from ``kartoteka user token NAME``. Every route follows the site's rule for reading (logged in,
or anonymous visitors allowed); a token only ever reads. The manifest's URLs come from the
configured base URL (``--base-url``), never the request's ``Host`` header.

The matching lives in ``kartoteka.export.reconcile``; this module only reads requests. The index
comes from ``get_reconcile_index``: the app overrides it (``app.dependency_overrides``) or
leaves a built index in ``app.state.reconcile_index``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute

from kartoteka.export.reconcile import (
    ReconcileIndex,
    manifest,
    preview_html,
    reconcile_batch,
    suggest_entities,
)
from kartoteka.web.auth import reader
from kartoteka.web.body import parse_json
from kartoteka.web.settings import web

MAX_QUERY_TEXT = 500_000  # characters of the ``queries`` JSON

router = APIRouter(tags=["reconcile"])

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


def _parse_queries(request: Request, raw: str) -> dict[str, Any]:
    settings = web(request).settings
    queries = parse_json(raw, max_depth=settings.max_json_depth, what="queries")
    if not isinstance(queries, dict) or not all(isinstance(q, dict) for q in queries.values()):
        raise HTTPException(status_code=400,
                            detail='queries must be an object of query objects: '
                                   '{"q0": {"query": "…"}}')
    if len(queries) > settings.max_reconcile_queries:
        raise HTTPException(status_code=413,
                            detail=f"at most {settings.max_reconcile_queries} queries a batch "
                                   f"({len(queries)} sent)")
    return queries


def _service_url(request: Request) -> str:
    """The endpoint as users reach it: the configured base URL (with the token, if one)."""
    base = web(request).settings.base_url.rstrip("/") + "/reconcile"
    token = request.path_params.get("token")
    return f"{base}/t/{token}" if token else base


Queries = Annotated[str, Query(max_length=MAX_QUERY_TEXT)]


def reconcile_service(request: Request, index: IndexDep,
                      queries: Queries | None = None) -> dict[str, Any]:
    if queries is None:
        return manifest(_service_url(request))
    return reconcile_batch(index, _parse_queries(request, queries))


def reconcile_post(request: Request, index: IndexDep,
                   queries: Annotated[str, Form(max_length=MAX_QUERY_TEXT)]) -> dict[str, Any]:
    return reconcile_batch(index, _parse_queries(request, queries))


def suggest_entity(index: IndexDep, prefix: Annotated[str, Query(max_length=300)] = "",
                   cursor: Annotated[int, Query(ge=0, le=1000)] = 0) -> dict[str, Any]:
    found = suggest_entities(index, prefix, limit=cursor + 10)
    return {"result": found["result"][cursor:]}


def preview(index: IndexDep, entity_id: Annotated[str, Query(alias="id", max_length=64)]
            ) -> HTMLResponse:
    snippet = preview_html(index, entity_id)
    if snippet is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id!r}")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
            f"<body>{snippet}</body></html>")
    return HTMLResponse(page, headers=PREVIEW_HEADERS)


def _add_routes(prefix: str, *, in_schema: bool) -> None:
    suffix = "_token" if "{token}" in prefix else ""
    token = [Depends(_token_path)] if suffix else []
    deps = [Depends(reader), *token]
    router.add_api_route(prefix, reconcile_service, methods=["GET"], dependencies=deps,
                         name=f"reconcile_service{suffix}", include_in_schema=in_schema)
    router.add_api_route(prefix, reconcile_post, methods=["POST"], dependencies=deps,
                         name=f"reconcile_post{suffix}", include_in_schema=in_schema)
    router.add_api_route(prefix + "/suggest/entity", suggest_entity, methods=["GET"],
                         dependencies=deps, name=f"suggest_entity{suffix}",
                         include_in_schema=in_schema)
    router.add_api_route(prefix + "/preview", preview, methods=["GET"], dependencies=deps,
                         response_class=HTMLResponse, name=f"preview{suffix}",
                         include_in_schema=in_schema)


def _token_path(token: Annotated[str, PathParam(min_length=1, max_length=200)]) -> str:
    return token


_add_routes("/reconcile", in_schema=True)
# The token is a secret: these stay out of the published OpenAPI.
_add_routes("/reconcile/t/{token}", in_schema=False)
ROUTES: list[APIRoute] = [r for r in router.routes if isinstance(r, APIRoute)]

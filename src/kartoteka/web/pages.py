"""Page helpers: pages with JSON twins, HTML or JSON answers, safe redirects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from kartoteka.curate.edits import undoable_by
from kartoteka.web.auth import CSRF_FIELD, current_viewer, web_session
from kartoteka.web.body import is_json_request
from kartoteka.web.settings import web

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_ID = 2**63 - 1  # the largest integer id the database holds


def wants_json(request: Request) -> bool:
    """JSON for the API and scripts; HTML for pages and for what a plain form posted."""
    if request.headers.get("content-type", "").split(";")[0].strip() in FORM_TYPES:
        return False
    path = request.url.path
    if (path.endswith(".json") or path.startswith(("/api/", "/reconcile"))
            and not path.endswith("/preview") or is_json_request(request)):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def safe_next(target: Any) -> str | None:
    """A local path to go back to, or None: never an address on another site."""
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc or "\\" in target else target


def with_query(url: str, **params: Any) -> str:
    path, _, fragment = url.partition("#")
    sep = "&" if "?" in path else "?"
    url = f"{path}{sep}{urlencode(params)}"
    return f"{url}#{fragment}" if fragment else url


def _notice_edit(request: Request) -> int | None:
    """The ``?edit=N`` just recorded, offered for undo only to an editor who may undo it."""
    notice = request.query_params.get("edit", "")
    viewer = current_viewer(request)
    if not (notice.isdigit() and len(notice) <= 18 and viewer.can_edit):
        return None
    with web(request).store.session() as session:
        return int(notice) if undoable_by(session, int(notice), viewer.name or "") else None


def render(request: Request, template: str, status_code: int = 200, **context: Any
           ) -> HTMLResponse:
    ctx = web(request)
    viewer = current_viewer(request)
    context.update(
        viewer=viewer, csrf_token=web_session(request).csrf, csrf_field=CSRF_FIELD,
        notice_edit=_notice_edit(request),
        allow_anonymous=ctx.settings.allow_anonymous, here=_here(request),
    )
    return ctx.templates.TemplateResponse(request, template, context, status_code=status_code)


def _here(request: Request) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "edit"]
    return request.url.path + (f"?{urlencode(query)}" if query else "")


def page(router: APIRouter, path: str, template: str, *, model: type,
         summary: str, extra: Callable[[Any], dict[str, Any]] | None = None,
         ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``build`` as ``path.json`` (in the OpenAPI) and ``path`` (its HTML page)."""

    def register(build: Callable[..., Any]) -> Callable[..., Any]:
        router.add_api_route(path + ".json", build, methods=["GET"], response_model=model,
                             summary=summary, name=f"{build.__name__}_json")

        # A plain default, not Annotated: with postponed annotations FastAPI could not see
        # ``build``, a local name.
        def html(request: Request, data: Any = Depends(build)) -> HTMLResponse:  # noqa: B008
            more = extra(data) if extra else {}
            return render(request, template, data=data, **more)

        router.add_api_route(path, html, methods=["GET"], response_class=HTMLResponse,
                             include_in_schema=False, name=build.__name__)
        return build

    return register


def curation_response(request: Request, payload: Any, redirect: str,
                      next_url: Any = None) -> Response:
    """JSON for scripts and the pages' own JS; a redirect back for a plain HTML form."""
    if is_json_request(request):
        return JSONResponse(jsonable_encoder(payload))
    target = safe_next(next_url) or redirect
    edit_id = getattr(getattr(payload, "edit", None), "id", None)
    if edit_id is not None:
        target = with_query(target, edit=edit_id)
    return RedirectResponse(target, status_code=303)

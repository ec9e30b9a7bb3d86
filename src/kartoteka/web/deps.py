"""What every router shares: the app's context, the database session, who is asking, CSRF,
pages with JSON twins, and request bodies that may be forms or JSON."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from kartoteka.store.session import Store
from kartoteka.store.users import get_user, role_at_least
from kartoteka.web.auth import (
    CSRF_FIELD,
    CSRF_HEADER,
    LoginLimiter,
    SessionSigner,
    WebSession,
    csrf_matches,
)
from kartoteka.web.facets import FacetIndex
from kartoteka.web.search import NameIndex

M = TypeVar("M", bound=BaseModel)
ROLE_CACHE_SECONDS = 5.0


@dataclass(frozen=True)
class WebSettings:
    """How ``kartoteka serve`` runs the web app."""

    db: str
    secret_key: str | None = None  # signs session cookies; kept in the database when None
    secure_cookies: bool = False  # mark cookies Secure (serve over HTTPS)
    allow_anonymous: bool = False  # let visitors who are not logged in read (never edit)
    login_failures_per_minute: int = 5
    review_confidence_below: float = 0.6  # claims less certain than this go to review


@dataclass
class WebContext:
    settings: WebSettings
    store: Store
    signer: SessionSigner
    limiter: LoginLimiter
    templates: Jinja2Templates
    names: NameIndex
    facets: FacetIndex
    _roles: dict[str, tuple[str | None, float]] = field(default_factory=dict)

    def role_of(self, user: str) -> str | None:
        """The user's current role (None once deleted); looked up at most every few seconds."""
        cached = self._roles.get(user)
        now = time.monotonic()
        if cached and cached[1] > now:
            return cached[0]
        with self.store.session() as session:
            row = get_user(session, user)
            role = row.role if row else None
        self._roles[user] = (role, now + ROLE_CACHE_SECONDS)
        return role

    def forget_role(self, user: str) -> None:
        self._roles.pop(user, None)


def web(request: Request) -> WebContext:
    return request.app.state.kartoteka


def db_session(request: Request) -> Iterator[Session]:
    """A read transaction for the request."""
    with web(request).store.session() as session:
        yield session


DbSession = Annotated[Session, Depends(db_session)]


# --- who is asking ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Viewer:
    name: str | None
    role: str | None

    @property
    def can_edit(self) -> bool:
        return self.role is not None and role_at_least(self.role, "editor")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class LoginRequired(Exception):
    """Raised for a visitor who must log in first (a redirect for pages, 401 for the API)."""


def web_session(request: Request) -> WebSession:
    return request.state.web_session


def current_viewer(request: Request) -> Viewer:
    cached = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    user = web_session(request).user
    role = web(request).role_of(user) if user else None
    viewer = Viewer(user if role else None, role)
    request.state.viewer = viewer
    return viewer


def reader(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer.name is None and not web(request).settings.allow_anonymous:
        raise LoginRequired
    return viewer


def editor(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer.name is None:
        raise LoginRequired
    if not viewer.can_edit:
        raise HTTPException(403, "your account may read but not edit")
    return viewer


def admin(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer.name is None:
        raise LoginRequired
    if not viewer.is_admin:
        raise HTTPException(403, "only an admin may manage users")
    return viewer


def is_json_request(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip() == "application/json"


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def wants_json(request: Request) -> bool:
    """JSON for the API and scripts; HTML for pages and for what a plain form posted."""
    if request.headers.get("content-type", "").split(";")[0].strip() in FORM_TYPES:
        return False
    path = request.url.path
    if path.endswith(".json") or path.startswith("/api/") or is_json_request(request):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


async def request_data(request: Request) -> dict[str, Any]:
    """The body as a dict, from JSON or a form (repeated form fields become lists)."""
    if is_json_request(request):
        try:
            data = await request.json()
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(400, "the body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise HTTPException(400, "the body must be a JSON object")
        return data
    form = await request.form()
    return {key: values if len(values := form.getlist(key)) > 1 else values[0]
            for key in form.keys()}


async def csrf_protect(request: Request) -> None:
    """Refuse a state-changing request that does not echo the session's CSRF token."""
    token = request.headers.get(CSRF_HEADER)
    if token is None and not is_json_request(request):
        token = (await request_data(request)).get(CSRF_FIELD)
    if not isinstance(token, str) or not csrf_matches(web_session(request), token):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def body_of(model: type[M], *, lists: tuple[str, ...] = ()) -> Callable[[Request], Awaitable[M]]:
    """A dependency reading ``model`` from a JSON body or a form."""

    async def parse(request: Request) -> M:
        data = await request_data(request)
        data = {k: v for k, v in data.items() if k not in (CSRF_FIELD, "next")}
        for name in lists:
            value = data.get(name)
            data[name] = [] if value is None else value if isinstance(value, list) else [value]
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc

    return parse


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI for a body that may come as JSON or as a form."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": schema},
        "application/x-www-form-urlencoded": {"schema": schema},
    }}}


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


# --- pages and their JSON twins ---------------------------------------------------------------

def render(request: Request, template: str, status_code: int = 200, **context: Any
           ) -> HTMLResponse:
    ctx = web(request)
    viewer = current_viewer(request)
    notice = request.query_params.get("edit")
    context.update(
        viewer=viewer, csrf_token=web_session(request).csrf, csrf_field=CSRF_FIELD,
        notice_edit=int(notice) if notice and notice.isdigit() else None,
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

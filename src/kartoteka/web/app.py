"""The web application: ``create_app(settings)`` builds it; ``kartoteka serve`` runs it.

One app object holds the settings, the store and the templates (``WebContext``); each page
family is a router in ``routers/``, and every page has a JSON twin at the same path + ``.json``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import jinja2
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from kartoteka.curate.actions import CurationError, EditConflict
from kartoteka.export.json import export_store
from kartoteka.export.reconcile import ReconcileIndex, build_index
from kartoteka.store.session import Store
from kartoteka.store.users import UserError
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.auth import LoginRequired, SessionSigner
from kartoteka.web.cache import GenerationCache, stop_caches
from kartoteka.web.facets import FacetIndex
from kartoteka.web.middleware import SessionMiddleware
from kartoteka.web.pages import render, wants_json, with_query
from kartoteka.web.routers import (
    accounts,
    audit,
    curate,
    documents,
    graph,
    institutions,
    persons,
    reconcile,
    review,
    search,
)
from kartoteka.web.search import NameIndex
from kartoteka.web.settings import (
    SettingsError,
    WebContext,
    WebSettings,
    secret_from_env,
    signing_key,
)

__all__ = ["WebSettings", "create_app", "create_app_from_env"]

def make_templates() -> Jinja2Templates:
    folder = resources.files("kartoteka.web").joinpath("templates")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    vocab = load_vocabulary()
    env.globals["claim_types"] = vocab.claim_types
    env.globals["fate_types"] = vocab.fates
    return Jinja2Templates(env=env)


def _routers() -> list:
    return [accounts.router, search.router, persons.router, documents.router, graph.router,
            institutions.router, review.router, audit.router, curate.router, reconcile.router]


def _reconcile_index_builder(session: Session) -> ReconcileIndex:
    return build_index(export_store(session, include_text=False))


def create_app(settings: WebSettings) -> FastAPI:
    signer = SessionSigner(signing_key(settings))  # before the database: a clear error first
    store = Store(settings.db, create=False)
    context = WebContext(settings=settings, store=store,
                         templates=make_templates(), names=NameIndex(store),
                         facets=FacetIndex(store))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        context.names.warm()
        context.facets.warm()
        yield
        stop_caches(store)  # no rebuild left reading a database that closes
        store.close()

    app = FastAPI(title="kartoteka", summary="An evidence-linked card index: the JSON API "
                  "behind the pages (every page answers as JSON at its path + .json).",
                  version="1", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.kartoteka = context
    static = resources.files("kartoteka.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in _routers():
        app.include_router(router)
    # OpenRefine's reconciliation answers from an index of the whole database, rebuilt when
    # the data change (as the name and facet indexes are).
    reconcile_cache = GenerationCache(store, _reconcile_index_builder, len, name="reconcile")

    def current_reconcile_index() -> ReconcileIndex:
        with store.session() as session:
            return reconcile_cache.get(session)

    app.dependency_overrides[reconcile.get_reconcile_index] = current_reconcile_index
    _install_handlers(app)

    app.add_middleware(SessionMiddleware, signer=signer, secure=settings.secure_cookies,
                       max_body=settings.max_body_bytes)
    return app


def create_app_from_env() -> FastAPI:
    """For ``uvicorn --factory kartoteka.web.app:create_app_from_env --workers N``.

    Reads KARTOTEKA_DB, KARTOTEKA_SECRET_KEY or KARTOTEKA_SECRET_FILE (required: this is
    production mode, and every worker must sign with the same key), KARTOTEKA_BASE_URL,
    KARTOTEKA_SECURE_COOKIES and KARTOTEKA_ALLOW_ANONYMOUS ("1" for yes). Sessions, roles and
    the login limit live in the database, so the workers agree on them at once.
    """
    db = os.environ.get("KARTOTEKA_DB")
    if not db:
        raise SettingsError("set KARTOTEKA_DB to the database file")
    return create_app(WebSettings(
        db=db, secret_key=secret_from_env(), production=True,
        secure_cookies=os.environ.get("KARTOTEKA_SECURE_COOKIES") == "1",
        allow_anonymous=os.environ.get("KARTOTEKA_ALLOW_ANONYMOUS") == "1",
        base_url=os.environ.get("KARTOTEKA_BASE_URL") or WebSettings.base_url,
    ))


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": "log in first"}, status_code=401)
        if request.method != "GET":
            return render(request, "error.html", status_code=401, status=401,
                          message="Log in first (your session may have ended).")
        return RedirectResponse(with_query("/login", next=request.url.path +
                                           (f"?{request.url.query}" if request.url.query else "")),
                                status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        response = render(request, "error.html", status_code=exc.status_code,
                          status=exc.status_code, message=str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                    for e in exc.errors()]
        if wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return render(request, "error.html", status_code=422, status=422,
                      message="; ".join(problems))

    @app.exception_handler(EditConflict)
    async def conflict(request: Request, exc: EditConflict) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=409)
        return render(request, "error.html", status_code=409, status=409, message=str(exc))

    @app.exception_handler(CurationError)
    @app.exception_handler(UserError)
    async def refused(request: Request, exc: Exception) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return render(request, "error.html", status_code=400, status=400, message=str(exc))

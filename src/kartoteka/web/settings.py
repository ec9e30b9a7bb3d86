"""How the web app runs (``WebSettings``), its shared context, and the session-signing key.

Production mode: ``kartoteka serve`` is in production when it listens on an address other than
loopback, or is given ``--secure-cookies``, ``--proxy`` or ``--production``; the uvicorn
factory (``create_app_from_env``, for several workers) always is. In production the key that
signs cookies must come from ``KARTOTEKA_SECRET_KEY`` or a file (``--secret-file``,
``KARTOTEKA_SECRET_FILE``), never the database; local use and tests get a random key per
process (a restart then only asks everyone to log in again).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from kartoteka.errors import KartotekaError
from kartoteka.store.session import Store
from kartoteka.web.facets import FacetIndex
from kartoteka.web.search import NameIndex

MIN_SECRET_LENGTH = 32
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SettingsError(KartotekaError):
    """The web app cannot start as configured (no signing key in production, bad key file)."""


@dataclass(frozen=True)
class WebSettings:
    """How ``kartoteka serve`` runs the web app."""

    db: str
    secret_key: str | None = None  # signs session cookies; random per process when None
    production: bool = False  # then a missing secret_key is an error
    secure_cookies: bool = False  # mark cookies Secure and send HSTS (serve over HTTPS)
    allow_anonymous: bool = False  # let visitors who are not logged in read (never edit)
    base_url: str = "http://127.0.0.1:8000"  # where users reach the site (OpenRefine manifest)
    login_failures_per_minute: int = 5
    max_body_bytes: int = 1_000_000  # any request body larger is refused (413)
    max_json_depth: int = 32  # JSON nested deeper is refused (400)
    max_reconcile_queries: int = 100  # OpenRefine sends 10 a batch by default
    review_confidence_below: float = 0.6  # claims less certain than this go to review


def read_secret_file(path: str | Path) -> str:
    try:
        key = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the secret key file ({exc})") from exc
    if len(key) < MIN_SECRET_LENGTH:
        raise SettingsError(f"{path}: the secret key needs at least {MIN_SECRET_LENGTH} "
                            "characters (e.g. python -c 'import secrets; "
                            "print(secrets.token_urlsafe(48))')")
    return key


def secret_from_env(environ: dict[str, str] | None = None) -> str | None:
    """KARTOTEKA_SECRET_KEY, else the file KARTOTEKA_SECRET_FILE names, else None."""
    environ = dict(os.environ) if environ is None else environ
    key = environ.get("KARTOTEKA_SECRET_KEY", "").strip()
    if key:
        if len(key) < MIN_SECRET_LENGTH:
            raise SettingsError(f"KARTOTEKA_SECRET_KEY needs at least {MIN_SECRET_LENGTH} "
                                "characters")
        return key
    path = environ.get("KARTOTEKA_SECRET_FILE", "").strip()
    return read_secret_file(path) if path else None


def signing_key(settings: WebSettings) -> str:
    """The key that signs cookies; an error in production mode when none was configured."""
    if settings.secret_key:
        if len(settings.secret_key) < MIN_SECRET_LENGTH:
            raise SettingsError(f"the secret key needs at least {MIN_SECRET_LENGTH} characters")
        return settings.secret_key
    if settings.production:
        raise SettingsError(
            "no secret key: in production (a public address, --secure-cookies, --proxy or "
            "several workers) set KARTOTEKA_SECRET_KEY or pass --secret-file FILE; the key "
            "is never kept in the database")
    return secrets.token_urlsafe(48)


def is_production(host: str, *, secure_cookies: bool, proxy: str | None,
                  production: bool) -> bool:
    return production or secure_cookies or bool(proxy) or host not in LOOPBACK


@dataclass
class WebContext:
    settings: WebSettings
    store: Store
    templates: Jinja2Templates
    names: NameIndex
    facets: FacetIndex


def web(request: Request) -> WebContext:
    return request.app.state.kartoteka


def db_session(request: Request) -> Iterator[Session]:
    """A transaction for the request (committed when the answer is ready)."""
    with web(request).store.session() as session:
        yield session


DbSession = Annotated[Session, Depends(db_session)]

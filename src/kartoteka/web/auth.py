"""Who is asking: sessions, API tokens, CSRF, the role rules and the login limit.

The cookie is signed (itsdangerous) and holds a random CSRF nonce and, once logged in, the
secret of a server-side session (``web_sessions``, stored hashed). Every request reads that
session and its user's role from the database, so logging out, a new password, a new role or
a deleted account ends access at once in every worker. State-changing requests must echo the
nonce, in a form field or the ``X-CSRF-Token`` header: another site can make the browser send
the cookie, but cannot read it (HttpOnly) or forge its signature. An API token
(``Authorization: Bearer``, for OpenRefine) only ever reads.
"""

from __future__ import annotations

import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import timedelta

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from kartoteka.store.users import (
    SESSION_LIFETIME,
    Account,
    clear_failures,
    recent_failures,
    record_failure,
    role_at_least,
    session_account,
    token_account,
)
from kartoteka.web.body import CSRF_FIELD, is_json_request, request_data
from kartoteka.web.settings import web

SESSION_COOKIE = "kartoteka_session"
CSRF_HEADER = "X-CSRF-Token"
SESSION_MAX_AGE = int(SESSION_LIFETIME.total_seconds())
LOGIN_WINDOW = timedelta(minutes=1)

__all__ = ["CSRF_FIELD", "CSRF_HEADER", "SESSION_COOKIE", "SessionSigner", "Viewer",
           "WebSession"]


@dataclass
class WebSession:
    """What the signed cookie carries: the CSRF nonce and the server-side session's secret."""

    csrf: str
    sid: str | None = None

    @classmethod
    def fresh(cls, sid: str | None = None) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32), sid=sid)


class SessionSigner:
    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="kartoteka.session.v2")

    def dumps(self, session: WebSession) -> str:
        return self._serializer.dumps({"c": session.csrf, "s": session.sid})

    def loads(self, cookie: str | None) -> WebSession | None:
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=SESSION_MAX_AGE)
        except BadSignature:  # tampered, expired, or signed with another key
            return None
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        sid = data.get("s")
        return WebSession(csrf=data["c"], sid=sid if isinstance(sid, str) else None)


def csrf_matches(session: WebSession | None, token: str | None) -> bool:
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), token.encode("utf-8", "surrogatepass"))


# --- who is asking ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Viewer:
    name: str | None
    role: str | None
    via_token: bool = False  # an API token: reads only

    @property
    def can_edit(self) -> bool:
        return (self.role is not None and not self.via_token
                and role_at_least(self.role, "editor"))

    @property
    def is_admin(self) -> bool:
        return self.role == "admin" and not self.via_token


ANONYMOUS = Viewer(None, None)


class LoginRequired(Exception):
    """Raised for a visitor who must log in first (a redirect for pages, 401 for the API)."""


def web_session(request: Request) -> WebSession:
    return request.state.web_session


def bearer_token(request: Request) -> str | None:
    """An API token from ``Authorization: Bearer`` or the path ``/reconcile/t/{token}``."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    token = request.path_params.get("token")
    return token if isinstance(token, str) and token else None


def _account(request: Request) -> tuple[Account | None, bool]:
    token = bearer_token(request)
    sid = web_session(request).sid
    if token is None and sid is None:
        return None, False
    with web(request).store.session() as session:
        if token is not None:
            return token_account(session, token), True
        return session_account(session, sid or ""), False


def current_viewer(request: Request) -> Viewer:
    """Who is asking, read from the database once per request."""
    cached = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    account, via_token = _account(request)
    if account is None and bearer_token(request) is not None:
        request.state.viewer = ANONYMOUS  # the error page is then shown to no one
        raise HTTPException(401, "unknown or revoked API token",
                            headers={"WWW-Authenticate": "Bearer"})
    viewer = Viewer(account.name, account.role, via_token) if account else ANONYMOUS
    request.state.viewer = viewer
    return viewer


def reader(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer.name is None and not web(request).settings.allow_anonymous:
        raise LoginRequired
    return viewer


def _signed_in(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer.name is None:
        raise LoginRequired
    if viewer.via_token:
        raise HTTPException(403, "an API token may only read")
    return viewer


def account_holder(request: Request) -> Viewer:
    """Any logged-in user (their own password page)."""
    return _signed_in(request)


def editor(request: Request) -> Viewer:
    viewer = _signed_in(request)
    if not viewer.can_edit:
        raise HTTPException(403, "your account may read but not edit")
    return viewer


def admin(request: Request) -> Viewer:
    viewer = _signed_in(request)
    if not viewer.is_admin:
        raise HTTPException(403, "only an admin may manage users")
    return viewer


async def csrf_protect(request: Request) -> None:
    """Refuse a state-changing request that does not echo the session's CSRF token."""
    token = request.headers.get(CSRF_HEADER)
    if token is None and not is_json_request(request):
        token = (await request_data(request)).get(CSRF_FIELD)
    if not isinstance(token, str) or not csrf_matches(web_session(request), token):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


# --- the login limit --------------------------------------------------------------------------

def client_address(request: Request) -> str:
    """The client's address (uvicorn puts the proxy's X-Forwarded-For here only for --proxy)."""
    return request.client.host if request.client else "?"


def login_wait(session: Session, request: Request, username: str) -> int:
    """Seconds to wait before another login attempt (0: go ahead).

    Counted in the database, so every worker sees the same failures: ``limit`` a minute for one
    name from one address, four times that for one name from anywhere (a spread guess) and
    for one address over all names.
    """
    limit = web(request).settings.login_failures_per_minute
    pair, name, address = recent_failures(session, address=client_address(request),
                                          username=username, window=LOGIN_WINDOW)
    if pair >= limit or name >= 4 * limit or address >= 4 * limit:
        return math.ceil(LOGIN_WINDOW.total_seconds())
    return 0


def login_failed(session: Session, request: Request, username: str) -> None:
    record_failure(session, address=client_address(request), username=username)


def login_succeeded(session: Session, request: Request, username: str) -> None:
    clear_failures(session, address=client_address(request), username=username)

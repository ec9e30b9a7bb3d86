"""The session cookie and the security headers, as a plain ASGI middleware (no per-request
task or stream wrapping, which Starlette's BaseHTTPMiddleware costs)."""

from __future__ import annotations

import http.cookies

from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kartoteka.web.auth import SESSION_COOKIE, SESSION_MAX_AGE, SessionSigner, WebSession

SECURITY_HEADERS = {
    # Source texts are untrusted: even if one slipped past escaping, no inline script could run.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def session_cookie(value: str, *, secure: bool) -> str:
    cookie: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
    cookie[SESSION_COOKIE] = value
    morsel = cookie[SESSION_COOKIE]
    morsel["max-age"] = SESSION_MAX_AGE
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "lax"
    if secure:
        morsel["secure"] = True
    return morsel.OutputString()


class SessionMiddleware:
    """Puts the visitor's ``WebSession`` in ``request.state.web_session``.

    A visitor without a valid cookie gets a fresh session (and a CSRF token); an endpoint that
    logs someone in or out sets ``request.state.new_session``, which replaces the cookie.
    """

    def __init__(self, app: ASGIApp, *, signer: SessionSigner, secure: bool) -> None:
        self.app = app
        self.signer = signer
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = {}
        for name, value in scope.get("headers", ()):
            if name == b"cookie":
                cookies = cookie_parser(value.decode("latin-1"))
                break
        session = self.signer.loads(cookies.get(SESSION_COOKIE))
        fresh = session is None
        state = scope.setdefault("state", {})
        state["web_session"] = session or WebSession.fresh()

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                replaced = state.get("new_session")
                if replaced is not None or fresh:
                    value = self.signer.dumps(replaced or state["web_session"])
                    headers.append("set-cookie", session_cookie(value, secure=self.secure))
                # A response with its own policy (OpenRefine's framed preview) keeps it whole.
                own_policy = "content-security-policy" in headers
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers and not (own_policy and name == "x-frame-options"):
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_cookie)

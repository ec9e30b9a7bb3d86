"""The session cookie, the body limit and the security headers, as a plain ASGI middleware (no
per-request task or stream wrapping, which Starlette's BaseHTTPMiddleware costs).

It also answers for a crash below it, so a 500 carries the same headers as every other page.
"""

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
HSTS = "max-age=31536000; includeSubDomains"


class BodyTooLarge(Exception):
    """A request body went past the limit while it was being read."""


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


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class SessionMiddleware:
    """Puts the visitor's ``WebSession`` in ``request.state.web_session``.

    A visitor without a valid cookie gets a fresh session (and a CSRF token); an endpoint that
    logs someone in or out sets ``request.state.new_session``, which replaces the cookie.
    Every answer but a static file is ``Cache-Control: no-store`` (pages may show what only a
    logged-in user may see); HTTPS sites (``secure``) also send HSTS.
    """

    def __init__(self, app: ASGIApp, *, signer: SessionSigner, secure: bool,
                 max_body: int) -> None:
        self.app = app
        self.signer = signer
        self.secure = secure
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await self._plain(send, 413, b"request body too large", headed=False)
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
        started = False
        received = 0
        overflowed = False  # the app may have turned BodyTooLarge into its own 400
        static = scope.get("path", "").startswith("/static/")

        async def limited_receive() -> Message:
            nonlocal received, overflowed
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    overflowed = True
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if overflowed:  # whatever the app made of the cut-off body, the answer is 413
                if not started:
                    started = True
                    await self._plain(send, 413, b"request body too large", headed=False)
                return
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                replaced = state.get("new_session")
                if replaced is not None or fresh:
                    value = self.signer.dumps(replaced or state["web_session"])
                    headers.append("set-cookie", session_cookie(value, secure=self.secure))
                self._secure_headers(headers, static=static)
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._plain(send_with_headers, 413, b"request body too large")
                # send_with_headers sends the 413 itself once the body overflowed
        except Exception:
            if not started:  # the crash is still logged by the server once re-raised
                await self._plain(send_with_headers, 500, b"Internal Server Error")
            raise

    def _secure_headers(self, headers: MutableHeaders, *, static: bool) -> None:
        # A response with its own policy (OpenRefine's framed preview) keeps it whole.
        own_policy = "content-security-policy" in headers
        for name, value in SECURITY_HEADERS.items():
            if name not in headers and not (own_policy and name == "x-frame-options"):
                headers[name] = value
        if not static and "cache-control" not in headers:
            headers["cache-control"] = "no-store"
        if self.secure:
            headers["strict-transport-security"] = HSTS

    async def _plain(self, send: Send, status: int, body: bytes, *, headed: bool = True
                     ) -> None:
        """A plain-text answer; ``headed=False`` when ``send`` adds no headers of its own."""
        message: Message = {"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode())]}
        if not headed:
            self._secure_headers(MutableHeaders(scope=message), static=False)
        await send(message)
        await send({"type": "http.response.body", "body": body})

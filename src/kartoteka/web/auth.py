"""Sessions, CSRF tokens and the login rate limit.

A session is a signed cookie (itsdangerous) holding the user's name and a random CSRF nonce;
every visitor gets one, so the login form is protected as well. State-changing requests must
echo the nonce, in a form field or the ``X-CSRF-Token`` header: another site can make the
browser send the cookie, but cannot read it (HttpOnly) or forge its signature.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "kartoteka_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SESSION_MAX_AGE = 14 * 24 * 3600


@dataclass
class WebSession:
    """What the signed cookie carries."""

    csrf: str
    user: str | None = None

    @classmethod
    def fresh(cls, user: str | None = None) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32), user=user)


class SessionSigner:
    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="kartoteka.session")

    def dumps(self, session: WebSession) -> str:
        return self._serializer.dumps({"c": session.csrf, "u": session.user})

    def loads(self, cookie: str | None) -> WebSession | None:
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=SESSION_MAX_AGE)
        except BadSignature:  # tampered, expired, or signed with another key
            return None
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        user = data.get("u")
        return WebSession(csrf=data["c"], user=user if isinstance(user, str) else None)


def csrf_matches(session: WebSession | None, token: str | None) -> bool:
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), token.encode())


@dataclass
class LoginLimiter:
    """At most ``limit`` failed logins per (address, user) and ``limit * 4`` per address a window.

    In memory: enough for one server process; a restart forgets (which only helps the owner).
    """

    limit: int = 5
    window: float = 60.0
    _failures: dict[tuple[str, ...], deque[float]] = field(
        default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, address: str, user: str) -> list[tuple[tuple[str, ...], int]]:
        return [((address, user.casefold()), self.limit), ((address,), self.limit * 4)]

    def _recent(self, key: tuple[str, ...], now: float) -> deque[float]:
        stamps = self._failures[key]
        while stamps and stamps[0] <= now - self.window:
            stamps.popleft()
        return stamps

    def retry_after(self, address: str, user: str, now: float | None = None) -> float:
        """Seconds until another attempt is allowed (0 when it is allowed now)."""
        now = time.monotonic() if now is None else now
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(address, user):
                stamps = self._recent(key, now)
                if len(stamps) >= limit:
                    wait = max(wait, stamps[-limit] + self.window - now)
        return wait

    def failed(self, address: str, user: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for key, _ in self._keys(address, user):
                self._recent(key, now).append(now)

    def succeeded(self, address: str, user: str) -> None:
        with self._lock:
            self._failures.pop((address, user.casefold()), None)

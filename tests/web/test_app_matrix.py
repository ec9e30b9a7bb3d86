"""The authorisation matrix: every route of the app × every role, from the app's own routes.

A route added without a rule in ``RULES`` fails ``test_app_matrix_every_route_has_a_rule``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from tests.web.conftest import Fixture, csrf_of, entity, login, make_client

LEVELS = ("anyone", "reader", "account", "editor", "admin")
ROLES = {None: 0, "vera": 1, "eddie": 3, "ada": 4}  # anonymous, viewer, editor, admin
NEEDS = {"anyone": 0, "reader": 1, "account": 1, "editor": 3, "admin": 4}

RULES: dict[tuple[str, str], str] = {
    ("GET", "/openapi.json"): "anyone",
    ("GET", "/api/session"): "anyone",
    ("GET", "/login"): "anyone",
    ("POST", "/login"): "anyone",
    ("POST", "/logout"): "anyone",
    ("GET", "/account/password"): "account",
    ("POST", "/api/account/password"): "account",
    ("GET", "/users.json"): "admin",
    ("GET", "/users"): "admin",
    ("POST", "/api/users"): "admin",
    ("POST", "/api/users/{name}/role"): "admin",
    ("POST", "/api/users/{name}/delete"): "admin",
    ("GET", "/"): "reader",
    **{("GET", page + suffix): "reader"
       for page in ("/search", "/persons", "/persons/{entity_id}", "/documents",
                    "/documents/{document_id}", "/graph", "/institutions",
                    "/institutions/{entity_id}", "/review", "/audit")
       for suffix in ("", ".json")},
    **{("POST", f"/api/persons/{{entity_id}}/{act}"): "editor"
       for act in ("merge", "split", "rename", "authority")},
    ("POST", "/api/claims/{claim_id}/status"): "editor",
    ("POST", "/api/claims/{claim_id}/edit"): "editor",
    ("POST", "/api/links/decide"): "editor",
    ("POST", "/api/edits/{edit_id}/undo"): "editor",
    ("GET", "/documents/{document_id}/pages/{number}.jpg"): "reader",  # a scan's page image
    ("GET", "/reconcile"): "reader",
    ("POST", "/reconcile"): "reader",
    ("GET", "/reconcile/suggest/entity"): "reader",
    ("GET", "/reconcile/preview"): "reader",
    # The token in the path is the credential (tested in test_auth_sessions); without a valid one
    # every role is refused, so these are checked with a wrong token.
    ("GET", "/reconcile/t/{token}"): "token",
    ("POST", "/reconcile/t/{token}"): "token",
    ("GET", "/reconcile/t/{token}/suggest/entity"): "token",
    ("GET", "/reconcile/t/{token}/preview"): "token",
}


def app_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(method, path) of every endpoint, through included routers; static files left out."""
    for route in routes:
        original = getattr(route, "original_router", None)  # FastAPI's included router
        if original is not None:
            yield from app_routes(original.routes, prefix + (route.include_context.prefix or ""))
        elif isinstance(route, Route):
            for method in sorted((route.methods or set()) - {"HEAD"}):
                yield method, prefix + route.path
        elif not isinstance(route, Mount):
            raise AssertionError(f"a route of unknown kind: {route!r}")


def _fill(path: str, fixture: Fixture) -> str:
    return (path.replace("{entity_id}", entity("yezhov"))
            .replace("{document_id}", fixture.memoir)
            .replace("{claim_id}", fixture.claims["trust"])
            .replace("{edit_id}", "999999")
            .replace("{number}", "1")
            .replace("{name}", "nobody")
            .replace("{token}", "kt_not-a-token"))


def test_app_matrix_every_route_has_a_rule(client: TestClient) -> None:
    routes = set(app_routes(client.app.routes))
    missing = sorted(routes - set(RULES))
    assert not missing, f"routes without an authorisation rule: {missing}"
    assert not set(RULES) - routes, "rules for routes that are gone"


@pytest.mark.parametrize("user", list(ROLES))
def test_app_matrix_each_role_reaches_exactly_what_it_may(fixture_db: Fixture,
                                                          user: str | None) -> None:
    wrong: list[str] = []
    with make_client(fixture_db.path) as client:
        token = login(client, user) if user else csrf_of(client)
        for method, path in sorted(set(app_routes(client.app.routes))):
            level = RULES[(method, path)]
            url = _fill(path, fixture_db)
            if method == "GET":
                reply = client.get(url, follow_redirects=False)
            else:
                reply = client.post(url, json={}, headers={"X-CSRF-Token": token},
                                    follow_redirects=False)
            code = reply.status_code
            refused = code in (401, 403) or (
                code == 303 and reply.headers["location"].startswith("/login"))
            if level == "token":
                expected_refused = True
            else:
                expected_refused = ROLES[user] < NEEDS[level]
            if path == "/logout" or (path == "/login" and method == "POST"):
                expected_refused = False
            if refused != expected_refused or code >= 500:
                wrong.append(f"{user or 'anonymous'} {method} {path}: {code}")
            if path in ("/login", "/logout") and method == "POST" and user:
                token = login(client, user)  # /logout ended the session: the next route
                # is tried logged in again
    assert not wrong, "\n".join(wrong)

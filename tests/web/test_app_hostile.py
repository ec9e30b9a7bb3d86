"""Hostile and careless requests: each one a clear 4xx, never a 500, and headers on all."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from kartoteka.web.body import json_depth, parse_json
from kartoteka.web.routers.graph import _layout
from tests.web.conftest import Fixture, csrf_of, entity, login, make_client

DEEP = "[" * 1000 + "]" * 1000


def test_app_hostile_graph_with_a_tiny_limit_or_empty_types(client: TestClient) -> None:
    assert client.get("/graph", params={"limit": 2}).status_code == 200
    assert client.get("/graph.json", params={"limit": 2}).status_code == 200
    reply = client.get("/graph.json?types=")
    assert reply.status_code == 200 and reply.json()["types"]


def test_app_hostile_graph_layout_of_no_nodes_is_empty() -> None:
    """What /graph?limit=2 met on the demo data: the two busiest nodes not tied to each other."""
    assert _layout([], []) == {}
    assert set(_layout(["a", "b"], [])) == {"a", "b"}


def test_app_hostile_huge_edit_id_is_a_4xx(editor_client: tuple[TestClient, str]) -> None:
    client, token = editor_client
    for edit_id in ("9" * 30, "0", "-5"):
        reply = client.post(f"/api/edits/{edit_id}/undo", json={},
                            headers={"X-CSRF-Token": token})
        assert reply.status_code in (404, 422), (edit_id, reply.status_code)


@pytest.mark.parametrize("where", ["login", "rename", "reconcile"])
def test_app_hostile_deep_json_is_a_400(editor_client: tuple[TestClient, str], where: str) -> None:
    client, token = editor_client
    headers = {"X-CSRF-Token": token, "content-type": "application/json"}
    if where == "login":
        reply = client.post("/login", content='{"username": ' + DEEP + "}", headers=headers)
    elif where == "rename":
        reply = client.post(f"/api/persons/{entity('yagoda')}/rename",
                            content='{"label": ' + DEEP + "}", headers=headers)
    else:
        reply = client.get("/reconcile", params={"queries": DEEP})
    assert reply.status_code == 400, reply.text
    assert "deeper" in reply.json()["detail"]


def test_app_hostile_json_depth_is_measured_without_recursion() -> None:
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    assert json_depth(nested) == 5001
    assert json_depth({"a": [1, {"b": 2}]}) == 3
    assert parse_json('{"a": [1]}', max_depth=2) == {"a": [1]}


def test_app_hostile_body_over_the_cap_is_a_413(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, max_body_bytes=10_000) as client:
        token = login(client, "eddie")
        big = json.dumps({"label": "x" * 20_000})
        reply = client.post(f"/api/persons/{entity('yagoda')}/rename", content=big,
                            headers={"X-CSRF-Token": token, "content-type": "application/json"})
        assert reply.status_code == 413
        assert reply.headers["x-content-type-options"] == "nosniff"

        def chunks():  # no Content-Length: the limit holds while reading
            for _ in range(30):
                yield b"x" * 1000

        reply = client.post("/reconcile", content=chunks(),
                            headers={"content-type": "application/x-www-form-urlencoded"})
        assert reply.status_code == 413


def test_app_hostile_reconcile_batch_is_capped(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, allow_anonymous=True, max_reconcile_queries=5) as client:
        queries = {f"q{n}": {"query": "Yezhov"} for n in range(6)}
        reply = client.post("/reconcile", data={"queries": json.dumps(queries)})
        assert reply.status_code == 413
        queries.pop("q5")
        assert client.post("/reconcile", data={"queries": json.dumps(queries)}
                           ).status_code == 200


def test_app_hostile_reconcile_follows_the_login_rule(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        for path in ("/reconcile", "/reconcile/suggest/entity?prefix=Ye"):
            assert client.get(path, follow_redirects=False).status_code == 401, path
        # The preview is an HTML page: to the login form.
        assert client.get("/reconcile/preview?id=x", follow_redirects=False).status_code == 303
        assert client.post("/reconcile", data={"queries": "{}"}).status_code == 401
        login(client, "vera")
        assert client.get("/reconcile").status_code == 200


def test_app_hostile_manifest_ignores_the_host_header(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, allow_anonymous=True,
                     base_url="https://cards.example.org") as client:
        manifest = client.get("/reconcile", headers={"host": "evil.example"}).json()
    assert manifest["suggest"]["entity"]["service_url"] == \
        "https://cards.example.org/reconcile"
    assert "evil" not in json.dumps(manifest)


def test_app_hostile_claim_date_must_be_edtf(editor_client: tuple[TestClient, str],
                                         fixture_db: Fixture) -> None:
    client, token = editor_client
    url = f"/api/claims/{fixture_db.claims['yagoda-arrest']}/edit"
    bad = client.post(url, json={"date": "next Tuesday"}, headers={"X-CSRF-Token": token})
    assert bad.status_code == 422 and "EDTF" in bad.text
    good = client.post(url, json={"date": "1937-05~"}, headers={"X-CSRF-Token": token})
    assert good.status_code == 200, good.text


def test_app_hostile_long_names_are_refused(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        headers = {"X-CSRF-Token": login(client, "ada")}
        reply = client.post("/api/users", headers=headers,
                            json={"name": "n" * 65, "password": "long-enough-1"})
        assert reply.status_code == 422
        reply = client.post("/api/users", headers=headers,
                            json={"name": "bad\u202ename", "password": "long-enough-1"})
        assert reply.status_code == 400


def test_app_hostile_right_to_left_override_is_isolated(editor_client: tuple[TestClient, str],
                                                    ) -> None:
    client, token = editor_client
    spoof = "Ivan \u202eronivaN"
    reply = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": spoof},
                        headers={"X-CSRF-Token": token})
    assert reply.status_code == 200
    card = client.get(f"/persons/{entity('yagoda')}").text
    assert f"<bdi>{spoof}</bdi>" in card
    assert f"<bdi>{spoof}</bdi>" in client.get("/persons").text


def test_app_hostile_undo_offer_only_to_who_may_undo(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, allow_anonymous=True) as client:
        token = login(client, "eddie")
        edit = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "G. Y."},
                           headers={"X-CSRF-Token": token}).json()["edit"]["id"]
        page = f"/persons/{entity('yagoda')}?edit={edit}"
        assert 'id="undo-last"' in client.get(page).text
        client.post("/logout", json={}, headers={"X-CSRF-Token": csrf_of(client)})
        assert 'id="undo-last"' not in client.get(page).text  # anonymous
        login(client, "vera")
        assert 'id="undo-last"' not in client.get(page).text  # a viewer
        login(client, "eddie")
        assert 'id="undo-last"' not in client.get(f"{page}9").text  # no such edit
        assert 'id="undo-last"' not in client.get(f"/persons?edit={'9' * 30}").text


def test_app_hostile_security_headers_and_no_store(fixture_db: Fixture) -> None:
    app = make_client(fixture_db.path, secure_cookies=True).app
    with TestClient(app, base_url="https://testserver") as client:  # Secure cookies: HTTPS
        login(client, "vera")
        headers = client.get("/persons").headers
        assert headers["cache-control"] == "no-store"
        assert headers["strict-transport-security"].startswith("max-age=")
        assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def test_app_hostile_500_carries_the_security_headers(fixture_db: Fixture) -> None:
    crash = APIRouter()

    @crash.get("/crash-for-test")
    def boom() -> None:
        raise RuntimeError("a bug")

    app = make_client(fixture_db.path, allow_anonymous=True).app
    app.include_router(crash)
    with TestClient(app, raise_server_exceptions=False) as client:
        reply = client.get("/crash-for-test")
    assert reply.status_code == 500
    assert reply.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in reply.headers["content-security-policy"]


def test_app_hostile_concurrent_logins_and_pages_give_no_500(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, allow_anonymous=True) as client:
        token = csrf_of(client)

        def hit(n: int) -> int:
            if n % 2:
                return client.get("/persons.json").status_code
            return client.post("/login", json={"username": "vera", "password": "wrong-wrong"},
                               headers={"X-CSRF-Token": token}).status_code

        with ThreadPoolExecutor(8) as pool:
            codes = set(pool.map(hit, range(24)))
    assert codes <= {200, 401, 429}

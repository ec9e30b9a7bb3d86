"""Accounts: logging in, session cookies, CSRF, roles, the login rate limit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kartoteka.store.session import Store
from kartoteka.store.tables import utcnow
from kartoteka.store.users import LoginFailureRow, SettingRow, recent_failures, record_failure
from kartoteka.web.app import WebSettings, create_app
from kartoteka.web.auth import SESSION_COOKIE
from kartoteka.web.settings import SettingsError, read_secret_file, secret_from_env
from tests.web.conftest import PASSWORDS, Fixture, csrf_of, entity, login, make_client


def test_auth_anonymous_visitors_are_sent_to_login(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        page = client.get("/persons?fate=execution", follow_redirects=False)
        assert page.status_code == 303
        assert page.headers["location"] == "/login?next=%2Fpersons%3Ffate%3Dexecution"
        assert client.get("/persons.json").status_code == 401
        assert client.get("/api/session").json()["user"] is None


def test_auth_login_opens_the_pages_and_rotates_the_csrf_token(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        before = csrf_of(client)
        reply = client.post("/login", data={"username": "vera", "password": PASSWORDS["vera"],
                                            "csrf_token": before, "next": "/documents"},
                            follow_redirects=False)
        assert reply.status_code == 303 and reply.headers["location"] == "/documents"
        session = client.get("/api/session").json()
        assert session["user"] == "vera" and session["role"] == "viewer"
        assert session["csrf_token"] != before
        assert client.get("/persons.json").status_code == 200


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "persons"])
def test_auth_login_never_redirects_off_site(fixture_db: Fixture, next_url: str) -> None:
    with make_client(fixture_db.path) as client:
        reply = client.post("/login", data={"username": "vera", "password": PASSWORDS["vera"],
                                            "csrf_token": csrf_of(client), "next": next_url},
                            follow_redirects=False)
        assert reply.headers["location"] == "/persons"


def test_auth_wrong_password_is_refused(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        reply = client.post("/login", data={"username": "vera", "password": "nope-nope",
                                            "csrf_token": csrf_of(client)})
        assert reply.status_code == 401
        assert "wrong user name or password" in reply.text
        assert client.get("/api/session").json()["user"] is None


def test_auth_login_without_csrf_token_is_refused(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        client.get("/login")
        reply = client.post("/login", data={"username": "vera", "password": PASSWORDS["vera"]})
        assert reply.status_code == 403
        assert client.get("/api/session").json()["user"] is None


def test_auth_login_is_rate_limited(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, login_failures_per_minute=3) as client:
        token = csrf_of(client)
        for _ in range(3):
            reply = client.post("/login", json={"username": "eddie", "password": "guess-guess"},
                                headers={"X-CSRF-Token": token})
            assert reply.status_code == 401
        # Even the right password waits now.
        reply = client.post("/login", json={"username": "eddie", "password": PASSWORDS["eddie"]},
                            headers={"X-CSRF-Token": token})
        assert reply.status_code == 429
        assert 0 < int(reply.headers["retry-after"]) <= 60
        # Another user from the same address is not locked out by eddie's failures.
        assert login(client, "vera")


def test_auth_login_failures_are_counted_in_the_database(fixture_db: Fixture) -> None:
    store = Store(fixture_db.path)
    with store.session() as session:
        record_failure(session, address="1.2.3.4", username="Ada")
        record_failure(session, address="1.2.3.4", username="ada")
        record_failure(session, address="5.6.7.8", username="ada")
        old = LoginFailureRow(address="1.2.3.4", username="ada",
                              at=utcnow() - timedelta(minutes=5))
        session.add(old)
    with store.session() as session:
        counts = recent_failures(session, address="1.2.3.4", username="ADA",
                                 window=timedelta(minutes=1))
        assert counts == (2, 3, 2)  # this pair, this name anywhere, this address
        assert recent_failures(session, address="9.9.9.9", username="eve",
                               window=timedelta(minutes=1)) == (0, 0, 0)
    store.close()


def test_auth_login_limit_holds_across_workers(fixture_db: Fixture) -> None:
    """Two app instances (two workers) over one database share the count of failures."""
    settings = {"login_failures_per_minute": 2, "secret_key": "k" * 40}
    with make_client(fixture_db.path, **settings) as first, \
            make_client(fixture_db.path, **settings) as second:
        for worker in (first, second):
            reply = worker.post("/login", json={"username": "eddie", "password": "wrong-pass"},
                                headers={"X-CSRF-Token": csrf_of(worker)})
            assert reply.status_code == 401
        reply = second.post("/login", json={"username": "eddie", "password": PASSWORDS["eddie"]},
                            headers={"X-CSRF-Token": csrf_of(second)})
        assert reply.status_code == 429


def test_auth_login_limit_caps_guesses_across_users_from_one_address(fixture_db: Fixture
                                                                     ) -> None:
    with make_client(fixture_db.path, login_failures_per_minute=2) as client:
        token = csrf_of(client)
        for n in range(8):
            client.post("/login", json={"username": f"user{n}", "password": "wrong-pass"},
                        headers={"X-CSRF-Token": token})
        reply = client.post("/login", json={"username": "vera", "password": PASSWORDS["vera"]},
                            headers={"X-CSRF-Token": token})
        assert reply.status_code == 429


@pytest.mark.parametrize(("secure", "flag"), [(False, False), (True, True)])
def test_auth_session_cookie_flags(fixture_db: Fixture, secure: bool, flag: bool) -> None:
    with make_client(fixture_db.path, secure_cookies=secure) as client:
        header = client.get("/login").headers["set-cookie"]
    assert header.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in header and "SameSite=lax" in header
    assert ("Secure" in header) is flag


def test_auth_tampered_cookie_is_ignored(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, allow_anonymous=True) as client:
        login(client, "ada")
        cookie = client.cookies[SESSION_COOKIE]
        client.cookies.set(SESSION_COOKIE, cookie[:-3] + ("AAA" if cookie[-3:] != "AAA" else "BBB"))
        assert client.get("/api/session").json()["user"] is None


def test_auth_secret_key_from_the_settings_reads_cookies_after_a_restart(
        fixture_db: Fixture) -> None:
    key = "a-secret-key-of-forty-characters-or-so!!"
    with make_client(fixture_db.path, secret_key=key) as client:
        login(client, "vera")
        cookie = client.cookies[SESSION_COOKIE]
    with make_client(fixture_db.path, secret_key=key) as again:
        again.cookies.set(SESSION_COOKIE, cookie)
        assert again.get("/api/session").json()["user"] == "vera"
    with make_client(fixture_db.path, secret_key=key.upper()) as other_key:
        other_key.cookies.set(SESSION_COOKIE, cookie)
        assert other_key.get("/api/session").json()["user"] is None


def test_auth_secret_key_is_not_kept_in_the_database(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        login(client, "vera")
    store = Store(fixture_db.path)
    with store.session() as session:
        assert session.get(SettingRow, "web.secret_key") is None
    store.close()


def test_auth_production_without_a_secret_key_is_a_clear_error(fixture_db: Fixture,
                                                                tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="KARTOTEKA_SECRET_KEY.*--secret-file"):
        create_app(WebSettings(db=str(fixture_db.path), production=True))
    short = tmp_path / "short.key"
    short.write_text("too-short\n")
    with pytest.raises(SettingsError, match="short.key"):
        read_secret_file(short)
    good = tmp_path / "good.key"
    good.write_text("x" * 48 + "\n")
    assert secret_from_env({"KARTOTEKA_SECRET_FILE": str(good)}) == "x" * 48
    assert secret_from_env({}) is None


def test_auth_logout_ends_the_session(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        token = login(client, "vera")
        assert client.post("/logout", data={"csrf_token": token},
                           follow_redirects=False).status_code == 303
        assert client.get("/api/session").json()["user"] is None


def test_auth_viewer_cannot_edit(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        token = login(client, "vera")
        reply = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "X"},
                            headers={"X-CSRF-Token": token})
        assert reply.status_code == 403
        page = client.get(f"/persons/{entity('yagoda')}").text
        assert 'id="merge-form"' not in page and "/api/claims/" not in page


def test_auth_anonymous_cannot_edit(client: TestClient) -> None:
    reply = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "X"},
                        headers={"X-CSRF-Token": csrf_of(client)})
    assert reply.status_code == 401


@pytest.mark.parametrize("how", ["form", "json", "wrong-token"])
def test_auth_edits_without_the_csrf_token_are_refused(editor_client: tuple[TestClient, str],
                                                       how: str) -> None:
    client, token = editor_client
    url = f"/api/persons/{entity('yagoda')}/rename"
    if how == "form":
        reply = client.post(url, data={"label": "Forged"})
    elif how == "json":
        reply = client.post(url, json={"label": "Forged"})
    else:
        reply = client.post(url, json={"label": "Forged"}, headers={"X-CSRF-Token": token + "x"})
    assert reply.status_code == 403
    assert client.get(f"/persons/{entity('yagoda')}.json").json()["entity"]["label"] == \
        "Genrikh Yagoda"


def test_auth_admin_manages_users(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        token = login(client, "ada")
        headers = {"X-CSRF-Token": token}
        reply = client.post("/api/users", json={"name": "olga", "password": "long-enough-1",
                                                "role": "editor"}, headers=headers)
        assert reply.status_code == 200, reply.text
        assert {u["name"]: u["role"] for u in client.get("/users.json").json()["users"]}[
            "olga"] == "editor"
        assert client.post("/api/users", json={"name": "olga", "password": "long-enough-1"},
                           headers=headers).status_code == 400
        assert client.post("/api/users/olga/role", json={"role": "viewer"},
                           headers=headers).json()["role"] == "viewer"
        assert client.post("/api/users/olga/delete", headers=headers).status_code == 200


def test_auth_only_admins_manage_users(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        token = login(client, "eddie")
        assert client.get("/users.json").status_code == 403
        assert client.post("/api/users", json={"name": "x", "password": "long-enough-1"},
                           headers={"X-CSRF-Token": token}).status_code == 403


def test_auth_openapi_lists_the_json_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/persons.json", "/persons/{entity_id}.json", "/documents/{document_id}.json",
                 "/search.json", "/graph.json", "/institutions/{entity_id}.json",
                 "/review.json", "/audit.json", "/api/persons/{entity_id}/merge",
                 "/api/edits/{edit_id}/undo", "/api/session"):
        assert path in paths
    assert "/persons" not in paths  # the HTML pages stay out of the API description

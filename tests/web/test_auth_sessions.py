"""Server-side sessions: logout, a new password, a new role or a deleted account end them at
once, in every worker; sessions are bound to the user's id; the last admin stays."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from kartoteka.cli import main
from kartoteka.store.session import Store
from kartoteka.store.users import create_user
from kartoteka.web.auth import SESSION_COOKIE
from tests.web.conftest import PASSWORDS, Fixture, csrf_of, entity, login, make_client

KEY = "a-shared-key-for-two-workers-of-one-site"


def _workers(db: Path) -> tuple[TestClient, TestClient]:
    """Two app instances over one database, as two uvicorn workers would be."""
    return make_client(db, secret_key=KEY), make_client(db, secret_key=KEY)


def _replay(client: TestClient, cookie: str) -> TestClient:
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, cookie)
    return client


def test_auth_sessions_logout_ends_the_old_cookie_for_reading_and_editing(fixture_db: Fixture
                                                                     ) -> None:
    with make_client(fixture_db.path, secret_key=KEY) as client:
        token = login(client, "eddie")
        cookie = client.cookies[SESSION_COOKIE]
        client.post("/logout", json={}, headers={"X-CSRF-Token": token})
        _replay(client, cookie)
        assert client.get("/persons.json").status_code == 401
        reply = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "Forged"},
                            headers={"X-CSRF-Token": token})
        assert reply.status_code == 401


def test_auth_sessions_role_change_ends_sessions_in_every_worker(fixture_db: Fixture) -> None:
    first, second = _workers(fixture_db.path)
    with first, second:
        login(first, "ada")
        eddie_token = login(second, "eddie")
        assert second.get("/api/session").json()["role"] == "editor"
        reply = first.post("/api/users/eddie/role", json={"role": "viewer"},
                           headers={"X-CSRF-Token": csrf_of(first)})
        assert reply.status_code == 200
        assert second.get("/api/session").json()["user"] is None  # no cache to wait out
        reply = second.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "Late"},
                            headers={"X-CSRF-Token": eddie_token})
        assert reply.status_code == 401


def test_auth_sessions_password_change_ends_the_other_sessions(fixture_db: Fixture) -> None:
    first, second = _workers(fixture_db.path)
    with first, second:
        token = login(first, "vera")
        login(second, "vera")
        reply = first.post("/api/account/password", headers={"X-CSRF-Token": token},
                           json={"current": PASSWORDS["vera"], "new": "a-new-password-1"})
        assert reply.status_code == 200, reply.text
        assert first.get("/api/session").json()["user"] == "vera"  # this browser goes on
        assert second.get("/api/session").json()["user"] is None
        wrong = first.post("/api/account/password",
                           headers={"X-CSRF-Token": reply.json()["csrf_token"]},
                           json={"current": PASSWORDS["vera"], "new": "another-one-2"})
        assert wrong.status_code == 403


def test_auth_sessions_password_page_changes_it_from_a_form(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        token = login(client, "vera")
        assert 'id="password-form"' in client.get("/account/password").text
        page = client.post("/api/account/password", data={
            "csrf_token": token, "current": PASSWORDS["vera"], "new": "a-new-password-1"})
        assert page.status_code == 200 and "Password changed" in page.text


def test_auth_sessions_cli_passwd_ends_every_session(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, secret_key=KEY) as client:
        login(client, "vera")
        result = CliRunner().invoke(main, ["user", "passwd", "vera", "--db",
                                           str(fixture_db.path), "--password", "fresh-pass-9"])
        assert result.exit_code == 0, result.output
        assert client.get("/api/session").json()["user"] is None
        reply = client.post("/login", json={"username": "vera", "password": "fresh-pass-9"},
                            headers={"X-CSRF-Token": csrf_of(client)})
        assert reply.status_code == 200


def test_auth_sessions_are_bound_to_the_user_not_the_name(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path, secret_key=KEY) as admin, \
            make_client(fixture_db.path, secret_key=KEY) as old:
        token = login(admin, "ada")
        login(old, "vera")
        cookie = old.cookies[SESSION_COOKIE]
        headers = {"X-CSRF-Token": token}
        assert admin.post("/api/users/vera/delete", headers=headers).status_code == 200
        reply = admin.post("/api/users", headers=headers,
                           json={"name": "vera", "password": "new-vera-password", "role": "admin"})
        assert reply.status_code == 200
        _replay(old, cookie)
        assert old.get("/api/session").json()["user"] is None
        assert old.get("/users.json").status_code == 401


def test_auth_sessions_last_admin_cannot_demote_or_remove_themselves(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        headers = {"X-CSRF-Token": login(client, "ada")}
        reply = client.post("/api/users/ada/role", json={"role": "editor"}, headers=headers)
        assert reply.status_code == 400 and "last admin" in reply.json()["detail"]
        reply = client.post("/api/users/ada/delete", headers=headers)
        assert reply.status_code == 400 and "last admin" in reply.json()["detail"]
        assert client.get("/api/session").json()["role"] == "admin"
        # With a second admin, the first may step down.
        assert client.post("/api/users/eddie/role", json={"role": "admin"},
                           headers=headers).status_code == 200
        assert client.post("/api/users/ada/role", json={"role": "editor"},
                           headers=headers).status_code == 200


def test_auth_sessions_concurrent_creation_of_one_name_gives_one_user(fixture_db: Fixture) -> None:
    with make_client(fixture_db.path) as client:
        headers = {"X-CSRF-Token": login(client, "ada")}

        def create(n: int) -> int:
            return client.post("/api/users", headers=headers, json={
                "name": "twin", "password": f"password-{n:04d}"}).status_code

        with ThreadPoolExecutor(10) as pool:
            codes = list(pool.map(create, range(10)))
        assert sorted(codes) == [200] + [400] * 9
    store = Store(fixture_db.path)
    with store.session() as session:
        try:
            create_user(session, "twin", "password-x1")
        except Exception as exc:  # noqa: BLE001 - the message is what is checked
            assert "exists already" in str(exc)
    store.close()


def test_auth_sessions_api_token_reads_but_never_edits(fixture_db: Fixture) -> None:
    result = CliRunner().invoke(main, ["user", "token", "vera", "--db", str(fixture_db.path)])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("kt_")
    with make_client(fixture_db.path) as client:
        bearer = {"Authorization": f"Bearer {token}"}
        assert client.get("/persons.json", headers=bearer).status_code == 200
        assert client.get("/reconcile", headers=bearer).status_code == 200
        assert client.get(f"/reconcile/t/{token}").json()["suggest"]["entity"][
            "service_url"] == f"http://127.0.0.1:8000/reconcile/t/{token}"
        assert client.get("/reconcile/t/kt_wrong").status_code == 401
        assert client.get("/persons.json", headers={"Authorization": "Bearer no"}
                          ).status_code == 401
        edit = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "X"},
                           headers={**bearer, "X-CSRF-Token": csrf_of(client)})
        assert edit.status_code in (401, 403)
    revoked = CliRunner().invoke(main, ["user", "token", "vera", "--revoke", "--db",
                                        str(fixture_db.path)])
    assert revoked.exit_code == 0
    with make_client(fixture_db.path) as client:
        assert client.get("/persons.json", headers={"Authorization": f"Bearer {token}"}
                          ).status_code == 401

"""Local accounts: argon2 hashes, roles, sessions and tokens, the migrations that make them."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from kartoteka.store.session import Store, _alembic_config
from kartoteka.store.tables import Base
from kartoteka.store.users import (
    UserError,
    authenticate,
    create_user,
    delete_user,
    end_session,
    open_session,
    role_at_least,
    session_account,
    set_password,
    set_role,
)


@pytest.fixture
def store(db_path: Path) -> Store:
    return Store(db_path)


def test_users_password_is_stored_as_an_argon2_hash(store: Store) -> None:
    with store.session() as session:
        row = create_user(session, "ada", "correct horse", "admin")
        assert row.password_hash.startswith("$argon2id$")
        assert "correct horse" not in row.password_hash


@pytest.mark.parametrize(("password", "found"), [
    ("correct horse", True), ("correct horse ", False), ("Correct horse", False), ("", False),
])
def test_users_authenticate_checks_the_password(store: Store, password: str, found: bool
                                               ) -> None:
    with store.session() as session:
        create_user(session, "ada", "correct horse", "editor")
        assert (authenticate(session, "ada", password) is not None) is found


def test_users_unknown_user_does_not_authenticate(store: Store) -> None:
    with store.session() as session:
        assert authenticate(session, "nobody", "whatever-it-is") is None


@pytest.mark.parametrize(("name", "password", "role", "message"), [
    ("bob", "long-enough", "superuser", "role must be one of"),
    ("bob", "short", "viewer", "8-1024 characters"),
    ("two words", "long-enough", "viewer", "without spaces"),
    ("", "long-enough", "viewer", "1-64 printable characters"),
    ("bo\u202eb", "long-enough", "viewer", "printable"),
    ("ada", "long-enough", "viewer", "exists already"),
])
def test_users_create_refuses_bad_accounts(store: Store, name: str, password: str, role: str,
                                           message: str) -> None:
    with store.session() as session:
        create_user(session, "ada", "first-password", "admin")
        with pytest.raises(UserError, match=message):
            create_user(session, name, password, role)


def test_users_password_and_role_can_change(store: Store) -> None:
    with store.session() as session:
        create_user(session, "bob", "first-password")
        set_password(session, "bob", "second-password")
        assert set_role(session, "bob", "editor").role == "editor"
        assert authenticate(session, "bob", "first-password") is None
        assert authenticate(session, "bob", "second-password") is not None


@pytest.mark.parametrize(("role", "wanted", "allowed"), [
    ("admin", "editor", True), ("editor", "editor", True), ("viewer", "editor", False),
    ("editor", "admin", False), ("viewer", "viewer", True), ("ghost", "viewer", False),
])
def test_users_roles_are_ordered(role: str, wanted: str, allowed: bool) -> None:
    assert role_at_least(role, wanted) is allowed


def test_users_sessions_end_with_logout_password_role_and_deletion(store: Store) -> None:
    with store.session() as session:
        bob = create_user(session, "bob", "first-password", "editor")
        create_user(session, "ada", "admin-password", "admin")
        secrets = [open_session(session, bob) for _ in range(4)]
        assert session_account(session, secrets[0]).role == "editor"
        end_session(session, secrets[0])
        assert session_account(session, secrets[0]) is None
        assert session_account(session, secrets[1]) is not None
        set_password(session, "bob", "second-password")
        assert session_account(session, secrets[1]) is None
        fresh = open_session(session, bob)
        set_role(session, "bob", "viewer")
        assert session_account(session, fresh) is None
        last = open_session(session, bob)
        delete_user(session, "bob")
        assert session_account(session, last) is None
        again = create_user(session, "bob", "third-password", "admin")
        assert session_account(session, last) is None and again.id != bob.id


def test_users_last_admin_stays(store: Store) -> None:
    with store.session() as session:
        create_user(session, "ada", "admin-password", "admin")
        with pytest.raises(UserError, match="last admin"):
            set_role(session, "ada", "viewer")
        with pytest.raises(UserError, match="last admin"):
            delete_user(session, "ada")


def test_users_migration_0004_keeps_users_and_numbers_old_undos(db_path: Path) -> None:
    """A database made before sessions: users get ids, repeated undos get rounds, the stored
    signing key goes."""
    Store(db_path).close()
    engine = create_engine(f"sqlite:///{db_path}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        connection.execute(text("INSERT INTO users (name, password_hash, role, created_at) "
                                "VALUES ('old', 'x', 'admin', '2025-01-01 00:00:00')"))
        connection.execute(text("INSERT INTO settings (key, value) VALUES "
                                "('web.secret_key', 'kept-in-the-db')"))
        for n, (action, reverts) in enumerate([("rename", None), ("undo", 1), ("undo", 1)], 1):
            connection.execute(text(
                "INSERT INTO edits (id, at, user, action, target, payload, reverts) VALUES "
                f"({n}, '2025-01-01 00:00:00', 'old', '{action}', 'p1', '{{}}', "
                f"{reverts if reverts else 'NULL'})"))
    engine.dispose()
    store = Store(db_path)
    with store.session() as session:
        rows = session.execute(text("SELECT name, id FROM users")).all()
        assert rows[0][0] == "old" and len(rows[0][1]) == 32
        rounds = session.execute(text("SELECT id, undo_round FROM edits ORDER BY id")).all()
        assert [tuple(r) for r in rounds] == [(1, None), (2, 0), (3, 1)]
        assert session.execute(text("SELECT count(*) FROM settings")).scalar() == 0
    store.close()


def test_users_migrations_match_the_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []

"""Local accounts: argon2 hashes, roles, the stored secret key, the migration that makes them."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kartoteka.store.session import Store
from kartoteka.store.tables import Base
from kartoteka.store.users import (
    UserError,
    authenticate,
    create_user,
    role_at_least,
    secret_key,
    set_password,
    set_role,
)


@pytest.fixture
def store(db: str) -> Store:
    return Store(db)


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
    ("bob", "short", "viewer", "at least 8"),
    ("two words", "long-enough", "viewer", "without spaces"),
    ("", "long-enough", "viewer", "1-64 characters"),
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


def test_users_secret_key_is_made_once(store: Store) -> None:
    with store.session() as session:
        first = secret_key(session)
    with store.session() as session:
        assert secret_key(session) == first
    assert len(first) >= 48


def test_users_migrations_match_the_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []

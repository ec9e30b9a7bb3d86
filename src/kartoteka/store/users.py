"""Local accounts of the web UI, and the site's secret key.

Passwords are stored as argon2id hashes (argon2-cffi); the plain password never reaches the
database. Roles grow in power: a viewer reads, an editor curates, an admin also manages users.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kartoteka.errors import KartotekaError
from kartoteka.store.tables import Base, utcnow

ROLES = ("viewer", "editor", "admin")
MIN_PASSWORD_LENGTH = 8
SECRET_KEY_SETTING = "web.secret_key"

_hasher = PasswordHasher()
# Verifying against this when the user does not exist costs the same time as a real check,
# so a login's duration does not tell whether a name exists.
_DUMMY_HASH = _hasher.hash("kartoteka-no-such-user")


class UserError(KartotekaError):
    """A user cannot be created or changed as asked (bad role, name taken, short password)."""


class UserRow(Base):
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SettingRow(Base):
    """Site-wide values the web app keeps in its database (its session-signing key)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def role_at_least(role: str, wanted: str) -> bool:
    """True when ``role`` may do what ``wanted`` may (admin > editor > viewer)."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(wanted)


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise UserError("a user name is 1-64 characters without spaces")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def create_user(session: Session, name: str, password: str, role: str = "viewer") -> UserRow:
    """Add a local user; raises UserError for a taken name, an unknown role or a weak password."""
    name = _check_name(name)
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    _check_password(password)
    if session.get(UserRow, name) is not None:
        raise UserError(f"user {name!r} exists already")
    row = UserRow(name=name, password_hash=_hasher.hash(password), role=role)
    session.add(row)
    session.flush()
    return row


def set_password(session: Session, name: str, password: str) -> UserRow:
    row = session.get(UserRow, name)
    if row is None:
        raise UserError(f"no user {name!r}")
    _check_password(password)
    row.password_hash = _hasher.hash(password)
    return row


def set_role(session: Session, name: str, role: str) -> UserRow:
    row = session.get(UserRow, name)
    if row is None:
        raise UserError(f"no user {name!r}")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    row.role = role
    return row


def delete_user(session: Session, name: str) -> None:
    row = session.get(UserRow, name)
    if row is None:
        raise UserError(f"no user {name!r}")
    session.delete(row)


def get_user(session: Session, name: str) -> UserRow | None:
    return session.get(UserRow, name)


def list_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.name)))


def authenticate(session: Session, name: str, password: str) -> UserRow | None:
    """The user when the password is right, else None (in about the same time either way)."""
    row = session.get(UserRow, name.strip())
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    return row


def secret_key(session: Session) -> str:
    """The key that signs session cookies: made once, then kept in the database."""
    row = session.get(SettingRow, SECRET_KEY_SETTING)
    if row is None:
        row = SettingRow(key=SECRET_KEY_SETTING, value=secrets.token_urlsafe(48))
        session.add(row)
        session.flush()
    return row.value

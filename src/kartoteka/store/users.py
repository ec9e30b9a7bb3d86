"""Local accounts of the web UI: users, their server-side sessions and API tokens.

Passwords are stored as argon2id hashes (argon2-cffi); the plain password never reaches the
database. Roles grow in power: a viewer reads, an editor curates, an admin also manages users.
Sessions and tokens are random secrets of which only a SHA-256 hash is stored; each is bound to
the user's random ``id``, never the name, so deleting a user and creating another of the same
name gives the newcomer none of the old sessions.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import DateTime, Index, Integer, String, Text, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from kartoteka.errors import KartotekaError
from kartoteka.store.tables import Base, utcnow

ROLES = ("viewer", "editor", "admin")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 64
SESSION_LIFETIME = timedelta(days=14)
# last_seen is written at most this often, so reading pages does not write on every request.
LAST_SEEN_EVERY = timedelta(minutes=1)

_hasher = PasswordHasher()
# Verifying against this when the user does not exist costs the same time as a real check,
# so a login's duration does not tell whether a name exists.
_DUMMY_HASH = _hasher.hash("kartoteka-no-such-user")


class UserError(KartotekaError):
    """A user cannot be created or changed as asked (bad role, name taken, short password)."""


class UserRow(Base):
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH), primary_key=True)
    # Random, never reused: a session or token names this, not the (reusable) name.
    id: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_hex(16))
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_users_id", "id", unique=True),)


class SettingRow(Base):
    """Site-wide values the web app keeps in its database."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SessionRow(Base):
    """A logged-in browser; ``id`` is the SHA-256 of the secret in its cookie."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TokenRow(Base):
    """An API token (for OpenRefine): read access as its user; ``id`` is the SHA-256."""

    __tablename__ = "api_tokens"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """One failed login; counted over a window by every worker alike."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    address: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))

    __table_args__ = (Index("ix_login_failures_address_at", "address", "at"),
                      Index("ix_login_failures_username_at", "username", "at"))


def role_at_least(role: str, wanted: str) -> bool:
    """True when ``role`` may do what ``wanted`` may (admin > editor > viewer)."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(wanted)


def _check_name(name: str) -> str:
    name = name.strip()
    if (not name or len(name) > MAX_NAME_LENGTH or any(ch.isspace() for ch in name)
            or not name.isprintable()):
        raise UserError(f"a user name is 1-{MAX_NAME_LENGTH} printable characters "
                        "without spaces")
    return name


def _check_password(password: str) -> None:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise UserError(f"a password needs {MIN_PASSWORD_LENGTH}-{MAX_PASSWORD_LENGTH} "
                        "characters")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")


def create_user(session: Session, name: str, password: str, role: str = "viewer") -> UserRow:
    """Add a local user; raises UserError for a taken name, an unknown role or a weak password."""
    name = _check_name(name)
    _check_role(role)
    _check_password(password)
    if session.get(UserRow, name) is not None:
        raise UserError(f"user {name!r} exists already")
    row = UserRow(name=name, password_hash=_hasher.hash(password), role=role)
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # created by another request since the check above
        raise UserError(f"user {name!r} exists already") from exc
    return row


def _existing(session: Session, name: str) -> UserRow:
    row = session.get(UserRow, name)
    if row is None:
        raise UserError(f"no user {name!r}")
    return row


def _other_admins(session: Session, row: UserRow) -> int:
    return session.scalar(select(func.count()).select_from(UserRow).where(
        UserRow.role == "admin", UserRow.name != row.name)) or 0


def set_password(session: Session, name: str, password: str) -> UserRow:
    """A new password; every session of the user ends (log in again everywhere)."""
    row = _existing(session, name)
    _check_password(password)
    row.password_hash = _hasher.hash(password)
    revoke_sessions(session, row.id)
    return row


def set_role(session: Session, name: str, role: str) -> UserRow:
    """A new role; the user's sessions end. The last admin cannot stop being one."""
    row = _existing(session, name)
    _check_role(role)
    if row.role == "admin" and role != "admin" and not _other_admins(session, row):
        raise UserError(f"{name!r} is the last admin: make another admin first")
    if row.role != role:
        row.role = role
        revoke_sessions(session, row.id)
    return row


def delete_user(session: Session, name: str) -> None:
    """Remove a user with their sessions and tokens; never the last admin."""
    row = _existing(session, name)
    if row.role == "admin" and not _other_admins(session, row):
        raise UserError(f"{name!r} is the last admin: make another admin first")
    revoke_sessions(session, row.id)
    session.execute(update(TokenRow).where(TokenRow.user_id == row.id,
                                           TokenRow.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))
    session.delete(row)


def get_user(session: Session, name: str) -> UserRow | None:
    return session.get(UserRow, name)


def list_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.name)))


def authenticate(session: Session, name: str, password: str) -> UserRow | None:
    """The user when the password is right, else None (in about the same time either way)."""
    row = session.get(UserRow, name.strip()) if len(name) <= MAX_NAME_LENGTH else None
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    return row


# --- sessions and tokens ----------------------------------------------------------------------

def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Account:
    """Who a session or token belongs to, as read from the database just now."""

    name: str
    role: str
    user_id: str


def open_session(session: Session, user: UserRow) -> str:
    """A new session for ``user``; returns the secret for the cookie (stored only hashed)."""
    secret = secrets.token_urlsafe(32)
    session.add(SessionRow(id=_digest(secret), user_id=user.id))
    session.flush()
    return secret


def session_account(session: Session, secret: str) -> Account | None:
    """The account of a live session, or None (revoked, expired, user gone or replaced)."""
    found = session.execute(
        select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
        .where(SessionRow.id == _digest(secret), SessionRow.revoked_at.is_(None))).first()
    if found is None:
        return None
    row, user = found
    now = utcnow()
    if _aware(row.created_at) + SESSION_LIFETIME < now:
        return None
    if _aware(row.last_seen) + LAST_SEEN_EVERY < now:
        row.last_seen = now
    return Account(user.name, user.role, user.id)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for what was stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def end_session(session: Session, secret: str) -> None:
    session.execute(update(SessionRow).where(SessionRow.id == _digest(secret))
                    .values(revoked_at=utcnow()))


def revoke_sessions(session: Session, user_id: str) -> int:
    """End every session of a user at once (the next request of each is anonymous)."""
    result = session.execute(update(SessionRow).where(SessionRow.user_id == user_id,
                                                      SessionRow.revoked_at.is_(None))
                             .values(revoked_at=utcnow()))
    return result.rowcount or 0


def new_token(session: Session, name: str) -> str:
    """A new API token for user ``name``; shown once, stored only hashed."""
    row = _existing(session, name)
    secret = "kt_" + secrets.token_urlsafe(32)
    session.add(TokenRow(id=_digest(secret), user_id=row.id))
    session.flush()
    return secret


def revoke_tokens(session: Session, name: str) -> int:
    row = _existing(session, name)
    result = session.execute(update(TokenRow).where(TokenRow.user_id == row.id,
                                                    TokenRow.revoked_at.is_(None))
                             .values(revoked_at=utcnow()))
    return result.rowcount or 0


def token_account(session: Session, secret: str) -> Account | None:
    found = session.execute(
        select(TokenRow, UserRow).join(UserRow, UserRow.id == TokenRow.user_id)
        .where(TokenRow.id == _digest(secret), TokenRow.revoked_at.is_(None))).first()
    if found is None:
        return None
    row, user = found
    now = utcnow()
    if row.last_used is None or _aware(row.last_used) + LAST_SEEN_EVERY < now:
        row.last_used = now
    return Account(user.name, user.role, user.id)


# --- failed logins ----------------------------------------------------------------------------

def recent_failures(session: Session, *, address: str, username: str,
                    window: timedelta) -> tuple[int, int, int]:
    """Failures within ``window``: for this address and name, for the name, for the address."""
    since = utcnow() - window
    name = username.casefold()[:MAX_NAME_LENGTH]

    def count(*where: object) -> int:
        return session.scalar(select(func.count()).select_from(LoginFailureRow)
                              .where(LoginFailureRow.at >= since, *where)) or 0

    return (count(LoginFailureRow.address == address[:64], LoginFailureRow.username == name),
            count(LoginFailureRow.username == name),
            count(LoginFailureRow.address == address[:64]))


def record_failure(session: Session, *, address: str, username: str) -> None:
    session.add(LoginFailureRow(address=address[:64],
                                username=username.casefold()[:MAX_NAME_LENGTH]))
    # Old failures mean nothing any more; dropping them keeps the table small.
    session.execute(delete(LoginFailureRow).where(
        LoginFailureRow.at < utcnow() - timedelta(days=1)))


def clear_failures(session: Session, *, address: str, username: str) -> None:
    session.execute(delete(LoginFailureRow).where(
        LoginFailureRow.address == address[:64],
        LoginFailureRow.username == username.casefold()[:MAX_NAME_LENGTH]))

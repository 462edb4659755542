"""Users, their passwords and their sessions: the people who may review.

Passwords are stored as argon2id hashes (argon2-cffi's defaults: 64 MiB and
tens of milliseconds each), and at most `HASH_SLOTS` are computed at once in
a process, so a burst of sign-ins queues instead of taking every core and
gigabytes of memory from the readers (a wait longer than `HASH_WAIT` is
`Busy`).

A signed-in browser is a row of `sessions`: the cookie carries a random
token, the table its sha256. Ending a session deletes its row, so a copied
cookie stops working at logout; a password change and disabling a user end
all of theirs. A disabled user keeps their reviews and history but cannot
sign in; a user is removed only when nothing in the history is theirs.

Library functions on a SQLAlchemy Connection, used by the web app and the CLI
(`aidwatch user ...`); nothing here knows about HTTP (web/auth.py has the
request checks). User errors are `UserError`s of one line.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from aidwatch.errors import AidwatchError
from aidwatch.store.db import writing
from aidwatch.store.schema import fact_history, sessions, users

NAME = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
MIN_PASSWORD = 8
SESSION_DAYS = 14

# Half the cores (at least one): the other half keep serving pages.
HASH_SLOTS = max(1, (os.cpu_count() or 2) // 2)
HASH_WAIT = 10.0  # seconds a sign-in waits for a slot before `Busy`

_hasher = PasswordHasher()
_slots = threading.BoundedSemaphore(HASH_SLOTS)
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(AidwatchError, ValueError):
    """A user that cannot be made or changed: a taken or malformed name, a
    short password, no such user."""


class Busy(RuntimeError):
    """Every password-hashing slot stayed taken for `HASH_WAIT` seconds."""


def _bounded(work: Callable, *args):
    """`work(*args)` (an argon2 hash or verify) in one of the `HASH_SLOTS`."""
    if not _slots.acquire(timeout=HASH_WAIT):
        raise Busy("too many sign-ins at once: try again in a moment")
    try:
        return work(*args)
    finally:
        _slots.release()


def _secret(password: str) -> bytes:
    # What argon2 hashes: the UTF-8 of the password, as argon2-cffi encodes a
    # str itself, but a lone surrogate (JSON can carry one) passes through
    # instead of raising.
    return password.encode("utf-8", "surrogatepass")


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
    return _bounded(_hasher.hash, _secret(password))


def add_user(connection: Connection, name: str, password: str) -> int:
    """A new user with this password; returns its id."""
    if not NAME.fullmatch(name):
        raise UserError("a user name is 1 to 64 letters, digits, or . _ @ -")
    password_hash = _checked_password(password)
    try:
        with writing(connection):
            return connection.execute(
                insert(users).values(
                    name=name, password_hash=password_hash, created_at=datetime.now(UTC)
                )
            ).inserted_primary_key[0]
    except IntegrityError:
        raise UserError(f"there is already a user {name!r}") from None


def set_password(connection: Connection, name: str, password: str) -> None:
    """A new password for `name`; every session of theirs ends (a stolen
    cookie is what a password change is often for)."""
    password_hash = _checked_password(password)
    with writing(connection):
        user_id = _user_id(connection, name)
        connection.execute(
            update(users).where(users.c.id == user_id).values(password_hash=password_hash)
        )
        connection.execute(delete(sessions).where(sessions.c.user_id == user_id))


def disable_user(connection: Connection, name: str) -> None:
    """`name` can no longer sign in and every session of theirs ends; their
    reviews and history stay theirs."""
    with writing(connection):
        user_id = _user_id(connection, name)
        connection.execute(update(users).where(users.c.id == user_id).values(disabled=True))
        connection.execute(delete(sessions).where(sessions.c.user_id == user_id))


def remove_user(connection: Connection, name: str) -> None:
    """Delete `name`, who must have no review in the history (the history
    says who did what: such a user is disabled instead)."""
    with writing(connection):
        user_id = _user_id(connection, name)
        done = connection.scalar(
            select(func.count()).select_from(fact_history).where(fact_history.c.user_id == user_id)
        )
        if done:
            raise UserError(f"{name!r} has {done} reviews in the history: disable the user instead")
        connection.execute(delete(sessions).where(sessions.c.user_id == user_id))
        connection.execute(delete(users).where(users.c.id == user_id))


def _user_id(connection: Connection, name: str) -> int:
    user_id = connection.scalar(select(users.c.id).where(users.c.name == name))
    if user_id is None:
        raise UserError(f"no user {name!r}")
    return user_id


def authenticate(connection: Connection, name: str, password: str) -> dict | None:
    """{id, name} of the user when the password is theirs and they are not
    disabled, else None. Raises `Busy` when no hashing slot frees up."""
    row = None
    if NAME.fullmatch(name):  # no other name exists (nor reaches SQL: NUL, surrogates)
        with connection.begin():
            row = connection.execute(select(users).where(users.c.name == name)).first()
    try:
        _bounded(_hasher.verify, row.password_hash if row else _DUMMY_HASH, _secret(password))
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row.disabled:
        return None
    return {"id": row.id, "name": row.name}


def user(connection: Connection, user_id: int) -> dict | None:
    row = connection.execute(select(users.c.id, users.c.name).where(users.c.id == user_id)).first()
    return {"id": row.id, "name": row.name} if row else None


# -- sessions -----------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(connection: Connection, user_id: int) -> str:
    """A new session of the user; returns its token (for the cookie only)."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with writing(connection):
        # Expired sessions go as new ones come: the table stays the size of
        # the sessions alive.
        connection.execute(delete(sessions).where(sessions.c.expires_at < now))
        connection.execute(
            insert(sessions).values(
                token_hash=_digest(token),
                user_id=user_id,
                created_at=now,
                expires_at=now + timedelta(days=SESSION_DAYS),
            )
        )
    return token


def session_user(connection: Connection, token: str | None) -> dict | None:
    """{id, name} of the session's user while the session lives (not ended,
    not expired, user not disabled), else None."""
    if not token or not isinstance(token, str):
        return None
    row = connection.execute(
        select(users.c.id, users.c.name)
        .select_from(sessions.join(users, users.c.id == sessions.c.user_id))
        .where(
            sessions.c.token_hash == _digest(token),
            sessions.c.expires_at > datetime.now(UTC),
            users.c.disabled.is_(False),
        )
    ).first()
    return {"id": row.id, "name": row.name} if row else None


def end_session(connection: Connection, token: str | None) -> None:
    """End one session (logout); a token that is no session is ignored."""
    if not token or not isinstance(token, str):
        return
    with writing(connection):
        connection.execute(delete(sessions).where(sessions.c.token_hash == _digest(token)))

"""Users and their passwords: the people who may review.

Passwords are stored as argon2id hashes (argon2-cffi's defaults). Library
functions on a SQLAlchemy Connection, used by the web app (sign-in) and the
CLI (`aidwatch user ...`); nothing here knows about HTTP (web/auth.py has the
request checks).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from aidwatch.store.schema import users

NAME = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(ValueError):
    """A user that cannot be made: a taken or malformed name, a short password."""


def add_user(connection: Connection, name: str, password: str) -> int:
    """A new user with this password; returns its id."""
    if not NAME.fullmatch(name):
        raise UserError("a user name is 1 to 64 letters, digits, or . _ @ -")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
    try:
        with connection.begin():
            return connection.execute(
                insert(users).values(
                    name=name, password_hash=_hasher.hash(password), created_at=datetime.now(UTC)
                )
            ).inserted_primary_key[0]
    except IntegrityError:
        raise UserError(f"there is already a user {name!r}") from None


def set_password(connection: Connection, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
    with connection.begin():
        done = connection.execute(
            update(users).where(users.c.name == name).values(password_hash=_hasher.hash(password))
        ).rowcount
    if not done:
        raise UserError(f"no user {name!r}")


def authenticate(connection: Connection, name: str, password: str) -> dict | None:
    """{id, name} of the user when the password is theirs, else None."""
    with connection.begin():
        row = connection.execute(select(users).where(users.c.name == name)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    return {"id": row.id, "name": row.name}


def user(connection: Connection, user_id: int) -> dict | None:
    row = connection.execute(select(users.c.id, users.c.name).where(users.c.id == user_id)).first()
    return {"id": row.id, "name": row.name} if row else None

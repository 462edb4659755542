"""The checks every write goes through: the CSRF token.

A signed-in person is a session in the signed cookie (Starlette's
SessionMiddleware, itsdangerous, HttpOnly, SameSite=strict). Every write also
needs the session's CSRF token, as the `csrf` form field or the
`X-CSRF-Token` header: SameSite keeps other sites' forms from carrying the
cookie, the token covers browsers that ignore SameSite. Users and passwords
are store/users.py; this module does not route requests (app.py does).
"""

from __future__ import annotations

import hmac
import secrets


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)

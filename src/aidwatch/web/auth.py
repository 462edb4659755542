"""The checks of the web app's requests: the CSRF token, and sign-in throttling.

A signed-in person is a session in the signed cookie (Starlette's
SessionMiddleware, itsdangerous, HttpOnly, SameSite=strict). Every write also
needs the session's CSRF token, as the `csrf` form field or the
`X-CSRF-Token` header: SameSite keeps other sites' forms from carrying the
cookie, the token covers browsers that ignore SameSite. Users and passwords
are store/users.py; this module does not route requests (app.py does).
"""

from __future__ import annotations

import hmac
import math
import secrets
import threading
import time
from collections import deque


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)


class SignInThrottle:
    """Failed sign-ins counted per account and per client over a sliding
    `window`: past `per_account` failures on one name, or `per_client` from
    one address, sign-in answers 429 until the oldest failure leaves the
    window, without checking the password (no hash spent, no guess tried).
    A success clears the account's count. Unknown names are counted like
    known ones, so the answers do not tell which exist.

    In memory, per process: with `--workers N` an attacker gets N times the
    attempts, still a handful a minute. Bounded: at most `max_keys` names and
    addresses are remembered (the oldest forgotten first)."""

    def __init__(
        self,
        per_account: int = 5,
        per_client: int = 20,
        window: float = 15 * 60,
        max_keys: int = 100_000,
        clock=time.monotonic,
    ):
        self.limits = {"account": per_account, "client": per_client}
        self.window = window
        self.max_keys = max_keys
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, account: str, client: str) -> list[tuple[str, str]]:
        return [("account", account.lower()), ("client", client)]

    def retry_after(self, account: str, client: str) -> int | None:
        """Seconds to wait before trying again, or None when a try is allowed."""
        now = self.clock()
        wait = 0.0
        with self._lock:
            for key in self._keys(account, client):
                failures = self._failures.get(key)
                if not failures:
                    continue
                while failures and failures[0] <= now - self.window:
                    failures.popleft()
                if len(failures) >= self.limits[key[0]]:
                    wait = max(wait, failures[0] + self.window - now)
        return max(1, math.ceil(wait)) if wait > 0 else None

    def failed(self, account: str, client: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(account, client):
                failures = self._failures.pop(key, None) or deque()
                failures.append(now)
                while len(failures) > self.limits[key[0]]:
                    failures.popleft()  # only the latest `limit` matter
                self._failures[key] = failures  # re-inserted: dicts keep order
            while len(self._failures) > self.max_keys:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(("account", account.lower()), None)

"""Users and sessions on each backend: a session lives until logout, a
password change or the user's disabling; a user with reviews is disabled,
not removed; `aidwatch user ...` reports mistakes in one line; at most
HASH_SLOTS passwords are hashed at once."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from aidwatch.cli import app as cli
from aidwatch.store import open_store, review, users
from aidwatch.store.schema import sessions

PASSWORD = "correct horse battery"


@pytest.fixture
def connection(store_url):
    engine = open_store(store_url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def _alive(connection, token) -> str | None:
    found = users.session_user(connection, token)
    connection.rollback()
    return found["name"] if found else None


@pytest.mark.parametrize(
    "ending, alive_after",
    [
        (lambda c, token: None, "alice"),
        (lambda c, token: users.end_session(c, token), None),
        (lambda c, token: users.set_password(c, "alice", "another password"), None),
        (lambda c, token: users.disable_user(c, "alice"), None),
        (lambda c, token: users.end_session(c, "not a session"), "alice"),
        (lambda c, token: users.set_password(c, "bob", "another password"), "alice"),
    ],
)
def test_a_session_lives_until_it_is_ended(connection, ending, alive_after):
    alice = users.add_user(connection, "alice", PASSWORD)
    users.add_user(connection, "bob", PASSWORD)
    token = users.start_session(connection, alice)
    assert _alive(connection, token) == "alice"
    ending(connection, token)
    assert _alive(connection, token) == alive_after


@pytest.mark.parametrize("token", [None, "", "x" * 500, 12])
def test_what_is_no_session_names_nobody(connection, token):
    assert users.session_user(connection, token) is None


@pytest.mark.parametrize(
    "name, password, signed_in",
    [
        ("alice", PASSWORD, "alice"),
        ("alice", "wrong password", None),
        ("nobody", PASSWORD, None),
    ],
)
def test_authenticate(connection, name, password, signed_in):
    users.add_user(connection, "alice", PASSWORD)
    found = users.authenticate(connection, name, password)
    assert (found and found["name"]) == signed_in


def test_a_disabled_user_cannot_sign_in_and_keeps_their_history(connection, store_url, hand_built):
    alice = users.add_user(connection, "alice", PASSWORD)
    (fact_id,) = hand_built(store_url, 1)
    review.confirm(connection, fact_id, alice)
    users.disable_user(connection, "alice")
    assert users.authenticate(connection, "alice", PASSWORD) is None
    with connection.begin():
        assert [change["user"] for change in review.history(connection, fact_id)] == ["alice"]


def test_a_user_with_reviews_is_not_removed(connection, store_url, hand_built):
    alice = users.add_user(connection, "alice", PASSWORD)
    (fact_id,) = hand_built(store_url, 1)
    review.confirm(connection, fact_id, alice)
    with pytest.raises(users.UserError, match="has 1 reviews in the history: disable"):
        users.remove_user(connection, "alice")
    users.add_user(connection, "bob", PASSWORD)
    users.start_session(connection, users.authenticate(connection, "bob", PASSWORD)["id"])
    users.remove_user(connection, "bob")
    with connection.begin():
        assert connection.scalar(select(func.count()).select_from(sessions)) == 0
    assert users.authenticate(connection, "bob", PASSWORD) is None


@pytest.mark.parametrize(
    "args, stdin, code, message",
    [
        (["add", "alice", "--password-stdin"], PASSWORD, 0, "user alice added"),
        (["add", "alice", "--password-stdin"], PASSWORD, 2, "there is already a user 'alice'"),
        (["add", "a b", "--password-stdin"], PASSWORD, 2, "a user name is 1 to 64 letters"),
        (["passwd", "alice", "--password-stdin"], "short", 2, "at least 8 characters"),
        (["passwd", "alice", "--password-stdin"], "new password!", 0, "has a new password"),
        (["passwd", "nobody", "--password-stdin"], "new password!", 2, "no user 'nobody'"),
        (["disable", "alice"], "", 0, "user alice disabled"),
        (["disable", "nobody"], "", 2, "no user 'nobody'"),
        (["remove", "alice"], "", 0, "user alice removed"),
        (["remove", "alice"], "", 2, "no user 'alice'"),
    ],
)
def test_the_user_commands_in_sequence(cli_store, args, stdin, code, message):
    result = CliRunner().invoke(cli, ["user", *args, "--db", cli_store], input=stdin + "\n")
    assert result.exit_code == code
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output


@pytest.fixture(scope="module")
def cli_store(module_store) -> str:
    """One store the rows of the table above act on in turn."""
    url = module_store("users-cli")
    open_store(url).dispose()
    return url


def test_passwords_are_hashed_a_few_at_a_time(connection, monkeypatch):
    """Sign-ins at once: never more than HASH_SLOTS argon2 runs together."""
    running = 0
    most = 0
    lock = threading.Lock()
    hasher = users._hasher

    class Counted:
        def verify(self, *args):
            return counted(*args)

    def counted(*args):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            time.sleep(0.02)  # long enough for the others to pile up
            return hasher.verify(*args)
        finally:
            with lock:
                running -= 1

    users.add_user(connection, "alice", PASSWORD)
    monkeypatch.setattr(users, "_hasher", Counted())
    engine = open_store(connection.engine.url.render_as_string(hide_password=False))
    try:

        def sign_in(_):
            with engine.connect() as own:
                return users.authenticate(own, "alice", "wrong password")

        tries = users.HASH_SLOTS + 3  # more than the slots, so some must wait
        with ThreadPoolExecutor(tries) as pool:
            assert list(pool.map(sign_in, range(tries))) == [None] * tries
    finally:
        engine.dispose()
    assert most == users.HASH_SLOTS

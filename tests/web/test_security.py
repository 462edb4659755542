"""What a hostile or careless client can do, and what it gets: a copied
cookie after logout, a password change or a user disabled; password guessing
(429); anonymous readers and reviewers' names; ids past 32 bits; impossible
dates; writes from another site; the guard's own answers and their headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from aidwatch.store import open_store, users
from aidwatch.web.app import create_app
from aidwatch.web.auth import SignInThrottle

PASSWORD = "correct horse battery"
BIG = 2**31  # ids are INTEGER: 32-bit on PostgreSQL


def _login(client, name="alice", password=PASSWORD):
    return client.post("/api/login", json={"name": name, "password": password})


def _on_store(store_url, change):
    engine = open_store(store_url)
    with engine.connect() as connection:
        change(connection)
    engine.dispose()


# -- sessions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "revoke",
    [
        lambda client, url: client.post("/api/logout"),
        lambda client, url: _on_store(url, lambda c: users.set_password(c, "alice", "new pass!")),
        lambda client, url: _on_store(url, lambda c: users.disable_user(c, "alice")),
    ],
    ids=["logout", "password change", "user disabled"],
)
def test_a_copied_cookie_dies_with_its_session(signed_in, store_url, revoke):
    cookie = dict(signed_in.cookies)
    csrf = signed_in.headers["X-CSRF-Token"]
    assert signed_in.get("/api/me").json()["user"]["name"] == "alice"
    revoke(signed_in, store_url)
    with TestClient(signed_in.app, cookies=cookie, headers={"X-CSRF-Token": csrf}) as thief:
        assert thief.get("/api/me").json()["user"] is None
        answer = thief.post("/api/facts/1/review", json={"verdict": "confirmed"})
        assert answer.status_code == 401


def test_a_disabled_user_cannot_sign_in(client, store_url):
    _on_store(store_url, lambda c: users.disable_user(c, "alice"))
    assert _login(client).status_code == 401


@pytest.mark.parametrize("secure, flagged", [(False, False), (True, True)])
def test_the_cookie_is_secure_when_asked(store_url, secure, flagged):
    with TestClient(create_app(store_url, secret_key="t", secure_cookies=secure)) as client:
        cookie = _login(client).headers["set-cookie"].lower()
    assert ("; secure" in cookie) == flagged


# -- guessing passwords ------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def throttled(store_url):
    """(client, clock): the app with 3 tries per account, 5 per client, in 60 s."""
    clock = Clock()
    throttle = SignInThrottle(per_account=3, per_client=5, window=60, clock=clock)
    with TestClient(create_app(store_url, secret_key="t", throttle=throttle)) as client:
        yield client, clock


@pytest.mark.parametrize(
    "tries, then, expected",
    [
        # (name, password) tried first, all wrong; then the right one → status
        ([("alice", "wrong")] * 2, ("alice", PASSWORD), 200),
        ([("alice", "wrong")] * 3, ("alice", PASSWORD), 429),
        ([("alice", "wrong")] * 3, ("bob", "wrong"), 401),  # another account is not blocked
        ([("ALICE", "wrong")] * 3, ("alice", PASSWORD), 429),  # names counted case-blind
        ([("nobody", "wrong")] * 3, ("nobody", "wrong"), 429),  # unknown names alike
        ([(f"user{n}", "wrong") for n in range(5)], ("alice", PASSWORD), 429),  # per client
        ([(f"user{n}", "wrong") for n in range(4)], ("alice", PASSWORD), 200),
    ],
)
def test_sign_in_is_throttled(throttled, tries, then, expected):
    client, _ = throttled
    for name, password in tries:
        assert _login(client, name, password).status_code == 401
    answer = _login(client, *then)
    assert answer.status_code == expected
    if expected == 429:
        assert 1 <= int(answer.headers["retry-after"]) <= 60


def test_a_throttled_account_opens_again_after_the_window(throttled):
    client, clock = throttled
    for _ in range(3):
        _login(client, "alice", "wrong")
    clock.now += 30
    assert _login(client).status_code == 429
    clock.now += 31
    assert _login(client).status_code == 200


def test_the_sign_in_form_is_throttled_too(throttled):
    client, _ = throttled
    for _ in range(3):
        _login(client, "alice", "wrong")
    csrf = client.get("/api/me").json()["csrf"]
    answer = client.post(
        "/login", data={"name": "alice", "password": PASSWORD, "csrf": csrf}, follow_redirects=False
    )
    assert answer.status_code == 429


# -- what readers see ---------------------------------------------------------


def test_reviewer_names_are_for_signed_in_users_only(signed_in, store_url):
    assert signed_in.post("/api/facts/1/review", json={"verdict": "confirmed"}).status_code == 200
    assert [c["user"] for c in signed_in.get("/api/facts/1").json()["history"]] == ["alice"]
    with TestClient(create_app(store_url, secret_key="other")) as anonymous:
        history = anonymous.get("/api/facts/1").json()["history"]
    assert len(history) == 1 and "user" not in history[0]
    assert history[0]["after"]["verdict"] == "confirmed"


# -- ids and values past their range (a 500 before: the driver cannot bind them) -------------------------------------------


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("get", f"/api/facts/{BIG}", None),
        ("get", f"/api/articles/{BIG}", None),
        ("get", f"/api/stories/{BIG}", None),
        ("get", f"/api/packages/{BIG}", None),
        ("get", f"/articles/{BIG}", None),
        ("get", f"/stories/{BIG}", None),
        ("get", f"/packages/{BIG}", None),
        ("get", f"/api/facts?before={BIG}", None),
        ("get", f"/api/facts?article_id={BIG}", None),
        ("get", f"/facts?before={BIG}", None),
        ("get", f"/api/facts/{-BIG - 1}", None),
        ("get", f"/api/facts/{2**63}", None),
        ("get", f"/articles/{2**64}", None),
        ("post", f"/api/facts/{BIG}/review", {"verdict": "confirmed"}),
        ("post", f"/api/articles/{BIG}/facts", {"start": 0, "end": 3, "status": "pledged"}),
        ("post", f"/facts/{BIG}/confirm", None),
        ("post", f"/articles/{BIG}/facts", None),
        ("post", "/api/facts/1/review", {"verdict": "confirmed", "version": BIG}),
    ],
)
def test_ids_past_32_bits_are_422(signed_in, method, path, body):
    form = {"csrf": signed_in.headers["X-CSRF-Token"], "start": 0, "end": 3}
    if method == "get":
        answer = signed_in.get(path)
    elif body is None:
        answer = signed_in.post(path, data=form)
    else:
        answer = signed_in.post(path, json=body)
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize("date", ["2022-13-45", "9999-99", "2023-02-29", "0000", "2022-6"])
def test_a_review_with_an_impossible_date_is_422(signed_in, date):
    answer = signed_in.post(
        "/api/facts/1/review", json={"verdict": "corrected", "changes": {"date": date}}
    )
    assert answer.status_code == 422
    assert "is not a real date" in answer.json()["detail"]


@pytest.mark.parametrize("date", ["2022", "2022-02", "2024-02-29"])
def test_a_review_with_a_real_date_is_kept(signed_in, date):
    answer = signed_in.post(
        "/api/facts/1/review", json={"verdict": "corrected", "changes": {"date": date}}
    )
    assert (answer.status_code, answer.json()["date"]) == (200, date)


# -- writes from elsewhere ---------------------------------------------------


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 200),  # no Origin: not a browser on another site
        ({"origin": "http://testserver"}, 200),
        ({"origin": "https://testserver"}, 200),  # behind a TLS proxy
        ({"origin": "https://evil.example"}, 403),
        ({"origin": "http://testserver.evil.example"}, 403),
        ({"origin": "null"}, 403),  # sandboxed frames, data: URLs
        ({"origin": "http://["}, 403),
        ({"sec-fetch-site": "cross-site"}, 403),
        ({"sec-fetch-site": "same-origin"}, 200),
    ],
)
def test_a_write_from_another_site_is_403(signed_in, headers, status):
    answer = signed_in.post("/api/facts/1/review", json={"verdict": "confirmed"}, headers=headers)
    assert answer.status_code == status
    if status == 403:
        assert answer.json() == {"detail": "cross-origin write refused"}


@pytest.mark.parametrize(
    "read_only, body, status",
    [
        (True, b"{}", 403),
        (False, b"x" * 70_000, 413),
        (False, b"{}", 403),  # cross-origin
    ],
)
def test_the_guards_own_answers_carry_the_security_headers(store_url, read_only, body, status):
    with TestClient(create_app(store_url, secret_key="t", read_only=read_only)) as client:
        headers = {"content-type": "application/json"}
        if status == 403 and not read_only:
            headers["origin"] = "https://evil.example"
        answer = client.post("/api/facts/1/review", content=body, headers=headers)
    assert answer.status_code == status
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert (answer.headers["x-frame-options"], answer.headers["x-content-type-options"]) == (
        "DENY",
        "nosniff",
    )


# -- text no store keeps ------------------------------------------------------


def _raw_json(client, path, text):
    return client.post(path, content=text, headers={"content-type": "application/json"})


@pytest.mark.parametrize(
    "method, path, body, status",
    [
        ("get", "/api/facts?q=%00", None, 400),
        ("get", "/api/facts?donor=a%00b", None, 400),
        ("get", "/api/systems/a%00b", None, 400),
        ("get", "/api/facts?q=%ED%A0%80", None, 200),  # not UTF-8: read as U+FFFD
        ("post", "/api/login", '{"name": "alice\\u0000", "password": "x"}', 401),
        ("post", "/api/login", '{"name": "\\ud800", "password": "x"}', 422),
        ("post", "/api/login", '{"name": "alice", "password": "\\ud800"}', 422),
        ("post", "/api/login", '{"name": "alice", "password": 5}', 422),
        ("post", "/api/login", '{"name": "\\ud800", "password": 5}', 422),
        (
            "post",
            "/api/facts/1/review",
            '{"verdict": "corrected", "changes": {"item_name": "a\\u0000"}}',
            422,
        ),
        (
            "post",
            "/api/facts/1/review",
            '{"verdict": "corrected", "changes": {"item_name": "\\udfff"}}',
            422,
        ),
        ("post", "/api/facts/1/review", '{"verdict": "\\ud800"}', 422),
    ],
)
def test_nul_and_lone_surrogates_are_refused_not_500(signed_in, method, path, body, status):
    if method == "get":
        answer = signed_in.get(path)
    else:
        answer = _raw_json(signed_in, path, body)
    assert answer.status_code == status, answer.text

"""The web app under generated input, on each backend: Hypothesis fills every
route's path and query parameters (and the review and sign-in bodies) with
integers of any size, text of any kind (NUL, controls, emoji, markup, SQL),
and the answer is never a server error (500). A refusal is 4xx with a one-line
`detail`; that the right values work is the other tests' business.

The app runs on a small hand-built store of each backend (`hand_built`),
signed in, so writes get as far as the store."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PASSWORD = "correct horse battery"  # conftest's HAND_PASSWORD
EXAMPLES = 60  # per property and backend: a few seconds each

# Any value a URL can carry: ids near and past every integer width, words
# the filters know, and arbitrary text (httpx percent-encodes it).
INTEGERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64]),
)
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["\x00", "\ud800", "\u202e"]))
SAMPLES = ["", "none", "US", "2022-06", "%", "\x00", "a\x00b", "\ud800", "é" * 300, "' OR 1=1 --"]
# Bytes too: a URL may carry any octets, not only UTF-8 (%FF, %ED%A0%80).
VALUES = st.one_of(INTEGERS.map(str), TEXT, st.sampled_from(SAMPLES), st.binary(max_size=12))

PATHS = [
    "/api/facts/{}",
    "/api/articles/{}",
    "/api/stories/{}",
    "/api/packages/{}",
    "/api/systems/{}",
    "/articles/{}",
    "/stories/{}",
    "/packages/{}",
    "/systems/{}",
]
LISTS = ["/api/facts", "/facts", "/api/gold", "/login", "/api/articles", "/"]
PARAMETERS = [
    "donor",
    "category",
    "status",
    "date_from",
    "date_to",
    "q",
    "verdict",
    "item_id",
    "article_id",
    "limit",
    "before",
    "complete_only",
    "error",
    "next",
]

JSON = st.recursive(
    st.none() | st.booleans() | INTEGERS | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
EDITABLE = [
    "donor",
    "item_id",
    "item_name",
    "category",
    "status",
    "quantity",
    "quantity_kind",
    "date",
]


@pytest.fixture(scope="module")
def app_client(backend, module_store, hand_built):
    from aidwatch.web.app import create_app

    url = module_store("fuzz")
    hand_built(url, 5, ("alice",))
    app = create_app(url, secret_key="fuzz")
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.post("/api/login", json={"name": "alice", "password": PASSWORD})
        client.headers["X-CSRF-Token"] = answer.json()["csrf"]
        yield client
    app.state.engine.dispose()


def _encoded(value: str | bytes) -> str:
    """`value` percent-encoded as it is: a lone surrogate as the invalid
    UTF-8 a hostile client can send, bytes as they are (httpx would refuse
    or re-encode both)."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return quote(value, safe="")


def _form(fields: dict) -> str:
    return "&".join(f"{_encoded(k)}={_encoded(v)}" for k, v in fields.items())


def _post_json(client, path: str, body):
    # json.dumps writes a lone surrogate as the escape \ud800, which is valid JSON.
    return client.post(path, content=json.dumps(body), headers={"content-type": "application/json"})


def _no_server_error(answer) -> None:
    assert answer.status_code < 500, (answer.request.url, answer.status_code, answer.text)
    if answer.status_code >= 400 and answer.headers.get("content-type") == "application/json":
        detail = answer.json()["detail"]
        assert detail  # a reason, not a traceback
        if isinstance(detail, str):
            assert "\n" not in detail and "Traceback" not in detail


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(
    path=st.sampled_from(PATHS),
    value=VALUES,
    query=st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4),
)
def test_no_read_is_a_server_error(app_client, path, value, query):
    # The path segment goes in encoded: "/" and "?" in it are data, not syntax.
    _no_server_error(app_client.get(path.format(_encoded(value)) + "?" + _form(query)))


@FUZZ
@given(path=st.sampled_from(LISTS), query=st.dictionaries(st.sampled_from(PARAMETERS), VALUES))
def test_no_list_or_filter_is_a_server_error(app_client, path, query):
    _no_server_error(app_client.get(path + "?" + _form(query)))


@FUZZ
@given(
    fact=st.one_of(st.integers(1, 5), INTEGERS),
    verdict=st.one_of(st.sampled_from(["confirmed", "rejected", "corrected"]), TEXT),
    changes=st.one_of(st.dictionaries(st.sampled_from(EDITABLE), JSON), JSON),
    version=st.one_of(st.none(), INTEGERS, TEXT),
)
def test_no_review_is_a_server_error(app_client, fact, verdict, changes, version):
    body = {"verdict": verdict, "changes": changes, "version": version}
    _no_server_error(_post_json(app_client, f"/api/facts/{fact}/review", body))


@FUZZ
@given(
    fact=st.one_of(st.integers(1, 5), INTEGERS),
    verdict=st.one_of(st.sampled_from(["confirm", "reject", "correct"]), TEXT),
    form=st.dictionaries(st.sampled_from([*EDITABLE, "version"]), VALUES, max_size=5),
)
def test_no_review_form_is_a_server_error(app_client, fact, verdict, form):
    form = {**form, "csrf": app_client.headers["X-CSRF-Token"]}
    answer = app_client.post(
        f"/facts/{fact}/{_encoded(verdict)}",
        content=_form(form),
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    _no_server_error(answer)


@FUZZ
@given(
    article=st.one_of(st.just(1), INTEGERS),
    start=st.one_of(st.integers(-5, 100), INTEGERS, TEXT),
    end=st.one_of(st.integers(-5, 100), INTEGERS, TEXT),
    values=st.dictionaries(st.sampled_from(EDITABLE), JSON, max_size=4),
)
def test_no_added_fact_is_a_server_error(app_client, article, start, end, values):
    body = {**values, "start": start, "end": end}
    _no_server_error(_post_json(app_client, f"/api/articles/{article}/facts", body))


@settings(FUZZ, max_examples=EXAMPLES // 3)  # each try is an argon2 verify or two
@given(name=st.one_of(TEXT, st.just("alice")), password=TEXT)
def test_no_sign_in_is_a_server_error(app_client, name, password):
    # Never alice's password: every try is a failure the throttle counts, so
    # 429 is a fine answer too (and a failed try leaves the session alone).
    _no_server_error(_post_json(app_client, "/api/login", {"name": name, "password": password}))
    form = {"name": name, "password": password, "csrf": app_client.headers["X-CSRF-Token"]}
    answer = app_client.post(
        "/login",
        content=_form(form),
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    _no_server_error(answer)

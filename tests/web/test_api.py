"""The JSON API and the pages through FastAPI's TestClient: filters and paging,
who may write, read-only mode, bounded bodies, escaping, history, gold export."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from aidwatch.evaluate.files import record_problem
from aidwatch.web.app import create_app
from aidwatch.web.deps import LIMITS, TYPED

FIRST = "000_ee75e9183deac66b.txt"


def all_facts(client) -> list[dict]:
    return client.get("/api/facts", params={"limit": 500}).json()["facts"]


# -- reading ---------------------------------------------------------------


@pytest.mark.parametrize(
    "params, keep",
    [
        ({}, lambda f: True),
        ({"donor": "US"}, lambda f: f["donor"] == "US"),
        ({"donor": "none"}, lambda f: f["donor"] is None),
        ({"status": "pledged"}, lambda f: f["status"] == "pledged"),
        ({"category": "mlrs"}, lambda f: f["category"] == "mlrs"),
        (
            {"donor": "US", "status": "delivered"},
            lambda f: (f["donor"], f["status"]) == ("US", "delivered"),
        ),
        ({"q": "HIMARS"}, lambda f: "himars" in f["evidence"]["text"].lower()),
        ({"q": "100%_"}, lambda f: False),  # LIKE wildcards are searched as text
        ({"date_from": "2023"}, lambda f: (f["date"] or f["article"]["published"]) >= "2023"),
        (
            {"date_to": "2022-06"},
            lambda f: (f["date"] or f["article"]["published"])[:7] <= "2022-06",
        ),
        (
            {"date_from": "2022-06-01", "date_to": "2022-06-30"},
            lambda f: (
                (f["date"] or f["article"]["published"]).startswith("2022-06")
                or (f["date"] or f["article"]["published"]) == "2022"
            ),
        ),
        ({"verdict": "unreviewed"}, lambda f: f["verdict"] is None),
        ({"item_id": "himars"}, lambda f: f["item_id"] == "himars"),
        (
            {"category": "mlrs", "date_from": "2022-06"},
            lambda f: (
                f["category"] == "mlrs" and (f["date"] or f["article"]["published"]) >= "2022-06"
            ),
        ),
        (
            {"donor": "US", "q": "himars"},
            lambda f: f["donor"] == "US" and "himars" in f["evidence"]["text"].lower(),
        ),
        ({"status": "pledged", "verdict": "unreviewed"}, lambda f: f["status"] == "pledged"),
        ({"status": "pledged", "verdict": "confirmed"}, lambda f: False),
        ({"language": "fr"}, lambda f: f["article"]["language"] == "fr"),
        ({"language": "en"}, lambda f: f["article"]["language"] == "en"),
        ({"language": "fr", "donor": "US"}, lambda f: f["donor"] == "US"),
    ],
)
def test_facts_filters_keep_exactly_the_matching_facts(client, params, keep):
    every = all_facts(client)
    answer = client.get("/api/facts", params={**params, "limit": 500})
    assert answer.status_code == 200
    page = answer.json()
    assert [f["id"] for f in page["facts"]] == [f["id"] for f in every if keep(f)]
    assert page["total"] == len(page["facts"]) and not page["total_capped"]


@pytest.mark.parametrize(
    "params",
    [
        {"donor": "FR"},
        {"donor": "FR", "status": "refused"},
        {"donor": "FR", "date_from": "2021-01", "date_to": "2021-01"},
        {"donor": "FR", "q": "himars"},
        {"verdict": "corrected"},
        {"date_from": "2021-01", "date_to": "2021-01"},
    ],
)
def test_filters_find_a_corrected_fact_by_its_reviewed_values(signed_in, params):
    fact = next(
        f
        for f in all_facts(signed_in)
        if f["donor"] == "US" and "himars" in f["evidence"]["text"].lower()
    )
    changes = {"donor": "FR", "status": "refused", "date": "2021-01"}
    signed_in.post(
        f"/api/facts/{fact['id']}/review", json={"verdict": "corrected", "changes": changes}
    )
    found = [f["id"] for f in signed_in.get("/api/facts", params=params).json()["facts"]]
    assert found == [fact["id"]]
    for machine in [{"donor": "US", "status": fact["status"]}, {"donor": "US", "q": "himars"}]:
        found = [
            f["id"]
            for f in signed_in.get("/api/facts", params={**machine, "limit": 500}).json()["facts"]
        ]
        assert fact["id"] not in found


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "June"},
        {"date_to": "2022/06"},
        {"limit": 0},
        {"limit": 501},
        {"q": "x" * 201},
        {"before": "abc"},
    ],
)
def test_bad_filter_values_are_422(client, params):
    assert client.get("/api/facts", params=params).status_code == 422


def test_pages_follow_each_other_without_gap_or_repeat(client):
    every = [f["id"] for f in all_facts(client)]
    assert every == sorted(every, reverse=True) and len(every) > 20
    seen, before = [], None
    while True:
        params = {"limit": 7, **({"before": before} if before else {})}
        page = client.get("/api/facts", params=params).json()
        assert page["total"] == (len(every) if before is None else None)
        seen += [f["id"] for f in page["facts"]]
        before = page["next_before"]
        if before is None:
            break
    assert seen == every


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles",
        "/api/articles/{first}",
        "/api/stories/{first}",
        "/api/packages",
        "/api/packages/1",
        "/api/systems",
        "/api/systems/himars",
        "/api/dashboard",
        "/api/me",
        "/",
        "/facts",
        "/facts?donor=US&status=&date_from=&q=himars",
        "/articles",
        "/articles/{first}",
        "/stories/{first}",
        "/packages",
        "/packages/1",
        "/systems",
        "/systems/himars",
        "/login",
        "/docs",
        "/static/plotly.min.js",
        "/static/app.js",
        "/static/style.css",
    ],
)
def test_every_page_and_read_answers(client, doc_ids, path):
    assert client.get(path.format(first=doc_ids[FIRST])).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/facts/999999",
        "/api/articles/999999",
        "/api/stories/999999",
        "/api/packages/999999",
        "/api/systems/nothing",
        "/articles/999999",
    ],
)
def test_what_is_not_there_is_404(client, path):
    assert client.get(path).status_code == 404


def test_an_article_comes_with_its_facts_in_text_order(client, doc_ids):
    article = client.get(f"/api/articles/{doc_ids[FIRST]}").json()
    starts = [f["evidence"]["start"] for f in article["facts"]]
    assert starts == sorted(starts) and len(starts) == 10
    for fact in article["facts"]:
        span = fact["evidence"]
        assert article["text"][span["start"] : span["end"]] == span["text"]
    assert [a["doc"] for a in article["story_articles"]] == ["001_6748cdcc9e2a9403.txt"]


def test_the_dashboard_api_has_plotly_figures(client):
    """The report's charts (tracker/charts.py), then the two fact counts."""
    from aidwatch.web.dashboard import REPORT_CHARTS

    answer = client.get("/api/dashboard").json()
    figures = answer["figures"]
    report_titles = [title for title, _ in REPORT_CHARTS.values()]
    assert list(figures) == [*report_titles, "Facts per donor", "Facts per month"]
    for title, figure in figures.items():
        assert figure["data"] and "layout" in figure
        # Each chart says what it counts: records, facts or packages.
        assert any(word in answer["counted"][title] for word in ("Records", "Facts", "packages"))


def test_the_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/facts",
        "/api/facts/{fact_id}",
        "/api/articles/{article_id}",
        "/api/stories/{story_id}",
        "/api/packages/{package_id}",
        "/api/systems/{item_id}",
        "/api/dashboard",
        "/api/gold",
        "/api/login",
        "/api/facts/{fact_id}/review",
        "/api/articles/{article_id}/facts",
    ]:
        assert path in paths
    assert not any(not p.startswith("/api/") for p in paths)


# -- who may write ---------------------------------------------------------

WRITES = [
    ("/api/facts/1/review", {"verdict": "confirmed"}),
    ("/api/facts/1/review", {"verdict": "corrected", "changes": {"quantity": 3}}),
    ("/api/articles/1/facts", {"start": 0, "end": 5, "item_id": "himars", "status": "pledged"}),
    ("/api/logout", {}),
]


@pytest.mark.parametrize("path, body", WRITES)
def test_a_write_without_signing_in_is_401(client, path, body):
    assert client.post(path, json=body).status_code == 401
    assert all(f["verdict"] is None for f in all_facts(client))


@pytest.mark.parametrize("path, body", WRITES)
def test_a_write_without_the_csrf_token_is_403(signed_in, path, body):
    del signed_in.headers["X-CSRF-Token"]
    assert signed_in.post(path, json=body).status_code == 403
    signed_in.headers["X-CSRF-Token"] = "forged"
    assert signed_in.post(path, json=body).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/facts/1/confirm", "/facts/1/reject", "/facts/1/correct", "/articles/1/facts", "/logout"],
)
def test_a_form_post_without_its_csrf_field_is_403(signed_in, path):
    del signed_in.headers["X-CSRF-Token"]
    answer = signed_in.post(path, data={"start": 0, "end": 3, "csrf": "forged"})
    assert answer.status_code == 403


@pytest.mark.parametrize(
    "name, password", [("alice", "wrong password"), ("bob", "correct horse battery")]
)
def test_a_wrong_sign_in_is_401(client, name, password):
    answer = client.post("/api/login", json={"name": name, "password": password})
    assert answer.status_code == 401
    assert client.get("/api/me").json()["user"] is None


@pytest.mark.parametrize("path, body", [*WRITES, ("/api/login", {"name": "a", "password": "b"})])
def test_a_read_only_app_refuses_every_write(store_url, path, body):
    with TestClient(create_app(store_url, read_only=True)) as client:
        assert client.post(path, json=body).status_code == 403
        assert client.post("/login", data={"name": "alice", "password": "x"}).status_code == 403
        assert client.get("/api/facts").status_code == 200
        page = client.get("/articles/1").text
        assert "Confirm" not in page and "read-only" in page


@pytest.mark.parametrize(
    "body, headers",
    [
        (b'{"verdict": "confirmed", "pad": "' + b"x" * 70_000 + b'"}', {}),
        # No Content-Length: the limit counts what arrives.
        (iter([b'{"verdict": "confirmed", "pad": "', b"x" * 70_000, b'"}']), {}),
    ],
)
def test_an_oversized_body_is_413(signed_in, body, headers):
    answer = signed_in.post(
        "/api/facts/1/review",
        content=body,
        headers={"content-type": "application/json", **headers},
    )
    assert answer.status_code == 413
    assert all(f["verdict"] is None for f in all_facts(signed_in))


# -- reviewing through the API ---------------------------------------------


def test_review_through_the_api_keeps_history(signed_in):
    fact = all_facts(signed_in)[-1]
    first = signed_in.post(f"/api/facts/{fact['id']}/review", json={"verdict": "confirmed"})
    assert first.status_code == 200 and first.json()["verdict"] == "confirmed"
    second = signed_in.post(
        f"/api/facts/{fact['id']}/review",
        json={"verdict": "corrected", "changes": {"status": "delivered", "date": "2022-03"}},
    )
    assert second.json()["status"] == "delivered" and second.json()["date"] == "2022-03"
    history = signed_in.get(f"/api/facts/{fact['id']}").json()["history"]
    assert [(h["user"], h["action"]) for h in history] == [
        ("alice", "confirmed"),
        ("alice", "corrected"),
    ]
    assert history[1]["before"]["status"] == fact["status"]
    assert history[1]["after"]["status"] == "delivered"
    assert signed_in.get("/api/facts", params={"verdict": "corrected"}).json()["total"] == 1


@pytest.mark.parametrize(
    "body, status",
    [
        ({"verdict": "corrected", "changes": {"status": "given"}}, 422),
        ({"verdict": "corrected", "changes": {"quantity": "many"}}, 422),
        ({"verdict": "approved"}, 422),
    ],
)
def test_a_wrong_review_is_422(signed_in, body, status):
    assert signed_in.post("/api/facts/1/review", json=body).status_code == status


def test_a_fact_is_added_from_a_span_through_the_api(signed_in, doc_ids):
    article_id = doc_ids[FIRST]
    text = signed_in.get(f"/api/articles/{article_id}").json()["text"]
    start = text.index("Mi-17")
    answer = signed_in.post(
        f"/api/articles/{article_id}/facts",
        json={
            "start": start,
            "end": start + 5,
            "donor": "US",
            "item_id": "mi17",
            "status": "delivered",
        },
    )
    assert answer.status_code == 201, answer.text
    added = answer.json()
    assert (added["origin"], added["verdict"], added["evidence"]["text"]) == (
        "manual",
        "added",
        "Mi-17",
    )
    outside = signed_in.post(
        f"/api/articles/{article_id}/facts",
        json={"start": 0, "end": 10**6, "item_id": "mi17", "status": "delivered"},
    )
    assert outside.status_code == 422


def test_form_reviews_redirect_back_to_the_fact(signed_in, doc_ids):
    csrf = signed_in.headers.pop("X-CSRF-Token")
    article_id = doc_ids[FIRST]
    facts = signed_in.get(f"/api/articles/{article_id}").json()["facts"]
    confirmed = signed_in.post(
        f"/facts/{facts[0]['id']}/confirm", data={"csrf": csrf}, follow_redirects=False
    )
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == f"/articles/{article_id}#fact-{facts[0]['id']}"
    wrong = signed_in.post(
        f"/facts/{facts[1]['id']}/correct",
        data={"csrf": csrf, "item_id": facts[1]["item_id"], "item_name": facts[1]["item_name"],
              "category": facts[1]["category"], "status": "given"},
        follow_redirects=False,
    )  # fmt: skip
    assert wrong.status_code == 303 and "error=status" in wrong.headers["location"]
    page = signed_in.get(wrong.headers["location"]).text
    assert "status &#39;given&#39; is not one of" in page


# -- escaping ----------------------------------------------------------------


def test_article_markup_is_escaped_on_every_page(client, doc_ids, hostile_text):
    article_id = doc_ids["hostile.txt"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["text"] == hostile_text and article["facts"]
    for path in [f"/articles/{article_id}", "/facts", f"/stories/{article_id}"]:
        answer = client.get(path)
        assert "<script>window.__pwned" not in answer.text
        assert "<img src=x" not in answer.text
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in page


def test_pages_forbid_scripts_from_elsewhere(client):
    answer = client.get("/")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert answer.headers["x-content-type-options"] == "nosniff"
    # No inline script anywhere: every <script> has a src.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", answer.text)


def test_the_session_cookie_is_httponly_and_samesite_strict(client):
    answer = client.post("/api/login", json={"name": "alice", "password": "correct horse battery"})
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


# -- gold export -----------------------------------------------------------


def test_reviewed_articles_export_as_gold(signed_in, doc_ids):
    article_id = doc_ids["001_6748cdcc9e2a9403.txt"]
    facts = signed_in.get(f"/api/articles/{article_id}").json()["facts"]
    for fact in facts:
        signed_in.post(f"/api/facts/{fact['id']}/review", json={"verdict": "confirmed"})
    lines = signed_in.get("/api/gold").text.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc"] for r in records] == ["001_6748cdcc9e2a9403.txt"]
    assert record_problem(records[0], gold=True) is None
    assert len(records[0]["facts"]) == len(facts)


def test_an_anonymous_reader_gets_no_cookie_until_the_sign_in_form(client, doc_ids):
    for path in ["/", "/facts", f"/articles/{doc_ids[FIRST]}", "/api/facts"]:
        assert "set-cookie" not in client.get(path).headers
    assert "set-cookie" in client.get("/login").headers


def test_the_dashboard_follows_a_review(signed_in):
    """Its figures are kept between requests, and made again once a review
    changes the store: a fact rejected leaves the status counts."""

    def counted(figures) -> int:
        by_donor = figures["Facts per donor"]["data"]
        return sum(sum(bar["y"]) for bar in by_donor)

    before = signed_in.get("/api/dashboard").json()["figures"]
    assert signed_in.get("/api/dashboard").json()["figures"] == before
    fact = all_facts(signed_in)[0]
    signed_in.post(f"/api/facts/{fact['id']}/review", json={"verdict": "rejected"})
    after = signed_in.get("/api/dashboard").json()["figures"]
    assert counted(after) == counted(before) - 1


# -- one declaration, every door -----------------------------------------------
# The filters are declared once (queries.FactFilter) and the edited values
# once (the store's REVIEWED columns): a value past its declared limit is
# refused the same way through each door that takes it.


@pytest.mark.parametrize(
    "name, value",
    [
        ("donor", "X" * 9),
        ("category", "x" * 41),
        ("status", "x" * 17),
        ("date_from", "June 2022"),
        ("date_to", "2022-6"),
        ("q", "x" * 201),
        ("verdict", "x" * 17),
        ("item_id", "x" * 65),
    ],
)
@pytest.mark.parametrize("door", ["/api/facts", "/facts"])
def test_a_filter_past_its_declaration_is_422_on_the_api_and_the_page(client, door, name, value):
    answer = client.get(door, params={name: value})
    assert answer.status_code == 422
    assert name in json.dumps(answer.json()["detail"])


@pytest.mark.parametrize("name", TYPED)
@pytest.mark.parametrize("door", ["api", "form"])
def test_an_edited_value_past_its_column_is_422_through_the_api_and_the_form(signed_in, name, door):
    too_long = "1" * (LIMITS[name] + 1)
    if door == "api":
        value = int(too_long) if name == "quantity" else too_long
        answer = signed_in.post(
            "/api/facts/1/review", json={"verdict": "corrected", "changes": {name: value}}
        )
    else:
        answer = signed_in.post(
            "/facts/1/correct",
            data={name: too_long, "csrf": signed_in.headers["X-CSRF-Token"]},
            follow_redirects=False,
        )
    assert answer.status_code == 422
    assert all(f["verdict"] is None for f in all_facts(signed_in))

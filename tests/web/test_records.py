"""The tracker's records in the web app (/records, /api/records), the lists of
stories and articles, and what a browser or a monitor asks of any site:
HEAD, a favicon, API documentation that loads from the app itself."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from aidwatch.store import open_store
from aidwatch.store.schema import facts
from aidwatch.tracker import build_tracker


@pytest.fixture
def tracker(store_url):
    engine = open_store(store_url)
    try:
        return build_tracker(engine)
    finally:
        engine.dispose()


def within(when, start, end) -> bool:
    return when is not None and (when >= start or start.startswith(when)) and when <= end + "-99"


@pytest.mark.parametrize(
    "params, keep",
    [
        ({}, lambda r: True),
        ({"donor": "US"}, lambda r: r.donor == "US"),
        ({"donor": "none"}, lambda r: r.donor is None),
        ({"status": "delivered"}, lambda r: r.status == "delivered"),
        ({"category": "mlrs"}, lambda r: r.category == "mlrs"),
        ({"item_id": "himars"}, lambda r: r.item_id == "himars"),
        ({"donor": "US", "status": "pledged"}, lambda r: (r.donor, r.status) == ("US", "pledged")),
        ({"date_from": "2022-06", "date_to": "2022-12"}, lambda r: within(r.when, "2022-06", "2022-12")),
        ({"q": "himars"}, lambda r: any("himars" in s.evidence.lower() for s in r.sources)),
    ],
)  # fmt: skip
def test_records_filters_keep_exactly_the_matching_records(client, tracker, params, keep):
    answer = client.get("/api/records", params=params).json()
    expected = {r.id for r in tracker.records if keep(r)}
    assert {r["id"] for r in answer["records"]} == expected
    assert answer["total"] == len(expected)
    # The page shows the same records.
    page = client.get("/records", params=params).text
    assert set(re.findall(r'data-record="([^"]+)"', page)) == expected


def test_a_record_comes_with_its_sources_evidence_and_counts(client, tracker):
    record = max(tracker.records, key=lambda r: r.corroboration)
    assert record.corroboration > 1  # the dev set has a record several articles report
    data = client.get(f"/api/records/{record.id}").json()
    assert [s["evidence"] for s in data["sources"]] == [s.evidence for s in record.sources]
    assert (data["corroboration"], data["stories"]) == (record.corroboration, record.stories)
    page = client.get(f"/records/{record.id}").text
    for source in record.sources:
        assert f'href="/articles/{source.article_id}?record={record.id}"' in page


def test_a_delivery_links_to_the_pledge_it_fulfils_and_back(client, tracker):
    delivery = next(r for r in tracker.records if r.fulfils)
    assert client.get(f"/api/records/{delivery.id}").json()["fulfils"] == delivery.fulfils
    pledge = client.get(f"/api/records/{delivery.fulfils}").json()
    assert delivery.id in pledge["fulfilled_by"]
    assert f'href="/records/{delivery.fulfils}"' in client.get(f"/records/{delivery.id}").text


def test_conflicting_figures_are_shown_on_the_record(signed_in, store_url, tracker):
    # Two reports of one commitment, corrected to two different counts.
    record = next(r for r in tracker.records if len(r.sources) >= 2)
    engine = open_store(store_url)
    with engine.connect() as connection:
        fact_ids = [
            connection.scalar(
                select(facts.c.id).where(
                    facts.c.article_id == source.article_id,
                    facts.c.item_id == record.item_id,
                    facts.c.status == record.status,
                )
            )
            for source in record.sources[:2]
        ]
    engine.dispose()
    for fact_id, quantity in zip(fact_ids, (10, 12), strict=True):
        answer = signed_in.post(
            f"/api/facts/{fact_id}/review",
            json={"verdict": "corrected", "changes": {"quantity": quantity}},
        )
        assert answer.status_code == 200, answer.text
    (disputed,) = [r for r in build_tracker_at(store_url).records if r.id == record.id]
    assert [c.field for c in disputed.conflicts] == ["quantity"]
    data = signed_in.get(f"/api/records/{record.id}").json()
    assert [c["text"] for c in data["conflicts"]] == [str(c) for c in disputed.conflicts]


def build_tracker_at(url: str):
    engine = open_store(url)
    try:
        return build_tracker(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("path", ["/", "/systems", "/systems/himars", "/packages", "/facts"])
def test_records_are_linked_from_the_pages_an_analyst_starts_on(client, path):
    assert re.search(r'href="/records[?"]', client.get(path).text)


def test_an_unknown_record_is_404(client):
    assert client.get("/records/XX-nothing-pledged-1900").status_code == 404
    assert client.get("/api/records/XX-nothing-pledged-1900").status_code == 404


def test_stories_list_each_story_once_with_its_articles(client, doc_ids):
    stories = client.get("/api/stories").json()
    ids = [s["id"] for s in stories]
    assert len(ids) == len(set(ids)) > 0
    assert sum(s["articles"] for s in stories) == len(
        [a for a in client.get("/api/articles").json() if a["story"] is not None]
    )
    page = client.get("/stories").text
    for story in stories:
        assert f'href="/stories/{story["id"]}"' in page


@pytest.mark.parametrize("link", ["/records", "/stories", "/articles", "/facts", "/docs"])
def test_the_menu_links_every_list(client, link):
    menu = re.search(r"<nav>(.*?)</nav>", client.get("/").text, re.S).group(1)
    assert f'href="{link}"' in menu


@pytest.mark.parametrize("path", ["/", "/records", "/articles/1", "/api/facts"])
def test_head_answers_as_get_without_a_body(client, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_the_favicon_is_there(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200 and answer.content.startswith(b"<svg")
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").text


def test_api_docs_load_everything_from_the_app(client):
    page = client.get("/docs").text
    assert "http" not in page.replace('lang="en"', "")  # no CDN, no other site
    for src in re.findall(r'(?:src|href)="(/[^"]+)"', page):
        assert client.get(src).status_code == 200, src
    assert "<script>" not in page  # the CSP runs no inline script


def test_a_rejected_fact_leaves_the_records_at_once(signed_in, tracker):
    """The records are kept between requests, and made again after a review."""
    record = next(r for r in tracker.records if r.corroboration == 1)
    assert signed_in.get(f"/api/records/{record.id}").status_code == 200
    source = record.sources[0]
    facts = signed_in.get(f"/api/articles/{source.article_id}").json()["facts"]
    for fact in facts:
        if (fact["item_id"], fact["status"], fact["donor"]) == (
            record.item_id,
            record.status,
            record.donor,
        ):
            answer = signed_in.post(f"/api/facts/{fact['id']}/review", json={"verdict": "rejected"})
            assert answer.status_code == 200
    assert signed_in.get(f"/api/records/{record.id}").status_code == 404
    assert record.id not in {r["id"] for r in signed_in.get("/api/records").json()["records"]}


def test_a_source_link_outlines_the_records_facts_in_the_article(client, tracker):
    record = max(tracker.records, key=lambda r: r.corroboration)
    for source in record.sources:
        page = client.get(f"/articles/{source.article_id}", params={"record": record.id}).text
        outlined = re.findall(r'class="fact [^"]*of-record" id="fact-(\d+)"', page)
        assert outlined, source.doc
        facts = client.get(f"/api/articles/{source.article_id}").json()["facts"]
        for fact in facts:
            if str(fact["id"]) in outlined:
                assert (fact["item_id"], fact["status"]) == (record.item_id, record.status)
                assert fact["evidence"]["text"] == source.evidence


def test_the_records_page_shows_the_newest_when_there_are_too_many(client, tracker, monkeypatch):
    from aidwatch.web import pages

    monkeypatch.setattr(pages, "RECORDS_SHOWN", 5)
    page = client.get("/records").text
    newest = client.get("/api/records").json()["records"][:5]
    assert re.findall(r'data-record="([^"]+)"', page) == [r["id"] for r in newest]
    assert f"{len(tracker.records)} records (the newest 5 shown" in page

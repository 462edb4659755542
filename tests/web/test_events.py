"""The event page and its API: the write-ups of one event grouped by story,
their facts side by side, the figures they disagree on."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from aidwatch.run import ingest
from aidwatch.store.schema import articles
from aidwatch.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "events"


@pytest.fixture(scope="module")
def event_store(tmp_path_factory) -> tuple[str, dict[str, tuple[int, int]]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('events') / 'store.db'}"
    ingest([EXAMPLES], url)
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(articles.c.doc, articles.c.id, articles.c.event))
        ids = {row.doc: (row.id, row.event) for row in rows}
    engine.dispose()
    return url, ids


@pytest.fixture
def client(event_store):
    with TestClient(create_app(event_store[0], secret_key="test")) as client:
        yield client


def test_the_four_write_ups_are_one_event_and_the_other_news_its_own(event_store):
    ids = event_store[1]
    leopard = {ids[doc][1] for doc in ("scholz.txt", "scholz-reprint.txt", "berlin.txt")}
    assert leopard == {ids["bundestag.txt"][1]}
    assert ids["caesar.txt"][1] != ids["berlin.txt"][1]


def test_the_event_api_groups_by_story_and_names_the_disagreement(client, event_store):
    event = event_store[1]["berlin.txt"][1]
    answer = client.get(f"/api/events/{event}").json()
    assert sorted(len(story["articles"]) for story in answer["stories"]) == [1, 1, 2]
    shared = {(f["donor"], f["item_id"], f["status"]): f for f in answer["shared"]}
    leopard = shared[("DE", "leopard2a6", "pledged")]
    assert leopard["stories"] == 3
    assert leopard["disagree"] == ["date"]


def test_the_event_page_shows_each_story_and_the_disputed_figure(client, event_store):
    event = event_store[1]["berlin.txt"][1]
    html = client.get(f"/events/{event}").text
    assert html.count('class="event-story"') == 3
    assert "DE Leopard 2A6 pledged: not the same date" in html
    assert "joined: shared facts: DE leopard2a6 pledged" in html


def test_an_article_links_to_its_event_and_carries_it_in_the_api(client, event_store):
    article, event = event_store[1]["bundestag.txt"]
    assert f'href="/events/{event}"' in client.get(f"/articles/{article}").text
    assert client.get(f"/api/articles/{article}").json()["event"] == event


@pytest.mark.parametrize("path", ["/events/999999", "/api/events/999999", "/events/x"])
def test_an_unknown_event_is_an_error_page_not_a_traceback(client, path):
    assert client.get(path).status_code in (404, 422)

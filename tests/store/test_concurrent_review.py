"""Several reviewers at once, on each backend, against the app served by
uvicorn on a loopback port and reached over HTTP from real threads: every
write succeeds or is told to retry (409), none is lost, and the history has
one row per success, each `before` the previous `after`.

The store is built by hand (`hand_built`: one article, `FACTS` facts,
`REVIEWERS` users) so the test spends its time on the writes, not on
extraction."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func, select

from aidwatch.store import open_store
from aidwatch.store.schema import fact_history, fact_reviews

REVIEWERS = 8
FACTS = 80
PASSWORD = "correct horse battery"  # conftest's HAND_PASSWORD


@pytest.fixture
def served(store_url, hand_built, serve):
    """(base URL, store URL, fact ids): the app on a fresh store, served by uvicorn."""
    from aidwatch.web.app import create_app

    fact_ids = hand_built(store_url, FACTS, tuple(f"reviewer{n}" for n in range(REVIEWERS)))
    app = create_app(store_url, secret_key="concurrency-test")
    with serve(app) as base:
        yield base, store_url, fact_ids
    app.state.engine.dispose()


def _reviewer(base: str, n: int) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    answer = client.post("/api/login", json={"name": f"reviewer{n}", "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    client.headers["X-CSRF-Token"] = answer.json()["csrf"]
    return client


def _all_at_once(base: str, work) -> list:
    """`work(client, n)` for each reviewer, all started together; their results."""
    clients = [_reviewer(base, n) for n in range(REVIEWERS)]
    start = threading.Barrier(REVIEWERS)

    def run(n):
        start.wait()
        return work(clients[n], n)

    try:
        with ThreadPoolExecutor(REVIEWERS) as pool:
            return list(pool.map(run, range(REVIEWERS)))
    finally:
        for client in clients:
            client.close()


def _history(url: str) -> dict[int, list]:
    engine = open_store(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(fact_history).order_by(fact_history.c.id)).all()
            reviews = connection.scalar(select(func.count()).select_from(fact_reviews))
    finally:
        engine.dispose()
    by_fact: dict[int, list] = {}
    for row in rows:
        by_fact.setdefault(row.fact_id, []).append(row)
    return by_fact, reviews


def test_reviewers_of_different_facts_all_succeed(served):
    base, url, fact_ids = served

    def confirm_ten(client, n):
        return [
            client.post(
                f"/api/facts/{fact_id}/review", json={"verdict": "confirmed", "version": 0}
            ).status_code
            for fact_id in fact_ids[n::REVIEWERS]
        ]

    statuses = [s for answers in _all_at_once(base, confirm_ten) for s in answers]
    assert statuses == [200] * FACTS
    history, reviews = _history(url)
    assert (reviews, sorted(history)) == (FACTS, fact_ids)
    assert all(len(rows) == 1 for rows in history.values())


def test_reviewers_of_one_fact_lose_no_write(served):
    """Each reviewer corrects the same fact three times, reading its version
    first and retrying on 409: every correction lands once, in some order,
    and the history chains (each `before` is the previous `after`)."""
    base, url, fact_ids = served
    fact_id = fact_ids[0]
    rounds = 3

    def correct_thrice(client, n):
        conflicts = 0
        for r in range(rounds):
            while True:
                seen = client.get(f"/api/facts/{fact_id}").json()["version"]
                answer = client.post(
                    f"/api/facts/{fact_id}/review",
                    json={
                        "verdict": "corrected",
                        "changes": {"quantity": 1000 * (n + 1) + r},
                        "version": seen,
                    },
                )
                if answer.status_code != 409:
                    assert answer.status_code == 200, answer.text
                    assert answer.json()["version"] == seen + 1
                    break
                assert "reload it and review again" in answer.json()["detail"]
                conflicts += 1
        return conflicts

    _all_at_once(base, correct_thrice)
    history, _ = _history(url)
    rows = history[fact_id]
    assert len(rows) == REVIEWERS * rounds
    quantities = [json.loads(row.after)["quantity"] for row in rows]
    assert sorted(quantities) == sorted(
        1000 * (n + 1) + r for n in range(REVIEWERS) for r in range(rounds)
    )
    assert rows[0].before is not None and json.loads(rows[0].before)["verdict"] is None
    for previous, row in zip(rows, rows[1:], strict=False):
        assert json.loads(row.before) == json.loads(previous.after)


def test_a_stale_version_is_409_and_writes_nothing(served):
    base, url, fact_ids = served
    client = _reviewer(base, 0)
    path = f"/api/facts/{fact_ids[1]}/review"
    answers = [
        client.post(path, json={"verdict": "confirmed", "version": version}).status_code
        for version in (0, 0, 1, 5)
    ]
    client.close()
    assert answers == [200, 409, 200, 409]
    history, _ = _history(url)
    assert len(history[fact_ids[1]]) == 2

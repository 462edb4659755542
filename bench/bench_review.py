"""Reviewers at once: how many can write through the API without a write lost.

    python bench/bench_review.py [--reviewers 8 32 64] [--facts-each 10]
                                 [--rounds 3] [--workers 2] [--db URL]

For each count of reviewers, a fresh store (default: a SQLite file in a
temporary directory; `--db postgresql://.../NAME` uses that database, which
must be empty) gets one article, `reviewers × facts-each` facts and one user
per reviewer; `aidwatch serve --workers W` is started on a loopback port and
the reviewers (threads, one HTTP connection each, all released together)
sign in, then:

- **spread**: each confirms `facts-each` facts of their own, sending version 0;
- **one fact**: each corrects the same fact `rounds` times, reading its
  version first and retrying on 409.

Printed per run: writes that succeeded, 409s (told to retry), 503s (the
server busy: every connection of its pool taken; retried after a second),
other errors (any other status, or 0 for a failed connection, listed),
writes/s, and whether the
history holds one row per success with each `before` equal to the previous
`after` (no write lost). No asserts: the target is 0 errors, 0 lost.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx
from bench_web import free_port, start_server  # a script beside this one
from sqlalchemy import delete, insert, select

from aidwatch.store import open_store
from aidwatch.store.schema import articles, fact_history, facts, metadata
from aidwatch.store.users import add_user

PASSWORD = "correct horse battery"
TEXT = "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé le gouvernement allemand."


def build(url: str, reviewers: int, fact_count: int) -> list[int]:
    engine = open_store(url)
    with engine.connect() as connection:
        with connection.begin():
            for table in reversed(metadata.sorted_tables):
                connection.execute(delete(table))
            article_id = connection.execute(
                insert(articles).values(
                    doc="a.txt",
                    source="a.txt",
                    language="fr",
                    published="2023-01",
                    published_inferred=False,
                    text=TEXT,
                    text_hash="0" * 64,
                    relevant=True,
                    ingested_at=datetime.now(UTC),
                )
            ).inserted_primary_key[0]
            connection.execute(
                insert(facts),
                [
                    {
                        "article_id": article_id,
                        "position": n,
                        "donor": "DE",
                        "item_id": "leopard2a6",
                        "item_name": "Leopard 2A6",
                        "category": "main_battle_tank",
                        "specific": True,
                        "status": "pledged",
                        "quantity": n + 1,
                        "quantity_kind": "exact",
                        "evidence_text": TEXT,
                        "evidence_start": 0,
                        "evidence_end": len(TEXT),
                    }
                    for n in range(fact_count)
                ],
            )
        for n in range(reviewers):
            add_user(connection, f"reviewer{n}", PASSWORD)
        with connection.begin():
            ids = list(connection.scalars(select(facts.c.id).order_by(facts.c.id)))
    engine.dispose()
    return ids


def serve(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    # One secret for all the workers: a session signed by one is read by another.
    port = free_port()
    env = {**os.environ, "AIDWATCH_SECRET_KEY": "bench"}
    return start_server(url, port, workers, env), f"http://127.0.0.1:{port}"


def at_once(base: str, reviewers: int, work) -> list:
    clients = []
    for n in range(reviewers):
        client = httpx.Client(base_url=base, timeout=120)
        answer = client.post("/api/login", json={"name": f"reviewer{n}", "password": PASSWORD})
        answer.raise_for_status()
        client.headers["X-CSRF-Token"] = answer.json()["csrf"]
        clients.append(client)
    start = threading.Barrier(reviewers)

    def run(n):
        start.wait()
        return work(clients[n], n)

    with ThreadPoolExecutor(reviewers) as pool:
        results = list(pool.map(run, range(reviewers)))
    for client in clients:
        client.close()
    return results


def post(client, path, body) -> int:
    try:
        return client.post(path, json=body).status_code
    except httpx.HTTPError as error:
        print(f"  {type(error).__name__}: {error}", file=sys.stderr)
        return 0


def chained(url: str) -> tuple[int, bool]:
    """History rows, and whether each fact's history chains (no write lost)."""
    engine = open_store(url)
    with engine.connect() as connection:
        rows = connection.execute(select(fact_history).order_by(fact_history.c.id)).all()
    engine.dispose()
    by_fact: dict[int, list] = {}
    for row in rows:
        by_fact.setdefault(row.fact_id, []).append(row)
    ok = all(
        json.loads(b.before) == json.loads(a.after)
        for chain in by_fact.values()
        for a, b in zip(chain, chain[1:], strict=False)
    )
    return len(rows), ok


def run(url: str, reviewers: int, each: int, rounds: int, workers: int) -> None:
    ids = build(url, reviewers, reviewers * each)
    server, base = serve(url, workers)
    try:
        started = time.perf_counter()
        spread = at_once(
            base,
            reviewers,
            lambda client, n: [
                post(client, f"/api/facts/{i}/review", {"verdict": "confirmed", "version": 0})
                for i in ids[n::reviewers]
            ],
        )
        spread_time = time.perf_counter() - started
        statuses = [s for answers in spread for s in answers]
        history, ok = chained(url)
        report("spread", reviewers, statuses, spread_time, history, ok)

        target = ids[0]

        def correct(client, n):
            statuses = []
            for r in range(rounds):
                while True:
                    try:
                        read = client.get(f"/api/facts/{target}")
                    except httpx.HTTPError:
                        statuses.append(0)
                        break
                    if read.status_code == 503:  # busy: counted, retried
                        statuses.append(503)
                        time.sleep(1)
                        continue
                    if read.status_code != 200:
                        statuses.append(read.status_code)
                        break
                    seen = read.json()["version"]
                    body = {
                        "verdict": "corrected",
                        "changes": {"quantity": 1000 * (n + 1) + r},
                        "version": seen,
                    }
                    status = post(client, f"/api/facts/{target}/review", body)
                    statuses.append(status)
                    if status not in (409, 503):
                        break
                    if status == 503:
                        time.sleep(1)  # its Retry-After
            return statuses

        started = time.perf_counter()
        one = at_once(base, reviewers, correct)
        one_time = time.perf_counter() - started
        statuses = [s for answers in one for s in answers]
        history_after, ok = chained(url)
        report("one fact", reviewers, statuses, one_time, history_after - history, ok)
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(name, reviewers, statuses, seconds, history, ok) -> None:
    done = statuses.count(200)
    conflicts = statuses.count(409)
    busy = statuses.count(503)
    errors = sorted(set(statuses) - {200, 409, 503})
    failed = len(statuses) - done - conflicts - busy
    print(
        f"| {reviewers} | {name} | {done} | {conflicts} | {busy} |"
        f" {failed}{f' {errors}' if errors else ''} | {done / seconds:.0f} |"
        f" {history} rows, {'chained' if ok else 'BROKEN'} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reviewers", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--facts-each", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", help="default: a SQLite file in a temporary directory")
    args = parser.parse_args()
    print(
        "| reviewers | writes | succeeded | 409 (retried) | 503 busy (retried) | errors"
        " | writes/s | history |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for reviewers in args.reviewers:
            url = args.db or f"sqlite:///{Path(folder) / f'review-{reviewers}.db'}"
            run(url, reviewers, args.facts_each, args.rounds, args.workers)


if __name__ == "__main__":
    main()

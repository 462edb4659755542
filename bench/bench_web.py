"""Web app latency under load: the facts API and the article page, 32 clients, 100,000 facts.

    python bench/bench_web.py [--facts 100000] [--clients 32] [--seconds 20]
                              [--workers 2] [--db URL] [--reuse]

A store of `--facts` facts is generated (default: a new SQLite file in a
temporary directory): the five dev articles are ingested once, then their
articles and facts are copied over and over with SQLAlchemy inserts, each
copy a new article (its text made unique) whose facts get another donor,
month and, one copy in three, another status, so that filters select
realistic shares. A few hundred facts are reviewed (confirmed or corrected)
so the reviewed view's join has rows to find. `aidwatch serve` is then
started in a subprocess on a loopback port with `--workers` processes, and
`--clients` concurrent clients (asyncio, one kept-alive connection each) send requests for
`--seconds`: half to /api/facts with a filter drawn from a fixed list
(none, donor, status + category, date range, words in the evidence, a later
page), half to /articles/{id} (the HTML page with highlighted evidence) of a
random article.

Printed: the store's size and build time, then per kind of request and in
total: requests, requests/s, p50 / p99 latency and errors (any status but
200, or a failed connection). No asserts: the target is p99 < 200 ms with
no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from aidwatch.run import ingest
from aidwatch.store import open_store
from aidwatch.store.schema import articles, fact_reviews, facts, users

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"
DONORS = ["US", "DE", "GB", "FR", "PL", "NL", "DK", "SE", "NO", "CA", "IT", "ES", "CZ", "EU", None]
STATUSES = ["pledged", "delivered", "considered", "requested", "procured"]
MONTHS = [f"{year}-{month:02d}" for year in (2022, 2023, 2024) for month in range(1, 13)]
FILTERS = [
    "",
    "donor=DE",
    "donor=US&status=delivered",
    "status=pledged&category=main_battle_tank",
    "date_from=2023-01&date_to=2023-06",
    "q=himars",
    "category=howitzer&date_from=2024",
]


def build_store(url: str, target: int, seed: int) -> None:
    """The dev articles ingested, then copied until the store holds `target` facts."""
    rng = random.Random(seed)
    ingest([DEV_ARTICLES], url)
    engine = open_store(url)
    with engine.connect() as connection:
        with connection.begin():
            templates = connection.execute(select(articles).where(articles.c.relevant)).all()
            owned = {
                row.id: connection.execute(
                    select(facts).where(facts.c.article_id == row.id).order_by(facts.c.position)
                ).all()
                for row in templates
            }
            count = connection.scalar(select(func.count()).select_from(facts))
            next_id = connection.scalar(select(func.max(articles.c.id))) + 1
        copy = 0
        while count < target:
            with connection.begin():
                article_rows, fact_rows = [], []
                for _ in range(500):
                    template = templates[copy % len(templates)]
                    copy += 1
                    donor = rng.choice(DONORS)
                    month = rng.choice(MONTHS)
                    article = template._asdict()
                    article.update(
                        id=next_id,
                        doc=f"copy{copy:06d}_{template.doc}",
                        text=f"{template.text}\n\n(copie {copy})",
                        text_hash=f"{copy:064d}",
                        story=next_id,
                        published=month,
                        ingested_at=datetime.now(UTC),
                    )
                    article_rows.append(article)
                    for fact in owned[template.id]:
                        if count >= target:
                            break
                        row = fact._asdict()
                        del row["id"]
                        row.update(
                            article_id=next_id,
                            donor=donor if row["donor"] else None,
                            date=month + row["date"][7:] if row["date"] else None,
                        )
                        if copy % 3 == 0:
                            row["status"] = rng.choice(STATUSES)
                        fact_rows.append(row)
                        count += 1
                    next_id += 1
                    if count >= target:
                        break
                connection.execute(insert(articles), article_rows)
                connection.execute(insert(facts), fact_rows)
        with connection.begin():
            user_id = connection.execute(
                insert(users).values(name="bench", password_hash="x", created_at=datetime.now(UTC))
            ).inserted_primary_key[0]
            sample = connection.execute(
                select(facts).order_by(func.random()).limit(max(1, target // 300))
            ).all()
            connection.execute(
                insert(fact_reviews),
                [
                    {
                        "fact_id": f.id,
                        "article_id": f.article_id,
                        "verdict": "confirmed" if n % 2 else "corrected",
                        "donor": f.donor,
                        "item_id": f.item_id,
                        "item_name": f.item_name,
                        "category": f.category,
                        "specific": f.specific,
                        "status": f.status if n % 2 else "delivered",
                        "quantity": f.quantity,
                        "quantity_kind": f.quantity_kind,
                        "date": f.date,
                        "user_id": user_id,
                        "reviewed_at": datetime.now(UTC),
                    }
                    for n, f in enumerate(sample)
                ],
            )
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, port: int, workers: int, env: dict | None = None) -> subprocess.Popen:
    """`aidwatch serve` on the store at `url`, once it answers (bench_review.py
    too; `env`: the server's environment, this one's if None)."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aidwatch.cli",
            "serve",
            "--db",
            url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
    )
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/me", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


async def get(reader, writer, path: str) -> int:
    """One GET on a kept-alive connection; the status. A few lines of HTTP/1.1
    instead of an HTTP library, so that the clients, on the same cores as the
    server, take as little of them as they can."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (
            int(line.split(":", 1)[1])
            for line in lines
            if line.lower().startswith("content-length:")
        ),
        None,
    )
    if length is None:
        raise ConnectionError(f"{path}: no Content-Length")
    await reader.readexactly(length)
    return status


async def load(port: int, clients: int, seconds: float, article_ids: list[int], seed: int):
    rng = random.Random(seed)
    results: dict[str, list[float]] = {"facts API": [], "article page": []}
    errors: dict[str, int] = {"facts API": 0, "article page": 0}
    stop = time.monotonic() + seconds

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.monotonic() < stop:
            if rng.random() < 0.5:
                kind = "facts API"
                query = rng.choice(FILTERS)
                if rng.random() < 0.2:
                    query += f"&before={rng.randint(1000, 90_000)}"
                path = f"/api/facts?{query}"
            else:
                kind = "article page"
                path = f"/articles/{rng.choice(article_ids)}"
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(get(reader, writer, path), 30)
                ok = status == 200
                if not ok:
                    print(f"{path}: {status}", file=sys.stderr)
            except (OSError, asyncio.IncompleteReadError, ConnectionError, TimeoutError) as error:
                print(f"{path}: {type(error).__name__} {error}", file=sys.stderr)
                ok = False
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            results[kind].append(time.perf_counter() - started)
            errors[kind] += not ok
        writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return results, errors


def report(results: dict[str, list[float]], errors: dict[str, int], seconds: float) -> None:
    print(f"{'':14} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    everything = [t for times in results.values() for t in times]
    for kind, times in [*results.items(), ("all", everything)]:
        errs = sum(errors.values()) if kind == "all" else errors[kind]
        if not times:
            continue
        cuts = statistics.quantiles(times, n=100, method="inclusive")
        print(
            f"{kind:14} {len(times):9d} {len(times) / seconds:8.0f} "
            f"{cuts[49] * 1000:8.1f} {cuts[98] * 1000:8.1f} {errs:7d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", help="store URL (default: a new SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="use --db as it is, build nothing")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="aidwatch-bench-web-")
    url = args.db or f"sqlite:///{directory}/bench.db"
    if not args.reuse:
        started = time.perf_counter()
        build_store(url, args.facts, args.seed)
        print(f"store built in {time.perf_counter() - started:.1f} s: {url}")
    engine = open_store(url)
    with engine.connect() as connection:
        n_facts = connection.scalar(select(func.count()).select_from(facts))
        article_ids = list(connection.scalars(select(articles.c.id)))
    engine.dispose()
    if url.startswith("sqlite:///"):
        size = os.path.getsize(url.removeprefix("sqlite:///")) / 2**20
        print(f"{n_facts:,} facts in {len(article_ids):,} articles, {size:.0f} MiB (SQLite)")
    else:
        print(f"{n_facts:,} facts in {len(article_ids):,} articles")
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        # A short warm-up: first requests load templates and fill caches.
        asyncio.run(load(port, 4, 2, article_ids, args.seed + 1))
        results, errors = asyncio.run(
            load(port, args.clients, args.seconds, article_ids, args.seed)
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"{args.clients} clients for {args.seconds:.0f} s, server: {args.workers} uvicorn "
        f"workers on 127.0.0.1, {os.cpu_count()} cores shared with the clients"
    )
    report(results, errors, args.seconds)


if __name__ == "__main__":
    main()

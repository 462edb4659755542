"""Fixtures of the store tests: fresh stores on each backend, a generated
corpus, table dumps that two stores can be compared by (ids and ingestion
times left out, every row keyed by its article's text hash), and the stored
articles as `aidwatch extract` records. Given as fixtures because test modules
cannot import this one.

A test that asks for `backend` (or a fixture built on it: `new_store`,
`store_url`, `module_store`) runs once on SQLite and once on PostgreSQL. The
PostgreSQL run needs a real server: `AIDWATCH_TEST_PG_URL` names a database
on it (`.ci/run` starts a throwaway one and sets it), through which each test
creates databases of its own and drops them afterwards. Without the variable
the PostgreSQL runs are skipped, never faked."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from aidwatch.store.schema import (
    articles,
    event_merges,
    events,
    facts,
    packages,
    signatures,
    totals,
)
from tests.extract.cases_fr import CASES

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"


# Long enough for a MinHash signature: articles that share one form a story.
BACKGROUNDS = [
    "Depuis le début de l'invasion russe en février 2022, les alliés occidentaux ont fourni à "
    "l'Ukraine des dizaines de milliards d'euros d'équipements, des munitions d'artillerie aux "
    "systèmes de défense antiaérienne, tout en refusant longtemps les armes de longue portée "
    "capables de frapper le territoire russe, par crainte d'une escalade du conflit.",
    "Réunis à la base aérienne de Ramstein, en Allemagne, les ministres de la Défense d'une "
    "cinquantaine de pays ont promis de nouvelles livraisons pour l'hiver, alors que Kiev "
    "réclame avant tout des obus et des systèmes capables d'intercepter les missiles et les "
    "drones que la Russie lance chaque nuit sur ses villes et ses centrales électriques.",
]
OFF_TOPIC = [
    "Le club de football de la ville a remporté dimanche son {n}e match de la saison devant un "
    "public enthousiaste, grâce à un but inscrit dans les dernières minutes par son attaquant.",
    "La récolte de raisin s'annonce abondante cette année dans le Bordelais, où les vignerons "
    "ont commencé les vendanges avec {n} jours d'avance sur le calendrier habituel.",
    "Le festival de jazz a accueilli {n} musiciens venus de toute l'Europe pour trois soirées "
    "de concerts en plein air, malgré une météo capricieuse.",
]


# A step through the cases that visits them all, whatever their number (7
# alone visited 23 of 161 cases, and the corpus became mostly duplicates).
_STRIDE = next(k for k in range(7, 100) if math.gcd(k, len(CASES)) == 1)


def _generated_corpus(path: Path, count: int = 200) -> Path:
    """A JSON Lines batch of `count` small articles: on-topic sentences of the
    extraction tests, some with a shared background (stories), some repeated
    (duplicates), and off-topic ones."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            # The last fifth repeats articles written before: duplicates,
            # whatever the number of cases.
            m = n if n < count * 4 // 5 else n - count // 2
            sentence, published, _ = CASES[(m * _STRIDE) % len(CASES)]
            kind = m % 4
            if kind == 0:
                text = OFF_TOPIC[m % len(OFF_TOPIC)].format(n=m)
                published = None
            elif kind == 2:
                text = sentence + "\n\n" + BACKGROUNDS[m % len(BACKGROUNDS)]
            else:
                text = sentence
            record = {"id": f"a{n:03d}", "text": text}
            if published:
                record["date"] = published
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, comparable between stores."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            hash_of = dict(connection.execute(select(articles.c.id, articles.c.text_hash)).all())
            tables: dict[str, list[tuple]] = {}
            tables["articles"] = sorted(
                (
                    row.text_hash,
                    row.doc,
                    row.source,
                    row.title,
                    row.language,
                    row.published,
                    row.published_inferred,
                    row.text,
                    hash_of.get(row.story),
                    row.relevant,
                    hash_of.get(row.event),
                    hash_of.get(row.event_partner),
                    row.event_reason,
                )
                for row in connection.execute(select(articles))
            )
            tables["event_merges"] = sorted(
                (hash_of[row.event], hash_of[row.into], hash_of[row.article_id])
                for row in connection.execute(select(event_merges))
            )
            for table in (signatures, facts, packages, events, totals):
                kept = [c for c in table.c if c.name not in ("id", "article_id")]
                tables[table.name] = sorted(
                    (hash_of[row.article_id], *(row._mapping[c] for c in kept))
                    for row in connection.execute(select(table))
                )
            return tables
    finally:
        engine.dispose()


PG_URL_VARIABLE = "AIDWATCH_TEST_PG_URL"


class Stores:
    """Fresh stores of one backend: SQLite files in `directory`, or databases
    created on the PostgreSQL server of `AIDWATCH_TEST_PG_URL` and dropped by
    `drop_all`."""

    def __init__(self, backend: str, directory: Path):
        self.backend = backend
        self.directory = directory
        self.created: list[str] = []

    def new(self, name: str = "store") -> str:
        """The URL of a store that does not exist yet (made by the first open)."""
        if self.backend == "sqlite":
            return f"sqlite:///{self.directory / f'{name}.db'}"
        return self._create(name)

    def copy(self, url: str, name: str = "copy") -> str:
        """The URL of a copy of the store at `url` (nobody may be connected to it)."""
        if self.backend == "sqlite":
            copy = self.directory / f"{name}.db"
            shutil.copy(make_url(url).database, copy)
            return f"sqlite:///{copy}"
        return self._create(name, template=make_url(url).database)

    def _create(self, name: str, template: str | None = None) -> str:
        database = f"aidwatch_{name.replace('-', '_')[:20]}_{uuid.uuid4().hex[:12]}".lower()
        clause = f' TEMPLATE "{template}"' if template else ""
        _pg_admin(f'CREATE DATABASE "{database}"{clause}')
        self.created.append(database)
        return _pg_url(database)

    def drop_all(self) -> None:
        while self.created:
            _pg_admin(f'DROP DATABASE IF EXISTS "{self.created.pop()}" WITH (FORCE)')


def _pg_url(database: str | None = None) -> str:
    """The URL of `AIDWATCH_TEST_PG_URL`, or of another database on its server."""
    url = make_url(os.environ[PG_URL_VARIABLE])
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


def _pg_admin(statement: str) -> None:
    """Run `statement` (CREATE/DROP DATABASE) through the AIDWATCH_TEST_PG_URL database."""
    import psycopg

    libpq_url = make_url(_pg_url()).set(drivername="postgresql")
    with psycopg.connect(libpq_url.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute(statement)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The store's database: every test that uses it runs on both."""
    if request.param == "postgresql" and not os.environ.get(PG_URL_VARIABLE):
        pytest.skip(f"{PG_URL_VARIABLE} not set")
    return request.param


@pytest.fixture
def new_store(backend, tmp_path):
    """`new_store(name)`: the URL of a fresh store of the backend (dropped after the test)."""
    stores = Stores(backend, tmp_path)
    yield stores.new
    stores.drop_all()


@pytest.fixture
def copy_store(backend, tmp_path):
    """`copy_store(url, name)`: the URL of a copy of the store at `url`."""
    stores = Stores(backend, tmp_path)
    yield stores.copy
    stores.drop_all()


@pytest.fixture(scope="module")
def module_store(backend, tmp_path_factory):
    """`module_store(name)`: `new_store` for a module-scoped fixture."""
    stores = Stores(backend, tmp_path_factory.mktemp(backend))
    yield stores.new
    stores.drop_all()


@pytest.fixture
def store_url(new_store) -> str:
    """A fresh store's URL on the backend (made by the first open)."""
    return new_store("store")


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A generated JSON Lines batch of 200 articles (see `_generated_corpus`)."""
    return _generated_corpus(tmp_path / "corpus.jsonl")


@pytest.fixture(scope="session")
def dump():
    """`dump(url)`: every table's rows, comparable between stores."""
    return _dump


@pytest.fixture(scope="session")
def stored_records():
    """`stored_records(url)`: each stored article as an `aidwatch extract` record, by doc."""
    return _stored_records


def _stored_records(url: str) -> dict[str, dict]:
    """Each stored article as the record `aidwatch extract` writes, by doc
    (the story named by its first article's doc, as extract names it)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = {row.id: row for row in connection.execute(select(articles))}
            owned = {
                table.name: _by_article(connection, table)
                for table in (facts, packages, events, totals)
            }
    finally:
        engine.dispose()
    return {
        row.doc: {
            "doc": row.doc,
            "source": row.source,
            "title": row.title,
            "language": row.language,
            "published": {
                "date": row.published,
                "inferred": row.published_inferred,
                "basis": row.published_basis,
            },
            "story": rows[row.story].doc if row.story else None,
            "event": rows[row.event].doc if row.event else None,
            "facts": [_fact(f) for f in owned["facts"].get(row.id, [])],
            "packages": [
                {
                    "id": p.package,
                    "donor": p.donor,
                    "date": p.date,
                    "amount": p.amount,
                    "currency": p.currency,
                    "evidence": _evidence(p),
                }
                for p in owned["packages"].get(row.id, [])
            ],
            "events": [
                {
                    "type": e.type,
                    "name": e.name,
                    "place": e.place,
                    "date": e.date,
                    "participants": e.participants,
                    "evidence": _evidence(e),
                }
                for e in owned["events"].get(row.id, [])
            ],
            "totals": [
                {
                    "scope": t.scope,
                    "amount": t.amount,
                    "currency": t.currency,
                    "kind": t.kind,
                    "evidence": _evidence(t),
                }
                for t in owned["totals"].get(row.id, [])
            ],
        }
        for row in rows.values()
    }


def _by_article(connection, table) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in connection.execute(select(table).order_by(table.c.article_id, table.c.position)):
        grouped.setdefault(row.article_id, []).append(row)
    return grouped


def _evidence(row, prefix: str = "evidence") -> dict | None:
    text = getattr(row, f"{prefix}_text")
    if text is None:
        return None
    return {
        "text": text,
        "start": getattr(row, f"{prefix}_start"),
        "end": getattr(row, f"{prefix}_end"),
    }


def _fact(row) -> dict:
    return {
        "donor": row.donor,
        "item": {
            "id": row.item_id,
            "name": row.item_name,
            "category": row.category,
            "specific": row.specific,
        },
        "status": row.status,
        "quantity": row.quantity,
        "quantity_kind": row.quantity_kind,
        "date": row.date,
        "package": row.package,
        "evidence": _evidence(row),
        "mention": _evidence(row, "mention"),
    }


HAND_PASSWORD = "correct horse battery"
HAND_TEXT = "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé le gouvernement allemand."


def _hand_built(url: str, facts_count: int = 80, user_names: tuple[str, ...] = ()) -> list[int]:
    """A store made without extraction: one article, `facts_count` facts of it
    (Leopard 2A6 pledged by DE, quantities 1, 2, ...), and `user_names` with
    the password `HAND_PASSWORD`; the facts' ids in order."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from aidwatch.store import open_store
    from aidwatch.store.users import add_user

    engine = open_store(url)
    try:
        with engine.connect() as connection:
            with connection.begin():
                article_id = connection.execute(
                    insert(articles).values(
                        doc="a.txt",
                        source="https://example.org/a",
                        language="fr",
                        published="2023-01",
                        published_inferred=False,
                        text=HAND_TEXT,
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
                            "evidence_text": HAND_TEXT,
                            "evidence_start": 0,
                            "evidence_end": len(HAND_TEXT),
                        }
                        for n in range(facts_count)
                    ],
                )
            for name in user_names:
                add_user(connection, name, HAND_PASSWORD)
            with connection.begin():
                return list(connection.scalars(select(facts.c.id).order_by(facts.c.id)))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def hand_built():
    """`hand_built(url, facts_count, user_names)`: see `_hand_built`."""
    return _hand_built


@pytest.fixture(scope="session")
def serve():
    """`with serve(app) as base_url:` the app served by uvicorn on a free
    loopback port, in a thread, for clients that need a real server."""
    return _serve


@contextlib.contextmanager
def _serve(app):
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    try:
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not start")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


class IngestCommand:
    """`aidwatch ingest` through typer's runner, and its summary table read back."""

    def __init__(self):
        from typer.testing import CliRunner

        self.runner = CliRunner()

    def invoke(self, *args):
        from aidwatch.cli import app

        return self.runner.invoke(app, ["ingest", *(str(a) for a in args)])

    @staticmethod
    def summary(stdout: str) -> dict[str, int]:
        """The summary table's rows: what → count."""
        rows = re.findall(r"│\s*(\S[^│]*?)\s*│\s*(\d+)\s*│", stdout)
        return {what: int(count) for what, count in rows}


@pytest.fixture(scope="session")
def cli() -> IngestCommand:
    return IngestCommand()

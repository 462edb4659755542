"""Fixtures of the web tests: the dev articles and a hostile one ingested once
into a SQLite store, a fresh copy of it per test, the app on it, a user, and
a client signed in as that user. (The review library itself is tested on
both backends in tests/store/test_review.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from aidwatch.run import ingest
from aidwatch.store import open_store
from aidwatch.store.schema import articles
from aidwatch.store.users import add_user
from aidwatch.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"
PASSWORD = "correct horse battery"

# An on-topic article whose text carries markup: it must be shown, never run.
HOSTILE_DOC = "hostile.txt"
HOSTILE = (
    " date 2023-01-20\n"
    "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine <script>window.__pwned=1</script>, "
    "a annoncé le gouvernement allemand vendredi.\n\n"
    "Les chars doivent arriver dans les prochaines semaines <img src=x "
    "onerror=\"window.__pwned=2\"> sur le front de l'est, où l'armée ukrainienne attend "
    "aussi des obus et des systèmes de défense antiaérienne promis par ses alliés.\n"
)


@pytest.fixture(scope="session")
def dev_store_file(tmp_path_factory) -> Path:
    """A SQLite store of the dev articles and the hostile one, made once."""
    folder = tmp_path_factory.mktemp("web-articles")
    for path in DEV_ARTICLES.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / HOSTILE_DOC).write_text(HOSTILE, encoding="utf-8")
    path = tmp_path_factory.mktemp("web-store") / "dev.db"
    ingest([folder], f"sqlite:///{path}")
    engine = open_store(f"sqlite:///{path}")
    with engine.connect() as connection:
        add_user(connection, "alice", PASSWORD)
    engine.dispose()
    return path


@pytest.fixture
def store_url(dev_store_file, tmp_path) -> str:
    """A fresh copy of the dev store for one test."""
    copy = tmp_path / "store.db"
    shutil.copy(dev_store_file, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def doc_ids(store_url) -> dict[str, int]:
    engine = open_store(store_url)
    with engine.connect() as connection:
        ids = dict(connection.execute(select(articles.c.doc, articles.c.id)).all())
    engine.dispose()
    return ids


@pytest.fixture
def client(store_url) -> TestClient:
    with TestClient(create_app(store_url, secret_key="test")) as client:
        yield client


@pytest.fixture
def signed_in(client) -> TestClient:
    """`client` signed in as alice, sending the CSRF token with every request."""
    answer = client.post("/api/login", json={"name": "alice", "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    client.headers["X-CSRF-Token"] = answer.json()["csrf"]
    return client


@pytest.fixture(scope="session")
def hostile_text() -> str:
    return HOSTILE.split("\n", 1)[1]


@pytest.fixture(scope="session")
def password() -> str:
    """alice's password."""
    return PASSWORD

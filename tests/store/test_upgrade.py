"""Upgrading a store made before review (revision 0001), or before sessions
(0002), keeps its data, on each backend."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    inspect,
    select,
)

from aidwatch.store import review
from aidwatch.store.db import alembic_config, open_store
from aidwatch.store.schema import articles, facts, packages, users
from aidwatch.store.users import add_user

TEXT = "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé le gouvernement allemand."
ARTICLE = {
    "id": 1,
    "doc": "a.txt",
    "source": "a.txt",
    "title": None,
    "language": "fr",
    "published": "2023-01",
    "published_inferred": False,
    "text": TEXT,
    "text_hash": "0" * 64,
    "story": 1,
    "relevant": True,
    "ingested_at": datetime(2024, 1, 1, tzinfo=UTC),
}
FACT = {
    "id": 1,
    "article_id": 1,
    "position": 0,
    "donor": "DE",
    "item_id": "leopard2a6",
    "item_name": "Leopard 2A6",
    "category": "main_battle_tank",
    "specific": True,
    "status": "pledged",
    "quantity": 14,
    "quantity_kind": "exact",
    "date": None,
    "package": None,
    "evidence_text": TEXT,
    "evidence_start": 0,
    "evidence_end": len(TEXT),
    "mention_text": "Leopard 2A6",
    "mention_start": 26,
    "mention_end": 37,
}
PACKAGE = {
    "id": 1,
    "article_id": 1,
    "position": 0,
    "package": "p1",
    "donor": "DE",
    "date": None,
    "amount": 1e9,
    "currency": "EUR",
    "evidence_text": TEXT,
    "evidence_start": 0,
    "evidence_end": len(TEXT),
}


def _store_at_0001(url: str) -> None:
    engine = create_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        # Only the columns of 0001: the tables of schema.py render what is given.
        connection.execute(insert(articles).values(**ARTICLE))
        connection.execute(insert(facts).values(**FACT))
        connection.execute(insert(packages).values(**PACKAGE))
    engine.dispose()


def test_a_0001_store_is_upgraded_with_its_data_kept(store_url):
    _store_at_0001(store_url)
    engine = open_store(store_url)
    try:
        assert {"users", "fact_reviews", "fact_history"} <= set(inspect(engine).get_table_names())
        with engine.connect() as connection:
            with connection.begin():
                article = connection.execute(select(articles)).one()._asdict()
                fact = connection.execute(select(facts)).one()._asdict()
                package = connection.execute(select(packages)).one()._asdict()
            assert {k: article[k] for k in ARTICLE if k != "ingested_at"} == {
                k: v for k, v in ARTICLE.items() if k != "ingested_at"
            }
            assert fact == {**FACT, "origin": "machine"}
            assert package == PACKAGE
            # The old fact can be reviewed like a new one.
            user_id = add_user(connection, "alice", "correct horse")
            view = review.correct(connection, 1, user_id, {"quantity": 18})
            assert (view["verdict"], view["quantity"], view["machine"]["quantity"]) == (
                "corrected",
                18,
                14,
            )
    finally:
        engine.dispose()


def _store_at_0002(url: str) -> None:
    """A 0002 store: the article, its fact, a user, the fact's review and history."""
    engine = create_engine(url)
    config = alembic_config()
    # The tables as 0002 made them (schema.py describes the latest).
    old = MetaData()
    users_0002 = Table(
        "users",
        old,
        Column("id", Integer, primary_key=True),
        Column("name", String(64)),
        Column("password_hash", Text),
        Column("created_at", DateTime(timezone=True)),
    )
    reviews_0002 = Table(
        "fact_reviews",
        old,
        Column("fact_id", Integer, primary_key=True),
        Column("article_id", Integer),
        Column("verdict", String(16)),
        *(Column(name, type_) for name, type_ in REVIEWED_0002),
        Column("user_id", Integer),
        Column("reviewed_at", DateTime(timezone=True)),
    )
    history_0002 = Table(
        "fact_history",
        old,
        Column("id", Integer, primary_key=True),
        Column("fact_id", Integer),
        Column("user_id", Integer),
        Column("at", DateTime(timezone=True)),
        Column("action", String(16)),
        Column("before", Text),
        Column("after", Text),
    )
    at = datetime(2024, 2, 1, tzinfo=UTC)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(insert(articles).values(**ARTICLE))
        connection.execute(insert(facts).values(**FACT, origin="machine"))
        connection.execute(
            insert(users_0002).values(
                id=7, name="alice", password_hash="$argon2id$x", created_at=at
            )
        )
        values = {name: FACT[name] for name, _ in REVIEWED_0002} | {"quantity": 18}
        connection.execute(
            insert(reviews_0002).values(
                fact_id=1, article_id=1, verdict="corrected", user_id=7, reviewed_at=at, **values
            )
        )
        connection.execute(
            insert(history_0002).values(
                fact_id=1, user_id=7, at=at, action="corrected", before=None, after="{}"
            )
        )
    engine.dispose()


REVIEWED_0002 = [
    ("donor", String(8)),
    ("item_id", String(64)),
    ("item_name", Text()),
    ("category", String(40)),
    ("specific", Boolean()),
    ("status", String(16)),
    ("quantity", BigInteger()),
    ("quantity_kind", String(20)),
    ("date", String(10)),
]


def test_a_0002_store_is_upgraded_with_its_reviews_and_users_kept(store_url):
    _store_at_0002(store_url)
    engine = open_store(store_url)
    try:
        assert "sessions" in inspect(engine).get_table_names()
        with engine.connect() as connection:
            with connection.begin():
                user = connection.execute(select(users)).one()._asdict()
                assert (user["id"], user["name"], user["disabled"]) == (7, "alice", False)
                view = review.reviewed_fact(connection, 1)
                assert (view["verdict"], view["quantity"], view["version"]) == ("corrected", 18, 1)
                assert len(review.history(connection, 1)) == 1
            # The kept review goes on from its version; an older one is refused.
            with pytest.raises(review.Conflict):
                review.confirm(connection, 1, 7, version=0)
            assert review.confirm(connection, 1, 7, version=1)["version"] == 2
    finally:
        engine.dispose()

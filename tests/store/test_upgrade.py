"""Upgrading a store made before review (revision 0001) keeps its data, on each backend."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, insert, inspect, select

from aidwatch.store import review
from aidwatch.store.db import alembic_config, open_store
from aidwatch.store.schema import articles, facts, packages
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

"""Read what the tracker needs from a store: facts, packages and totals with their articles.

Facts are the reviewed view (`store.review.reviewed_facts`, as the web app
shows them): a reviewed fact's values are its review's, a rejected fact is
left out, a fact added by hand counts like any other. Three SELECTs, nothing written; works on any connection the store's schema
describes (SQLite, PostgreSQL). Off-topic articles own no facts and so bring
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from aidwatch.store.review import EDITABLE, overlay, reviewed_facts
from aidwatch.store.schema import articles, facts, packages, totals
from aidwatch.tracker.model import FactRow, PackageRow, Source, TotalRow


@dataclass
class Rows:
    facts: list[FactRow]
    packages: list[PackageRow]
    totals: list[TotalRow]
    articles: int  # stored articles on aid (with or without facts)


def load_rows(connection: Connection) -> Rows:
    """Every fact, package and total of the store, each with its `Source`."""
    article_columns = (
        articles.c.doc,
        articles.c.source.label("url"),
        articles.c.title,
        articles.c.published,
        articles.c.published_inferred,
        articles.c.story,
        articles.c.event,
        articles.c.language,
    )

    def source(row) -> Source:
        return Source(
            article_id=row.article_id,
            doc=row.doc,
            url=row.url,
            published=row.published,
            story=row.story,
            evidence=row.evidence_text,
            title=row.title,
            published_inferred=row.published_inferred,
            event=row.event,
            language=row.language,
        )

    def rows_of(table):
        query = (
            select(table, *article_columns)
            .join(articles, articles.c.id == table.c.article_id)
            .order_by(table.c.article_id, table.c.position)
        )
        return connection.execute(query)

    fact_rows = []
    for row in connection.execute(
        reviewed_facts(*article_columns).order_by(facts.c.article_id, facts.c.position)
    ):
        fact = overlay(row._mapping)
        fact_rows.append(
            FactRow(
                source=source(row),
                specific=bool(fact["specific"]),
                package=fact["package"],
                **{name: fact[name] for name in EDITABLE if name != "specific"},
            )
        )
    package_rows = [
        PackageRow(
            source=source(row),
            label=row.package,
            donor=row.donor,
            date=row.date,
            amount=row.amount,
            currency=row.currency,
        )
        for row in rows_of(packages)
    ]
    total_rows = [
        TotalRow(
            source=source(row),
            scope=row.scope,
            amount=row.amount,
            currency=row.currency,
            kind=row.kind,
        )
        for row in rows_of(totals)
    ]
    on_aid = connection.execute(select(articles.c.id).where(articles.c.relevant.is_(True))).all()
    return Rows(fact_rows, package_rows, total_rows, len(on_aid))

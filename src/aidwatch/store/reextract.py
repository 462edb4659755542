"""Re-extraction: run today's extraction again on stored articles, keeping people's work.

An ingest never extracts an article twice (a stored text is skipped), so after
the extractor improves, re-extraction is how stored articles get its new
output (the run is `aidwatch.run.reextract`; this module writes). Per
article, in one transaction: the machine's unreviewed facts and
its packages, events and totals are replaced by the new extraction; reviewed
facts (confirmed, corrected, rejected) and facts people added are kept as
they are, with their reviews and history, and a new machine fact identical to
a kept one (same donor, item, status and evidence span) is not added again,
so a rejected fact does not come back as new. Off-topic articles are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select

from aidwatch.model import Article
from aidwatch.store.db import writing
from aidwatch.store.ingest import _owned
from aidwatch.store.schema import events, fact_reviews, facts, packages, totals


@dataclass
class ReextractSummary:
    articles: int = 0  # articles extracted again
    replaced: int = 0  # unreviewed machine facts removed
    added: int = 0  # new machine facts stored
    kept: int = 0  # reviewed or manual facts kept as they were


def stored_article(row) -> Article:
    """The stored article of an `articles` row, as extraction reads it."""
    by_story = row.published_inferred and row.published_basis == "story"
    return Article(
        id=row.doc,
        source=row.source,
        text=row.text,
        title=row.title,
        language=row.language,
        # An inferred date is inferred again from the text; a stated one is
        # kept, and so is a month the article's story gave (the text alone
        # cannot give it again), for the facts' dates to resolve against.
        published=None if row.published_inferred and not by_story else row.published,
        published_inferred=by_story,
        published_basis="story" if by_story else None,
    )


def _key(row) -> tuple:
    return (row["donor"], row["item_id"], row["status"], row["evidence_start"], row["evidence_end"])


def replace_extraction(
    connection: Connection, article_id: int, extraction, summary: ReextractSummary | None = None
) -> None:
    """Store `extraction` as the machine's output for the article, in one
    transaction, keeping reviewed and manual facts (see the module's text)."""
    summary = summary if summary is not None else ReextractSummary()
    # The write lock from the start (SQLite): it reads which facts are
    # reviewed, then deletes the others, and a review written in between
    # would otherwise fail the upgrade to a write ("database is locked").
    with writing(connection):
        reviewed = select(fact_reviews.c.fact_id).where(fact_reviews.c.article_id == article_id)
        kept = connection.execute(
            select(facts).where(
                facts.c.article_id == article_id,
                (facts.c.origin == "manual") | facts.c.id.in_(reviewed),
            )
        ).all()
        gone = connection.execute(
            delete(facts).where(
                facts.c.article_id == article_id,
                facts.c.origin == "machine",
                facts.c.id.not_in(reviewed),
            )
        ).rowcount
        for table in (packages, events, totals):
            connection.execute(delete(table).where(table.c.article_id == article_id))
        kept_keys = {_key(row._mapping) for row in kept}
        next_position = (
            connection.scalar(
                select(func.coalesce(func.max(facts.c.position), -1)).where(
                    facts.c.article_id == article_id
                )
            )
            + 1
        )
        added = 0
        for table, rows in _owned(article_id, extraction):
            if table is facts:
                rows = [row for row in rows if _key(row) not in kept_keys]
                for offset, row in enumerate(rows):
                    row["position"] = next_position + offset
                added = len(rows)
            if rows:
                connection.execute(insert(table), rows)
    summary.articles += 1
    summary.replaced += gone
    summary.added += added
    summary.kept += len(kept)

"""The batch writes of an ingest: a triaged batch's new articles, with
everything they own, in one transaction.

The run (aidwatch.run) reads, triages and extracts; `store_batch` writes
what it hands over, in input order: each article with its facts, packages,
events and totals, its story (through the story index, store/stories.py),
its signature and its event (through the event index, store/events.py,
merges recorded in the same transaction). A run killed at any point leaves only whole batches, and
a re-run skips them (their text hash is stored), so it ends with the
database an uninterrupted run gives. This module reads no file and runs no
extraction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from aidwatch.dedup import EventIndex, StoryIndex
from aidwatch.dedup.corroborate import vote
from aidwatch.model import Article, Event, Evidence, Extraction, Fact, Package, Total
from aidwatch.store.events import Assignment, article_columns, record_merges
from aidwatch.store.events import assign as assign_event
from aidwatch.store.schema import articles, events, facts, packages, signatures, totals
from aidwatch.store.stories import assign

# Articles triaged, extracted and written together. 64 rather than 32: half
# the transactions and Dask round trips, and spaCy parses a batch's flagged
# sentences in one call, cheaper per sentence when there are more (about
# 5 % of an ingest's CPU on 2 cores, the same store).
BATCH = 64

# An article read, its text hash, and whether it is on-topic (None: a duplicate).
Triaged = tuple[Article, str, bool | None]


@dataclass
class Summary:
    """What one ingest did. `read` = `new` + `duplicates`; `off_topic` and
    `reprints` are among the new articles."""

    read: int = 0  # articles read (in French)
    new: int = 0  # stored by this run
    duplicates: int = 0  # already stored with the same text, or twice in the input
    reprints: int = 0  # new articles that joined an existing story
    joined: int = 0  # new articles that joined an existing event
    off_topic: int = 0  # new articles stored as off-topic, without extraction
    facts: int = 0  # facts stored by this run
    warnings: int = 0  # inputs skipped or read with a caveat, each reported to `on_warning`


def store_batch(
    connection: Connection,
    batch: list[Triaged],
    extractions: list[Extraction],
    stories: StoryIndex,
    summary: Summary,
    on_article: Callable[[Article], None] | None,
    event_index: EventIndex | None = None,
) -> None:
    """A triaged batch's new articles, in input order, with everything they
    own, in one transaction: a statement per table for the whole batch, not
    one per article, is most of what makes writing cheap. Without an
    `event_index` (one run's own), articles get no event."""
    extracted = iter(extractions)
    new: list[tuple[Article, str, Extraction | None]] = []
    for article, digest, about in batch:
        if about is not None:
            extraction = next(extracted) if about else None
            # Extraction may have inferred the published date from the text;
            # it may have read a shortened text (run/reading.py): the whole is stored.
            if extraction:
                article = replace(extraction.article, text=article.text)
            new.append((article, digest, extraction))
    if new:
        with connection.begin():
            _write(connection, new, stories, summary, event_index)
    summary.duplicates += len(batch) - len(new)
    if on_article:
        for article, _, _ in batch:
            on_article(article)


def _write(
    connection: Connection,
    new: list[tuple[Article, str, Extraction | None]],
    stories: StoryIndex,
    summary: Summary,
    event_index: EventIndex | None,
) -> None:
    now = datetime.now(UTC)
    ids = connection.scalars(
        insert(articles).returning(articles.c.id, sort_by_parameter_order=True),
        [
            _article(article, digest, extraction is not None, now)
            for article, digest, extraction in new
        ],
    ).all()
    story_of: list[dict] = []
    merges: list[tuple[int, Assignment]] = []
    signed: list[dict] = []
    owned: dict[Table, list[dict]] = {}
    for (article, _, extraction), article_id in zip(new, ids, strict=True):
        summary.new += 1
        if extraction is None:
            summary.off_topic += 1
            continue
        story, signature = assign(stories, article_id, article.text)
        row = {"row": article_id, "story": story}
        if event_index is not None:
            assignment = assign_event(event_index, article_id, story, extraction)
            row |= article_columns(article_id, assignment)
            summary.joined += assignment.event != str(article_id)
            if assignment.merged:
                merges.append((article_id, assignment))
        story_of.append(row)
        if signature is not None:
            signed.append(signature)
        for table, rows in _owned(article_id, extraction):
            owned.setdefault(table, []).extend(rows)
        summary.facts += len(extraction.facts)
        summary.reprints += story != article_id
    if story_of:
        columns = [c for c in story_of[0] if c != "row"]
        connection.execute(
            update(articles)
            .where(articles.c.id == bindparam("row"))
            .values({c: bindparam(c) for c in columns}),
            story_of,
        )
    if story_of:
        _date_by_story(connection, {s["story"] for s in story_of})
    # After the batch's own columns: a merge moves them too.
    for article_id, assignment in merges:
        record_merges(connection, article_id, assignment, now)
    if signed:
        connection.execute(insert(signatures), signed)
    for table, rows in owned.items():
        if rows:
            connection.execute(insert(table), rows)


def _date_by_story(connection: Connection, stories: set[int]) -> None:
    """Each article of the `stories` a batch touched that its own text does
    not date (no date, or a month its story gave) takes the month the
    story's self-dated articles give (dedup/corroborate.py's vote), or loses
    one a tie now undoes: the store is the same whatever order or runs the
    articles came in. Facts keep the dates they were extracted with."""
    rows = connection.execute(
        select(
            articles.c.id,
            articles.c.story,
            articles.c.published,
            articles.c.published_inferred,
            articles.c.published_basis,
        ).where(articles.c.story.in_(sorted(stories)))
    ).all()
    members: dict[int, list] = {}
    for row in rows:
        members.setdefault(row.story, []).append(row)
    redated = []
    for story_rows in members.values():
        own = [
            (r.published[:7], r.published_inferred)
            for r in story_rows
            if r.published and len(r.published) >= 7 and r.published_basis != "story"
        ]
        month = vote(own)
        dated = {"month": month, "inferred": True, "basis": "story"}
        undated = {"month": None, "inferred": False, "basis": None}
        for r in story_rows:
            if r.published is not None and r.published_basis != "story":
                continue
            target = dated if month else undated
            if (r.published, r.published_inferred, r.published_basis) != tuple(target.values()):
                redated.append({"row": r.id, **target})
    if redated:
        connection.execute(
            update(articles)
            .where(articles.c.id == bindparam("row"))
            .values(
                published=bindparam("month"),
                published_inferred=bindparam("inferred"),
                published_basis=bindparam("basis"),
            ),
            redated,
        )


def _article(article: Article, digest: str, relevant: bool, now: datetime) -> dict:
    return {
        "doc": article.id,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "published_basis": article.published_basis,
        "text": article.text,
        "text_hash": digest,
        "story": None,
        "relevant": relevant,
        "ingested_at": now,
    }


def _owned(article_id: int, extraction: Extraction) -> list[tuple]:
    """The rows of each table an article owns, in the extraction's order."""

    def rows(records, columns) -> list[dict]:
        return [
            {"article_id": article_id, "position": position, **columns(record)}
            for position, record in enumerate(records)
        ]

    return [
        (facts, rows(extraction.facts, _fact)),
        (packages, rows(extraction.packages, _package)),
        (events, rows(extraction.events, _event)),
        (totals, rows(extraction.totals, _total)),
    ]


def _fact(fact: Fact) -> dict:
    return {
        "donor": fact.donor,
        "item_id": fact.item.id,
        "item_name": fact.item.name,
        "category": fact.item.category,
        "specific": fact.item.specific,
        "status": fact.status,
        "quantity": fact.quantity,
        "quantity_kind": fact.quantity_kind,
        "date": fact.date,
        "package": fact.package,
        **_evidence(fact.evidence),
        **_evidence(fact.mention, "mention"),
    }


def _package(package: Package) -> dict:
    return {
        "package": package.id,
        "donor": package.donor,
        "date": package.date,
        "amount": package.amount,
        "currency": package.currency,
        **_evidence(package.evidence),
    }


def _event(event: Event) -> dict:
    return {
        "type": event.type,
        "name": event.name,
        "place": event.place,
        "date": event.date,
        "participants": event.participants,
        **_evidence(event.evidence),
    }


def _total(total: Total) -> dict:
    return {
        "scope": total.scope,
        "amount": total.amount,
        "currency": total.currency,
        "kind": total.kind,
        **_evidence(total.evidence),
    }


def _evidence(evidence: Evidence | None, prefix: str = "evidence") -> dict:
    return {
        f"{prefix}_text": evidence.text if evidence else None,
        f"{prefix}_start": evidence.start if evidence else None,
        f"{prefix}_end": evidence.end if evidence else None,
    }

"""The event index kept in the store: `dedup.EventIndex` rebuilt from the
stored rows, and the rows an assignment writes.

Nothing of the index is saved apart: what it keeps of an article (its
`Report`) is made again from the article's stored facts, packages, meetings,
title and opening, by the same `report_of` an ingest uses, so an article
ingested next week is compared with this week's exactly as if both had come
in one run. A merge rewrites the merged event's articles to the older event
and leaves an `event_merges` row saying when, by which article.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, func, select, update

from aidwatch.dedup import EventIndex, report_of
from aidwatch.dedup.events import CAPACITY, OPENING, Assignment

__all__ = [
    "Assignment",
    "article_columns",
    "assign",
    "load_events",
    "record_merges",
    "stored_extractions",
]
from aidwatch.model import Article, Event, Evidence, Extraction, Fact, Item, Package
from aidwatch.store.schema import articles, event_merges, events, facts, packages

_NOWHERE = Evidence("", 0, 0)


def assign(index: EventIndex, article_id: int, story: int, extraction: Extraction) -> Assignment:
    """The event of a new on-topic article (stored as `article_id` in `story`)."""
    return index.add(report_of(extraction, str(article_id), str(story)))


def article_columns(article_id: int, assignment: Assignment) -> dict:
    """The `articles` columns an assignment sets (for an executemany keyed by `row`)."""
    return {
        "row": article_id,
        "event": int(assignment.event),
        "event_partner": int(assignment.partner) if assignment.partner else None,
        "event_reason": assignment.reason,
    }


def record_merges(
    connection: Connection, article_id: int, assignment: Assignment, now: datetime
) -> None:
    """Moves the articles of each event `assignment` merged into its event,
    and records each merge. Run after the batch's own event columns are set."""
    for merged in assignment.merged:
        connection.execute(
            update(articles)
            .where(articles.c.event == int(merged))
            .values(event=int(assignment.event))
        )
        connection.execute(
            event_merges.insert().values(
                event=int(merged), into=int(assignment.event), article_id=article_id, merged_at=now
            )
        )


def load_events(connection: Connection, capacity: int = CAPACITY) -> EventIndex:
    """The event index as an ingest that had just stored the store's latest
    `capacity` on-topic articles would hold it. Articles stored before
    events existed (revision 0004) are grouped now, in order, and saved."""
    index = EventIndex(capacity=capacity)
    oldest = (
        connection.scalar(
            select(articles.c.id)
            .where(articles.c.relevant)
            .order_by(articles.c.id.desc())
            .offset(capacity - 1)
            .limit(1)
        )
        or 0
    )
    for row, extraction in stored_extractions(connection, oldest):
        if row.event is None:
            assignment = index.add(report_of(extraction))
            connection.execute(
                update(articles)
                .where(articles.c.id == row.id)
                .values(
                    **{k: v for k, v in article_columns(row.id, assignment).items() if k != "row"}
                )
            )
            record_merges(connection, row.id, assignment, datetime.now().astimezone())
        else:
            index.restore(report_of(extraction), str(row.event))
    return index


def stored_extractions(connection: Connection, since: int = 0):
    """(row, `Extraction`) of each stored on-topic article from id `since`,
    in id order: what `report_of` needs (facts with their evidence's offsets,
    packages, meetings, title, opening), rebuilt from the rows; `row` has `id` and `event`."""
    recent = articles.c.id >= since
    owned_facts = defaultdict(list)
    for row in connection.execute(
        select(facts).join(articles, articles.c.id == facts.c.article_id).where(recent)
    ):
        item = Item(row.item_id, row.item_name, row.category, row.specific)
        # (the evidence's place: the lead is the first sentence stating facts)
        evidence = Evidence("", row.evidence_start or 0, row.evidence_end or 0)
        owned_facts[row.article_id].append(
            Fact(row.donor, item, row.status, evidence, row.quantity, row.quantity_kind, row.date)
        )
    owned_packages = defaultdict(list)
    for row in connection.execute(
        select(packages).join(articles, articles.c.id == packages.c.article_id).where(recent)
    ):
        owned_packages[row.article_id].append(
            Package(row.package, row.donor, row.date, row.amount, row.currency, _NOWHERE)
        )
    owned_events = defaultdict(list)
    for row in connection.execute(
        select(events).join(articles, articles.c.id == events.c.article_id).where(recent)
    ):
        owned_events[row.article_id].append(
            Event(row.type, row.name, row.place, row.date, row.participants, _NOWHERE)
        )
    rows = connection.execute(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.published,
            articles.c.story,
            articles.c.event,
            func.substr(articles.c.text, 1, OPENING).label("opening"),
        )
        .where(recent, articles.c.relevant)
        .order_by(articles.c.id)
    ).all()  # read whole: the caller may write on this connection meanwhile
    for row in rows:
        article = Article(str(row.id), "", row.opening, row.title, published=row.published)
        extraction = Extraction(
            article,
            str(row.story or row.id),
            owned_facts.pop(row.id, []),
            owned_packages.pop(row.id, []),
            owned_events.pop(row.id, []),
        )
        yield row, extraction

"""Ingest: files and folders → the store, once per article, resumable.

`ingest(paths, url)` streams the articles of `paths` in batches of 32: texts
already stored (same normalised text, see `text_hash`) are skipped, an
off-topic article (`is_about_aid` false) is stored as such without
extraction, an on-topic one joins its story in the persisted story index and
is extracted, and each batch's new articles are written with everything they
own in one transaction. A run killed at any point leaves only whole batches,
and a re-run skips them, so it ends with the database an uninterrupted run
gives. Memory holds one batch of articles, plus the story index (a fixed size per
stored on-topic article). Unreadable inputs are reported, never stored.

Extraction alone may run elsewhere (`executor`, see scaleout.py): batches
are then read and triaged ahead of the writes, a few at a time, and the texts
of those not stored yet count as stored, so the database is the same.
"""

from __future__ import annotations

import hashlib
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from aidwatch.dedup import StoryIndex
from aidwatch.extract import extract_articles
from aidwatch.extract.pipeline import is_about_aid
from aidwatch.extract.text import fold
from aidwatch.ingest.readers import Skipped, read_french
from aidwatch.model import Article, Event, Evidence, Extraction, Fact, Package, Total
from aidwatch.store.db import DEFAULT_URL, open_store
from aidwatch.store.scaleout import Executor, InProcess
from aidwatch.store.schema import articles, events, facts, packages, signatures, totals
from aidwatch.store.stories import assign, load_index

BATCH = 32


@dataclass
class Summary:
    """What one ingest did. `read` = `new` + `duplicates`; `off_topic` and
    `reprints` are among the new articles."""

    read: int = 0  # articles read (in French)
    new: int = 0  # stored by this run
    duplicates: int = 0  # already stored with the same text, or twice in the input
    reprints: int = 0  # new articles that joined an existing story
    off_topic: int = 0  # new articles stored as off-topic, without extraction
    facts: int = 0  # facts stored by this run
    warnings: int = 0  # inputs skipped, each reported to `on_warning`


def text_hash(text: str) -> str:
    """sha256 of the folded text with its whitespace made single spaces."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(fold(normalised).encode("utf-8")).hexdigest()


def ingest(
    paths: Iterable[str | Path],
    url: str = DEFAULT_URL,
    on_article: Callable[[Article], None] | None = None,
    on_warning: Callable[[Skipped], None] | None = None,
    executor: Executor | None = None,
) -> Summary:
    """Store the articles under `paths` that the store at `url` does not have yet.

    `on_article` is called once per article read, when it is done with;
    `on_warning` once per input skipped; `executor` runs extraction (here by
    default, or on a Dask cluster: `scaleout.OnDask`). Raises `StoreError`
    (before reading anything) when the store cannot be opened, `ScaleoutError`
    when the executor's cluster cannot be reached or is lost."""
    engine = open_store(url)
    summary = Summary()
    try:
        with engine.connect() as connection:
            with connection.begin():
                stories = load_index(connection)
            stream = _counted(read_french(paths), summary, on_warning)
            unstored: set[str] = set()
            triaged = _triaged(connection, stream, unstored)
            extracted = (executor or InProcess()).map_batches(_extract, triaged)
            try:
                for batch, extractions in extracted:
                    _store_batch(connection, batch, extractions, stories, summary, on_article)
                    unstored.difference_update(d for _, d, about in batch if about is not None)
            finally:
                extracted.close()  # a cluster started for the run stops here
    finally:
        engine.dispose()
    return summary


def _counted(
    records: Iterator[Article | Skipped],
    summary: Summary,
    on_warning: Callable[[Skipped], None] | None,
) -> Iterator[Article]:
    for record in records:
        if isinstance(record, Skipped):
            summary.warnings += 1
            if on_warning:
                on_warning(record)
            continue
        summary.read += 1
        yield record


# An article read, its text hash, and whether it is on-topic (None: a duplicate).
Triaged = tuple[Article, str, bool | None]


def _triaged(
    connection: Connection, stream: Iterator[Article], unstored: set[str]
) -> Iterator[tuple[list[Triaged], list[Article]]]:
    """Batches of `BATCH` articles triaged into duplicates, off-topic and
    on-topic, each with its on-topic articles (to extract). `unstored` holds
    the hashes of new articles triaged but not stored yet: this adds to it."""
    while batch := list(itertools.islice(stream, BATCH)):
        hashes = [text_hash(article.text) for article in batch]
        with connection.begin():
            known = set(
                connection.scalars(
                    select(articles.c.text_hash).where(articles.c.text_hash.in_(hashes))
                )
            )
        known |= unstored.intersection(hashes)
        triaged: list[Triaged] = []
        for article, digest in zip(batch, hashes, strict=True):
            if digest in known:
                triaged.append((article, digest, None))
            else:
                known.add(digest)  # the same text twice in one batch
                unstored.add(digest)
                triaged.append((article, digest, is_about_aid(article.text)))
        yield triaged, [article for article, _, about in triaged if about]


def _extract(batch: list[Article]) -> list[Extraction]:
    """The batch's extractions, its sentences parsed in one spaCy call (what
    a Dask worker runs)."""
    return list(extract_articles(batch, batch_size=BATCH, gated=True))


def _store_batch(
    connection: Connection,
    batch: list[Triaged],
    extractions: list[Extraction],
    stories: StoryIndex,
    summary: Summary,
    on_article: Callable[[Article], None] | None,
) -> None:
    """A triaged batch's new articles, in input order, with everything they
    own, in one transaction: a statement per table for the whole batch, not
    one per article, is most of what makes writing cheap."""
    extracted = iter(extractions)
    new: list[tuple[Article, str, Extraction | None]] = []
    for article, digest, about in batch:
        if about is not None:
            extraction = next(extracted) if about else None
            # Extraction may have inferred the published date from the text.
            new.append((extraction.article if extraction else article, digest, extraction))
    if new:
        with connection.begin():
            _write(connection, new, stories, summary)
    summary.duplicates += len(batch) - len(new)
    if on_article:
        for article, _, _ in batch:
            on_article(article)


def _write(
    connection: Connection,
    new: list[tuple[Article, str, Extraction | None]],
    stories: StoryIndex,
    summary: Summary,
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
    signed: list[dict] = []
    owned: dict[Table, list[dict]] = {}
    for (article, _, extraction), article_id in zip(new, ids, strict=True):
        summary.new += 1
        if extraction is None:
            summary.off_topic += 1
            continue
        story, signature = assign(stories, article_id, article.text)
        story_of.append({"row": article_id, "story": story})
        if signature is not None:
            signed.append(signature)
        for table, rows in _owned(article_id, extraction):
            owned.setdefault(table, []).extend(rows)
        summary.facts += len(extraction.facts)
        summary.reprints += story != article_id
    if story_of:
        connection.execute(
            update(articles)
            .where(articles.c.id == bindparam("row"))
            .values(story=bindparam("story")),
            story_of,
        )
    if signed:
        connection.execute(insert(signatures), signed)
    for table, rows in owned.items():
        if rows:
            connection.execute(insert(table), rows)


def _article(article: Article, digest: str, relevant: bool, now: datetime) -> dict:
    return {
        "doc": article.id,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "published_inferred": article.published_inferred,
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

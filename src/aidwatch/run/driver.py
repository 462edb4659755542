"""The three runs of the pipeline: `extract_paths`, `ingest` and `reextract`.

Each reads (files, or the store), guards the texts (reading.py), groups
stories and extracts; `ingest` also triages (triage.py) and writes through
`store.ingest.store_batch`, `reextract` through `store.reextract`. Only
extraction, pure and the expensive step, goes through an executor
(executors.py): reading, stories and writes stay in this process, in input
order, so the store is the same whichever executor ran it.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from aidwatch.dedup import EventIndex, StoryIndex, report_of
from aidwatch.dedup.corroborate import corroborate
from aidwatch.extract import decider_for, extract_articles, is_about_aid
from aidwatch.extract.commitments import reports_commitment
from aidwatch.extract.nlp import collect_less
from aidwatch.extract.published import month_fits
from aidwatch.model import Article, Extraction
from aidwatch.run.executors import Executor, InProcess
from aidwatch.run.reading import Warn, guard, read_articles, warn
from aidwatch.run.triage import triaged
from aidwatch.store.db import DEFAULT_URL, open_store, store_lock
from aidwatch.store.events import load_events
from aidwatch.store.ingest import BATCH, Summary, store_batch
from aidwatch.store.reextract import ReextractSummary, replace_extraction, stored_article
from aidwatch.store.schema import articles
from aidwatch.store.stories import load_index


def extract_paths(
    paths: Iterable[str | Path],
    on_article: Callable[[Extraction], None] | None = None,
    on_warning: Warn | None = None,
    model: str | None = None,
    events: EventIndex | None = None,
) -> tuple[list[Extraction], Summary]:
    """Read and extract every article under `paths`, warning about the rest;
    reprints of one dispatch share a story, reports of one event an event.
    Nothing is stored. `events`: the event index to group them with (a new
    one by default). `model`: see
    `extract.pipeline.decider_for`."""
    summary = Summary()
    stories = StoryIndex()
    originals: deque[Article] = deque()

    def grouped():
        for article in read_articles(paths, summary, on_warning):
            stories.add(article.id, article.text)
            originals.append(article)
            seen, notice = guard(article)
            if notice:
                warn(notice, summary, on_warning)
            yield seen

    results = []
    events = events if events is not None else EventIndex()
    for result in extract_articles(grouped(), decider=decider_for(model)):
        # Extraction may have read a shortened text: the result holds the whole.
        whole = originals.popleft()
        result.article = replace(result.article, text=whole.text)
        result.story = stories.story_of.get(result.article.id, result.article.id)
        results.append(result)
        if on_article:
            on_article(result)
    # Undated articles take the month of dated ones reporting the same
    # thing, and are read again for their facts' relative dates.
    redated = corroborate(results, known=reports_commitment, fits=_fits)
    again = extract_articles(list(redated.values()), decider=decider_for(model))
    for i, result in zip(redated, again, strict=True):
        result.story = results[i].story
        results[i] = result
    # Events are grouped once the articles are dated: a month corroboration
    # gave an undated article compares it with the dated reports of its
    # event, and keeps it apart from those months away. The articles grouped
    # are those an ingest groups: the on-topic ones (`is_about_aid`), even
    # when extraction found nothing in them (a rewrite of a tracker's
    # figures is still its event's report).
    for result in results:
        if on_topic(result):
            result.event = events.add(report_of(result)).event
        else:
            result.event = result.story
    return results, summary


def _fits(article: Article, month: str) -> bool:
    """Whether an undated article's own text allows the month its story or
    facts give it (published.py's bounds and months gone by)."""
    return month_fits(article.text, month)


def on_topic(extraction: Extraction) -> bool:
    """Whether an article is one an ingest stores and groups into events:
    something extracted from it, or else on-topic by `is_about_aid`."""
    if extraction.facts or extraction.packages or extraction.events:
        return True
    return is_about_aid(extraction.article.text, extraction.article.language)


def ingest(
    paths: Iterable[str | Path],
    url: str = DEFAULT_URL,
    on_article: Callable[[Article], None] | None = None,
    on_warning: Warn | None = None,
    executor: Executor | None = None,
    on_wait: Callable[[], None] | None = None,
    model: str | None = None,
) -> Summary:
    """Store the articles under `paths` that the store at `url` does not have yet.

    Texts already stored are skipped, an off-topic article is stored as such
    without extraction, an on-topic one joins its story and is extracted, in
    batches of `BATCH` written whole (store/ingest.py). The run holds the
    store's lock from before it loads the story index to its last write
    (`on_wait` is called if another run holds it: this one then waits, and
    sees what that one stored).

    `on_article` is called once per article read, when it is done with;
    `on_warning` once per input skipped or read with a caveat; `executor`
    runs extraction (here by default, or on a Dask cluster: `OnDask`).
    Raises `StoreError` (before reading anything) when the store cannot be
    opened, `ScaleoutError` when the executor's cluster cannot be reached or
    is lost."""
    summary = Summary()
    on_wait = _once(on_wait)
    collect_less()  # the stories, events and batches: young objects, mostly
    # Opened (and migrated) first: a store that cannot be opened is said
    # before any wait for the lock.
    engine = open_store(url, on_wait)
    try:
        with store_lock(url, on_wait), engine.connect() as connection:
            with connection.begin():
                stories = load_index(connection)
                event_index = load_events(connection)
            stream = read_articles(paths, summary, on_warning)
            # With an executor that works ahead, batches are triaged before
            # the earlier ones are stored: their texts count as stored.
            unstored: set[str] = set()
            batches = triaged(connection, stream, unstored, summary, on_warning)
            extract = functools.partial(_extract, model=model)
            extracted = (executor or InProcess()).map_batches(
                extract, batches, affinity=_paragraphs
            )
            try:
                for batch, extractions in extracted:
                    store_batch(
                        connection, batch, extractions, stories, summary, on_article, event_index
                    )
                    unstored.difference_update(d for _, d, about in batch if about is not None)
            finally:
                extracted.close()  # a cluster started for the run stops here
    finally:
        engine.dispose()
    return summary


def _once(on_wait: Callable[[], None] | None) -> Callable[[], None] | None:
    """`on_wait`, called the first time only: a run may wait for the
    migration, then for the lock, and is one wait to whoever is told."""
    if on_wait is None:
        return None
    waited = False

    def once() -> None:
        nonlocal waited
        if not waited:
            waited = True
            on_wait()

    return once


def _paragraphs(article: Article) -> list[int]:
    """An article's affinity keys (executors.py): its lines. A reprint or a
    rewrite keeps most of its original's paragraphs word for word, and the
    worker that extracted the original has their sentences' parses."""
    return [hash(line) for line in map(str.strip, article.text.split("\n")) if line]


def _extract(batch: list[Article], model: str | None = None) -> list[Extraction]:
    """The batch's extractions, its sentences parsed in one spaCy call (what
    a Dask worker runs; it reads the model file once)."""
    return list(extract_articles(batch, batch_size=BATCH, gated=True, decider=decider_for(model)))


def reextract(
    url: str = DEFAULT_URL,
    docs: Iterable[str] | None = None,
    on_article: Callable[[str], None] | None = None,
    on_warning: Warn | None = None,
    on_wait: Callable[[], None] | None = None,
    model: str | None = None,
) -> ReextractSummary:
    """Extract the stored on-topic articles (or those named in `docs`) again,
    keeping reviewed and hand-added facts (store/reextract.py), under the
    store's lock like an ingest."""
    summary = ReextractSummary()
    counts = Summary()
    on_wait = _once(on_wait)
    engine = open_store(url, on_wait)
    try:
        with store_lock(url, on_wait), engine.connect() as connection:
            query = select(articles).where(articles.c.relevant).order_by(articles.c.id)
            if docs is not None:
                query = query.where(articles.c.doc.in_(list(docs)))
            with connection.begin():
                rows = connection.execute(query).all()
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                seen = []
                for row in batch:
                    article, notice = guard(stored_article(row))
                    if notice:
                        warn(notice, counts, on_warning)
                    seen.append(article)
                extractions = extract_articles(seen, batch_size=BATCH, decider=decider_for(model))
                for row, extraction in zip(batch, extractions, strict=True):
                    replace_extraction(connection, row.id, extraction, summary)
                    if on_article:
                        on_article(row.doc)
    finally:
        engine.dispose()
    return summary

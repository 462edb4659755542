"""Extraction: Article → facts, packages, events and totals.

`extract_article(article)` is the entry point, `extract_articles(stream)`
the same over many articles parsed in batches; `is_about_aid(text)` is the
article gate (the store triages with it before extracting);
`extract_text(text, published)` is a shortcut for a passage, used by tests
and notebooks. Everything else in this package is its internals: spaCy is
imported only when the parser is first needed. Each article is read by the
engine of its language (`Article.language`: English for `en`, French
otherwise; see engines.py), so a mixed batch is read in one run.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator

from aidwatch.model import Article, Extraction

__all__ = ["decider_for", "extract_article", "extract_articles", "extract_text", "is_about_aid"]


def decider_for(model: str | None = None):
    """What decides the facts: None for the shipped model, `rules` for the
    rules alone, or the path of a model file written by `aidwatch train`.
    A file that is not a model raises InputError."""
    from aidwatch.extract.pipeline import decider_for as find

    return find(model)


def extract_article(
    article: Article, story: str | None = None, parse_all: bool = False, decider=None
) -> Extraction:
    return next(extract_articles([article], parse_all=parse_all, stories=[story], decider=decider))


def extract_articles(
    articles: Iterable[Article],
    batch_size: int = 32,
    parse_all: bool = False,
    gated: bool = False,
    stories: Iterable[str | None] | None = None,
    decider=None,
) -> Iterator[Extraction]:
    """`extract_article` over a stream of articles, parsed in batches;
    `gated`: they passed `is_about_aid` already; `stories`: each one's story;
    `decider`: from `decider_for`, the shipped model's by default."""
    from aidwatch.extract.engines import engine, language_of

    story_of = iter(stories) if stories is not None else itertools.repeat(None)
    # Runs of articles in one language go to its engine as they come; the
    # stories follow their articles through a queue, so nothing is held
    # beyond the engine's batch.
    runs = itertools.groupby(articles, key=lambda a: language_of(a.language))
    for lang, run in runs:
        pending: deque[str | None] = deque()

        def queued(run=run, pending=pending):
            for article in run:
                pending.append(next(story_of, None))
                yield article

        def stories_of(pending=pending):
            while True:
                yield pending.popleft()

        yield from engine(lang).extract_articles(
            queued(),
            batch_size=batch_size,
            parse_all=parse_all,
            stories=stories_of(),
            gated=gated,
            decider=decider,
        )


def is_about_aid(text: str, language: str = "fr") -> bool:
    """Whether the article is about military aid: an item and a word that can
    give it a status, an aid amount with a donor, or a contact-group meeting.
    `language`: the article's (`Article.language`)."""
    from aidwatch.extract.engines import engine, language_of

    return engine(language_of(language)).is_about_aid(text)


def extract_text(text: str, published: str | None = None, language: str = "fr") -> Extraction:
    article = Article(id="text", source="<text>", text=text, published=published, language=language)
    return extract_article(article)

"""Extraction: Article → facts, packages, events and totals.

`extract_article(article)` is the entry point, `extract_articles(stream)`
the same over many articles parsed in batches; `is_about_aid(text)` is the
article gate (the store triages with it before extracting);
`extract_text(text, published)` is a shortcut for a passage, used by tests
and notebooks. Everything else in this package is its internals: spaCy is
imported only when the parser is first needed.
"""

from __future__ import annotations

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
    from aidwatch.extract.pipeline import extract_article as run

    return run(article, story, parse_all, decider)


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
    from aidwatch.extract.pipeline import extract_articles as run

    return run(
        articles,
        batch_size=batch_size,
        parse_all=parse_all,
        stories=stories,
        gated=gated,
        decider=decider,
    )


def is_about_aid(text: str) -> bool:
    """Whether the article is about military aid: an item and a word that can
    give it a status, an aid amount with a donor, or a contact-group meeting."""
    from aidwatch.extract.pipeline import is_about_aid as gate

    return gate(text)


def extract_text(text: str, published: str | None = None) -> Extraction:
    return extract_article(Article(id="text", source="<text>", text=text, published=published))

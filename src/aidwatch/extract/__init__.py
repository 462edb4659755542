"""Extraction: Article → facts, packages, events and totals.

`extract_article(article)` is the entry point; `extract_text(text, published)`
is a shortcut for a passage, used by tests and notebooks.
"""

from __future__ import annotations

from aidwatch.model import Article, Extraction


def extract_article(
    article: Article, story: str | None = None, parse_all: bool = False
) -> Extraction:
    from aidwatch.extract.pipeline import extract_article as run

    return run(article, story, parse_all)


def extract_articles(
    articles, batch_size: int = 32, parse_all: bool = False, gated: bool = False
):
    """`extract_article` over a stream of articles, parsed in batches;
    `gated`: they passed `is_about_aid` already."""
    from aidwatch.extract.pipeline import extract_articles as run

    return run(articles, batch_size=batch_size, parse_all=parse_all, gated=gated)


def extract_text(text: str, published: str | None = None) -> Extraction:
    return extract_article(Article(id="text", source="<text>", text=text, published=published))

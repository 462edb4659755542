"""The spaCy parser, loaded lazily once: only sentences that name an item or
an amount of money ever reach it, and a batch that has none never loads it."""

from __future__ import annotations

from functools import cache

MODEL = "fr_core_news_md"


@cache
def parser():
    import spacy

    # NER is useless for weapons (« Himars » comes out PER or LOC) and the
    # sentences are split already: both components are left out.
    return spacy.load(MODEL, exclude=["ner", "senter"])


def parse(sentences: list[str]):
    """spaCy Docs for the sentences, in order."""
    if not sentences:
        return []
    return list(parser().pipe(sentences, batch_size=64))

"""The parser's cache: a sentence seen again is not parsed again, and the
cache forgets the oldest sentences beyond its size."""

from __future__ import annotations

import pytest

from aidwatch.extract import nlp
from aidwatch.extract.pipeline import extract_article
from aidwatch.model import Article

SENTENCES = [
    "La France livrera douze canons Caesar à l'Ukraine.",
    "Le Danemark a cédé dix-neuf F-16.",
    "La Suède envisage d'envoyer des Gripen.",
]


@pytest.fixture
def small_cache(monkeypatch):
    monkeypatch.setattr(nlp, "CACHED_SENTENCES", 2)
    monkeypatch.setattr(nlp, "_PARSED", type(nlp._PARSED)())
    return nlp._PARSED


def test_a_sentence_seen_again_is_the_same_parse(small_cache):
    first = nlp.parse(SENTENCES[:2])
    again = nlp.parse([SENTENCES[1], SENTENCES[1]])
    assert again[0] is first[1] and again[1] is first[1]


def test_the_cache_keeps_the_most_recent_sentences(small_cache):
    nlp.parse(SENTENCES[:2])
    nlp.parse([SENTENCES[0]])  # used again: now the most recent
    nlp.parse([SENTENCES[2]])
    assert list(small_cache) == [SENTENCES[0], SENTENCES[2]]


def test_a_cached_parse_reads_as_a_fresh_one(small_cache):
    """The same article extracted twice, the second time from cached parses
    whose lemmas the first extraction filled in, gives the same facts."""
    article = Article("a", "test", " ".join(SENTENCES), published="2024-03-01")
    first = extract_article(article)
    assert len(small_cache) == 2 and first.facts
    small_cache.clear()
    fresh = extract_article(article)
    cached = extract_article(article)
    assert first.facts == fresh.facts == cached.facts

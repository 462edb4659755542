"""The story index saved in the store: rebuilt as it was, and a signature
made another way (another datasketch) made again rather than compared."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, update

from aidwatch.dedup import StoryIndex
from aidwatch.run import ingest
from aidwatch.store.schema import articles, signatures
from aidwatch.store.stories import assign, load_index

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"
LONG = (DEV_ARTICLES / "002_e533717fe8e3d753.txt").read_text(encoding="utf-8")
SHORT = "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine."


@pytest.fixture(scope="module")
def store(module_store) -> str:
    """The dev articles ingested once, on each backend."""
    url = module_store("stories")
    ingest([DEV_ARTICLES], url)
    return url


def rebuilt(url: str, change=None, **options) -> tuple[StoryIndex, dict]:
    engine = create_engine(url)
    with engine.begin() as connection:
        if change is not None:
            connection.execute(change)
        index = load_index(connection, **options)
        texts = dict(connection.execute(select(articles.c.id, articles.c.text)).all())
    engine.dispose()
    return index, texts


@pytest.mark.parametrize(
    "text, kept",
    [
        (LONG, {"digest", "hashvalues", "shingles", "seed", "scheme"}),
        (SHORT, {"digest"}),  # too short for a MinHash: only its exact text
    ],
)
def test_assign_returns_what_the_index_learnt(text, kept):
    index = StoryIndex()
    story, row = assign(index, 7, text)
    assert story == 7
    assert {column for column, value in row.items() if value is not None} == kept | {"article_id"}


def test_an_exact_reprint_leaves_no_row():
    index = StoryIndex()
    assign(index, 1, SHORT)
    assert assign(index, 2, SHORT.upper()) == (1, None)


def test_the_rebuilt_index_has_every_story_and_signature(store):
    index, texts = rebuilt(store)
    assert sorted(index.story_of) == sorted(str(i) for i in texts)
    for article_id, text in texts.items():
        fresh = StoryIndex()
        fresh.add("fresh", text)
        signature, shingles = fresh.signatures["fresh"]
        stored, stored_shingles = index.signatures[str(article_id)]
        assert (stored.jaccard(signature), stored_shingles) == (1.0, shingles)
        assert str(article_id) in index.lsh.query(signature)


def test_the_rebuilt_index_holds_the_latest_articles_up_to_its_capacity(store):
    index, texts = rebuilt(store, capacity=2)
    on_topic = sorted(int(key) for key in rebuilt(store)[0].story_of)
    assert sorted(int(key) for key in index.story_of) == on_topic[-2:]
    assert sorted(int(key) for key in index.signatures) == on_topic[-2:]


def test_a_reprint_joins_a_story_of_the_rebuilt_index(store):
    index, texts = rebuilt(store)
    first = min(texts)
    assert index.add("next-week", "Dernière minute. " + texts[first]) == str(first)


def test_a_signature_made_another_way_is_made_again_and_saved(store, copy_store):
    copy = copy_store(store, "copy")
    legacy = update(signatures).values(scheme="legacy")
    index, texts = rebuilt(copy, change=legacy)
    assert len(index.signatures) == len(texts)
    engine = create_engine(copy)
    with engine.connect() as connection:
        schemes = set(connection.scalars(select(signatures.c.scheme)))
    engine.dispose()
    assert schemes == {index.signatures[str(min(texts))][0].scheme}

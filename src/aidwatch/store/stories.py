"""The story index kept in the store: what `dedup.StoryIndex` knows, saved and rebuilt.

`assign` adds an article to the index and returns its story with the
`signatures` row that records what the index learnt from it; `load_index`
rebuilds the index from those rows when an ingest starts, so that an article
ingested next week joins its story from this week exactly as if both had come
in one run. Index keys are article ids (`articles.id`) as strings. Nothing
here reads text except to recompute a MinHash made by another version of
datasketch or of `dedup` (another seed, scheme or size), which is then saved.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import Connection, func, or_, select, update

from aidwatch.dedup import StoryIndex
from aidwatch.dedup.minhash import Signature, stored
from aidwatch.dedup.stories import CAPACITY
from aidwatch.store.schema import articles, signatures

# Long enough to be signed: tells how the installed `dedup` signs texts.
_PROBE = (
    "L'index des histoires garde la signature de chaque article assez long pour en avoir une, "
    "afin qu'un article lu la semaine prochaine rejoigne l'histoire commencée cette semaine."
)


def assign(index: StoryIndex, article_id: int, text: str) -> tuple[int, dict | None]:
    """The story (an article id) of a new article, and its `signatures` row
    (None when the index kept nothing of it: a reprint found by its exact text)."""
    key = str(article_id)
    known = len(index.exact)
    story = int(index.add(key, text))
    # `exact` is a dict, so the digest this article brought is its last key.
    digest = next(reversed(index.exact)) if len(index.exact) > known else None
    row = {"digest": digest, **_signature_columns(index.signatures.get(key))}
    if digest is None and row["hashvalues"] is None:
        return story, None
    return story, {"article_id": article_id, **row}


def load_index(connection: Connection, capacity: int = CAPACITY) -> StoryIndex:
    """The story index as an ingest that had just stored the store's
    on-topic articles would hold it: the latest `capacity` of them."""
    index = StoryIndex(capacity=capacity)
    seed, scheme, size = _format(_sign(_PROBE))
    oldest = (
        connection.scalar(
            select(signatures.c.article_id)
            .order_by(signatures.c.article_id.desc())
            .offset(index.capacity - 1)
            .limit(1)
        )
        or 0
    )
    # Signatures made another way (another datasketch, seed or size) are
    # made again and saved first, so the index compares like with like.
    stale = connection.scalars(
        select(signatures.c.article_id).where(
            signatures.c.article_id >= oldest,
            signatures.c.hashvalues.is_not(None),
            or_(
                signatures.c.seed != seed,
                signatures.c.scheme != scheme,
                func.length(signatures.c.hashvalues) != 8 * size,
            ),
        )
    ).all()
    for article_id in stale:
        _resign(connection, article_id)
    rows = connection.execute(
        select(
            signatures.c.article_id,
            articles.c.story,
            signatures.c.digest,
            signatures.c.hashvalues,
            signatures.c.shingles,
            signatures.c.seed,
            signatures.c.scheme,
        )
        .join(articles, articles.c.id == signatures.c.article_id)
        .where(signatures.c.article_id >= oldest)
        .order_by(signatures.c.article_id)
    )
    for row in rows:
        signature = None
        if row.hashvalues is not None:
            signature = stored(np.frombuffer(row.hashvalues, dtype="<u8"))
        index.restore(str(row.article_id), str(row.story), row.digest, signature, row.shingles)
    return index


def _resign(connection: Connection, article_id: int) -> None:
    text = connection.scalar(select(articles.c.text).where(articles.c.id == article_id))
    connection.execute(
        update(signatures)
        .where(signatures.c.article_id == article_id)
        .values(**_signature_columns(_sign(text)))
    )


def _sign(text: str) -> tuple[Signature, int] | None:
    """The signature `StoryIndex` makes of `text` (None for a text too short)."""
    probe = StoryIndex()
    probe.add("probe", text)
    return probe.signatures.get("probe")


def _format(signed: tuple[Signature, int] | None) -> tuple:
    assert signed is not None, "the probe text is long enough to be signed"
    minhash = signed[0]
    return (minhash.seed, minhash.scheme, len(minhash.hashvalues))


def _signature_columns(signed: tuple[Signature, int] | None) -> dict:
    if signed is None:
        return {"hashvalues": None, "shingles": None, "seed": None, "scheme": None}
    minhash, shingles = signed
    return {
        "hashvalues": np.asarray(minhash.hashvalues, dtype="<u8").tobytes(),
        "shingles": shingles,
        "seed": minhash.seed,
        "scheme": minhash.scheme,
    }

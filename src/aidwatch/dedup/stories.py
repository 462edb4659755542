"""Stories: reprints and rewrites of one dispatch, grouped by MinHash.

Two outlets' versions of one AFP story share few 5-word shingles over their
union (Jaccard 0.24 on the dev pair) because each adds its own lead and cuts
paragraphs, but most of the shorter one is inside the longer one
(containment 0.61). So candidates come from an LSH index at a low Jaccard
threshold, and a candidate joins when the containment estimated from its
MinHash and the two shingle counts is high enough. Only the MinHash and the
count of each article are kept: memory per article is fixed, whatever its
length, and the index can be saved with the store. It holds the latest
`CAPACITY` articles: a reprint comes within days of its dispatch, and
memory stays bounded however long the store grows.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field

from datasketch import LeanMinHash, MinHash, MinHashLSH

from aidwatch.extract.text import fold

SHINGLE = 5  # words
NUM_PERM = 128
CANDIDATE_JACCARD = 0.1  # the LSH threshold: low, to find rewrites
SAME_STORY_CONTAINMENT = 0.4  # what joins a story, checked on each candidate
MIN_SHINGLES = 15  # shorter texts are too small to judge, unless identical
# Articles the index remembers, the oldest forgotten first: about 4 KiB each,
# so at most ~0.4 GB; years of an analyst's feed at 20 % on-topic.
CAPACITY = 100_000

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of the folded text (case, accents, punctuation ignored)."""
    words = _WORD.findall(fold(text))
    return {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


def _minhash(items: set[str]) -> LeanMinHash:
    # The permutations are drawn once, not for every article (a third of
    # the cost of signing); kept, a signature is its hash values alone.
    m = MinHash(
        num_perm=NUM_PERM, seed=1, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme
    )
    m.update_batch([s.encode("utf-8") for s in items])
    return LeanMinHash(m)


def containment(m1: MinHash, n1: int, m2: MinHash, n2: int) -> float:
    """|A ∩ B| / min(|A|, |B|) estimated from the MinHash Jaccard and the sizes."""
    if not n1 or not n2:
        return 0.0
    j = m1.jaccard(m2)
    return j * (n1 + n2) / ((1 + j) * min(n1, n2))


class Bands:
    """MinHash LSH: the bands datasketch's `MinHashLSH` chooses for a Jaccard
    threshold, in smaller tables.

    `MinHashLSH` keeps, for each article and band, a set and a bytes key:
    about 17 KiB an article at our 64 bands. Here each band maps its values,
    packed in one int, to the key of the one article that has them, or to a
    list when several do: about a third of that. `query` returns keys in the
    order they were inserted, so a run's stories do not depend on hashing."""

    def __init__(self, threshold: float, num_perm: int):
        banding = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.b, self.r = banding.b, banding.r
        self.tables: list[dict[int, Hashable | list[Hashable]]] = [{} for _ in range(self.b)]

    def _bands(self, minhash: MinHash) -> list[int]:
        values = minhash.hashvalues[: self.b * self.r].tolist()
        bands = []
        for start in range(0, len(values), self.r):
            packed = 0
            for value in values[start : start + self.r]:
                packed = (packed << 64) | value
            bands.append(packed)
        return bands

    def insert(self, key: Hashable, minhash: MinHash) -> None:
        for table, band in zip(self.tables, self._bands(minhash), strict=True):
            found = table.get(band)
            if found is None:
                table[band] = key
            elif type(found) is list:
                found.append(key)
            else:
                table[band] = [found, key]

    def remove(self, key: Hashable, minhash: MinHash) -> None:
        for table, band in zip(self.tables, self._bands(minhash), strict=True):
            found = table.get(band)
            if type(found) is list:
                found.remove(key)
                if len(found) == 1:
                    table[band] = found[0]
            elif found == key:
                del table[band]

    def query(self, minhash: MinHash) -> list[Hashable]:
        """The keys sharing at least one band with `minhash`."""
        keys: dict[Hashable, None] = {}
        for table, band in zip(self.tables, self._bands(minhash), strict=True):
            found = table.get(band)
            if found is None:
                continue
            if type(found) is list:
                keys.update(dict.fromkeys(found))
            else:
                keys[found] = None
        return list(keys)


@dataclass
class StoryIndex:
    """Assigns each article, in the order given, to the story of the earlier
    article it most overlaps, or to a new story named after itself.

    It remembers the `capacity` latest articles whose text it had not seen
    (an exact reprint adds nothing to remember)."""

    capacity: int = CAPACITY
    lsh: Bands = field(default_factory=lambda: Bands(CANDIDATE_JACCARD, NUM_PERM))
    signatures: dict[str, tuple[MinHash, int]] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # text digest → article id
    _order: deque[tuple[str, str]] = field(default_factory=deque)  # (id, digest), oldest first

    def add(self, article_id: str, text: str) -> str:
        """The story id of `article_id`; adding it again gives the same
        (while the index remembers it)."""
        if article_id in self.story_of:
            return self.story_of[article_id]
        digest = hashlib.sha1(" ".join(_WORD.findall(fold(text))).encode("utf-8")).hexdigest()
        if digest in self.exact:
            return self.story_of[self.exact[digest]]
        items = shingles(text)
        signature = _minhash(items) if len(items) >= MIN_SHINGLES else None
        story = self._match(signature, len(items)) if signature is not None else None
        self.restore(article_id, story or article_id, digest, signature, len(items))
        return story or article_id

    def restore(
        self,
        article_id: str,
        story: str,
        digest: str | None,
        signature: MinHash | None = None,
        shingle_count: int = 0,
    ) -> None:
        """Remembers an article as `add` does, from what it learnt then (an
        index rebuilt from the store)."""
        self.story_of[article_id] = story
        if digest is not None:
            self.exact[digest] = article_id
        if signature is not None:
            self.lsh.insert(article_id, signature)
            self.signatures[article_id] = (signature, shingle_count)
        self._order.append((article_id, digest))
        while len(self._order) > self.capacity:
            self._forget(*self._order.popleft())

    def _forget(self, article_id: str, digest: str | None) -> None:
        del self.story_of[article_id]
        if digest is not None and self.exact.get(digest) == article_id:
            del self.exact[digest]
        signed = self.signatures.pop(article_id, None)
        if signed is not None:
            self.lsh.remove(article_id, signed[0])

    def _match(self, signature: MinHash, n: int) -> str | None:
        best, best_score = None, SAME_STORY_CONTAINMENT
        for other in self.lsh.query(signature):
            m, n_other = self.signatures[other]
            score = containment(signature, n, m, n_other)
            if score >= best_score:
                best, best_score = other, score
        return self.story_of[best] if best is not None else None

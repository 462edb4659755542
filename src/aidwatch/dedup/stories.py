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

import numpy as np

from aidwatch.dedup.minhash import Signature
from aidwatch.dedup.minhash import signature as sign
from aidwatch.textnorm import fold

SHINGLE = 5  # words
CANDIDATE_JACCARD = 0.1  # the LSH threshold: low, to find rewrites
# The bands datasketch's `MinHashLSH` chooses for that threshold and
# `NUM_PERM` values (it weighs the chance of a missed pair and of a false
# one): 64 bands of 2 values. Fixed here, checked by a test: datasketch
# searches them with scipy, which this package no longer imports.
BANDS, ROWS = 64, 2
# What joins a story, checked on each candidate: a rewrite keeping 40 % of
# the shingles is a reprint, and the estimate from 128 hash values is a few
# points either way (at 0.4, one such rewrite in six was missed). Two
# different stories on one topic share up to a quarter (test_near_duplicates).
SAME_STORY_CONTAINMENT = 0.32
MIN_SHINGLES = 15  # shorter texts are too small to judge, unless identical
# Articles the index remembers, the oldest forgotten first: about 2 KiB each
# with their MinHash, so about 0.2 GB; years of an analyst's feed at 20 %
# on-topic.
CAPACITY = 100_000

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of the folded text (case, accents, punctuation ignored)."""
    return _shingles(_WORD.findall(fold(text)), size)


def _shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    return {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def containment(m1: Signature, n1: int, m2: Signature, n2: int) -> float:
    """|A ∩ B| / min(|A|, |B|) estimated from the MinHash Jaccard and the sizes."""
    if not n1 or not n2:
        return 0.0
    return _containment(m1.jaccard(m2), n1, n2)


def _containment(j: float, n1: int, n2: int) -> float:
    # (`containment` from the estimated Jaccard `j`; n1, n2 not 0)
    return j * (n1 + n2) / ((1 + j) * min(n1, n2))


_MIX = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio, odd: a multiplicative hash


class Bands:
    """MinHash LSH: `b` bands of `r` values (those datasketch's `MinHashLSH`
    chooses for our threshold: `BANDS`, `ROWS`), kept in sorted numpy arrays.

    `MinHashLSH` keeps, for each article and band, a set and a bytes key:
    about 17 KiB an article at our 64 bands. Here each band's values are
    hashed, with the band's number, to one 64-bit key, and an article costs
    a key and a slot per band, 12 bytes: the keys of the latest articles
    wait in a dict and are merged into the sorted arrays every `MERGE`
    articles. Two bands that hash alike only add a candidate, which the
    containment check then judges on the MinHash itself. `query` returns keys
    in the order they were inserted, so a run's stories do not depend on
    hashing."""

    MERGE = 1024  # articles whose keys wait in the dict

    def __init__(self, b: int = BANDS, r: int = ROWS):
        self.b, self.r = b, r
        self._salts = (np.arange(self.b, dtype=np.uint64) + np.uint64(1)) * _MIX
        self._keys = np.empty(0, dtype=np.uint64)  # sorted
        self._slots = np.empty(0, dtype=np.uint32)  # the article of each key
        self._pending: dict[int, list[int]] = {}  # band key → slots, for queries
        self._waiting_keys: list[int] = []  # the same, flat, for the merge
        self._waiting_slots: list[int] = []  # one per article: its keys are `b` in a row
        self._removed: list[int] = []  # slots still in the arrays
        self._key_of: dict[int, Hashable] = {}
        self._slot_of: dict[Hashable, int] = {}
        self._next = 0

    def _bands(self, minhash: Signature) -> np.ndarray:
        values = np.asarray(minhash.hashvalues[: self.b * self.r], dtype=np.uint64)
        keys = self._salts.copy()
        for column in values.reshape(self.b, self.r).T:
            keys = (keys ^ column) * _MIX
            keys ^= keys >> np.uint64(29)
        return keys

    def insert(self, key: Hashable, minhash: Signature) -> None:
        slot = self._next
        self._next += 1
        self._key_of[slot] = key
        self._slot_of[key] = slot
        bands = self._bands(minhash).tolist()
        for band in bands:
            self._pending.setdefault(band, []).append(slot)
        self._waiting_keys.extend(bands)
        self._waiting_slots.append(slot)
        if len(self._waiting_slots) >= self.MERGE:
            self._merge()

    def remove(self, key: Hashable) -> None:
        slot = self._slot_of.pop(key)
        del self._key_of[slot]
        self._removed.append(slot)

    def query(self, minhash: Signature) -> list[Hashable]:
        """The keys sharing at least one band with `minhash`."""
        bands = self._bands(minhash)
        slots: list[int] = []
        if len(self._keys):
            low = np.searchsorted(self._keys, bands, side="left")
            found = low < len(self._keys)
            found[found] = self._keys[low[found]] == bands[found]
            if found.any():
                high = np.searchsorted(self._keys, bands[found], side="right")
                for start, end in zip(low[found].tolist(), high.tolist(), strict=True):
                    slots.extend(self._slots[start:end].tolist())
        for band in bands.tolist():
            slots.extend(self._pending.get(band, ()))
        key_of = self._key_of
        return [key_of[slot] for slot in sorted(set(slots)) if slot in key_of]

    def _merge(self) -> None:
        if self._removed:
            kept = ~np.isin(self._slots, np.array(self._removed, dtype=np.uint32))
            self._keys, self._slots = self._keys[kept], self._slots[kept]
            self._removed.clear()
        keys = np.array(self._waiting_keys, dtype=np.uint64)
        slots = np.repeat(np.array(self._waiting_slots, dtype=np.uint32), self.b)
        live = np.repeat([slot in self._key_of for slot in self._waiting_slots], self.b)
        order = np.argsort(keys, kind="stable")
        order = order[live[order]]  # removed while waiting: dropped
        keys, slots = keys[order], slots[order]
        at = np.searchsorted(self._keys, keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._slots = np.insert(self._slots, at, slots)
        self._pending.clear()
        self._waiting_keys.clear()
        self._waiting_slots.clear()


@dataclass
class StoryIndex:
    """Assigns each article, in the order given, to the story of the earlier
    article it most overlaps, or to a new story named after itself.

    It remembers the `capacity` latest articles whose text it had not seen
    (an exact reprint adds nothing to remember)."""

    capacity: int = CAPACITY
    lsh: Bands = field(default_factory=Bands)
    signatures: dict[str, tuple[Signature, int]] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # text digest → article id
    _order: deque[tuple[str, str]] = field(default_factory=deque)  # (id, digest), oldest first

    def add(self, article_id: str, text: str) -> str:
        """The story id of `article_id`; adding it again gives the same
        (while the index remembers it)."""
        if article_id in self.story_of:
            return self.story_of[article_id]
        # The text is folded and cut into words once, for its digest and its shingles.
        words = _WORD.findall(fold(text))
        digest = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
        if digest in self.exact:
            return self.story_of[self.exact[digest]]
        items = _shingles(words)
        signature = sign(items) if len(items) >= MIN_SHINGLES else None
        story = self._match(signature, len(items)) if signature is not None else None
        self.restore(article_id, story or article_id, digest, signature, len(items))
        return story or article_id

    def restore(
        self,
        article_id: str,
        story: str,
        digest: str | None,
        signature: Signature | None = None,
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
            self.lsh.remove(article_id)

    def _match(self, signature: Signature, n: int) -> str | None:
        best, best_score = None, SAME_STORY_CONTAINMENT
        found = self.lsh.query(signature)
        if not found:
            return None
        # The values each candidate shares with `signature`, counted for all
        # of them in one numpy call (one call a candidate cost more than the
        # count: a long feed of one topic has a hundred candidates an
        # article); then `containment` as it works them out.
        signed = [self.signatures[other] for other in found]
        mine = signature.hashvalues
        same = np.count_nonzero(np.stack([m.hashvalues for m, _ in signed]) == mine, axis=1)
        for other, (_, n_other), shared in zip(found, signed, same.tolist(), strict=True):
            score = _containment(shared / len(mine), n, n_other) if n and n_other else 0.0
            if score >= best_score:
                best, best_score = other, score
        return self.story_of[best] if best is not None else None

"""MinHash signatures of shingle sets, the values datasketch's `MinHash`
gives (its default "affine32" scheme, seed 1, 128 permutations), made here.

Importing datasketch imports scipy (for the search of LSH bands that
`MinHashLSH` makes when built): about 45 MB of resident memory and 0.7 s
of CPU at start in every process that imports `aidwatch.dedup`, which an ingest's
driver and each of its Dask workers do (the workers never sign a text).
What the story index uses of it is a few lines of numpy: the SHA-1 of each
shingle (its first 4 bytes, little-endian), mixed by the MurmurHash3
finalizer, then `a * h + b` in 32 bits for each permutation, the least of
each kept. Tests check the values and the bands against datasketch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's name for it, stored with each signature

_MAX = np.uint32(0xFFFFFFFF)


def _permutations(seed: int, num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    # As datasketch draws them: odd multipliers, then offsets.
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(SEED, NUM_PERM)


class Signature:
    """The MinHash of a set: `NUM_PERM` 32-bit values (`hashvalues`)."""

    __slots__ = ("hashvalues",)
    seed = SEED
    scheme = SCHEME

    def __init__(self, hashvalues: np.ndarray):
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)

    def jaccard(self, other: Signature) -> float:
        """The Jaccard similarity of the two sets, estimated."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)


def signature(items: Iterable[str]) -> Signature:
    """The MinHash of a set of strings (UTF-8 encoded)."""
    # The digests joined, then read as little-endian 32-bit words: the
    # first of each digest's five is datasketch's `sha1_hash32`.
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest() for s in items)
    if not digests:
        return Signature(np.full(NUM_PERM, _MAX, dtype=np.uint32))
    h = np.frombuffer(digests, dtype="<u4").reshape(-1, 5)[:, :1].astype(np.uint32)
    # The MurmurHash3 finalizer (wrapping 32-bit products)
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    h = h ^ (h >> np.uint32(16))
    return Signature((h * _A + _B).min(axis=0))


def stored(values: np.ndarray) -> Signature:
    """A signature from its values as stored (any integer dtype)."""
    return Signature(np.asarray(values).astype(np.uint32))

"""MinHash signatures made without datasketch: the values and the LSH bands
that datasketch gives, bit for bit."""

from __future__ import annotations

import random

import pytest

from aidwatch.dedup.minhash import NUM_PERM, SCHEME, SEED, signature, stored
from aidwatch.dedup.stories import BANDS, CANDIDATE_JACCARD, ROWS

WORDS = ["chars", "obus", "Kiev", "livraison", "été", "œuvre", "HIMARS", "155", "ça", "à"]


def _sets():
    rng = random.Random(7)
    for size in (1, 2, 15, 40, 300):
        for _ in range(5):
            yield {" ".join(rng.choices(WORDS, k=5)) for _ in range(size)}


@pytest.mark.parametrize("items", list(_sets()))
def test_the_values_are_datasketchs(items):
    from datasketch import MinHash

    theirs = MinHash(num_perm=NUM_PERM, seed=SEED)
    theirs.update_batch([s.encode("utf-8") for s in items])
    assert theirs.scheme == SCHEME
    ours = signature(items).hashvalues
    assert ours.dtype == theirs.hashvalues.dtype
    assert ours.tolist() == theirs.hashvalues.tolist()


def test_an_empty_set_has_datasketchs_empty_values():
    from datasketch import MinHash

    assert signature(set()).hashvalues.tolist() == MinHash(num_perm=NUM_PERM).hashvalues.tolist()


@pytest.mark.parametrize(
    "a, b",
    [
        ({"a b c", "b c d", "c d e"}, {"a b c", "b c d", "c d e"}),
        ({"a b c", "b c d", "c d e"}, {"a b c", "x y z"}),
        ({"un"}, {"deux"}),
    ],
)
def test_jaccard_is_datasketchs(a, b):
    from datasketch import MinHash

    def theirs(items):
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        m.update_batch([s.encode("utf-8") for s in items])
        return m

    assert signature(a).jaccard(signature(b)) == theirs(a).jaccard(theirs(b))


def test_a_signature_read_back_from_its_stored_bytes_is_the_same():
    import numpy as np

    mine = signature({"a b c", "d e f"})
    again = stored(np.frombuffer(np.asarray(mine.hashvalues, dtype="<u8").tobytes(), dtype="<u8"))
    assert again.jaccard(mine) == 1.0 and again.hashvalues.dtype == mine.hashvalues.dtype


def test_the_bands_are_those_datasketch_chooses():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_dedup_does_not_import_datasketch():
    """What the memory saving rests on: a fresh interpreter importing the
    package (as a Dask worker does) loads neither datasketch nor scipy."""
    import subprocess
    import sys

    code = "import sys, aidwatch.dedup, aidwatch.run; print('datasketch' in sys.modules, 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

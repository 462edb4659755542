"""Stories: reprints and rewrites of one dispatch, grouped by MinHash.

Two outlets' versions of one AFP story share few 5-word shingles over their
union (Jaccard 0.24 on the dev pair) because each adds its own lead and cuts
paragraphs, but most of the shorter one is inside the longer one
(containment 0.61). So candidates come from an LSH index at a low Jaccard
threshold, and a candidate joins when the containment estimated from its
MinHash and the two shingle counts is high enough. Only the MinHash and the
count of each article are kept: memory per article is fixed, whatever its
length, and the index can be saved with the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from aidwatch.extract.text import fold

SHINGLE = 5  # words
NUM_PERM = 128
CANDIDATE_JACCARD = 0.1  # the LSH threshold: low, to find rewrites
SAME_STORY_CONTAINMENT = 0.4  # what joins a story, checked on each candidate
MIN_SHINGLES = 15  # shorter texts are too small to judge, unless identical

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of the folded text (case, accents, punctuation ignored)."""
    words = _WORD.findall(fold(text))
    return {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def _minhash(items: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode("utf-8") for s in items])
    return m


def containment(m1: MinHash, n1: int, m2: MinHash, n2: int) -> float:
    """|A ∩ B| / min(|A|, |B|) estimated from the MinHash Jaccard and the sizes."""
    if not n1 or not n2:
        return 0.0
    j = m1.jaccard(m2)
    return j * (n1 + n2) / ((1 + j) * min(n1, n2))


@dataclass
class StoryIndex:
    """Assigns each article, in the order given, to the story of the earlier
    article it most overlaps, or to a new story named after itself."""

    lsh: MinHashLSH = field(
        default_factory=lambda: MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    )
    signatures: dict[str, tuple[MinHash, int]] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # text digest → article id

    def add(self, article_id: str, text: str) -> str:
        """The story id of `article_id`; adding it again gives the same."""
        if article_id in self.story_of:
            return self.story_of[article_id]
        digest = hashlib.sha1(" ".join(_WORD.findall(fold(text))).encode("utf-8")).hexdigest()
        if digest in self.exact:
            story = self.story_of[self.exact[digest]]
        else:
            story = self._match(article_id, shingles(text)) or article_id
            self.exact[digest] = article_id
        self.story_of[article_id] = story
        return story

    def _match(self, article_id: str, items: set[str]) -> str | None:
        if len(items) < MIN_SHINGLES:
            return None
        signature = _minhash(items)
        best, best_score = None, SAME_STORY_CONTAINMENT
        for other in self.lsh.query(signature):
            m, n = self.signatures[other]
            score = containment(signature, len(items), m, n)
            if score >= best_score:
                best, best_score = other, score
        self.lsh.insert(article_id, signature)
        self.signatures[article_id] = (signature, len(items))
        return self.story_of[best] if best is not None else None

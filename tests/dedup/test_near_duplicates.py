"""Near-duplicates built from texts the story index was not tuned on.

Every French text of the bench corpus (45) and of the held-out set (20) gets
two or three variants of different kinds (`aidwatch.dedup.variants`, fixed
seeds); originals and variants are shuffled with a fixed seed and fed to one
`StoryIndex`. The predicted stories are scored pair by pair against the
truth:

* on the variants, a pair is the same story when both texts come from one
  source: precision and recall must be at least 0.95;
* the gold files also give one story to two independent write-ups of one
  event (held-out 05 and 06, the Czech shells; bench 001 and held-out 04,
  the Caesar guns). They share only 6 % and 13 % of their 5-word shingles
  (containment), while two different stories on Istanbul talks (bench 021,
  held-out 17) share 23 %: no shingle threshold can join the first without
  joining the second. Pairs across such write-ups are left out of the
  variant score and scored apart, and the score by the gold labels is
  reported as well.

Run with `pytest -s` to see the figures.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

import pytest

from aidwatch.dedup import StoryIndex, shingles
from aidwatch.dedup.variants import KINDS, paragraphs, reprint, sentences, trimmed, variant
from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    (ROOT / "bench" / "corpus" / "articles", ROOT / "bench" / "corpus" / "gold.jsonl"),
    (ROOT / "eval" / "heldout" / "articles", ROOT / "eval" / "heldout" / "gold.jsonl"),
)
KIND_ORDER = tuple(KINDS)  # new_lead, trimmed, changed_quotes, reprint, rewrite
SHUFFLE_SEED = 20240307


def _gold_stories() -> dict[str, str]:
    stories = {}
    for _, gold in SOURCES:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                stories[record["doc"]] = record.get("story") or record["doc"]
    return stories


def _sources() -> dict[str, str]:
    texts = {}
    for record in read_paths([folder for folder, _ in SOURCES]):
        assert isinstance(record, Article), record
        texts[record.id] = record.text
    return texts


def build_set() -> list[tuple[str, str, str]]:
    """(text id, source id, text): each source and two or three variants of
    different kinds, shuffled."""
    texts = []
    for i, (doc, text) in enumerate(sorted(_sources().items())):
        texts.append((f"{doc}#original", doc, text))
        for j in range(2 + i % 2):
            kind = KIND_ORDER[(i + j) % len(KIND_ORDER)]
            texts.append((f"{doc}#{kind}", doc, variant(kind, text, f"{doc}/{kind}")))
    random.Random(SHUFFLE_SEED).shuffle(texts)
    return texts


def pairwise(
    ids: Iterable[str],
    predicted: dict[str, str],
    same: Callable[[str, str], bool],
    ignore: Callable[[str, str], bool] = lambda a, b: False,
) -> tuple[float, float, int, int, int]:
    """Precision, recall, and the counts of pairs predicted together, truly
    together and both, over the pairs not ignored."""
    predicted_pairs = true_pairs = both = 0
    for a, b in combinations(sorted(ids), 2):
        if ignore(a, b):
            continue
        p, t = predicted[a] == predicted[b], same(a, b)
        predicted_pairs += p
        true_pairs += t
        both += p and t
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall, predicted_pairs, true_pairs, both


@pytest.fixture(scope="module")
def run():
    texts = build_set()
    index = StoryIndex()
    predicted = {tid: index.add(tid, text) for tid, _, text in texts}
    source = {tid: doc for tid, doc, _ in texts}
    return texts, predicted, source, _gold_stories()


def test_variants_are_grouped_with_their_source_and_nothing_else(run):
    texts, predicted, source, gold = run
    ids = [tid for tid, _, _ in texts]

    def cross_writeup(a: str, b: str) -> bool:  # one gold story, two sources
        return source[a] != source[b] and gold[source[a]] == gold[source[b]]

    p, r, npred, ntrue, nboth = pairwise(
        ids, predicted, lambda a, b: source[a] == source[b], ignore=cross_writeup
    )
    print(
        f"\nvariants: {len(ids)} texts from {len(set(source.values()))} sources, "
        f"{len(set(predicted.values()))} stories predicted; "
        f"precision {p:.4f} ({nboth}/{npred}), recall {r:.4f} ({nboth}/{ntrue})"
    )
    split = {
        doc
        for doc in set(source.values())
        if len({predicted[t] for t in ids if source[t] == doc}) > 1
    }
    wrong = {
        (source[a], source[b])
        for a, b in combinations(ids, 2)
        if predicted[a] == predicted[b] and not (source[a] == source[b] or cross_writeup(a, b))
    }
    print(f"sources split: {sorted(split)}; different sources joined: {sorted(wrong)}")

    gp, gr, gpred, gtrue, gboth = pairwise(
        ids, predicted, lambda a, b: gold[source[a]] == gold[source[b]]
    )
    cross = [(a, b) for a, b in combinations(ids, 2) if cross_writeup(a, b)]
    caught = sum(predicted[a] == predicted[b] for a, b in cross)
    print(
        f"gold labels: precision {gp:.4f} ({gboth}/{gpred}), recall {gr:.4f} ({gboth}/{gtrue}); "
        f"independent write-ups of one event (05/06, 001/04) joined on {caught}/{len(cross)} pairs"
    )

    assert p >= 0.95
    assert r >= 0.95
    assert gp >= 0.95  # the gold labels only add true pairs: precision cannot suffer


def test_different_stories_on_one_topic_stay_apart(run):
    """The originals alone (several on tanks, shells, air defence or
    Istanbul talks): two in one predicted story have one gold story."""
    _, predicted, source, gold = run
    originals = [tid for tid in predicted if tid.endswith("#original")]
    for a, b in combinations(originals, 2):
        if predicted[a] == predicted[b]:
            assert gold[source[a]] == gold[source[b]], (a, b)


@pytest.mark.parametrize("kind", KIND_ORDER)
def test_variants_are_deterministic_and_differ_from_the_source(kind):
    text = _sources()["05_initiative_tcheque_obus.txt"]
    assert variant(kind, text, 7) == variant(kind, text, 7)
    assert variant(kind, text, 7) != text


def test_trimmed_keeps_most_paragraphs_in_order():
    text = _sources()["001_aide-caesar.txt"]
    source = paragraphs(text)
    for seed in range(20):
        kept = paragraphs(trimmed(text, random.Random(seed)))
        assert 0.6 * len(source) - 1 <= len(kept) <= 0.8 * len(source)
        positions = [source.index(p) for p in kept]
        assert positions == sorted(positions)


def test_reprint_changes_typography_and_dateline_only():
    text = _sources()["05_initiative_tcheque_obus.txt"]
    for seed in range(10):
        new = shingles(reprint(text, random.Random(seed)))
        old = shingles(text)
        assert len(new & old) >= len(old) - 10  # only the shingles about the dateline


def _partial_rewrite(text: str, rng: random.Random) -> str:
    """`text` with some of its sentences kept and the others' words shuffled:
    a rewrite that keeps part of the original's shingles."""
    kept = []
    for paragraph in paragraphs(text):
        for sentence in sentences(paragraph):
            words = sentence.split()
            if rng.random() >= 0.45:
                rng.shuffle(words)
            kept.append(" ".join(words))
    return " ".join(kept)


def test_a_rewrite_keeping_40_percent_of_the_shingles_is_a_reprint():
    rng = random.Random(20261202)
    joined, rewrites = 0, 0
    for _ in range(6):
        for key, text in sorted(_sources().items()):
            rewrite = _partial_rewrite(text, rng)
            original, new = shingles(text), shingles(rewrite)
            kept = len(original & new) / min(len(original), len(new))
            if not 0.40 <= kept < 0.50:
                continue
            index = StoryIndex()
            index.add(key, text)
            rewrites += 1
            joined += index.add("rewrite", rewrite) == key
    assert rewrites >= 40
    # The containment is estimated from 128 hash values: a few points
    # either way, so the threshold sits below 0.4.
    assert joined / rewrites >= 0.95, (joined, rewrites)

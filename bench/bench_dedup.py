"""De-duplication cost per article: `StoryIndex.add` over a generated feed.

    python bench/bench_dedup.py [--articles 20000] [--variant-share 0.3] [--seed 1]

The feed is made from the 65 French texts of bench/corpus/articles and
eval/heldout/articles (not the dev articles the index was tuned on):

* near-duplicates: the 65 sources, then their variants (new lead, trimmed,
  changed quotes, reprint, rewrite: `aidwatch.dedup.variants`) cycled with
  a new seed each round, `--variant-share` of the feed. Every variant of a
  source is that source's story, so a story grows to ~90 articles: more
  than a real one, and the worst case for the cost (the LSH returns every
  earlier member of the story as a candidate);
* other news: articles of 8 to 14 sentences drawn from as many different
  sources, in paragraphs of one to three, each sentence's words shuffled
  two by two. Without that shuffle they would not be other news: 14,000
  articles drawn from ~1,700 sentences share whole sentences by the
  thousand pairs (the birthday problem), some a third of their text. With
  it, each is its own story.

Everything is shuffled (fixed seed) and added to one index, one article at
a time, on one core. Printed: the mean, median and p99 time of `add`, the
memory the index keeps and the tracemalloc peak while it is built (a second
pass, as tracing slows Python down), and the pairwise precision and recall
of the stories against the labels above. No asserts: the target is 1 ms per
article.
"""

from __future__ import annotations

import os

# One core, one thread: the figures are per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from aidwatch.dedup import StoryIndex  # noqa: E402
from aidwatch.dedup import stories as stories_module  # noqa: E402
from aidwatch.dedup.variants import KINDS, other_news, paragraphs, sentences, variant  # noqa: E402
from aidwatch.ingest.readers import read_paths  # noqa: E402
from aidwatch.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "bench" / "corpus" / "articles", ROOT / "eval" / "heldout" / "articles")


def sources() -> dict[str, str]:
    texts = {}
    for record in read_paths(FOLDERS):
        if isinstance(record, Article):
            texts[record.id] = record.text
    return texts


def feed(n: int, variant_share: float, seed: int) -> list[tuple[str, str, str]]:
    """(article id, label, text), shuffled; the label is the true story."""
    texts = sources()
    docs = sorted(texts)
    kinds = list(KINDS)
    n_dup = max(len(docs), round(n * variant_share))
    out = [(f"{doc}#original", doc, texts[doc]) for doc in docs]
    for i in range(n_dup - len(docs)):
        doc = docs[i % len(docs)]
        kind = kinds[(i // len(docs) + i) % len(kinds)]
        out.append((f"{doc}#{kind}#{i}", doc, variant(kind, texts[doc], f"{seed}/{i}")))
    pool = {
        doc: [
            s
            for p in paragraphs(text)
            for s in sentences(p)
            if len(s.split()) >= 8 and not s.startswith("-")
        ]
        for doc, text in texts.items()
    }
    rng = random.Random(seed)
    for i in range(n - len(out)):
        out.append((f"news#{i}", f"news#{i}", other_news(pool, rng)))
    rng.shuffle(out)
    return out


def _pairs(counts: Counter) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def pairwise(labels: list[str], predicted: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall, counted from the contingency table."""
    both = _pairs(Counter(zip(labels, predicted, strict=True)))
    said, true = _pairs(Counter(predicted)), _pairs(Counter(labels))
    return (both / said if said else 1.0), (both / true if true else 1.0)


def timed_run(
    articles: list[tuple[str, str, str]],
) -> tuple[list[float], float, list[str], list[int]]:
    """Wall time of each `add`, the CPU time of all, the stories, and the
    number of LSH candidates of each query."""
    index = StoryIndex()
    query = index.lsh.query
    candidates: list[int] = []

    def counting_query(signature):  # how many earlier articles each query returns
        found = query(signature)
        candidates.append(len(found))
        return found

    index.lsh.query = counting_query
    times, predicted = [], []
    clock = time.perf_counter
    cpu = time.process_time()
    for article_id, _, text in articles:
        start = clock()
        story = index.add(article_id, text)
        times.append(clock() - start)
        predicted.append(story)
    return times, time.process_time() - cpu, predicted, candidates


def memory_run(articles: list[tuple[str, str, str]]) -> tuple[int, int]:
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = StoryIndex()
    for article_id, _, text in articles:
        index.add(article_id, text)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current - base, peak - base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--variant-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    articles = feed(args.articles, args.variant_share, args.seed)
    built = time.perf_counter() - start
    labels = [label for _, label, _ in articles]
    n_dup = sum(not label.startswith("news#") for label in labels)
    words = statistics.mean(len(text.split()) for _, _, text in articles)
    print(
        f"feed: {len(articles)} articles ({n_dup} sources and variants of "
        f"{len({label for label in labels if not label.startswith('news#')})} stories, "
        f"{len(articles) - n_dup} other news), {words:.0f} words on average, "
        f"generated in {built:.1f} s"
    )
    print(
        f"index: {stories_module.SHINGLE}-word shingles, {stories_module.NUM_PERM} permutations, "
        f"LSH Jaccard {stories_module.CANDIDATE_JACCARD}, "
        f"containment {stories_module.SAME_STORY_CONTAINMENT}"
    )

    times, cpu, predicted, candidates = timed_run(articles)
    ms = sorted(t * 1000 for t in times)
    total = sum(times)
    print(
        f"StoryIndex.add: mean {total / len(times) * 1000:.3f} ms/article wall, "
        f"{cpu / len(times) * 1000:.3f} ms CPU; median {ms[len(ms) // 2]:.3f} ms, "
        f"p99 {ms[int(len(ms) * 0.99)]:.3f} ms, max {ms[-1]:.1f} ms; "
        f"{len(times) / total:.0f} articles/s (target: ≤ 1 ms/article)"
    )
    print(
        f"LSH candidates per query: mean {statistics.mean(candidates):.1f}, max {max(candidates)}"
    )

    kept, peak = memory_run(articles)
    print(
        f"memory (tracemalloc): index keeps {kept / 2**20:.1f} MiB "
        f"({kept / len(articles) / 1024:.2f} KiB/article), peak {peak / 2**20:.1f} MiB"
    )

    p, r = pairwise(labels, predicted)
    dup = [i for i, label in enumerate(labels) if not label.startswith("news#")]
    dp, dr = pairwise([labels[i] for i in dup], [predicted[i] for i in dup])
    print(f"pairwise, all {len(labels)} articles: precision {p:.4f}, recall {r:.4f}")
    print(f"pairwise, the {len(dup)} sources and variants: precision {dp:.4f}, recall {dr:.4f}")
    joined = sum(
        story != article_id
        for (article_id, label, _), story in zip(articles, predicted, strict=True)
        if label.startswith("news#")
    )
    print(
        f"stories: {len(set(predicted))} predicted, {len(set(labels))} true; "
        f"other news joined to a story: {joined}"
    )


if __name__ == "__main__":
    main()

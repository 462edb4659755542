"""Extraction speed on one core: the whole pipeline, with and without the
cheap first pass.

    python bench/bench_extract.py [ARTICLES...]   (default: examples/dev/articles bench/corpus)

With the first pass (the product), only sentences in which the catalogue
finds an item or an amount reach the spaCy parser; without it, every
sentence is parsed, as a pipeline that parses first and looks second would.
Both must give the same facts; the script checks it and prints both speeds.
The model load is timed apart: it is paid once per process.
"""

from __future__ import annotations

import os

# One core, one thread: the figures are per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from aidwatch.extract import extract_article, nlp  # noqa: E402
from aidwatch.extract.pipeline import scan  # noqa: E402
from aidwatch.ingest.readers import Skipped, read_paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _facts(extraction) -> list[tuple]:
    return sorted(
        (f.donor or "", f.item.id, f.status, f.quantity or 0, f.date or "", f.package or "")
        for f in extraction.facts
    )


def main(paths: list[str]) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    articles = [a for a in read_paths(paths) if not isinstance(a, Skipped)]
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    nlp.parser()
    load = time.perf_counter() - started

    scans = [scan(a) for a in articles]
    sentences = sum(len(s) for s in scans)
    flagged = sum(sum(1 for x in s if x.needs_parse) for s in scans)

    timings = {}
    results = {}
    for mode, parse_all in (("first pass", False), ("parse every sentence", True)):
        extract_article(articles[0], parse_all=parse_all)  # warm caches
        started = time.perf_counter()
        results[mode] = [extract_article(a, parse_all=parse_all) for a in articles]
        timings[mode] = time.perf_counter() - started

    same = all(
        _facts(a) == _facts(b) for a, b in zip(results["first pass"], results["parse every sentence"], strict=True)
    )
    facts = sum(len(r.facts) for r in results["first pass"])
    print(f"articles {len(articles)}, words {words}, sentences {sentences}, parsed by the first pass {flagged}")
    print(f"model load {load:.1f} s (once per process)")
    for mode, seconds in timings.items():
        print(f"{mode:22s} {len(articles) / seconds:8.1f} articles/s {words / seconds:9.0f} words/s  ({seconds:.2f} s)")
    speedup = timings["parse every sentence"] / timings["first pass"]
    print(f"speed-up of the first pass: {speedup:.1f}x; same facts: {same} ({facts} facts)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    default = [str(ROOT / "examples/dev/articles"), str(ROOT / "bench/corpus/articles")]
    main(sys.argv[1:] or default)

"""Extraction speed on one core: the whole pipeline, with and without the
cheap first pass.

    python bench/bench_extract.py [ARTICLES...]   (default: examples/dev/articles bench/corpus/articles)
    python bench/bench_extract.py --stream         (the same articles mixed as a news feed is:
                                                    20 % on aid, the rest war and other news)
    python bench/bench_extract.py --english ARTICLES...   (English articles, read by the English
                                                    engine and parser; no English text ships
                                                    with aidwatch: give a folder, e.g.
                                                    ../shared/eval/train_en/articles)

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

import itertools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from aidwatch.extract import extract_articles  # noqa: E402
from aidwatch.extract.engines import engine, module  # noqa: E402
from aidwatch.ingest.readers import read_paths  # noqa: E402
from aidwatch.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


_FULL = None
nlp = None  # the engine's parser module, set by main


def _full_pipeline_parse(sentences: list[str]):
    global _FULL
    if _FULL is None:
        import spacy

        _FULL = spacy.load(nlp.MODEL)
    docs = list(_FULL.pipe(sentences, batch_size=64)) if sentences else []
    if nlp.BUILDING == "en":
        for doc in docs:
            nlp._to_universal(doc)  # the relations the rules read
    return docs


def _facts(extraction) -> list[tuple]:
    return sorted(
        (f.donor or "", f.item.id, f.status, f.quantity or 0, f.date or "", f.package or "")
        for f in extraction.facts
    )


def _on_topic() -> set[str]:
    """Articles the gold files give facts for."""
    names = set()
    for gold in (ROOT / "examples/dev/gold.jsonl", ROOT / "bench/corpus/gold.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["facts"]:
                names.add(record["doc"])
    return names


def _stream(articles: list) -> list:
    """All on-topic articles, then the others cycled until they are 80 %."""
    on_topic = _on_topic()
    aid = [a for a in articles if a.id in on_topic]
    other = [a for a in articles if a.id not in on_topic]
    return aid + list(itertools.islice(itertools.cycle(other), 4 * len(aid)))


def main(paths: list[str], stream: bool, lang: str = "fr") -> None:
    global nlp
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    # The engine of the language: its parser is the one to time and swap.
    nlp, scan = module(lang, "nlp"), engine(lang).scan
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    if any(a.language == "en" for a in articles) != (lang == "en"):
        sys.exit(
            f"bench_extract: the articles are not all {'English' if lang == 'en' else 'French'}"
        )
    if stream:
        articles = _stream(articles)
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    nlp.parser()
    load = time.perf_counter() - started

    scans = [scan(a) for a in articles]
    sentences = sum(len(s) for s in scans)
    flagged = sum(sum(1 for x in s if x.needs_parse) for s in scans)

    timings = {}
    results = {}
    modes = (
        ("first pass", False, nlp.parse),
        ("parse every sentence", True, nlp.parse),
        # What a pipeline with no first pass would naively run: the model's
        # whole pipeline (lemmatizer and NER included) over every sentence.
        ("full model, every one", True, _full_pipeline_parse),
    )
    for mode, parse_all, parse in modes:
        nlp.parse = parse
        list(extract_articles(articles[:5], parse_all=parse_all))  # warm caches
        started = time.perf_counter()
        results[mode] = list(extract_articles(articles, parse_all=parse_all))
        timings[mode] = time.perf_counter() - started
    nlp.parse = modes[0][2]

    same = all(
        _facts(a) == _facts(b) == _facts(c) for a, b, c in zip(*results.values(), strict=True)
    )
    facts = sum(len(r.facts) for r in results["first pass"])
    print(
        f"articles {len(articles)}, words {words}, sentences {sentences}, parsed by the first pass {flagged}"
    )
    print(f"model load {load:.1f} s (once per process)")
    for mode, seconds in timings.items():
        print(
            f"{mode:22s} {len(articles) / seconds:8.1f} articles/s {words / seconds:9.0f} words/s  ({seconds:.2f} s)"
        )
    first = timings["first pass"]
    print(
        f"speed-up of the first pass: {timings['parse every sentence'] / first:.1f}x over parsing every "
        f"sentence, {timings['full model, every one'] / first:.1f}x over the full model on every sentence; "
        f"same facts: {same} ({facts} facts)"
    )
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("--stream", "--english")]
    english = "--english" in sys.argv
    if english and not args:
        sys.exit("bench_extract: --english needs a folder of English articles")
    default = [str(ROOT / "examples/dev/articles"), str(ROOT / "bench/corpus/articles")]
    main(args or default, stream="--stream" in sys.argv, lang="en" if english else "fr")

"""Event grouping on annotated articles: pairwise precision and recall, cost per article.

    python bench/bench_events.py [--gold ../shared/eval/train/gold.jsonl]
                                 [--articles ../shared/eval/train/articles] [--fit]
                                 [--splits 5] [--with ../shared/eval/train_en] [--no-write]

Extracts the articles (stories as `aidwatch extract` groups them), then
scores pairs of articles against the gold `story` labels (which label the
event): *stories* are the store's grouping before events (reprints of one
dispatch), *events* the grouping of `dedup.events` with the shipped weights,
and *reprint precision* the share of story pairs that share a label. As in
`aidwatch extract` and an ingest, only on-topic articles are grouped
(something extracted, or `is_about_aid`); the others' event is their story's.

`--fit` learns the weights again (logistic regression over
`dedup.events.FEATURES`, the threshold that maximises pairwise F1 on the
training pairs, among the pairs an index scores: each article against
its candidates among the earlier ones), prints their cross-validated
figures (5 folds split by label, so that reports of one event never sit on
both sides; each fold's held-out articles are grouped by an index holding
only them, then, harder, by one holding all the articles, the pairs with a
held-out article counted: there a held-out article can join the event of
another fold's article on the same arms) and writes
`src/aidwatch/dedup/events_weights.json`: weights only, no text. With 31
pairs one split's figures are luck as much as measure: `--splits N` also
prints the figures of N - 1 more splits, the labels shuffled (seeds 1 ...)
before they are dealt into folds, and their sum. `--with FOLDER` (a
folder with gold.jsonl and articles/, e.g. ../shared/eval/train_en) adds
that set's pairs (scored among its own articles) to the training pairs of
every fold and of the weights written; `--no-write` measures without
writing them. The shipped weights are fitted on train `--with` train_en.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from pathlib import Path

import numpy as np

from aidwatch.dedup.events import FEATURES, EventIndex, Weights, report_of
from aidwatch.run import extract_paths
from aidwatch.run.driver import on_topic

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "src" / "aidwatch" / "dedup" / "events_weights.json"
FOLDS = 5


def pairs_score(
    groups: dict[str, str], labels: dict[str, str], among: set[str] | None = None
) -> tuple[int, int, int]:
    """True, false and missed pairs; `among`: only pairs with one of these articles."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        if among is not None and a not in among and b not in among:
            continue
        truth = labels[a] == labels[b]
        guess = groups[a] == groups[b]
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
    return tp, fp, fn


def line(name: str, tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{name:<28} P {p:.2f}  R {r:.2f}  ({tp} of {tp + fn} pairs joined, {fp} wrong)"


def grouped(extraction) -> bool:
    # As `aidwatch extract` and an ingest do: an article neither extraction
    # found something in nor `is_about_aid` lets through is not grouped (its
    # event is its story's).
    return on_topic(extraction)


def group(extractions, weights: Weights | None) -> tuple[dict[str, str], list[float]]:
    index = EventIndex(weights=weights)
    groups, costs = {}, []
    for extraction in extractions:
        if not grouped(extraction):
            groups[extraction.article.id] = extraction.story
            continue
        # (CPU time: on a machine shared with other work, wall time says
        # more about the others than about the index)
        start = time.process_time()
        groups[extraction.article.id] = index.add(report_of(extraction)).event
        costs.append(time.process_time() - start)
    return groups, costs


def training_pairs(extractions, labels: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """The features of each pair an index holding these articles would
    score (each article against its candidates among the earlier ones, the
    words' rarity as it was then), and whether the two share a label.
    Pairs of one story are left out: the story decides them."""
    index = EventIndex(capacity=len(extractions) + 1)
    x, y = [], []
    for extraction in extractions:
        if not grouped(extraction):
            continue
        report = report_of(extraction)
        for other, values in index.scored(report):
            if values is not None:
                x.append(values)
                y.append(labels[report.article] == labels[other])
        index.restore(report, report.article)
    return np.array(x).reshape(-1, len(FEATURES)), np.array(y, dtype=bool)


def fit(extractions, labels: dict[str, str], extra=None) -> Weights:
    """`extra`: the (features, truths) of more training pairs (another
    labelled set's, `--with`)."""
    from sklearn.linear_model import LogisticRegression

    x, y = training_pairs(extractions, labels)
    if extra is not None:
        x, y = np.vstack([x, extra[0]]), np.concatenate([y, extra[1]])
    model = LogisticRegression(C=1.0, class_weight={False: 1, True: 5}, max_iter=1000)
    model.fit(x, y)
    probabilities = model.predict_proba(x)[:, 1]
    # The threshold of the best pairwise F1 on the training pairs.
    best, threshold = -1.0, 0.5
    for candidate in np.arange(0.05, 0.99, 0.01):
        guess = probabilities >= candidate
        tp = int((guess & y).sum())
        f = 2 * tp / (y.sum() + guess.sum()) if tp else 0.0
        if f > best:
            best, threshold = f, float(candidate)
    return Weights(float(model.intercept_[0]), tuple(map(float, model.coef_[0])), threshold)


def cross_validate(extractions, labels: dict[str, str], seed: int = 0, extra=None):
    """(true, false, missed) pairs of the folds' held-out articles, grouped
    alone and among all, the labels dealt into folds in sorted order (seed 0)
    or shuffled by `seed`; `extra`: training pairs added to every fold's."""
    stories_of = sorted(set(labels.values()))
    if seed:
        random.Random(seed).shuffle(stories_of)
    total, among = [0, 0, 0], [0, 0, 0]
    for fold in range(FOLDS):
        held = set(stories_of[fold::FOLDS])
        train = [e for e in extractions if labels[e.article.id] not in held]
        test = [e for e in extractions if labels[e.article.id] in held]
        weights = fit(train, labels, extra)
        groups, _ = group(test, weights)
        score = pairs_score(groups, {e.article.id: labels[e.article.id] for e in test})
        total = [t + s for t, s in zip(total, score, strict=True)]
        # The same weights over all the articles in one index: the
        # held-out ones now meet the others' events too.
        groups, _ = group(extractions, weights)
        held_out = {e.article.id for e in test}
        score = pairs_score(groups, labels, held_out)
        among = [t + s for t, s in zip(among, score, strict=True)]
    return total, among


def labelled(gold_path: Path, articles: Path):
    """The extractions of the labelled articles under `articles`, and their
    gold `story` labels."""
    gold = [json.loads(row) for row in gold_path.read_text("utf-8").splitlines() if row.strip()]
    labels = {g["doc"]: g["story"] for g in gold}
    # Grouped here, not by extraction (whose shipped weights may be refitted).
    apart = EventIndex(weights=Weights(0.0, (0.0,) * len(FEATURES), 2.0))
    extractions, _ = extract_paths([articles], events=apart)
    extractions = [e for e in extractions if e.article.id in labels]
    return extractions, {e.article.id: labels[e.article.id] for e in extractions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    eval_dir = ROOT.parent / "shared" / "eval" / "train"
    parser.add_argument("--gold", type=Path, default=eval_dir / "gold.jsonl")
    parser.add_argument("--articles", type=Path, default=eval_dir / "articles")
    parser.add_argument("--fit", action="store_true", help="learn the weights again")
    parser.add_argument(
        "--splits", type=int, default=1, help="with --fit: cross-validate on this many splits"
    )
    parser.add_argument(
        "--with",
        dest="also",
        type=Path,
        action="append",
        default=[],
        help="with --fit: train on this set's pairs too (a folder with gold.jsonl and articles/)",
    )
    parser.add_argument(
        "--no-write", action="store_true", help="with --fit: measure, do not write the weights"
    )
    args = parser.parse_args()

    extractions, labels = labelled(args.gold, args.articles)
    # Another labelled set's pairs (each set's articles scored among its own)
    extra = None
    for folder in args.also:
        more = training_pairs(*labelled(folder / "gold.jsonl", folder / "articles"))
        extra = more if extra is None else tuple(map(np.concatenate, zip(extra, more, strict=True)))
    stories = {e.article.id: e.story for e in extractions}
    tp, fp, fn = pairs_score(stories, labels)
    print(f"{len(extractions)} articles, {tp + fn} event pairs")
    print(line("stories (before events)", tp, fp, fn))
    print(line("reprints (story pairs)", tp, fp, 0).split("  R")[0])

    if args.fit:
        sums = [0] * 6
        for seed in range(max(1, args.splits)):
            total, among = cross_validate(extractions, labels, seed, extra)
            sums = [t + s for t, s in zip(sums, total + among, strict=True)]
            split = f" (split {seed})" if args.splits > 1 else ""
            print(line(f"events, {FOLDS}-fold CV by label{split}", *total))
            print(line("  the same among all", *among))
        if args.splits > 1:
            print(line(f"  {args.splits} splits summed", *sums[:3]))
            print(line("  the same among all", *sums[3:]))
        weights = fit(extractions, labels, extra)
        fitted_on = f"{args.gold.parent.name}: {len(extractions)} articles"
        for folder in args.also:
            fitted_on += f", {folder.name}'s pairs"
        if args.no_write:
            print(
                line(
                    "events (weights fitted on all)",
                    *pairs_score(group(extractions, weights)[0], labels),
                )
            )
            return
        WEIGHTS.write_text(
            json.dumps(
                {
                    "features": list(FEATURES),
                    "intercept": weights.intercept,
                    "coefficients": list(weights.coefficients),
                    "threshold": weights.threshold,
                    "fitted_on": fitted_on,
                },
                indent=2,
            )
            + "\n"
        )
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")

    groups, costs = group(extractions, None)
    print(line("events (shipped weights)", *pairs_score(groups, labels)))
    print(f"cost: {1000 * sum(costs) / len(costs):.3f} ms CPU per article (EventIndex.add)")


if __name__ == "__main__":
    main()

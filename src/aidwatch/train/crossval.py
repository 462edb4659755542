"""Cross-validated figures of the learned decisions, beside the rules' on
the same articles: `aidwatch eval GOLD --run ARTICLES --folds K`.

Each article is scored by a model trained on the other folds, folds split by
story (fit.folds_by_story), so no model is judged on text it was fitted to,
nor on a rewrite of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidwatch.evaluate.scoring import Report, by_language, score
from aidwatch.train.data import Annotated
from aidwatch.train.fit import crossval, read


@dataclass
class Scored:
    report: Report
    predictions: list[dict]
    languages: dict[str, Report]  # the report of each language's articles


@dataclass
class CrossValidation:
    folds: int
    gold: list[dict]
    rules: Scored  # the rules alone, as the extractor runs without a model
    learned: Scored  # each article by a model that never saw its story


def cross_validate(annotated: Annotated, folds: int = 5) -> CrossValidation:
    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    reads = read(annotated.articles, annotated.gold)
    stories = {r.gold.get("story") or r.article.id for r in reads}
    if len(stories) < folds:
        raise ValueError(f"{len(stories)} stories cannot fill {folds} folds")
    gold = [r.gold for r in reads]
    rules = [r.extraction.to_dict() for r in reads]
    learned = crossval(reads, folds)
    return CrossValidation(folds, gold, _scored(gold, rules), _scored(gold, learned))


def _scored(gold: list[dict], predictions: list[dict]) -> Scored:
    return Scored(score(gold, predictions), predictions, by_language(gold, predictions))

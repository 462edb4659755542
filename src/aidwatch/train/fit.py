"""Collect candidates from annotated articles, fit the two classifiers, and
cross-validate them with folds split by story.

scikit-learn's LogisticRegression (liblinear, a fixed seed) fits both: the
features are sparse one-hot strings, a few tens of thousands, and a linear
model on them trains in seconds and can be read (its heaviest weights say
what it learned). The result is a `decide.Model`, saved as weights only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from aidwatch.extract import extract_articles
from aidwatch.extract.candidates import Candidate
from aidwatch.extract.decide import Linear, Model
from aidwatch.extract.engines import language_of, module
from aidwatch.extract.facts import Draft
from aidwatch.model import STATUSES, Article, Extraction
from aidwatch.train.align import Samples, label

C_STATUS = 0.3
C_DONOR = 0.3


class Recorder:
    """A decider that keeps what it is shown, sentence by sentence, and
    answers with the rules' drafts."""

    def __init__(self):
        self.sentences: list[tuple[list[Candidate], list[Draft]]] = []

    def __call__(self, candidates: list[Candidate], rule_drafts: list[Draft]) -> list[Draft]:
        self.sentences.append((candidates, rule_drafts))
        return rule_drafts

    @staticmethod
    def again(candidates: list[Candidate], rule_drafts: list[Draft]) -> list[Draft]:
        """The decider of a second reading of an article extraction dated
        from its own facts (pipeline.py): answered as the first, not kept
        twice."""
        return rule_drafts

    def take(self) -> list[tuple[list[Candidate], list[Draft]]]:
        out, self.sentences = self.sentences, []
        return out


@dataclass
class Read:
    """One annotated article as extraction saw it."""

    article: Article
    gold: dict
    extraction: Extraction
    sentences: list[tuple[list[Candidate], list[Draft]]]  # what the decider was shown

    @property
    def candidates(self) -> list[Candidate]:
        return [c for cands, _ in self.sentences for c in cands]

    def predicted(self, model: Model) -> dict:
        """The article's extraction record with the facts `model` decides:
        the pipeline run again with it as decider (its parses are cached), so
        that what the folds score is what extraction with the model gives,
        down to the facts the pipeline derives after its decider (partners,
        answered requests, packages)."""
        learned = module(language_of(self.article.language), "pipeline").Learned(model)
        [extraction] = extract_articles([self.article], decider=learned)
        return extraction.to_dict()


def read(articles: Iterable[Article], gold: dict[str, dict]) -> list[Read]:
    """Extract the annotated articles once, keeping every candidate."""
    recorder = Recorder()
    wanted = [a for a in articles if a.id in gold]
    out = []
    for article, extraction in zip(wanted, extract_articles(wanted, decider=recorder), strict=True):
        out.append(Read(article, gold[article.id], extraction, recorder.take()))
    return out


def samples(reads: Iterable[Read]) -> Samples:
    into = Samples([], [], [], [])
    for r in reads:
        label(r.article.text, r.gold, r.candidates, into)
    return into


def _matrix(x: list[list[str]]):
    from scipy.sparse import csr_matrix

    names = sorted({f for row in x for f in row})
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, row in enumerate(x):
        for f in sorted(set(row)):  # one order whatever the hash seed: the same model each time
            rows.append(r)
            cols.append(index[f])
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(x), len(names))), index


def _fit_binary(matrix, y: list[int], c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:  # a status the training data never shows: never predicted
        return np.zeros(matrix.shape[1]), -10.0
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(matrix, y)
    return model.coef_[0].copy(), float(model.intercept_[0])


def _fit_statuses(x: list[list[str]], y: list[list[str]], c: float) -> Linear:
    """One binary classifier per status: an item can be pledged and trained
    on in one sentence."""
    matrix, index = _matrix(x)
    rows = [_fit_binary(matrix, [int(s in labels) for labels in y], c) for s in STATUSES]
    return Linear(
        list(STATUSES), index, np.stack([w for w, _ in rows]), np.array([b for _, b in rows])
    )


def _fit_donors(x: list[list[str]], y: list[int], c: float) -> Linear:
    matrix, index = _matrix(x)
    w, b = _fit_binary(matrix, y, c)
    return Linear(["no", "yes"], index, w[None, :], np.array([b]))


def fit(reads: Iterable[Read], meta: dict | None = None) -> Model:
    s = samples(reads)
    if not any(s.status_y) or len(set(s.donor_y)) < 2:
        raise ValueError("too few annotated facts to train on")
    status = _fit_statuses(s.status_x, s.status_y, C_STATUS)
    donor = _fit_donors(s.donor_x, s.donor_y, C_DONOR)
    support = {st: sum(st in labels for labels in s.status_y) for st in STATUSES}
    return Model(status, donor, {**(meta or {}), "support": support})


def folds_by_story(reads: list[Read], k: int) -> list[int]:
    """A fold number per read: whole stories to a fold, the largest first to
    the emptiest fold, so versions of one event never sit on both sides."""
    stories: dict[str, list[int]] = {}
    for i, r in enumerate(reads):
        stories.setdefault(r.gold.get("story") or r.article.id, []).append(i)
    sizes = [0] * k
    fold = [0] * len(reads)
    for _, members in sorted(stories.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        target = min(range(k), key=lambda f: (sizes[f], f))
        for i in members:
            fold[i] = target
        sizes[target] += len(members)
    return fold


def crossval(reads: list[Read], k: int = 5) -> list[dict]:
    """Predictions for every read, each by a model that did not see its story."""
    fold = folds_by_story(reads, k)
    out: list[dict | None] = [None] * len(reads)
    for f in range(k):
        model = fit([r for r, g in zip(reads, fold, strict=True) if g != f])
        for i, r in enumerate(reads):
            if fold[i] == f:
                out[i] = r.predicted(model)
    return out  # type: ignore[return-value]


def train(annotated, meta: dict | None = None) -> Model:
    """A model from annotated articles (data.load)."""
    reads = read(annotated.articles, annotated.gold)
    info = {
        "articles": len(reads),
        "facts": sum(len(r.gold.get("facts", [])) for r in reads),
        **(meta or {}),
    }
    return fit(reads, info)

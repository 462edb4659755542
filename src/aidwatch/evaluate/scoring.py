"""Scores of predicted extractions against gold, as ../shared/eval/README.md
defines them: facts micro P/R/F1 with one-to-one matching, quantity and date
accuracy on matched facts, packages P/R/F1, stories pairwise P/R/F1, and the
month inferred for undated articles.

Both sides are plain dicts in the JSON Lines format of `aidwatch extract`
(predictions) and of the gold file; nothing here runs extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from aidwatch.textnorm import normalise_name


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    facts: PRF = field(default_factory=PRF)
    quantity: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    packages: PRF = field(default_factory=PRF)
    stories: PRF = field(default_factory=PRF)
    undated: Ratio = field(default_factory=Ratio)
    articles: int = 0  # gold records scored
    misses: list[tuple[str, dict]] = field(default_factory=list)  # (doc, gold fact)
    extras: list[tuple[str, dict]] = field(default_factory=list)  # (doc, predicted fact)
    wrong_values: list[tuple[str, str, dict, dict]] = field(
        default_factory=list
    )  # (doc, field, gold, pred)

    def figures(self) -> dict[str, float]:
        return {
            "facts_precision": self.facts.precision,
            "facts_recall": self.facts.recall,
            "facts_f1": self.facts.f1,
            "quantity_accuracy": self.quantity.value,
            "date_accuracy": self.date.value,
            "packages_f1": self.packages.f1,
            "stories_f1": self.stories.f1,
            "undated_month_accuracy": self.undated.value,
        }


def item_matches(gold: dict, pred: dict) -> bool:
    item = pred["item"]
    if gold.get("specific"):
        keys = (normalise_name(item.get("id", "")), normalise_name(item.get("name", "")))
        return any(a and any(a in k for k in keys) for a in gold.get("accept", []))
    return item.get("category") == gold.get("category")


def fact_matches(gold: dict, pred: dict) -> bool:
    return (
        gold.get("donor") == pred.get("donor")
        and gold["status"] == pred["status"]
        and item_matches(gold, pred)
    )


def _unique_predictions(facts: list[dict]) -> list[dict]:
    """Predicted facts with the same (donor, item id, status) count once."""
    seen, out = set(), []
    for f in facts:
        key = (f.get("donor"), f["item"].get("id"), f["status"])
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _max_matching(gold: list[dict], pred: list[dict], ok) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths; lists are small)."""
    edges = [[j for j, p in enumerate(pred) if ok(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _package_matches(gold: dict, pred: dict) -> bool:
    if gold.get("donor") != pred.get("donor") or gold.get("currency") != pred.get("currency"):
        return False
    amount = gold.get("amount") or 0.0
    return abs((pred.get("amount") or 0.0) - amount) <= 0.01 * abs(amount)


def score(gold_records: list[dict], predictions: list[dict]) -> Report:
    report = Report(articles=len(gold_records))
    by_doc = {p["doc"]: p for p in predictions}
    for gold in gold_records:
        doc = gold["doc"]
        pred = by_doc.get(doc, {"facts": [], "packages": []})
        pred_facts = _unique_predictions(pred.get("facts", []))
        pairs = _max_matching(gold["facts"], pred_facts, fact_matches)
        report.facts.tp += len(pairs)
        report.facts.fn += len(gold["facts"]) - len(pairs)
        report.facts.fp += len(pred_facts) - len(pairs)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        report.misses += [(doc, g) for i, g in enumerate(gold["facts"]) if i not in matched_gold]
        report.extras += [(doc, p) for j, p in enumerate(pred_facts) if j not in matched_pred]
        for i, j in pairs:
            g, p = gold["facts"][i], pred_facts[j]
            if g.get("quantity") is not None:
                report.quantity.total += 1
                if p.get("quantity") == g["quantity"]:
                    report.quantity.right += 1
                else:
                    report.wrong_values.append((doc, "quantity", g, p))
            if g.get("date"):
                report.date.total += 1
                if (p.get("date") or "").startswith(g["date"]):
                    report.date.right += 1
                else:
                    report.wrong_values.append((doc, "date", g, p))
        gold_packages = gold.get("packages", [])
        pred_packages = pred.get("packages", [])
        package_pairs = _max_matching(gold_packages, pred_packages, _package_matches)
        report.packages.tp += len(package_pairs)
        report.packages.fn += len(gold_packages) - len(package_pairs)
        report.packages.fp += len(pred_packages) - len(package_pairs)
        if gold.get("published") is None and gold.get("published_gold"):
            report.undated.total += 1
            inferred = ((pred.get("published") or {}).get("date") or "")[:7]
            report.undated.right += inferred == gold["published_gold"][:7]

    docs = [g["doc"] for g in gold_records]
    gold_story = {g["doc"]: g.get("story") for g in gold_records}
    pred_story = {d: by_doc.get(d, {}).get("story", d) for d in docs}
    for a, b in combinations(docs, 2):
        truth = gold_story[a] is not None and gold_story[a] == gold_story[b]
        guess = pred_story[a] == pred_story[b]
        if truth and guess:
            report.stories.tp += 1
        elif guess:
            report.stories.fp += 1
        elif truth:
            report.stories.fn += 1
    return report


def by_language(gold_records: list[dict], predictions: list[dict]) -> dict[str, Report]:
    """The score of each language's articles, by the language each prediction
    record states (`und` when it states none)."""
    language = {p["doc"]: p.get("language") or "und" for p in predictions}
    out = {}
    for lang in sorted(set(language.get(g["doc"], "und") for g in gold_records)):
        gold = [g for g in gold_records if language.get(g["doc"], "und") == lang]
        out[lang] = score(gold, [p for p in predictions if language.get(p["doc"]) == lang])
    return out


def error_types(report: Report, predictions: list[dict], gold_records: list[dict]) -> dict:
    """The misses and spurious facts of `report` by what went wrong.

    A missed gold fact is `item` when no prediction of its article names its
    item, `status` when one names it with its donor but another status,
    `donor` when one names it with its status but another donor, `donor+status`
    when only the item agrees. A spurious prediction is `spurious` when no gold
    fact of its article names its item, else typed the same way."""
    gold_of = {g["doc"]: g.get("facts", []) for g in gold_records}
    pred_of = {p["doc"]: p.get("facts", []) for p in predictions}

    def kind(fact: dict, others: list[dict], fact_is_gold: bool) -> str:
        pairs = [(fact, o) if fact_is_gold else (o, fact) for o in others]
        same_item = [(g, p) for g, p in pairs if item_matches(g, p)]
        if not same_item:
            return "item" if fact_is_gold else "spurious"
        if any(g.get("donor") == p.get("donor") for g, p in same_item):
            return "status"
        if any(g["status"] == p["status"] for g, p in same_item):
            return "donor"
        return "donor+status"

    missed: dict[str, int] = {}
    for doc, g in report.misses:
        k = kind(g, pred_of.get(doc, []), True)
        missed[k] = missed.get(k, 0) + 1
    spurious: dict[str, int] = {}
    for doc, p in report.extras:
        k = kind(p, gold_of.get(doc, []), False)
        spurious[k] = spurious.get(k, 0) + 1
    return {"missed": missed, "spurious": spurious}


def recall_by_status(report: Report, gold_records: list[dict]) -> dict[str, Ratio]:
    """Recall of the gold facts of each status."""
    out: dict[str, Ratio] = {}
    for g in gold_records:
        for f in g.get("facts", []):
            out.setdefault(f["status"], Ratio()).total += 1
    missed: dict[str, int] = {}
    for _, f in report.misses:
        missed[f["status"]] = missed.get(f["status"], 0) + 1
    for status, ratio in out.items():
        ratio.right = ratio.total - missed.get(status, 0)
    return out

"""How well articles and facts are dated, against gold records.

Two figures the tracker's usefulness rests on (issue 12): the publication
month of each article that has a gold month (`published_gold`), and the
month of each matched fact the gold dates. Each answer is right, wrong (a
month that is not the gold one) or none: a wrong month misleads an analyst
where none only leaves a gap, so the two are counted apart. Fact matching is
scoring.py's; only the comparison of dates is ours (to the month, where
scoring.py's date accuracy asks for the gold's whole prefix).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidwatch.evaluate.scoring import _max_matching, _unique_predictions, fact_matches


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    none: int = 0
    wrongs: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, gold, predicted)

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.none

    def add(self, doc: str, gold: str, predicted: str | None) -> None:
        # Compared to the gold's precision, at most a month: « 2022 » is
        # right for any month of 2022, « 2022-06-01 » for any day of June.
        # A year alone (« 2023 » for a gold « 2023-05 ») names no month: it
        # counts as none when the year is right, as wrong when it is not.
        gold = gold[:7]
        if not predicted or (len(predicted) < len(gold) and gold.startswith(predicted)):
            self.none += 1
        elif predicted[: len(gold)] == gold:
            self.right += 1
        else:
            self.wrong += 1
            self.wrongs.append((doc, gold, predicted))

    def line(self) -> str:
        n = self.total or 1
        return (
            f"right {self.right}/{self.total} ({100 * self.right / n:.1f} %), "
            f"wrong {self.wrong} ({100 * self.wrong / n:.1f} %), "
            f"none {self.none} ({100 * self.none / n:.1f} %)"
        )


@dataclass
class DatingReport:
    published: Tally = field(default_factory=Tally)
    facts: Tally = field(default_factory=Tally)
    # The same facts if each without a date took its article's month, as the
    # gold does for the news of the day (« promettent », « a livré »): what
    # the tracker's `when` column gives; measured, not what extract outputs.
    facts_or_article: Tally = field(default_factory=Tally)


def score_dates(gold_records: list[dict], predictions: list[dict]) -> DatingReport:
    """Publication months and matched facts' months, right / wrong / none."""
    report = DatingReport()
    by_doc = {p["doc"]: p for p in predictions}
    for gold in gold_records:
        doc = gold["doc"]
        pred = by_doc.get(doc, {"facts": []})
        if gold.get("published_gold"):
            published = (pred.get("published") or {}).get("date")
            report.published.add(doc, gold["published_gold"], published)
        pred_facts = _unique_predictions(pred.get("facts", []))
        for i, j in _max_matching(gold["facts"], pred_facts, fact_matches):
            if gold["facts"][i].get("date"):
                own = pred_facts[j].get("date")
                report.facts.add(doc, gold["facts"][i]["date"], own)
                published = (pred.get("published") or {}).get("date")
                report.facts_or_article.add(doc, gold["facts"][i]["date"], own or published)
    return report

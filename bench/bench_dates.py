"""How well articles and facts are dated, with and without their date lines.

    python bench/bench_dates.py [SET...]   (default: ../shared/eval/train; SET is a
                                             folder holding articles/ and gold.jsonl)
    python bench/bench_dates.py --wrongs   (also list each wrong month)

Each set is extracted twice through `run.extract_paths`, as `aidwatch extract`
reads one folder (so dating by corroboration across the files of one call
counts): once with the ` date YYYY-MM` lines some files begin with, once with
every such line removed (copies in a temporary folder), which is how most
news reaches the tracker. For each it prints, over the articles with a gold
month, the publication month right / wrong / none, and over the matched
facts the gold dates, their month right / wrong / none
(`evaluate/dating.py`). Targets (issue 12): 85 % right, under 5 % wrong.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

from aidwatch.evaluate.dating import score_dates
from aidwatch.run import extract_paths

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "train"
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?=\s|\Z)\s*", re.I)


def _undated_copy(articles: Path, into: Path) -> Path:
    for path in sorted(articles.iterdir()):
        text = path.read_text(encoding="utf-8")
        (into / path.name).write_text(_DATE_LINE.sub("", text, count=1), encoding="utf-8")
    return into


def _measure(label: str, articles: Path, gold: list[dict], wrongs: bool) -> None:
    start = time.perf_counter()
    results, _ = extract_paths([articles])
    report = score_dates(gold, [r.to_dict() for r in results])
    print(f"  {label} ({time.perf_counter() - start:.0f} s)")
    print(f"    publication month: {report.published.line()}")
    print(f"    matched facts' month: {report.facts.line()}")
    print(f"      (undated facts given their article's month: {report.facts_or_article.line()})")
    if wrongs:
        for what, tally in (("published", report.published), ("fact", report.facts)):
            for doc, expected, got in tally.wrongs:
                print(f"      wrong {what} {doc}: gold {expected}, got {got}")


def main(argv: list[str]) -> None:
    wrongs = "--wrongs" in argv
    sets = [Path(a) for a in argv if not a.startswith("--")] or [DEFAULT]
    for folder in sets:
        gold = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
        print(f"{folder} ({len(gold)} articles)")
        _measure("date lines kept", folder / "articles", gold, wrongs)
        with tempfile.TemporaryDirectory() as tmp:
            undated = _undated_copy(folder / "articles", Path(tmp))
            _measure("date lines removed", undated, gold, wrongs)


if __name__ == "__main__":
    main(sys.argv[1:])

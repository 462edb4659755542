"""Annotated articles for training: gold records checked against the
catalogue and against their article's text, one problem a line.

An analyst's reviewed facts (`aidwatch review export-gold`) and the eval's
gold files have the same form. A record is refused, with the reason naming
it, when a fact's category or status is unknown or its evidence is not in
its article; the other records are still used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aidwatch.ingest.readers import read_paths
from aidwatch.model import CATEGORIES, STATUSES, Article


@dataclass
class Annotated:
    articles: list[Article]
    gold: dict[str, dict]  # doc → gold record
    problems: list[str]  # one line each: file:line: what is wrong


def _fact_problem(fact, text: str) -> str | None:
    if not isinstance(fact, dict):
        return "a fact that is not an object"
    if fact.get("status") not in STATUSES:
        return f"unknown status {fact.get('status')!r}"
    if fact.get("category") not in CATEGORIES:
        return f"unknown category {fact.get('category')!r}"
    if not isinstance(fact.get("item"), str):
        return "a fact whose `item` is not a name"
    evidence = fact.get("evidence")
    if not isinstance(evidence, str) or not evidence or evidence not in text:
        return "evidence not in the article's text"
    return None


def load(gold_paths: Iterable[Path], article_paths: Iterable[Path]) -> Annotated:
    """The gold records whose article is found, each checked."""
    articles = {a.id: a for a in read_paths(article_paths) if isinstance(a, Article)}
    gold: dict[str, dict] = {}
    problems: list[str] = []
    for path in gold_paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{path}: cannot read ({e.__class__.__name__})")
            continue
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not valid JSON ({e.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
                problems.append(f"{where}: not a gold record (no `doc`)")
                continue
            article = articles.get(record["doc"])
            if article is None:
                problems.append(f"{where}: no article {record['doc']!r} among the articles given")
                continue
            facts = record.get("facts")
            if not isinstance(facts, list):
                problems.append(f"{where}: no `facts` list")
                continue
            problem = next(filter(None, (_fact_problem(f, article.text) for f in facts)), None)
            if problem:
                problems.append(f"{where} ({record['doc']}): {problem}")
                continue
            gold[record["doc"]] = record
    kept = [a for a in articles.values() if a.id in gold]
    return Annotated(kept, gold, problems)

"""The tracker of the dev set: the two outlets' versions of one AFP story
(the gold file gives them the same `story`) make one record per fact they
share, reported by both, with figures that agree."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from aidwatch.store import open_store
from aidwatch.store.schema import articles, facts
from aidwatch.tracker import build_tracker

GOLD = Path(__file__).resolve().parents[2] / "examples" / "dev" / "gold.jsonl"


@pytest.fixture(scope="module")
def dev(dev_store):
    engine = open_store(dev_store)
    try:
        with engine.connect() as connection:
            stored = connection.execute(
                select(articles.c.doc, facts).join(articles, articles.c.id == facts.c.article_id)
            ).all()
        yield build_tracker(engine), stored
    finally:
        engine.dispose()


def two_versions() -> tuple[str, str]:
    """The docs of the one story the gold file gives two articles."""
    by_story = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_story[record["story"]].append(record["doc"])
    (pair,) = [docs for docs in by_story.values() if len(docs) == 2]
    return tuple(sorted(pair))


def test_the_two_versions_give_one_record_per_shared_fact(dev):
    tracker, stored = dev
    first, second = two_versions()
    triples = defaultdict(dict)  # (donor, item, status) → {doc: stored fact}
    for row in stored:
        if row.doc in (first, second) and row.quantity_kind != "cumulative_total":
            triples[(row.donor, row.item_id, row.status)][row.doc] = row
    shared = {key: by_doc for key, by_doc in triples.items() if len(by_doc) == 2}
    assert len(shared) >= 3  # the shorter version keeps three facts of the longer
    for (donor, item, status), by_doc in shared.items():
        (record,) = [
            r
            for r in tracker.records
            if (r.donor, r.item_id, r.status) == (donor, item, status)
            and {s.doc for s in r.sources} >= {first, second}
        ]
        assert record.corroboration == 2 and record.stories == 1
        # Their figures agree: the same quantity in both, and no dispute on the record.
        assert by_doc[first].quantity == by_doc[second].quantity == record.quantity
        assert not record.conflicts


def test_no_record_is_counted_twice(dev):
    tracker, stored = dev
    reported = sum(r.corroboration for r in tracker.records)
    cumulative = sum(1 for row in stored if row.quantity_kind == "cumulative_total")
    assert reported == len(stored) - cumulative
    assert len({r.id for r in tracker.records}) == len(tracker.records)


def test_the_cumulative_himars_total_is_checked(dev):
    tracker, _ = dev
    (check,) = [c for c in tracker.checks if c.unit is None]
    pledged = [
        r for r in tracker.records if (r.donor, r.item_id, r.status) == ("US", "himars", "pledged")
    ]
    # « cela portera le nombre total livré à 20 »: the store has the two pledges
    # of four, not the deliveries in between, so the check is flagged short.
    assert check.stated == 20
    assert check.counted == sum(r.quantity for r in pledged)
    assert check.verdict == "short"


def test_the_himars_delivery_links_to_the_june_pledge(dev):
    tracker, _ = dev
    by_id = {r.id: r for r in tracker.records}
    (delivery,) = [
        r
        for r in tracker.records
        if (r.donor, r.item_id, r.status) == ("US", "himars", "delivered")
    ]
    pledge = by_id[delivery.fulfils]
    assert (pledge.status, pledge.date, pledge.quantity) == ("pledged", "2022-06-01", 4)

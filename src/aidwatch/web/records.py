"""The tracker's records for the web app: narrowed by the facts page's filters
and made plain data for the pages and the API.

A record (tracker/model.py) is one commitment merged over every article that
reports it; the web app shows it with its sources, their evidence, its
corroboration, conflicts and the pledge it fulfils. The tracker is computed
from the store as `aidwatch report` computes it, and kept until the store
changes (`current_tracker`): a fraction of a second for thousands of facts,
but about 10 s for 100,000, too long to pay on every page.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import Connection, func, select

from aidwatch.store.schema import fact_history, facts
from aidwatch.tracker import Record, Tracker, build_tracker
from aidwatch.web.queries import FactFilter

# The last tracker made, by the state of the store it was made from.
_last: dict[tuple, Tracker] = {}


def store_state(connection: Connection) -> tuple:
    """What the tracker depends on, in three cheap aggregates: facts stored
    or re-extracted change the count or the highest id, a review adds a
    history row. (Per process: each worker keeps its own.)"""
    return (
        connection.engine.url.render_as_string(hide_password=True),
        *connection.execute(
            select(
                select(func.count(facts.c.id)).scalar_subquery(),
                select(func.max(facts.c.id)).scalar_subquery(),
                select(func.max(fact_history.c.id)).scalar_subquery(),
            )
        ).one(),
    )


def current_tracker(connection: Connection) -> Tracker:
    """The tracker of the store as it is now, made again only when it changed."""
    state = store_state(connection)
    tracker = _last.get(state)
    if tracker is None:
        tracker = build_tracker(connection)
        _last.clear()
        _last[state] = tracker
    return tracker


def _within(when: str | None, where: FactFilter) -> bool:
    """`when` (YYYY[-MM[-DD]]) overlaps the filter's inclusive date range, as
    on the facts page: a record dated to a month overlaps a range that
    starts inside that month."""
    if not (where.date_from or where.date_to):
        return True
    if when is None:
        return False
    if where.date_from and when < where.date_from and not where.date_from.startswith(when):
        return False
    # "-99" sorts after any day or month that starts with the bound.
    return not (where.date_to and when > where.date_to + "-99")


def _keeps(record: Record, where: FactFilter) -> bool:
    if where.donor and (record.donor or "none") != where.donor:
        return False
    for name in ("category", "status", "item_id"):
        wanted = getattr(where, name)
        if wanted and getattr(record, name) != wanted:
            return False
    if where.article_id is not None and all(
        s.article_id != where.article_id for s in record.sources
    ):
        return False
    if where.q and all(where.q.lower() not in s.evidence.lower() for s in record.sources):
        return False
    return _within(record.when, where)


def matching(tracker: Tracker, where: FactFilter) -> list[Record]:
    """The records `where` keeps (the review filter does not apply: records
    are made of the facts not rejected), newest first."""
    kept = [r for r in tracker.records if _keeps(r, where)]
    return sorted(kept, key=lambda r: (r.when or "", r.id), reverse=True)


def as_dict(record: Record, tracker: Tracker) -> dict:
    """A record as the API gives it: its fields, its counts, its sources with
    their evidence and outlet, its conflicts and its package."""
    data = asdict(record)
    data["sources"] = [{**asdict(s), "outlet": s.outlet} for s in record.sources]
    data["conflicts"] = [
        {
            "field": c.field,
            "text": str(c),
            "claims": [
                {"value": claim.value, "unit": claim.unit, "docs": [s.doc for s in claim.sources]}
                for claim in c.claims
            ],
        }
        for c in record.conflicts
    ]
    data.update(corroboration=record.corroboration, stories=record.stories, outlets=record.outlets)
    package = tracker.package(record.package)
    data["package"] = (
        {
            "id": package.id,
            "date": package.date,
            "amount": package.amount,
            "currency": package.currency,
            "eur": package.eur,
            "usd": package.usd,
        }  # fmt: skip
        if package
        else None
    )
    return data


def find(tracker: Tracker, record_id: str) -> Record | None:
    return next((r for r in tracker.records if r.id == record_id), None)


def fulfilled_by(tracker: Tracker, record_id: str) -> list[Record]:
    """The deliveries that fulfil the pledge `record_id`."""
    return [r for r in tracker.records if r.fulfils == record_id]


def facts_in(record: Record, facts: list[dict]) -> set[int]:
    """The ids of the facts (an article's, as queries.article gives them)
    that `record` is made of: its donor, item and status, and a sentence
    among its sources'."""
    sentences = {s.evidence for s in record.sources}
    return {
        f["id"]
        for f in facts
        if (f["donor"], f["item_id"], f["status"]) == (record.donor, record.item_id, record.status)
        and f["evidence"]["text"] in sentences
        and f["verdict"] != "rejected"
    }

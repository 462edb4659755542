"""The event page's read: an event's articles grouped by story, the facts
they share side by side, and the figures they disagree on.

Apart from queries.py so that the event page stays one addition. A fact is
compared on (donor, item, status); rejected facts are left out, corrected
ones count with their reviewed values. Nothing is written.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from aidwatch.store.schema import articles, event_merges, facts
from aidwatch.web.queries import HEAD, _article_head, _fact, _fact_query


def event(connection: Connection, event_id: int) -> dict | None:
    """An event (named by its first article's id), or None when no article has it."""
    rows = connection.execute(
        select(*HEAD).where(articles.c.event == event_id).order_by(articles.c.id)
    ).all()
    if not rows:
        return None
    heads = {row.id: {**_article_head(row), "reason": row.event_reason} for row in rows}
    fact_rows = connection.execute(
        _fact_query()
        .where(articles.c.event == event_id)
        .order_by(facts.c.article_id, facts.c.position)
    ).all()
    by_key: dict[tuple, dict] = {}
    for fact in (_fact(row) for row in fact_rows):
        if fact.get("verdict") == "rejected":
            continue
        key = (fact["donor"], fact["item_id"], fact["status"])
        entry = by_key.setdefault(
            key,
            {"donor": key[0], "item_id": key[1], "item_name": fact["item_name"], "status": key[2]},
        )
        entry.setdefault("by_article", {}).setdefault(fact["article_id"], fact)
    stories: dict[int, list[dict]] = {}
    for head in heads.values():
        stories.setdefault(head["story"] or head["id"], []).append(head)
    compared = []
    for entry in by_key.values():
        reports = entry.pop("by_article")
        entry["reports"] = [
            {"article_id": a, "quantity": f["quantity"], "date": f["date"]}
            for a, f in reports.items()
        ]
        entry["stories"] = len({heads[a]["story"] or a for a in reports})
        entry["disagree"] = [
            name
            for name in ("quantity", "date")
            if len({r[name] for r in entry["reports"] if r[name] is not None}) > 1
        ]
        compared.append(entry)
    compared.sort(key=lambda e: (-e["stories"], e["item_id"], e["donor"] or ""))
    merges = connection.execute(
        select(event_merges).where(event_merges.c.into == event_id).order_by(event_merges.c.id)
    ).all()
    return {
        "id": event_id,
        "articles": list(heads.values()),
        "stories": [{"id": story, "articles": members} for story, members in stories.items()],
        "facts": compared,
        "shared": [e for e in compared if e["stories"] > 1],
        "disagreements": [e for e in compared if e["disagree"]],
        "merges": [
            {"event": m.event, "by_article": m.article_id, "at": m.merged_at.isoformat()}
            for m in merges
        ],
    }

"""Review: a person confirms, rejects or corrects a stored fact, or adds a missed one.

The reviewed view of a fact is its row overlaid by its review (the review's
values when there is one); `reviewed_facts()` is that view as one SELECT and
`not_rejected()` the condition that leaves rejected facts out, used by the
web app's reads, the tracker and the gold export alike, so "reviewed" means
one thing everywhere.

Plain library functions on a SQLAlchemy Connection, usable without HTTP (a
notebook, a script, the CLI); each write runs in one transaction of its own,
so it is given a connection with no transaction in progress. The machine's fact
rows are never changed: a review is a row of `fact_reviews` holding the
verdict and the fact's values as the reviewer left them, and every change
appends to `fact_history` (who, when, the reviewed view before and after). A
fact added from a span is a `facts` row of origin `manual`, reviewed as
`added`. `export_gold` turns reviewed articles into gold records of the eval
format (examples/dev/README.md), so reviews become evaluation data.

Values a person can get wrong (an unknown status, a category, a span outside
the article) raise `ReviewError`; the web app answers them with 422.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache

from sqlalchemy import Connection, Select, case, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from aidwatch.catalog import donors_by_code, items_by_id
from aidwatch.model import CATEGORIES, QUANTITY_KINDS, STATUSES
from aidwatch.store.db import writing
from aidwatch.store.schema import REVIEWED, articles, fact_history, fact_reviews, facts, users
from aidwatch.textnorm import normalise_name

VERDICTS = ("confirmed", "rejected", "corrected", "added")

# What a reviewer may change; the evidence span stays the machine's (or, for
# an added fact, the span the reviewer selected).
EDITABLE = REVIEWED

ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# A fact's date is about the aid it reports: anything outside is a typo.
YEARS = range(1900, 2101)


class ReviewError(ValueError):
    """A review that cannot be applied; the message says which value is wrong."""


class NotFound(LookupError):
    """No such fact or article."""


class Conflict(RuntimeError):
    """The fact was reviewed by someone else since the version the reviewer saw."""


# -- the reviewed view --------------------------------------------------------
# Statements are immutable: built once (cached), not per request.


@cache
def effective(name: str):
    """The reviewed value of a fact column: the review's when there is one."""
    return case(
        (fact_reviews.c.fact_id.is_(None), facts.c[name]),
        else_=fact_reviews.c[name],
    )


@cache
def not_rejected():
    """True for a fact the reviewed view keeps: unreviewed, or reviewed but not rejected."""
    return or_(fact_reviews.c.verdict.is_(None), fact_reviews.c.verdict != "rejected")


@cache
def reviewed_source():
    """Facts with their article and (outer) their review: what the view reads from."""
    return facts.join(articles, articles.c.id == facts.c.article_id).outerjoin(
        fact_reviews, fact_reviews.c.fact_id == facts.c.id
    )


@cache
def _view_columns() -> tuple:
    return (
        facts.c.id,
        facts.c.article_id,
        facts.c.position,
        facts.c.origin,
        facts.c.package,
        facts.c.evidence_text,
        facts.c.evidence_start,
        facts.c.evidence_end,
        *(facts.c[name] for name in EDITABLE),
        fact_reviews.c.verdict,
        fact_reviews.c.reviewed_at,
        fact_reviews.c.version,
        *(fact_reviews.c[name].label(f"r_{name}") for name in EDITABLE),
    )


def reviewed_facts(*columns, rejected: bool = False) -> Select:
    """The reviewed view as one SELECT over `reviewed_source()`: each fact's
    row (the machine's values), its review's `verdict` (None when
    unreviewed), `reviewed_at`, `version` and values (`r_<name>`), and
    `columns` (of the article, say) added; `overlay` makes a row the
    reviewed view. (The overlay is
    made in Python, as the web app made it before: CASEs in the SELECT
    would be computed for every row SQLite sorts, not only the page's.) Rejected facts
    are left out unless `rejected` (the web app shows them, marked)."""
    query = select(*_view_columns(), *columns).select_from(reviewed_source())
    return query if rejected else query.where(not_rejected())


def overlay(row) -> dict:
    """A row of `reviewed_facts()` as the reviewed view's dict."""
    reviewed = row["verdict"] is not None
    fact = {
        "id": row["id"],
        "article_id": row["article_id"],
        "position": row["position"],
        "origin": row["origin"],
        "verdict": row["verdict"],
        "reviewed_at": row["reviewed_at"].isoformat() if row.get("reviewed_at") else None,
        # 0 before the first review: the version a reviewer sends back.
        "version": row["version"] or 0,
        "package": row["package"],
        "evidence": {
            "text": row["evidence_text"],
            "start": row["evidence_start"],
            "end": row["evidence_end"],
        },
    }
    for name in EDITABLE:
        fact[name] = row[f"r_{name}"] if reviewed else row[name]
    if reviewed:
        fact["machine"] = {name: row[name] for name in EDITABLE}
    return fact


def reviewed_fact(connection: Connection, fact_id: int) -> dict | None:
    """The reviewed view of one fact, rejected or not; None when there is no such fact."""
    row = connection.execute(reviewed_facts(rejected=True).where(facts.c.id == fact_id)).first()
    return overlay(row._mapping) if row is not None else None


# -- writes -------------------------------------------------------------------


# Each write takes `version`, the fact's `version` as the reviewer saw it:
# when someone else wrote in between, it raises `Conflict` and writes
# nothing. Without it (a script that means "whatever is there now") the write
# goes on; either way the fact is locked while it is read and written, so the
# history's `before` is always the previous `after`.


def confirm(connection: Connection, fact_id: int, user_id: int, version: int | None = None) -> dict:
    """Mark a fact right as it stands; returns its reviewed view."""
    return _review(connection, fact_id, user_id, "confirmed", {}, version)


def reject(connection: Connection, fact_id: int, user_id: int, version: int | None = None) -> dict:
    """Mark a fact wrong: it stays stored, out of the reviewed view's counts and the gold."""
    return _review(connection, fact_id, user_id, "rejected", {}, version)


def correct(
    connection: Connection,
    fact_id: int,
    user_id: int,
    changes: dict,
    version: int | None = None,
) -> dict:
    """Change some of a fact's values (`EDITABLE`); returns its reviewed view."""
    return _review(connection, fact_id, user_id, "corrected", changes, version)


def add(
    connection: Connection,
    article_id: int,
    user_id: int,
    start: int,
    end: int,
    values: dict,
) -> dict:
    """A fact the machine missed, supported by `text[start:end]` of the article."""
    with writing(connection):
        # Locked: two facts added at once to one article get two positions.
        text = connection.scalar(
            select(articles.c.text).where(articles.c.id == article_id).with_for_update()
        )
        if text is None:
            raise NotFound(f"no article {article_id}")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ReviewError(f"span {start}..{end} is not inside the article (0..{len(text)})")
        fact = _checked(dict(values), required=True)
        position = connection.scalar(
            select(func.coalesce(func.max(facts.c.position), -1) + 1).where(
                facts.c.article_id == article_id
            )
        )
        fact_id = connection.execute(
            insert(facts).values(
                article_id=article_id,
                position=position,
                origin="manual",
                package=None,
                evidence_text=text[start:end],
                evidence_start=start,
                evidence_end=end,
                **fact,
            )
        ).inserted_primary_key[0]
        _write_review(connection, fact_id, article_id, user_id, "added", fact, before=None)
        return reviewed_fact(connection, fact_id)


def _review(
    connection: Connection,
    fact_id: int,
    user_id: int,
    verdict: str,
    changes: dict,
    version: int | None,
) -> dict:
    with writing(connection):
        # PostgreSQL: the fact's row locked until commit, so a second reviewer
        # of the same fact waits, then reads what the first wrote. (SQLite's
        # IMMEDIATE transaction already holds the store's write lock.)
        connection.execute(select(facts.c.id).where(facts.c.id == fact_id).with_for_update())
        before = reviewed_fact(connection, fact_id)
        if before is None:
            raise NotFound(f"no fact {fact_id}")
        if version is not None and version != before["version"]:
            raise Conflict(
                f"fact {fact_id} was reviewed by someone else since version {version}"
                f" (now {before['version']}): reload it and review again"
            )
        values = {name: before[name] for name in EDITABLE}
        if verdict == "corrected":
            unknown = set(changes) - set(EDITABLE)
            if unknown:
                raise ReviewError(f"cannot change {', '.join(sorted(unknown))}")
            values = _checked({**values, **_item_changes(values, changes)}, required=True)
        if before["origin"] == "manual" and verdict != "rejected":
            verdict = "added"  # a person's own fact stays theirs when edited
        _write_review(
            connection, fact_id, before["article_id"], user_id, verdict, values, before=before
        )
        return reviewed_fact(connection, fact_id)


def _item_changes(current: dict, changes: dict) -> dict:
    """`changes` with a new item completed: a catalog id brings its name,
    category and specificity (unless those are changed too); a new name alone
    gets an id made from it. A form sends every field, changed or not, so
    "unchanged" is "equal to the current value"."""
    changes = dict(changes)

    def untouched(name: str) -> bool:
        return name not in changes or changes[name] == current[name]

    item_id = changes.get("item_id")
    if item_id and item_id != current["item_id"] and item_id in items_by_id():
        item = items_by_id()[item_id]
        for name, value in (
            ("item_name", item.name),
            ("category", item.category),
            ("specific", item.specific),
        ):
            if untouched(name):
                changes[name] = value
    elif changes.get("item_name") and not untouched("item_name") and untouched("item_id"):
        changes["item_id"] = normalise_name(changes["item_name"])[:64] or "other"
    return changes


def _checked(values: dict, required: bool) -> dict:
    """The fact values a reviewer gave, checked and normalised."""
    if "item_id" in values and values["item_id"] in items_by_id() and not values.get("item_name"):
        item = items_by_id()[values["item_id"]]
        catalog = {"item_name": item.name, "category": item.category, "specific": item.specific}
        values = {**values, **{k: v for k, v in catalog.items() if values.get(k) in (None, "")}}
    if not values.get("item_id") and values.get("item_name"):
        values["item_id"] = normalise_name(values["item_name"])[:64] or "other"
    out = {}
    for name in EDITABLE:
        value = values.get(name)
        if isinstance(value, str):
            if not storable(value):
                raise ReviewError(f"{name} holds a NUL or a lone surrogate")
            value = value.strip() or None
        out[name] = value
    if out["donor"] is not None:
        out["donor"] = out["donor"].upper()
        if out["donor"] not in donors_by_code() or not donors_by_code()[out["donor"]].can_give:
            raise ReviewError(f"donor {out['donor']!r} is not a known donor code")
    for name in ("item_id", "item_name"):
        if required and not out[name]:
            raise ReviewError(f"{name} is required")
    if out["item_id"] and len(out["item_id"]) > 64:
        raise ReviewError("item_id is longer than 64 characters")
    if out["category"] not in CATEGORIES:
        raise ReviewError(f"category {out['category']!r} is not one of the categories")
    if out["status"] not in STATUSES:
        raise ReviewError(f"status {out['status']!r} is not one of {', '.join(STATUSES)}")
    if out["quantity"] is not None:
        try:
            out["quantity"] = int(out["quantity"])
        except (TypeError, ValueError):
            raise ReviewError(f"quantity {out['quantity']!r} is not a whole number") from None
        if not 0 < out["quantity"] < 10**12:
            raise ReviewError("quantity must be positive")
        out["quantity_kind"] = out["quantity_kind"] or "exact"
    else:
        out["quantity_kind"] = None
    if out["quantity_kind"] is not None and out["quantity_kind"] not in QUANTITY_KINDS:
        raise ReviewError(f"quantity_kind {out['quantity_kind']!r} is not one of the kinds")
    if out["date"] is not None and not real_date(out["date"]):
        raise ReviewError(
            f"date {out['date']!r} is not a real date YYYY, YYYY-MM or YYYY-MM-DD"
            f" ({YEARS[0]} to {YEARS[-1]})"
        )
    out["specific"] = bool(out["specific"]) if out["specific"] is not None else True
    return out


def storable(text: str) -> bool:
    """Text both stores keep as given: PostgreSQL refuses NUL in text, and a
    lone surrogate (which JSON's \\ud800 escape can carry) is no UTF-8."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def real_date(value: str) -> bool:
    """`value` is YYYY, YYYY-MM or YYYY-MM-DD, a real one (no 2022-13-45), within `YEARS`."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    parts = [int(part) for part in value.split("-")] + [1, 1]
    try:
        date(*parts[:3])
    except ValueError:
        return False
    return parts[0] in YEARS


def _write_review(
    connection: Connection,
    fact_id: int,
    article_id: int,
    user_id: int,
    verdict: str,
    values: dict,
    before: dict | None,
) -> None:
    now = datetime.now(UTC)
    version = before["version"] + 1 if before else 1
    row = {"verdict": verdict, "user_id": user_id, "reviewed_at": now, "version": version}
    row.update(values)
    # One statement, insert or update: no window between looking and writing
    # in which another writer's insert would make this one a duplicate key.
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(fact_reviews).values(fact_id=fact_id, article_id=article_id, **row)
    connection.execute(
        upsert.on_conflict_do_update(
            index_elements=[fact_reviews.c.fact_id],
            set_={name: upsert.excluded[name] for name in row},
        )
    )
    connection.execute(
        insert(fact_history).values(
            fact_id=fact_id,
            user_id=user_id,
            at=now,
            action=verdict,
            before=json.dumps(_kept(before), ensure_ascii=False) if before else None,
            after=json.dumps({"verdict": verdict, **values}, ensure_ascii=False),
        )
    )


def _kept(view: dict) -> dict:
    """What the history keeps of a reviewed view: the verdict and the values."""
    return {"verdict": view["verdict"], **{name: view[name] for name in EDITABLE}}


def history(connection: Connection, fact_id: int) -> list[dict]:
    """Every change to a fact, oldest first: who, when, action, before, after."""
    rows = connection.execute(
        select(fact_history, users.c.name.label("user"))
        .select_from(fact_history.join(users, users.c.id == fact_history.c.user_id))
        .where(fact_history.c.fact_id == fact_id)
        .order_by(fact_history.c.id)
    )
    return [
        {
            "user": row.user,
            "at": row.at.isoformat(),
            "action": row.action,
            "before": json.loads(row.before) if row.before else None,
            "after": json.loads(row.after),
        }
        for row in rows
    ]


def export_gold(connection: Connection, complete_only: bool = True) -> Iterator[dict]:
    """Gold records (the eval format) of the reviewed articles, in store order.

    With `complete_only`, only articles whose every fact is reviewed: an
    unreviewed machine fact is neither gold nor known wrong, and scoring
    would count it as an extra. Rejected facts are left out; packages,
    events and totals are not reviewed, so they are left out too."""
    reviewed = (
        select(fact_reviews.c.article_id)
        .group_by(fact_reviews.c.article_id)
        .having(func.count() > 0)
    )
    unreviewed = (
        select(facts.c.article_id)
        .select_from(facts.outerjoin(fact_reviews, fact_reviews.c.fact_id == facts.c.id))
        .where(fact_reviews.c.fact_id.is_(None))
    )
    query = select(articles).where(articles.c.id.in_(reviewed)).order_by(articles.c.id)
    if complete_only:
        query = query.where(articles.c.id.not_in(unreviewed))
    story_doc = articles.alias("story_article")
    docs = dict(connection.execute(select(story_doc.c.id, story_doc.c.doc)).all())
    for article in connection.execute(query).all():
        rows = connection.execute(
            reviewed_facts()
            .where(facts.c.article_id == article.id, fact_reviews.c.verdict.is_not(None))
            .order_by(facts.c.position)
        )
        gold_facts = [_gold_fact(overlay(row._mapping)) for row in rows]
        stated = None if article.published_inferred else article.published
        yield {
            "doc": article.doc,
            "published": stated,
            "published_gold": article.published[:7] if article.published else None,
            "story": docs.get(article.story) if article.story else None,
            "facts": gold_facts,
        }


def _gold_fact(fact: dict) -> dict:
    specific = bool(fact["specific"])
    accept = []
    if specific:
        for name in (fact["item_id"], fact["item_name"]):
            key = normalise_name(name or "")
            if key and key not in accept:
                accept.append(key)
    return {
        "donor": fact["donor"],
        "item": fact["item_name"],
        "specific": specific,
        "accept": accept,
        "category": fact["category"],
        "status": fact["status"],
        "quantity": fact["quantity"],
        "quantity_kind": fact["quantity_kind"],
        "date": fact["date"],
        "package": fact["package"],
        "evidence": fact["evidence"]["text"],
    }

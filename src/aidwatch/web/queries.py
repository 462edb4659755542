"""The web app's reads: parameterised SQLAlchemy Core queries returning plain dicts.

Every page and every JSON answer is one of these functions, so the HTML and
the API show the same data. Facts are always the reviewed view (the machine's
row overlaid by its review: `store.review.reviewed_facts`). Lists are paged by key (`before`
a fact id, newest first), never by offset, and counted only up to
`COUNT_CAP`, so a page costs the same on page 1 and page 2,000. Values from
a request only ever reach SQL as bound parameters. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Connection, func, or_, select

from aidwatch.store.review import (
    effective,
    not_rejected,
    overlay,
    reviewed_facts,
    reviewed_source,
)
from aidwatch.store.schema import (
    MAX_ID,
    articles,
    events,
    fact_reviews,
    facts,
    packages,
    totals,
)
from aidwatch.tracker.model import outlet

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
COUNT_CAP = 1_000  # beyond this a list says "1,000+" rather than counting on


ISO_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _filter(**check):
    return field(default=None, metadata=check)


@dataclass
class FactFilter:
    """What the facts table can be narrowed to; None means any.

    The one declaration of the filters: each field's metadata is the check a
    request's value must pass (pydantic `Field` arguments), from which the
    web app builds the query of /api/facts and of the facts page."""

    donor: str | None = _filter(max_length=8, description="ISO code, EU, NATO, or `none`")
    category: str | None = _filter(max_length=40)
    status: str | None = _filter(max_length=16)
    # ISO prefixes, inclusive (2022-06 takes all of June)
    date_from: str | None = _filter(pattern=ISO_PREFIX, description="YYYY[-MM[-DD]], inclusive")
    date_to: str | None = _filter(pattern=ISO_PREFIX, description="YYYY[-MM[-DD]], inclusive")
    q: str | None = _filter(max_length=200, description="words in the evidence")
    verdict: str | None = _filter(
        max_length=16, description="unreviewed, confirmed, rejected, corrected or added"
    )
    item_id: str | None = _filter(max_length=64)
    article_id: int | None = _filter(ge=0, le=MAX_ID)
    language: str | None = _filter(max_length=8, description="the article's: fr, en or und")


@cache  # statements are immutable: built once, not per request
def _fact_date():
    # A fact without a date of its own happened around its article's date.
    return func.coalesce(effective("date"), articles.c.published)


def _matching_ids(where: FactFilter, before: int | None = None):
    """Ids of the facts that `where` keeps (below `before`), found through the
    indexes: unreviewed facts by their own columns, reviewed ones by their
    review's, in two branches of a UNION ALL. (A CASE over the join, as
    `effective` is, would read every fact.) Used when `where` has an
    equality (`EQUALITIES`) for an index to start from."""

    def branch(values, id_column, source):
        # `values` holds the reviewed values: facts for the machine branch,
        # fact_reviews for the reviewed one.
        conditions = [
            values.c[name].is_(None)
            if name == "donor" and value == "none"
            else values.c[name] == value
            for name, value in _equalities(where).items()
        ]
        if where.date_from or where.date_to:
            conditions += _date_conditions(
                func.coalesce(values.c.date, articles.c.published), where
            )
            source = source.join(articles, articles.c.id == facts.c.article_id)
        if where.q:
            conditions.append(_evidence_has(where.q))
        if where.article_id is not None:
            conditions.append(facts.c.article_id == where.article_id)
        if before is not None:
            conditions.append(id_column < before)
        return select(id_column.label("id")).select_from(source).where(*conditions)

    machine = branch(facts, facts.c.id, facts).where(
        facts.c.id.not_in(select(fact_reviews.c.fact_id))
    )
    reviewed = branch(
        fact_reviews,
        fact_reviews.c.fact_id,
        fact_reviews.join(facts, facts.c.id == fact_reviews.c.fact_id),
    )
    if where.verdict == "unreviewed":
        return machine
    if where.verdict:
        return reviewed.where(fact_reviews.c.verdict == where.verdict)
    return machine.union_all(reviewed)


def _date_conditions(date, where: FactFilter) -> list:
    conditions = []
    if where.date_from:
        # A fact dated only to the month or year of the bound overlaps the range.
        prefixes = {where.date_from[:4], where.date_from[:7]}
        conditions.append(or_(date >= where.date_from, date.in_(prefixes)))
    if where.date_to:
        # "-99" sorts after any day or month that starts with the bound.
        conditions.append(date <= where.date_to + "-99")
    return conditions


def _evidence_has(words: str):
    return func.lower(facts.c.evidence_text).contains(words.lower(), autoescape=True)


EQUALITIES = ("donor", "category", "status", "item_id")


def _equalities(where: FactFilter) -> dict[str, str]:
    return {name: getattr(where, name) for name in EQUALITIES if getattr(where, name)}


def _conditions(where: FactFilter) -> list:
    """Every condition of `where`, for a query over `reviewed_source()`."""
    if _equalities(where):
        return [facts.c.id.in_(_matching_ids(where))]
    conditions = _date_conditions(_fact_date(), where)
    if where.q:
        conditions.append(_evidence_has(where.q))
    if where.verdict == "unreviewed":
        conditions.append(fact_reviews.c.fact_id.is_(None))
    elif where.verdict:
        conditions.append(fact_reviews.c.verdict == where.verdict)
    if where.article_id is not None:
        conditions.append(facts.c.article_id == where.article_id)
    if where.language:
        conditions.append(articles.c.language == where.language)
    return conditions


@cache
def _fact_query():
    # Rejected facts too: the pages show them, marked.
    return reviewed_facts(
        articles.c.doc,
        articles.c.title,
        articles.c.published,
        articles.c.language,
        rejected=True,
    )


def _fact(row) -> dict:
    mapping = row._mapping
    fact = overlay(mapping)
    fact["article"] = {
        "id": mapping["article_id"],
        "doc": mapping["doc"],
        "title": mapping["title"],
        "published": mapping["published"],
        "language": mapping["language"],
    }
    return fact


def facts_page(
    connection: Connection,
    where: FactFilter,
    limit: int = PAGE_SIZE,
    before: int | None = None,
) -> dict:
    """One page of facts, newest first: {facts, next_before, total, total_capped};
    `total` (up to `COUNT_CAP`) on the first page only, None after."""
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    equal = _equalities(where)
    if equal:
        ids = _matching_ids(where, before).subquery()
        counted = select(ids.c.id).limit(COUNT_CAP + 1).subquery()
    if equal and where == FactFilter(**equal):
        # Equalities alone: the page's ids come from the indexes, then only
        # the page's rows are read.
        newest = select(ids.c.id).order_by(ids.c.id.desc()).limit(limit + 1)
        query = _fact_query().where(facts.c.id.in_(newest))
    else:
        # Read facts newest first and keep those that match, until the page
        # is full: with a date or words as well, most matches are near the
        # top, and sorting all of them would cost more. (`id + 0`: the ids of
        # the equalities are a set to look into, not a list to read first.)
        conditions = _conditions(FactFilter(**{**vars(where), **dict.fromkeys(equal)}))
        if equal:
            only_equal = FactFilter(**equal)
            conditions.append((facts.c.id + 0).in_(_matching_ids(only_equal)))
        else:
            counted = (
                select(facts.c.id)
                .select_from(reviewed_source())
                .where(*conditions)
                .limit(COUNT_CAP + 1)
            ).subquery()
        query = _fact_query().where(*conditions)
        if before is not None:
            query = query.where(facts.c.id < before)
    rows = connection.execute(query.order_by(facts.c.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page = {
        "facts": [_fact(row) for row in rows],
        "next_before": rows[-1].id if more else None,
        "total": None,
        "total_capped": False,
    }
    if before is None:  # the count is shown once, above the first page
        total = connection.scalar(select(func.count()).select_from(counted))
        page.update(total=min(total, COUNT_CAP), total_capped=total > COUNT_CAP)
    return page


def fact(connection: Connection, fact_id: int) -> dict | None:
    row = connection.execute(_fact_query().where(facts.c.id == fact_id)).first()
    return _fact(row) if row is not None else None


def article(connection: Connection, article_id: int) -> dict | None:
    """An article with its text, its facts (reviewed view, in text order), its
    packages, events and totals, and the other articles of its story."""
    row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    fact_rows = connection.execute(
        _fact_query()
        .where(facts.c.article_id == article_id)
        .order_by(facts.c.evidence_start, facts.c.position)
    ).all()
    return {
        **_article_head(row),
        "text": row.text,
        "facts": [_fact(r) for r in fact_rows],
        "packages": _owned(connection, packages, article_id),
        "events": _owned(connection, events, article_id),
        "totals": _owned(connection, totals, article_id),
        "story_articles": [
            _article_head(r)
            for r in connection.execute(
                select(*HEAD).where(articles.c.story == row.story).order_by(articles.c.id)
            )
            if row.story is not None and r.id != row.id
        ],
    }


# An article's columns but its text (a story's other articles, lists).
HEAD = [c for c in articles.c if c.name not in ("text", "text_hash")]


def _article_head(row) -> dict:
    return {
        "id": row.id,
        "doc": row.doc,
        "source": row.source,
        "outlet": outlet(row.source),
        "title": row.title,
        "published": row.published,
        "published_inferred": row.published_inferred,
        "language": row.language,
        "story": row.story,
        "event": row.event,
        "relevant": row.relevant,
    }


def _owned(connection: Connection, table, article_id: int) -> list[dict]:
    rows = connection.execute(
        select(table).where(table.c.article_id == article_id).order_by(table.c.position)
    )
    out = []
    for row in rows:
        record = {
            k: v
            for k, v in row._mapping.items()
            if not k.startswith("evidence") and k != "position"
        }
        record["evidence"] = {
            "text": row.evidence_text,
            "start": row.evidence_start,
            "end": row.evidence_end,
        }
        out.append(record)
    return out


def highlighted(text: str, spans: list[tuple[int, int, int]]) -> list[dict]:
    """The text cut where evidence spans (start, end, fact id) begin and end:
    segments {start, text, facts} in order, `facts` the ids covering each, so
    overlapping evidence (two facts of one sentence) needs no nested marks."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    bounds = sorted(cuts)
    segments = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [fid for s, e, fid in spans if s <= start and end <= e]
        segments.append({"start": start, "text": text[start:end], "facts": covering})
    return segments


def articles_list(connection: Connection, limit: int = 200) -> list[dict]:
    """The newest articles, each with its count of facts."""
    counts = (
        select(facts.c.article_id, func.count().label("facts"))
        .group_by(facts.c.article_id)
        .subquery()
    )
    rows = connection.execute(
        select(*HEAD, func.coalesce(counts.c.facts, 0).label("facts"))
        .select_from(articles.outerjoin(counts, counts.c.article_id == articles.c.id))
        .order_by(articles.c.id.desc())
        .limit(limit)
    )
    return [{**_article_head(row), "facts": row.facts} for row in rows]


def stories_list(connection: Connection, limit: int = 500) -> list[dict]:
    """The newest stories, each named by its first article (title, outlet,
    date) with its count of articles and the span of their dates."""
    counts = (
        select(
            articles.c.story,
            func.count().label("articles"),
            func.max(articles.c.published).label("last"),
        )
        .where(articles.c.story.is_not(None))
        .group_by(articles.c.story)
        .subquery()
    )
    rows = connection.execute(
        select(*HEAD, counts.c.articles, counts.c.last)
        .select_from(articles.join(counts, counts.c.story == articles.c.id))
        .order_by(articles.c.id.desc())
        .limit(limit)
    )
    return [{**_article_head(row), "articles": row.articles, "last": row.last} for row in rows]


def story(connection: Connection, story_id: int) -> dict | None:
    """A story (named by its first article's id): its articles and their facts."""
    rows = connection.execute(
        select(*HEAD).where(articles.c.story == story_id).order_by(articles.c.id)
    ).all()
    if not rows:
        return None
    fact_rows = connection.execute(
        _fact_query()
        .where(articles.c.story == story_id)
        .order_by(facts.c.article_id, facts.c.position)
    ).all()
    return {
        "id": story_id,
        "articles": [_article_head(row) for row in rows],
        "facts": [_fact(row) for row in fact_rows],
    }


def packages_list(connection: Connection, limit: int = 500) -> list[dict]:
    rows = connection.execute(
        select(packages, articles.c.doc, articles.c.title)
        .select_from(packages.join(articles, articles.c.id == packages.c.article_id))
        .order_by(packages.c.date.desc(), packages.c.id.desc())
        .limit(limit)
    )
    return [_package(row) for row in rows]


def _package(row) -> dict:
    return {
        "id": row.id,
        "article_id": row.article_id,
        "doc": row.doc,
        "title": row.title,
        "package": row.package,
        "donor": row.donor,
        "date": row.date,
        "amount": row.amount,
        "currency": row.currency,
        "evidence": {
            "text": row.evidence_text,
            "start": row.evidence_start,
            "end": row.evidence_end,
        },
    }


def package(connection: Connection, package_id: int) -> dict | None:
    """A package and the facts of its article that belong to it."""
    row = connection.execute(
        select(packages, articles.c.doc, articles.c.title)
        .select_from(packages.join(articles, articles.c.id == packages.c.article_id))
        .where(packages.c.id == package_id)
    ).first()
    if row is None:
        return None
    fact_rows = connection.execute(
        _fact_query()
        .where(facts.c.article_id == row.article_id, facts.c.package == row.package)
        .order_by(facts.c.position)
    ).all()
    return {**_package(row), "facts": [_fact(r) for r in fact_rows]}


def systems_list(connection: Connection) -> list[dict]:
    """Every item with facts: id, name, category, count of facts (not rejected)."""
    item = effective("item_id").label("item_id")
    rows = connection.execute(
        select(
            item,
            func.max(effective("item_name")).label("name"),
            func.max(effective("category")).label("category"),
            func.count().label("facts"),
        )
        .select_from(reviewed_source())
        .where(not_rejected())
        .group_by(item)
        .order_by(func.count().desc(), item)
    )
    return [dict(row._mapping) for row in rows]


def system(connection: Connection, item_id: str, limit: int = PAGE_SIZE) -> dict | None:
    """One item: its facts by donor and status, and the latest facts."""
    counts = connection.execute(
        select(
            effective("donor").label("donor"),
            effective("status").label("status"),
            func.count().label("facts"),
        )
        .select_from(reviewed_source())
        .where(*_conditions(FactFilter(item_id=item_id)), not_rejected())
        .group_by(effective("donor"), effective("status"))
        .order_by(func.count().desc())
    ).all()
    if not counts:
        return None
    page = facts_page(connection, FactFilter(item_id=item_id), limit=limit)
    first = page["facts"][0] if page["facts"] else {}
    return {
        "item_id": item_id,
        "name": first.get("item_name", item_id),
        "category": first.get("category"),
        "by_donor_status": [dict(row._mapping) for row in counts],
        "facts": page["facts"],
        "total": page["total"],
    }


def counts(connection: Connection) -> dict:
    """Dashboard figures: facts (not rejected) by donor and status, and by month."""
    donor = func.coalesce(effective("donor"), "?")
    by_donor = connection.execute(
        select(donor.label("donor"), effective("status").label("status"), func.count())
        .select_from(reviewed_source())
        .where(not_rejected())
        .group_by(donor, effective("status"))
    ).all()
    month = func.substr(_fact_date(), 1, 7)
    by_month = connection.execute(
        select(month.label("month"), effective("status").label("status"), func.count())
        .select_from(reviewed_source())
        .where(not_rejected(), _fact_date().is_not(None))
        .group_by(month, effective("status"))
        .order_by(month)
    ).all()
    reviewed = dict(
        connection.execute(
            select(fact_reviews.c.verdict, func.count()).group_by(fact_reviews.c.verdict)
        ).all()
    )
    return {
        "facts": connection.scalar(select(func.count()).select_from(facts)),
        "articles": connection.scalar(select(func.count()).select_from(articles)),
        "reviewed": reviewed,
        "by_donor_status": [list(row) for row in by_donor],
        "by_month_status": [list(row) for row in by_month],
    }


def choices(connection: Connection) -> dict:
    """The values the filters offer: donors and categories present in the store."""
    return {
        "donors": [
            d
            for d in connection.scalars(select(facts.c.donor).distinct().order_by(facts.c.donor))
            if d
        ],
        "categories": list(
            connection.scalars(select(facts.c.category).distinct().order_by(facts.c.category))
        ),
    }

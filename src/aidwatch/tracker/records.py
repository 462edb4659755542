"""Merge stored facts into tracker records: each commitment once, with every source.

A commitment is (donor, item, status, when): `when` is the fact's date, else
its package's date, else unknown (the article's publication date then bounds
it). Facts with the same donor, item and status are the same commitment when
they come from reprints of one story, or when their dates are compatible: one
is the other or a more precise form of it (`2022-06` and `2022-06-01`), and an
undated fact fits any date up to its article's publication (see
`same_commitment`). Two facts of one article are never merged (the extraction
already made one fact per triple and article, so two such facts are two
packages). Packages are merged the same way, by donor and date. Figures are compared, never averaged: sources that give another
quantity, package value or package put a `Conflict` on the record, with each
value and who gives it, and the merged figure is left empty. A delivery is
linked to the latest pledge of the same donor and item that is not dated after
it. Cumulative totals (« portera le nombre total livré à 20 ») are statements
about many records, not records: totals.py checks them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from aidwatch.tracker.model import (
    Claim,
    Conflict,
    FactRow,
    PackageRecord,
    PackageRow,
    Record,
    Source,
)
from aidwatch.tracker.rates import convert

# Two amounts closer than this are the same figure written two ways
# (« 1,1 milliard » and « 1 100 millions »), as the scoring of packages has it.
SAME_AMOUNT = 0.01

T = TypeVar("T", FactRow, PackageRow)


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates that can name the same day: equal, one a prefix of the other, or unknown."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def not_after(a: str | None, b: str | None) -> bool:
    """`a` is not later than `b`, at the precision both have (unknown: not later)."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def same_commitment(a: T, a_date: str | None, b: T, b_date: str | None) -> bool:
    """Whether two rows of one (donor, item, status) can report the same commitment.

    Reprints of one dispatch (same story) report the same thing. Otherwise two
    dates must be compatible; a row without a date says only that it happened
    by the time its article was published, so it fits a dated row not later
    than that, and another undated row published the same month."""
    if a.source.story is not None and a.source.story == b.source.story:
        return True
    if a_date and b_date:
        return compatible(a_date, b_date)
    if a_date or b_date:
        dated, undated = (a_date, b) if a_date else (b_date, a)
        return not_after(dated, undated.source.published)
    return compatible(a.source.published, b.source.published)


def cluster(
    rows: Iterable[T],
    date: Callable[[T], str | None],
    agree: Callable[[T, T], bool] = lambda a, b: True,
) -> list[list[T]]:
    """Rows grouped by `same_commitment`, no two of one article in a group.

    The most precise rows found the groups (sorted first), so that a vaguer
    one (`2022-06`, or undated) joins the group of a precise one instead of
    founding its own; it joins, of the groups it fits, one whose date agrees
    with its own, then one whose figures `agree` with its own (an undated
    reprint of two packages tells them apart by value), then one of its own
    story, then the latest. Among equals the earlier article comes first, which
    makes the grouping independent of the order the rows come in."""
    ordered = sorted(
        rows,
        key=lambda r: (
            -len(date(r) or ""),
            date(r) or r.source.published or "",
            r.source.article_id,
        ),
    )
    groups: list[list[T]] = []
    for row in ordered:
        fits = [
            group
            for group in groups
            if all(m.source.article_id != row.source.article_id for m in group)
            and same_commitment(group[0], date(group[0]), row, date(row))
        ]
        if fits:
            best = max(
                fits,
                key=lambda g: (
                    compatible(date(g[0]), date(row)),
                    agree(g[0], row),
                    any(m.source.story == row.source.story for m in g),
                    date(g[0]) or g[0].source.published or "",
                ),
            )
            best.append(row)
        else:
            groups.append([row])
    return groups


def _claims(values: list[tuple[float | int | str, str | None, Source]]) -> list[Claim]:
    """Distinct values (amounts within `SAME_AMOUNT` of each other are one), each
    with its sources, in the order first given."""
    claims: list[tuple[float | int | str, str | None, list[Source]]] = []
    for value, unit, source in values:
        for claimed, claimed_unit, sources in claims:
            same = (
                same_amount(value, claimed)
                if isinstance(value, float) and isinstance(claimed, float)
                else value == claimed
            )
            if same and unit == claimed_unit:
                if source not in sources:
                    sources.append(source)
                break
        else:
            claims.append((value, unit, [source]))
    return [Claim(value, unit, tuple(sources)) for value, unit, sources in claims]


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_AMOUNT * max(abs(a), abs(b))


def _same_value(a: PackageRow, b: PackageRow) -> bool:
    return a.currency == b.currency and same_amount(a.amount, b.amount)


def _unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def merge_packages(
    rows: Iterable[PackageRow],
) -> tuple[list[PackageRecord], dict[tuple[int, str], str]]:
    """Packages merged by donor and `when`; and the merged id of each article's
    package label, `{(article_id, label): PackageRecord.id}`."""
    by_donor: dict[str | None, list[PackageRow]] = defaultdict(list)
    for row in rows:
        by_donor[row.donor].append(row)
    merged: list[PackageRecord] = []
    ids: dict[tuple[int, str], str] = {}
    taken: set[str] = set()

    for donor in sorted(by_donor, key=lambda d: d or ""):
        for group in cluster(by_donor[donor], lambda row: row.date, _same_value):
            date = next((r.date for r in group if r.date), None)
            when = date or _first_published(group)
            claims = _claims([(float(r.amount), r.currency, r.source) for r in group])
            package = PackageRecord(
                id=_unique_id(f"{donor or 'unknown'}-{when or 'undated'}", taken),
                donor=donor,
                date=date,
                amount=claims[0].value if len(claims) == 1 else None,
                currency=claims[0].unit if len(claims) == 1 else None,
                sources=_distinct(r.source for r in group),
                conflict=Conflict("value", tuple(claims)) if len(claims) > 1 else None,
                when=when,
            )
            if package.amount is not None:
                value = convert(package.amount, package.currency, package.when)
                package.eur, package.usd, package.rate_note = value.eur, value.usd, value.note
            merged.append(package)
            for row in group:
                ids[(row.source.article_id, row.label)] = package.id
    return merged, ids


def merge_records(
    rows: Iterable[FactRow],
    packages: list[PackageRecord] | None = None,
    package_ids: dict[tuple[int, str], str] | None = None,
) -> list[Record]:
    """One `Record` per commitment, deliveries linked to their pledges.

    `packages` and `package_ids` are what `merge_packages` gives for the same
    articles; without them records carry no package. Cumulative totals are left
    out (see totals.py)."""
    package_ids = package_ids or {}
    package_by_id = {p.id: p for p in packages or []}

    def package_of(row: FactRow) -> PackageRecord | None:
        if row.package is None:
            return None
        return package_by_id.get(package_ids.get((row.source.article_id, row.package), ""))

    def date(row: FactRow) -> str | None:
        package = package_of(row)
        return row.date or (package.date if package else None)

    by_key: dict[tuple, list[FactRow]] = defaultdict(list)
    for row in rows:
        if row.quantity_kind != "cumulative_total":
            by_key[(row.donor or "", row.item_id, row.status)].append(row)
    records: list[Record] = []
    taken: set[str] = set()
    for key in sorted(by_key):
        for group in cluster(by_key[key], date):
            records.append(_record(group, date, package_of, taken))
    link_deliveries(records)
    return records


def _publication_month(row: FactRow) -> bool:
    """The fact's date is its article's month, as extraction dates a fact
    whose sentence gives no date."""
    published = row.source.published
    return bool(row.date and len(row.date) == 7 and published and published[:7] == row.date)


def _record(
    group: list[FactRow],
    date_of: Callable[[FactRow], str | None],
    package_of: Callable[[FactRow], PackageRecord | None],
    taken: set[str],
) -> Record:
    first = group[0]
    # A fact dated only by its article's month says no more than the article:
    # a date its sentence states wins, and only those can be in dispute.
    dated = [r for r in group if r.date and not _publication_month(r)] or [
        r for r in group if r.date
    ]
    date = max((r.date for r in dated), key=len, default=None)
    # Undated: the first report's publication, the latest it can have happened.
    when = date_of(first) or _first_published(group)
    record = Record(
        id=_unique_id(
            f"{first.donor or 'unknown'}-{first.item_id}-{first.status}-{when or 'undated'}",
            taken,
        ),
        donor=first.donor,
        item_id=first.item_id,
        item_name=first.item_name,
        category=first.category,
        specific=first.specific,
        status=first.status,
        sources=_distinct(r.source for r in group),
        date=date,
        when=when,
    )
    # Reprints of one story merge whatever their dates: two that cannot be the
    # same day are a dispute, shown like the others.
    if any(not compatible(a.date, b.date) for a in dated for b in dated):
        record.conflicts.append(
            Conflict("date", tuple(_claims([(r.date, None, r.source) for r in dated])))
        )
    quantity = _quantity(group)
    if isinstance(quantity, Conflict):
        record.conflicts.append(quantity)
    elif quantity is not None:
        record.quantity, record.quantity_kind = quantity
    package_claims = _claims(
        [(package.id, None, r.source) for r in group if (package := package_of(r))]
    )
    if len(package_claims) == 1:
        record.package = package_claims[0].value
    elif package_claims:
        record.conflicts.append(Conflict("package", tuple(package_claims)))
    return record


def _quantity(group: list[FactRow]) -> tuple[int, str | None] | Conflict | None:
    """The quantity the sources agree on, a `Conflict` when they do not, None when none gives one.

    « plus de 20 » agrees with « 24 »: a lower bound below the one figure
    given is no contradiction."""
    given = [r for r in group if r.quantity is not None]
    if not given:
        return None
    bounds = [r for r in given if r.quantity_kind == "at_least"]
    figures = [r for r in given if r.quantity_kind != "at_least"]
    claims = _claims([(r.quantity, None, r.source) for r in figures])
    if len(claims) == 1 and all(r.quantity <= claims[0].value for r in bounds):
        kind = next(r.quantity_kind for r in figures if r.quantity == claims[0].value)
        return claims[0].value, kind
    if not figures:
        # Only lower bounds: the highest is what they all assert.
        highest = max(bounds, key=lambda r: r.quantity)
        return highest.quantity, "at_least"
    return Conflict("quantity", tuple(_claims([(r.quantity, None, r.source) for r in given])))


def link_deliveries(records: list[Record]) -> None:
    """Set `fulfils` on each delivery with a known donor: the latest pledge of
    the same donor and item not dated after it (an undated pledge qualifies)."""
    pledges: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        if record.status == "pledged" and record.donor:
            pledges[(record.donor, record.item_id)].append(record)
    for record in records:
        if record.status != "delivered" or not record.donor:
            continue
        candidates = [
            p for p in pledges[(record.donor, record.item_id)] if not_after(p.when, record.when)
        ]
        if candidates:
            latest = max(candidates, key=lambda p: (p.when or "", p.corroboration))
            record.fulfils = latest.id


def _first_published(rows: list[T]) -> str | None:
    return min((r.source.published for r in rows if r.source.published), default=None)


def _distinct(sources: Iterable[Source]) -> list[Source]:
    """Sources in article order, one per article (its first evidence)."""
    seen: dict[int, Source] = {}
    for source in sources:
        seen.setdefault(source.article_id, source)
    return [seen[k] for k in sorted(seen)]

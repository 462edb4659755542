"""Check the cumulative figures articles state against the sum of the tracker's records.

Two kinds of statement: a cumulative count in a fact (« portera le nombre total
livré à 20 », `quantity_kind` `cumulative_total`), compared with the quantities
of the records of the same donor and item up to its date; and an aggregate
money figure (`totals` table, « plus de 150 milliards de dollars »), compared
with the values of all packages up to the article's date (the table
names no donor, so every donor counts). A total delivered counts what was
committed: the pledges, and the deliveries that fulfil no recorded pledge (a
delivery that fulfils one is the same systems; « portera à 20 » counts the
systems just pledged). A difference is flagged, `short` when the records sum
to less (the store misses reports, the usual case) and `over` when they sum to
more (a figure counted twice, or a wrong statement); it is never corrected.
"""

from __future__ import annotations

from collections import defaultdict

from aidwatch.tracker.model import FactRow, PackageRecord, Record, TotalCheck, TotalRow
from aidwatch.tracker.rates import rate
from aidwatch.tracker.records import compatible, not_after

# How far an « environ » figure may be from the sum and still agree.
APPROX = 0.10


def verdict(stated: float, counted: float, kind: str) -> str:
    """`agrees`, `short` or `over`, by how the stated figure is qualified."""
    if kind == "at_least":
        return "agrees" if counted >= stated * (1 - 0.01) else "short"
    tolerance = APPROX if kind == "approx" else 0.01 if isinstance(stated, float) else 0
    if abs(counted - stated) <= tolerance * stated:
        return "agrees"
    return "short" if counted < stated else "over"


def check_counts(rows: list[FactRow], records: list[Record]) -> list[TotalCheck]:
    """A check per cumulative count; articles stating the same count share one."""
    checks: list[tuple[tuple, TotalCheck]] = []
    by_item: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        by_item[(record.donor, record.item_id)].append(record)
    for row in rows:
        if row.quantity_kind != "cumulative_total" or row.quantity is None:
            continue
        when = row.date or row.source.published
        key = (row.donor, row.item_id, row.status, row.quantity)
        same = next((c for k, c in checks if k == key and compatible(c.when, when)), None)
        if same:
            if row.source not in same.sources:
                same.sources.append(row.source)
            continue
        counted = [
            r
            for r in by_item[(row.donor, row.item_id)]
            if not_after(r.when, when)
            and (
                (r.status == "pledged" or (r.status == "delivered" and not r.fulfils))
                if row.status == "delivered"
                else r.status == row.status
            )
        ]
        total = sum(r.quantity for r in counted if r.quantity is not None)
        checks.append(
            (
                key,
                TotalCheck(
                    what=f"{row.donor or 'unknown donor'} {row.item_name} {row.status}",
                    stated=row.quantity,
                    stated_kind=row.quantity_kind,
                    unit=None,
                    when=when,
                    counted=total,
                    records=[r.id for r in counted],
                    unknown=sum(1 for r in counted if r.quantity is None),
                    sources=[row.source],
                    verdict=verdict(row.quantity, total, "exact"),
                ),
            )
        )
    return [check for _, check in checks]


def check_money(rows: list[TotalRow], packages: list[PackageRecord]) -> list[TotalCheck]:
    """A check per aggregate money figure, the packages converted to its currency
    at their own month's rates (so packages in that currency count as written)."""
    checks = []
    for row in rows:
        when = row.source.published
        if not row.currency or rate(row.currency, "2022-01") is None:
            continue  # nothing to compare with
        counted = [p for p in packages if not_after(p.when, when)]
        total = sum(
            p.eur * rate(row.currency, _month(p.when))[0]
            for p in counted
            if p.eur is not None and p.when
        )
        checks.append(
            TotalCheck(
                what=row.scope,
                stated=row.amount,
                stated_kind=row.kind,
                unit=row.currency,
                when=when,
                counted=total,
                records=[p.id for p in counted],
                unknown=sum(1 for p in counted if p.eur is None or not p.when),
                sources=[row.source],
                verdict=verdict(row.amount, total, row.kind),
            )
        )
    return checks


def _month(date: str) -> str:
    return date[:7] if len(date) >= 7 else f"{date[:4]}-06"


def check_totals(
    fact_rows: list[FactRow],
    total_rows: list[TotalRow],
    records: list[Record],
    packages: list[PackageRecord],
) -> list[TotalCheck]:
    return check_counts(fact_rows, records) + check_money(total_rows, packages)

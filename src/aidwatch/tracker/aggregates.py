"""The tracker summed up the ways the report and the charts show it.

Plain rows (dataclasses) computed from a `Tracker`: per donor and category,
per system and month, pledged against delivered per donor, the largest
packages. report.py prints them as tables, charts.py draws them; neither
recomputes them. Quantities are summed only within one category or system
(adding shells to tanks means nothing), and only where a record gives one.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidwatch.tracker.model import PackageRecord, Record, Tracker

# The statuses the report shows apart; the others are counted as « other ».
SHOWN = ("pledged", "delivered")


@dataclass
class DonorCategory:
    donor: str  # « unknown » when the text names none
    category: str
    records: int
    pledged: int  # records
    delivered: int
    other: int
    pledged_quantity: int  # summed over the records that give a quantity
    delivered_quantity: int


@dataclass
class SystemMonth:
    item: str
    month: str  # YYYY-MM of the record's `when` (YYYY when only the year is known)
    status: str
    records: int
    quantity: int | None  # None when no record of the cell gives one
    donors: list[str]


@dataclass
class PledgeGap:
    donor: str
    pledged: int  # pledge records
    delivered: int  # delivery records
    fulfilled: int  # pledges some delivery record links to
    outstanding: int  # pledges no recorded delivery fulfils yet


def donor(record: Record | PackageRecord) -> str:
    return record.donor or "unknown"


def by_donor_category(tracker: Tracker) -> list[DonorCategory]:
    cells: dict[tuple[str, str], DonorCategory] = {}
    for r in tracker.records:
        key = (donor(r), r.category)
        cell = cells.setdefault(key, DonorCategory(*key, 0, 0, 0, 0, 0, 0))
        cell.records += 1
        quantity = r.quantity or 0
        if r.status == "pledged":
            cell.pledged += 1
            cell.pledged_quantity += quantity
        elif r.status == "delivered":
            cell.delivered += 1
            cell.delivered_quantity += quantity
        else:
            cell.other += 1
    return sorted(cells.values(), key=lambda c: (-c.records, c.donor, c.category))


def by_system_month(tracker: Tracker, specific_only: bool = True) -> list[SystemMonth]:
    """Pledges and deliveries per system and month, in time order per system."""
    cells: dict[tuple[str, str, str], SystemMonth] = {}
    for r in tracker.records:
        if r.status not in SHOWN or (specific_only and not r.specific) or not r.when:
            continue
        key = (r.item_name, r.when[:7], r.status)
        cell = cells.setdefault(key, SystemMonth(*key, 0, None, []))
        cell.records += 1
        if r.quantity is not None:
            cell.quantity = (cell.quantity or 0) + r.quantity
        if donor(r) not in cell.donors:
            cell.donors.append(donor(r))
    return sorted(cells.values(), key=lambda c: (c.item.lower(), c.month, c.status))


def pledged_vs_delivered(tracker: Tracker) -> list[PledgeGap]:
    fulfilled = {r.fulfils for r in tracker.records if r.fulfils}
    gaps: dict[str, PledgeGap] = {}
    for r in tracker.records:
        if r.status not in SHOWN:
            continue
        gap = gaps.setdefault(donor(r), PledgeGap(donor(r), 0, 0, 0, 0))
        if r.status == "pledged":
            gap.pledged += 1
            if r.id in fulfilled:
                gap.fulfilled += 1
            else:
                gap.outstanding += 1
        else:
            gap.delivered += 1
    return sorted(gaps.values(), key=lambda g: (-(g.pledged + g.delivered), g.donor))


def largest_packages(tracker: Tracker, count: int = 10) -> list[PackageRecord]:
    """Packages by value in EUR, largest first; disputed or unconvertible ones last."""
    return sorted(tracker.packages, key=lambda p: (p.eur is None, -(p.eur or 0), p.id))[:count]

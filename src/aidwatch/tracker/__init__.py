"""The tracker: one record per commitment, merged from every article that reports it.

`build_tracker(store)` reads the stored facts, packages and totals (load.py)
and computes the tracker from them on every call (records.py merges,
totals.py checks cumulative figures); nothing is written back, so the
tracker is always that of the store as it is. `tracker_from_rows(rows)` is
the same without a database. Reports (report.py, charts.py) and exports
(export.py) take a `Tracker`.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from aidwatch.tracker.load import Rows, load_rows
from aidwatch.tracker.model import (
    Claim,
    Conflict,
    FactRow,
    PackageRecord,
    PackageRow,
    Record,
    Source,
    TotalCheck,
    TotalRow,
    Tracker,
)
from aidwatch.tracker.records import merge_packages, merge_records
from aidwatch.tracker.totals import check_totals


def tracker_from_rows(rows: Rows) -> Tracker:
    """The tracker of these rows: a pure function, for tests and notebooks."""
    packages, package_ids = merge_packages(rows.packages)
    records = merge_records(rows.facts, packages, package_ids)
    checks = check_totals(rows.facts, rows.totals, records, packages)
    return Tracker(records, packages, checks, rows.articles)


def build_tracker(store: Engine | Connection) -> Tracker:
    """The tracker of the store behind `store` (an Engine or an open Connection)."""
    if isinstance(store, Engine):
        with store.connect() as connection:
            return tracker_from_rows(load_rows(connection))
    return tracker_from_rows(load_rows(store))


__all__ = [
    "Claim",
    "Conflict",
    "FactRow",
    "PackageRecord",
    "PackageRow",
    "Record",
    "Rows",
    "Source",
    "TotalCheck",
    "TotalRow",
    "Tracker",
    "build_tracker",
    "load_rows",
    "merge_packages",
    "merge_records",
    "tracker_from_rows",
]

"""Tracker records as a table for analysts: CSV, XLSX, JSON or Parquet, one row per record.

`export_rows(tracker)` gives the rows (dicts, in `COLUMNS` order, lists kept as
lists); `write(tracker, format, stream_or_path)` writes them. CSV and XLSX
join a list cell with ` | ` (a spreadsheet cell holds one value); JSON and
Parquet keep lists. The columns are documented in the README ("Export
columns"); a change here is a change there.

Cells come from news text, so a sentence may begin with `=HYPERLINK(...)`:
a spreadsheet must show it, never run it. CSV text cells that a spreadsheet
would read as a formula get OWASP's treatment (a leading `'`, see `inert`);
XLSX cells are written as text, which no spreadsheet evaluates, so they keep
their text exactly.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO

from aidwatch.errors import AidwatchError
from aidwatch.tracker.model import Record, Tracker

COLUMNS = (
    "record",
    "donor",
    "item_id",
    "item",
    "category",
    "specific",
    "status",
    "quantity",
    "quantity_kind",
    "date",
    "when",
    "date_inferred",
    "package",
    "package_date",
    "value",
    "currency",
    "value_eur",
    "value_usd",
    "rate_note",
    "corroboration",
    "stories",
    "events",
    "event_ids",
    "outlets",
    "fulfils",
    "conflict",
    "sources",
    "languages",
    "evidence",
)
LISTS = ("event_ids", "outlets", "sources", "languages", "evidence")
FORMATS = ("csv", "xlsx", "json", "parquet")
BINARY = ("xlsx", "parquet")
SEPARATOR = " | "
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(AidwatchError):
    """An export the user asked for that cannot be made (unknown format, ...)."""


def export_row(record: Record, tracker: Tracker) -> dict:
    package = tracker.package(record.package)
    return {
        "record": record.id,
        "donor": record.donor,
        "item_id": record.item_id,
        "item": record.item_name,
        "category": record.category,
        "specific": record.specific,
        "status": record.status,
        "quantity": record.quantity,
        "quantity_kind": record.quantity_kind,
        "date": record.date,
        "when": record.when,
        # The store keeps which articles were dated by inference, not which
        # fact dates were: a record whose every source is such an article
        # has a date that rests on an inference.
        "date_inferred": bool(record.when) and all(s.published_inferred for s in record.sources),
        "package": record.package,
        "package_date": package.date if package else None,
        "value": package.amount if package else None,
        "currency": package.currency if package else None,
        "value_eur": _rounded(package.eur) if package else None,
        "value_usd": _rounded(package.usd) if package else None,
        "rate_note": package.rate_note if package else None,
        "corroboration": record.corroboration,
        "stories": record.stories,
        "events": record.events,
        "event_ids": [str(e) for e in record.event_ids],
        "outlets": record.outlets,
        "fulfils": record.fulfils,
        "conflict": "; ".join(
            [str(c) for c in record.conflicts]
            + ([str(package.conflict)] if package and package.conflict else [])
        )
        or None,
        "sources": [s.url for s in record.sources],
        "languages": [s.language for s in record.sources],  # one a source, as its evidence
        "evidence": [s.evidence for s in record.sources],
    }


def export_rows(tracker: Tracker) -> list[dict]:
    return [export_row(record, tracker) for record in tracker.records]


def _rounded(amount: float | None) -> float | None:
    return round(amount, 2) if amount is not None else None


def flat(row: dict) -> dict:
    """The row with its lists joined, for one-value cells."""
    return {k: SEPARATOR.join(v) if k in LISTS else v for k, v in row.items()}


def inert(value):
    """A CSV cell a spreadsheet shows as text: a string beginning like a
    formula gets a leading `'` (which spreadsheets hide); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write(tracker: Tracker, format: str, out: IO | Path) -> int:
    """Write the tracker's rows in `format` to `out` (a path, or a text stream
    for csv and json); the number of rows written."""
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r} (one of {', '.join(FORMATS)})")
    if format in BINARY and not isinstance(out, Path):
        raise ExportError(f"{format} is a binary format: give a file with --output")
    rows = export_rows(tracker)
    if format == "xlsx":
        _xlsx(rows, out)
    elif format == "parquet":
        _parquet(rows, out)
    elif isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            _text(rows, format, stream)
    else:
        _text(rows, format, out)
    return len(rows)


def _text(rows: list[dict], format: str, stream: IO) -> None:
    if format == "json":
        json.dump(rows, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    # CRLF as RFC 4180 has it: the writer then also quotes a field holding a
    # lone CR, which with "\n" alone it would leave bare, breaking the row.
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: inert(v) for k, v in flat(row).items()} for row in rows)


def _xlsx(rows: list[dict], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "records"
    sheet.append(list(COLUMNS))
    for number, row in enumerate(rows, start=2):
        values = flat(row)
        for column, name in enumerate(COLUMNS, start=1):
            cell = sheet.cell(number, column, values[name])
            if isinstance(values[name], str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    book.save(path)


def _parquet(rows: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, number, count = pa.string(), pa.float64(), pa.int64()
    types = {
        "specific": pa.bool_(),
        "date_inferred": pa.bool_(),
        "quantity": count,
        "value": number,
        "value_eur": number,
        "value_usd": number,
        "corroboration": count,
        "stories": count,
        "events": count,
        **{column: pa.list_(text) for column in LISTS},
    }
    schema = pa.schema([(column, types.get(column, text)) for column in COLUMNS])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)

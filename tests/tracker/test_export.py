"""Exports of the dev-set tracker: one row per record in every format, the same
rows whichever the format (XLSX read back with openpyxl against the CSV, JSON
and Parquet round-trips), and the documented columns."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from aidwatch.tracker.export import COLUMNS, LISTS, SEPARATOR, ExportError, export_rows, write

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def tracker(dev_tracker):
    return dev_tracker


def cell(value) -> str | float:
    """A cell compared by value: a number as a float (XLSX gives 325000000 where
    CSV wrote 325000000.0), anything else as CSV writes it."""
    text = "" if value is None else str(value)
    try:
        return float(text)
    except ValueError:
        return text


def csv_rows(tracker) -> list[dict]:
    buffer = io.StringIO()
    write(tracker, "csv", buffer)
    return list(csv.DictReader(io.StringIO(buffer.getvalue())))


def test_csv_has_one_row_per_record_with_every_column(tracker):
    rows = csv_rows(tracker)
    assert len(rows) == len(tracker.records)
    assert tuple(rows[0]) == COLUMNS
    assert [r["record"] for r in rows] == [r.id for r in tracker.records]


def test_xlsx_holds_the_same_rows_as_the_csv(tracker, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "tracker.xlsx"
    write(tracker, "xlsx", path)
    sheet = load_workbook(path, read_only=True).active
    header, *cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert tuple(header) == COLUMNS
    from_xlsx = [{c: cell(v) for c, v in zip(header, row, strict=True)} for row in cells]
    from_csv = [{c: cell(v) for c, v in row.items()} for row in csv_rows(tracker)]
    assert from_xlsx == from_csv


def test_json_round_trip_keeps_lists(tracker, tmp_path):
    path = tmp_path / "tracker.json"
    write(tracker, "json", path)
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert rows == export_rows(tracker)
    corroborated = [r for r in rows if r["corroboration"] == 2]
    assert corroborated and all(len(r["sources"]) == len(r["evidence"]) == 2 for r in corroborated)


def test_parquet_round_trip(tracker, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "tracker.parquet"
    write(tracker, "parquet", path)
    assert pq.read_table(path).to_pylist() == export_rows(tracker)


def test_values_are_converted_and_the_original_kept(tracker):
    valued = [r for r in export_rows(tracker) if r["value"] is not None]
    assert valued
    for row in valued:
        assert row["currency"] and row["value_eur"] > 0 and row["value_usd"] > 0
        if row["currency"] == "USD":
            assert row["value_usd"] == pytest.approx(row["value"])


def test_list_cells_are_joined_in_csv(tracker):
    (row,) = [r for r in csv_rows(tracker) if r["record"] == "US-himars-delivered-2022-06"]
    assert len(row["sources"].split(SEPARATOR)) == 2
    assert all(c in LISTS for c in ("sources", "evidence"))


@pytest.mark.parametrize(
    "format, out, message",
    [
        ("xml", io.StringIO(), "unknown format 'xml'"),
        ("xlsx", io.StringIO(), "binary format"),
        ("parquet", io.StringIO(), "binary format"),
    ],
)
def test_export_errors(tracker, format, out, message):
    with pytest.raises(ExportError, match=message):
        write(tracker, format, out)


def test_readme_documents_every_export_column():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Export columns") :]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)
    assert tuple(documented[: len(COLUMNS)]) == COLUMNS


# -- cells from hostile text ------------------------------------------------

HOSTILE = [
    # evidence sentence → its CSV cell
    ('=HYPERLINK("http://evil.example","clic")', '\'=HYPERLINK("http://evil.example","clic")'),
    ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Berlin livre = 14 chars", "Berlin livre = 14 chars"),
]


@pytest.fixture
def hostile_tracker(rows):
    from dataclasses import replace

    from aidwatch.tracker import tracker_from_rows

    facts = [(f"h{n}", "DE", f"item{n}", "pledged", 1) for n in range(len(HOSTILE))]
    made = rows(facts=facts)
    made.facts = [
        replace(fact, source=replace(fact.source, evidence=evidence))
        for fact, (evidence, _) in zip(made.facts, HOSTILE, strict=True)
    ]
    return tracker_from_rows(made)


def test_csv_cells_that_read_as_formulas_are_made_text(hostile_tracker):
    cells = {r["item_id"]: r["evidence"] for r in csv_rows(hostile_tracker)}
    assert [cells[f"item{n}"] for n in range(len(HOSTILE))] == [csv for _, csv in HOSTILE]


def test_xlsx_cells_are_text_never_formulas(hostile_tracker, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "hostile.xlsx"
    write(hostile_tracker, "xlsx", path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    column = header.index("evidence") + 1
    found = {
        sheet.cell(n, header.index("item_id") + 1).value: sheet.cell(n, column)
        for n in range(2, sheet.max_row + 1)
    }
    cells = [found[f"item{n}"] for n in range(len(HOSTILE))]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
    assert [c.value for c in cells] == [evidence for evidence, _ in HOSTILE]

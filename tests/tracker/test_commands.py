"""`aidwatch report` and `aidwatch export` as a user runs them on a store of the
dev set, the one-line errors a wrong call gets, and the HTML report drawn by a
real browser (headless Chromium, offline).

The browser test needs Debian's `chromium` (`.ci/run` installs it). Without it
the test is skipped, unless `AIDWATCH_REQUIRE_CHROMIUM` is set (as `.ci/run`
does once it has installed it), when it fails."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess

import plotly.offline
import pytest
from typer.testing import CliRunner

from aidwatch.cli import app
from aidwatch.store import open_store
from aidwatch.tracker.charts import figures

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def failed_cleanly(result, words: str) -> bool:
    """A user error: exit status 2, one line naming the problem, no traceback."""
    return (
        result.exit_code == 2
        and isinstance(result.exception, SystemExit)
        and "Traceback" not in result.output
        and len(result.stderr.strip().splitlines()) == 1
        and words in result.stderr
    )


@pytest.fixture
def tracker(dev_tracker):
    return dev_tracker


def test_report_prints_the_tables(dev_store, tracker):
    result = invoke("report", "--db", dev_store)
    assert result.exit_code == 0, result.output
    assert f"{len(tracker.records)} records from 5 articles" in result.stdout
    for title in ("Donor × category", "Systems over time", "Pledged vs delivered",
                  "Largest packages", "Stated totals"):  # fmt: skip
        assert title in result.stdout
    # The cumulative HIMARS statement is flagged.
    assert re.search(r"HIMARS delivered .* 20 .* short", result.stdout)


def test_report_html_is_self_contained(dev_store, tmp_path):
    page = tmp_path / "report.html"
    result = invoke("report", "--db", dev_store, "--html", page)
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    # plotly.js is inlined whole; apart from it, the page loads nothing.
    plotly_js = plotly.offline.get_plotlyjs()
    assert plotly_js in text
    rest = text.replace(plotly_js, "")
    assert "src=" not in rest and "http" not in rest
    for name in ("timeline", "top_systems", "pledge_gap", "package_values"):
        assert f'id="{name}"' in text


@pytest.mark.parametrize("format", ["csv", "json"])
def test_export_to_standard_output(dev_store, tracker, format):
    result = invoke("export", "--format", format, "--db", dev_store)
    assert result.exit_code == 0, result.output
    if format == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    else:
        rows = json.loads(result.stdout)
    assert [r["record"] for r in rows] == [r.id for r in tracker.records]


@pytest.mark.parametrize("format", ["csv", "xlsx", "json", "parquet"])
def test_export_to_a_file(dev_store, tracker, tmp_path, format):
    path = tmp_path / f"tracker.{format}"
    result = invoke("export", "-f", format, "-o", path, "--db", dev_store)
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 0
    assert f"{len(tracker.records)} records written" in result.stderr


@pytest.fixture
def empty_store(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(url).dispose()
    return url


@pytest.mark.parametrize(
    "args, words",
    [
        (["export", "--format", "xml"], "unknown format 'xml'"),
        (["export", "--format", "xlsx"], "binary format: give a file with --output"),
        (["report"], "no aid facts stored"),
        (["export"], "no aid facts stored"),
    ],
)
def test_user_errors_are_one_line(empty_store, args, words):
    assert failed_cleanly(invoke(*args, "--db", empty_store), words)


@pytest.mark.parametrize("command", ["report", "export"])
def test_a_missing_database_is_an_error_and_not_created(tmp_path, command):
    missing = tmp_path / "missing.db"
    result = invoke(command, "--db", f"sqlite:///{missing}")
    assert failed_cleanly(result, "no such database")
    assert not missing.exists()


CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
]


@pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("AIDWATCH_REQUIRE_CHROMIUM"),
    reason="no chromium here (apt-get install chromium; .ci/run does)",
)
def test_html_report_charts_draw_in_chromium(dev_store, tracker, tmp_path):
    assert CHROMIUM, "AIDWATCH_REQUIRE_CHROMIUM is set but chromium is not installed"
    page = tmp_path / "report.html"
    assert invoke("report", "--db", dev_store, "--html", page).exit_code == 0
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-500:]
    dom = run.stdout
    expected = figures(tracker)
    # Each chart's part of the page, from its div to the next chart's.
    starts = sorted((dom.index(f'<div id="{name}"'), name) for name in expected)
    ends = [start for start, _ in starts[1:]] + [len(dom)]
    for (start, name), end in zip(starts, ends, strict=True):
        part = dom[start:end]
        # plotly marks a graph div it has drawn, and draws into SVG.
        assert "js-plotly-plot" in part[:200], name
        assert 'class="main-svg"' in part, name
        assert 'class="point"' in part, name
    timeline = dom[starts[0][0] : ends[0]] if starts[0][1] == "timeline" else None
    if timeline is None:
        (timeline,) = [dom[s:e] for (s, n), e in zip(starts, ends, strict=True) if n == "timeline"]
    markers = sum(len(trace.x) for trace in expected["timeline"].data)
    assert timeline.count('class="point"') == markers

"""The HTML report's records table and its charts' count axes."""

from __future__ import annotations

import html

import pytest

from aidwatch.tracker.charts import count_axis, figures, html_report


def test_the_html_report_lists_every_record_with_its_sources(dev_tracker):
    page = html_report(dev_tracker)
    assert f"Records ({len(dev_tracker.records)})" in page
    for record in dev_tracker.records:
        assert f"<td>{html.escape(record.id)}</td>" in page
        for source in record.sources:
            assert html.escape(source.evidence) in page


@pytest.mark.parametrize("name, axis", [("top_systems", "xaxis"), ("pledge_gap", "yaxis")])
def test_record_counts_are_drawn_on_whole_numbers(dev_tracker, name, axis):
    layout = figures(dev_tracker)[name].layout[axis]
    assert layout.title.text == "records"
    assert layout.tickformat == ",d"


@pytest.mark.parametrize(
    "largest, dtick",
    [(0, 1), (1, 1), (3, 1), (10, 1), (11, None), (5000, None)],
)
def test_a_small_count_axis_ticks_every_unit(largest, dtick):
    assert count_axis("records", largest).get("dtick") == dtick


def test_each_stated_total_is_shown_with_the_sentence_that_states_it(dev_tracker):
    page = html_report(dev_tracker)
    assert dev_tracker.checks
    for check in dev_tracker.checks:
        for source in check.sources:
            assert html.escape(f"« {source.evidence} »") in page

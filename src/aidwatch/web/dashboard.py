"""The dashboard's charts: plotly figures drawn from the store's facts.

`dashboard_figures(connection)` is the one place the dashboard gets its charts
from: the report's charts (`aidwatch.tracker.charts.figures`, the tracker
built from the reviewed facts), then two counts straight from the facts
table (reviewed view, rejected facts left out).
The page renders each figure with `fig.to_json()` and the plotly.js of the
plotly package, served by the app (no CDN).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import plotly.graph_objects as go
from sqlalchemy import Connection

from aidwatch.model import STATUSES
from aidwatch.tracker import charts
from aidwatch.web.queries import counts
from aidwatch.web.records import current_tracker, store_state

TOP_DONORS = 15


# The last figures made, by what they were made from: the tracker is merged
# from every fact (about 10 s for 100,000), so it is made again only when
# the store has changed (facts stored or re-extracted, a review given).
_last: dict[tuple, tuple[list, int]] = {}


def dashboard_figures(connection: Connection) -> list[Chart]:
    """The dashboard's cards: the report's charts, then facts per donor and per month by status."""
    return dashboard(connection)[0]


def dashboard(connection: Connection) -> tuple[list[Chart], int]:
    """The dashboard's cards and the number of tracker records they count."""
    state = store_state(connection)
    if state not in _last:
        _last.clear()
        _last[state] = _figures(connection)
    return _last[state]


@dataclass(frozen=True)
class Chart:
    """A dashboard card: its title, the sentence saying what it counts, its figure."""

    title: str
    counts: str
    figure: go.Figure


# The report's charts as the dashboard titles them. Records are commitments
# merged over every article that reports them; facts are single statements.
REPORT_CHARTS = {
    "timeline": (
        "Pledges and deliveries over time",
        "Records (commitments, each counted once however many articles report it), "
        "by donor and day; the bigger the marker, the more records.",
    ),
    "top_systems": (
        "Most reported systems",
        "Records of named systems (HIMARS, Leopard 2…), pledged and delivered.",
    ),
    "pledge_gap": (
        "Pledged vs delivered",
        "Records per donor: pledges a recorded delivery fulfils, pledges still "
        "outstanding, and deliveries.",
    ),
    "package_values": (
        "Packages by value",
        "Merged packages, in EUR at the rate of their month.",
    ),
}


def _figures(connection: Connection) -> tuple[list[Chart], int]:
    tracker = current_tracker(connection)
    figures = counts(connection)
    report = charts.figures(tracker) if tracker.records else {}
    cards = [Chart(*REPORT_CHARTS[name], figure) for name, figure in report.items()]
    cards += [
        Chart(
            "Facts per donor",
            "Facts (single statements in articles, rejected ones left out) by status: "
            "a commitment five articles report counts five times here, once in the records.",
            _per_donor(figures["by_donor_status"]),
        ),
        Chart(
            "Facts per month",
            "Facts by the month they are dated to (else their article's), by status.",
            _per_month(figures["by_month_status"]),
        ),
    ]
    for card in cards:
        # The card's title says what the chart is: a second title inside the
        # figure was cut at the card's width.
        card.figure.update_layout(title=None, margin={"t": 20})
    return cards, len(tracker.records)


def _per_donor(rows: list[list]) -> go.Figure:
    by_status: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for donor, status, count in rows:
        by_status[status][donor] = count
        totals[donor] += count
    donors = sorted(totals, key=lambda d: -totals[d])[:TOP_DONORS]
    figure = go.Figure(
        [
            go.Bar(
                name=status,
                x=donors,
                y=[by_status[status].get(d, 0) for d in donors],
                marker_color=charts.PALETTE[status],
            )
            for status in STATUSES
            if status in by_status
        ]
    )
    figure.update_layout(
        barmode="stack",
        xaxis={"title": "donor", "type": "category"},
        yaxis=charts.count_axis("facts", max(totals.values(), default=0)),
    )
    return charts.styled(figure)


def _per_month(rows: list[list]) -> go.Figure:
    by_status: dict[str, dict[str, int]] = defaultdict(dict)
    months = sorted({month for month, _, _ in rows if month})
    for month, status, count in rows:
        by_status[status][month] = count
    figure = go.Figure(
        [
            go.Scatter(
                name=status,
                x=months,
                y=[by_status[status].get(m, 0) for m in months],
                mode="lines+markers",
                marker_color=charts.PALETTE[status],
            )
            for status in STATUSES
            if status in by_status
        ]
    )
    largest = max((count for _, _, count in rows), default=0)
    figure.update_layout(
        xaxis={"title": "month", "type": "category"},
        yaxis=charts.count_axis("facts", largest),
    )
    return charts.styled(figure)

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

import plotly.graph_objects as go
from sqlalchemy import Connection

from aidwatch.model import STATUSES
from aidwatch.tracker import build_tracker, charts
from aidwatch.web.queries import counts

TOP_DONORS = 15


def dashboard_figures(connection: Connection) -> dict[str, go.Figure]:
    """Title → figure: the report's charts, then facts per donor and per month by status."""
    tracker = build_tracker(connection)
    figures = counts(connection)
    report = charts.figures(tracker) if tracker.records else {}
    return {
        **report,
        "Facts per donor, by status": _per_donor(figures["by_donor_status"]),
        "Facts per month, by status": _per_month(figures["by_month_status"]),
    }


def _per_donor(rows: list[list]) -> go.Figure:
    by_status: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for donor, status, count in rows:
        by_status[status][donor] = count
        totals[donor] += count
    donors = sorted(totals, key=lambda d: -totals[d])[:TOP_DONORS]
    figure = go.Figure(
        [
            go.Bar(name=status, x=donors, y=[by_status[status].get(d, 0) for d in donors])
            for status in STATUSES
            if status in by_status
        ]
    )
    figure.update_layout(barmode="stack", margin={"t": 20, "b": 40}, height=360)
    return figure


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
            )
            for status in STATUSES
            if status in by_status
        ]
    )
    figure.update_layout(margin={"t": 20, "b": 40}, height=360)
    return figure

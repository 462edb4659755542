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
from sqlalchemy import Connection, func, select

from aidwatch.model import STATUSES
from aidwatch.store.schema import fact_history, facts
from aidwatch.tracker import build_tracker, charts
from aidwatch.web.queries import counts

TOP_DONORS = 15


# The last figures made, by what they were made from: the tracker is merged
# from every fact (about 10 s for 100,000), so it is made again only when
# the store has changed (facts stored or re-extracted, a review given).
_last: dict[tuple, dict[str, go.Figure]] = {}


def dashboard_figures(connection: Connection) -> dict[str, go.Figure]:
    """Title → figure: the report's charts, then facts per donor and per month by status."""
    state = (
        connection.engine.url.render_as_string(hide_password=True),
        *connection.execute(
            select(
                select(func.count(facts.c.id)).scalar_subquery(),
                select(func.max(facts.c.id)).scalar_subquery(),
                select(func.max(fact_history.c.id)).scalar_subquery(),
            )
        ).one(),
    )
    if state not in _last:
        _last.clear()
        _last[state] = _figures(connection)
    return _last[state]


def _figures(connection: Connection) -> dict[str, go.Figure]:
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

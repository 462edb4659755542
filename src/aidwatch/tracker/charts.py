"""The tracker as plotly figures, and the self-contained HTML report that holds them.

`figures(tracker)` gives named `plotly.graph_objects.Figure`s built from the
records and aggregates.py, nothing else: the web dashboard reuses them as
they are. `html_report(tracker)` puts them in one HTML page with plotly.js
inlined (the copy plotly ships in its wheel), so the file opens offline and
can be mailed; it is about 5 MB, nearly all plotly.js.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime

import plotly.graph_objects as go
import plotly.offline

from aidwatch.tracker import aggregates
from aidwatch.tracker.model import Record, Tracker
from aidwatch.tracker.report import headline, money

STATUS_COLOURS = {"pledged": "#1f77b4", "delivered": "#2ca02c"}
# Every status's colour, the same in every chart (the dashboard's too).
PALETTE = {
    **STATUS_COLOURS,
    "requested": "#9467bd",
    "refused": "#d62728",
    "considered": "#bcbd22",
    "procured": "#17becf",
    "training": "#8c564b",
}
TOP_SYSTEMS = 15
HEIGHT = 420


def day(date: str) -> str:
    """A date plotly can place: a month is placed on its 15th, a year on 1 July."""
    if len(date) >= 10:
        return date[:10]
    if len(date) == 7:
        return f"{date}-15"
    return f"{date[:4]}-07-01"


def _line(record: Record) -> str:
    quantity = f"{record.quantity:,} " if record.quantity is not None else ""
    articles = f" ({record.corroboration} articles)" if record.corroboration > 1 else ""
    return f"{quantity}{html.escape(record.item_name)}{articles}"


def timeline(tracker: Tracker) -> go.Figure:
    """Pledges and deliveries by donor over time: one marker per donor, day and
    status, sized by its records; hovering lists them."""
    figure = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        points: dict[tuple[str, str], list[Record]] = {}
        for r in tracker.records:
            if r.status == status and r.when:
                points.setdefault((day(r.when), aggregates.donor(r)), []).append(r)
        keys = sorted(points)
        figure.add_trace(
            go.Scatter(
                name=status,
                x=[when for when, _ in keys],
                y=[donor for _, donor in keys],
                mode="markers",
                marker={
                    "color": colour,
                    "size": [8 + 4 * min(len(points[k]), 8) for k in keys],
                    "symbol": "circle" if status == "pledged" else "diamond",
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "white"},
                },
                text=[
                    f"<b>{html.escape(donor)}</b> {status}, {points[(when, donor)][0].when}<br>"
                    + "<br>".join(_line(r) for r in points[(when, donor)])
                    for when, donor in keys
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    figure.update_layout(
        title="Pledges and deliveries by donor (marker size: records)",
        xaxis={"title": "date", "type": "date"},
        yaxis={"title": "donor", "type": "category", "categoryorder": "category descending"},
    )
    return styled(figure)


def top_systems(tracker: Tracker) -> go.Figure:
    """The systems with most records, split by status."""
    counts: dict[str, dict[str, int]] = {}
    for r in tracker.records:
        if r.specific and r.status in STATUS_COLOURS:
            counts.setdefault(r.item_name, {}).setdefault(r.status, 0)
            counts[r.item_name][r.status] += 1
    top = sorted(counts, key=lambda item: (-sum(counts[item].values()), item))[:TOP_SYSTEMS]
    figure = go.Figure(
        [
            go.Bar(
                name=status,
                y=top[::-1],
                x=[counts[item].get(status, 0) for item in top[::-1]],
                orientation="h",
                marker_color=colour,
            )
            for status, colour in STATUS_COLOURS.items()
        ]
    )
    figure.update_layout(
        title=f"Top systems (named systems, up to {TOP_SYSTEMS}): records",
        barmode="stack",
        xaxis=count_axis("records", max((sum(counts[i].values()) for i in top), default=0)),
    )
    return styled(figure)


def pledge_gap(tracker: Tracker) -> go.Figure:
    """Per donor: pledges fulfilled by a recorded delivery, pledges outstanding, deliveries."""
    gaps = aggregates.pledged_vs_delivered(tracker)
    donors = [g.donor for g in gaps]
    figure = go.Figure(
        [
            go.Bar(
                name="pledges fulfilled",
                x=donors,
                y=[g.fulfilled for g in gaps],
                marker_color="#2ca02c",
                offsetgroup="pledged",
            ),
            go.Bar(
                name="pledges outstanding",
                x=donors,
                y=[g.outstanding for g in gaps],
                marker_color="#ff7f0e",
                offsetgroup="pledged",
                base=[g.fulfilled for g in gaps],
            ),
            go.Bar(
                name="deliveries",
                x=donors,
                y=[g.delivered for g in gaps],
                marker_color="#7f7f7f",
                offsetgroup="delivered",
            ),
        ]  # fmt: skip
    )
    figure.update_layout(
        title="Pledged vs delivered: the gap (records)",
        barmode="group",
        yaxis=count_axis(
            "records", max((max(g.fulfilled + g.outstanding, g.delivered) for g in gaps), default=0)
        ),
    )
    return styled(figure)


def package_values(tracker: Tracker) -> go.Figure:
    """Package values in EUR over time, by donor."""
    figure = go.Figure()
    valued = [p for p in tracker.packages if p.eur is not None and p.when]
    for donor in sorted({aggregates.donor(p) for p in valued}):
        shown = [p for p in valued if aggregates.donor(p) == donor]
        figure.add_trace(
            go.Bar(
                name=donor,
                x=[day(p.when) for p in shown],
                y=[p.eur for p in shown],
                text=[f"{money(p.amount, p.currency)} ({money(p.eur, 'EUR')})" for p in shown],
                hovertemplate="%{x}: %{text}<extra>" + html.escape(donor) + "</extra>",
            )
        )
    figure.update_layout(
        title="Packages by value (EUR at the month's rate)",
        xaxis={"title": "date", "type": "date"},
        yaxis={"title": "EUR"},
    )
    return styled(figure)


def count_axis(title: str, largest: int) -> dict:
    """An axis of counts: whole numbers only (plotly puts a tick at 0.5 on
    a small range, and half a record means nothing)."""
    axis = {"title": title, "rangemode": "tozero", "tickformat": ",d"}
    if largest <= 10:
        axis.update(tick0=0, dtick=1)
    return axis


def styled(figure: go.Figure) -> go.Figure:
    figure.update_layout(
        template="plotly_white",
        height=HEIGHT,
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        legend={"orientation": "h", "y": -0.18},
    )
    return figure


def figures(tracker: Tracker) -> dict[str, go.Figure]:
    """The report's charts by name: timeline, top_systems, pledge_gap, package_values."""
    return {
        "timeline": timeline(tracker),
        "top_systems": top_systems(tracker),
        "pledge_gap": pledge_gap(tracker),
        "package_values": package_values(tracker),
    }


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>aidwatch tracker report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 24px auto; max-width: 1200px; color: #222; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
.chart {{ margin: 12px 0 28px; border: 1px solid #ddd; border-radius: 6px; }}
table {{ border-collapse: collapse; margin: 8px 0 28px; font-size: 0.9em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; }}
td.n {{ text-align: right; }}
.flag {{ color: #b00; font-weight: bold; }}
.path {{ color: #666; font-size: 0.85em; }}
details ol {{ margin: 4px 0; padding-left: 1.2em; max-width: 48em; }}
</style>
<script>{plotly_js}</script>
</head><body>
<h1>aidwatch tracker report</h1>
<p>{headline}</p>
<p style="color:#666">Made {made}. Every figure is a sum of tracker records; hover a point for its sources.</p>
{charts}
{tables}
</body></html>
"""


def html_report(tracker: Tracker) -> str:
    """One self-contained HTML page: the charts (plotly.js inlined) and the key tables."""
    charts = "\n".join(
        f'<div class="chart">'
        f"{figure.to_html(full_html=False, include_plotlyjs=False, div_id=name)}</div>"
        for name, figure in figures(tracker).items()
    )
    return PAGE.format(
        plotly_js=plotly.offline.get_plotlyjs(),
        headline=html.escape(headline(tracker)),
        made=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        charts=charts,
        tables=_records_table(tracker) + _packages_table(tracker) + _checks_table(tracker),
    )


def _html_table(title: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(rows_cells) + "</tr>" for rows_cells in rows)
    return f"<h2>{html.escape(title)}</h2><table><tr>{head}</tr>{body}</table>\n"


def _cell(value: str, numeric: bool = False, flag: bool = False) -> str:
    classes = " ".join(c for c, on in (("n", numeric), ("flag", flag)) if on)
    return (
        f'<td class="{classes}">{html.escape(value)}</td>'
        if classes
        else f"<td>{html.escape(value)}</td>"
    )


def _sources_cell(record: Record) -> str:
    """Each source (its URL or file) with the sentence it gives, folded."""
    items = "".join(
        f"<li>{_link(s.url, s.title or s.doc)}: « {html.escape(s.evidence)} »</li>"
        for s in record.sources
    )
    count = f"{record.corroboration} article{'s' if record.corroboration > 1 else ''}"
    return f"<td><details><summary>{count}</summary><ol>{items}</ol></details></td>"


def _link(url: str, text: str) -> str:
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'
    return f'{html.escape(text)} <span class="path">({html.escape(url)})</span>'


def _records_table(tracker: Tracker) -> str:
    """Every record, as the web app's records page lists them: what a chart
    counts can be checked here against its sources and their sentences."""
    rows = [
        [
            _cell(r.id),
            _cell(aggregates.donor(r)),
            _cell(r.item_name),
            _cell(r.status),
            _cell(f"{r.quantity:,}" if r.quantity is not None else "", numeric=True),
            _cell(r.when or ""),
            _cell(r.package or ""),
            _cell(str(r.stories), numeric=True),
            _cell("; ".join(str(c) for c in r.conflicts), flag=r.flagged),
            _cell(r.fulfils or ""),
            _sources_cell(r),
        ]
        for r in sorted(tracker.records, key=lambda r: (r.when or "", r.id), reverse=True)
    ]
    header = ["record", "donor", "item", "status", "qty", "when", "package", "stories",
              "conflicts", "fulfils", "sources"]  # fmt: skip
    return _html_table(f"Records ({len(rows)})", header, rows)


def _packages_table(tracker: Tracker) -> str:
    rows = [
        [
            _cell(p.id),
            _cell(aggregates.donor(p)),
            _cell(p.date or ""),
            _cell(
                money(p.amount, p.currency) if p.amount is not None else str(p.conflict),
                flag=p.conflict is not None,
            ),
            _cell(money(p.eur), numeric=True),
            _cell(money(p.usd), numeric=True),
            _cell(str(len(p.sources)), numeric=True),
            _cell(p.rate_note or ""),
        ]  # fmt: skip
        for p in aggregates.largest_packages(tracker)
    ]
    header = ["package", "donor", "date", "as reported", "EUR", "USD", "sources", "note"]
    return _html_table("Largest packages", header, rows)


def _checks_table(tracker: Tracker) -> str:
    rows = [
        [
            _cell(c.what),
            _cell(c.when or ""),
            _cell(money(c.stated, c.unit), numeric=True),
            _cell(money(c.counted, c.unit), numeric=True),
            _cell(c.verdict, flag=c.flagged),
            _cell(", ".join(s.doc for s in c.sources)),
            # The article's own words: the label above is made by the extraction.
            _cell(" | ".join(f"« {s.evidence} »" for s in c.sources)),
        ]
        for c in tracker.checks
    ]
    header = ["statement", "date", "stated", "records sum", "verdict", "sources", "as written"]
    return _html_table("Stated totals against the records", header, rows)

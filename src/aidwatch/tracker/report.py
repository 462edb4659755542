"""The tracker as terminal tables (rich): what `aidwatch report` prints.

Per donor × category, per system over time, pledged against delivered,
largest packages, the cumulative totals checked and the records whose
sources disagree. The numbers come from aggregates.py; this module only lays
them out.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from aidwatch.tracker import aggregates
from aidwatch.tracker.model import Tracker


def money(amount: float | None, currency: str | None = None) -> str:
    """« 1.32 bn USD », « 700 M USD », « 20 »: press-figure precision (a count has no currency)."""
    if amount is None:
        return "—"
    unit = f" {currency}" if currency else ""
    if abs(amount) >= 1e9:
        return f"{amount / 1e9:,.2f} bn{unit}"
    if abs(amount) >= 1e6:
        return f"{amount / 1e6:,.0f} M{unit}"
    return f"{amount:,.0f}{unit}"


def headline(tracker: Tracker) -> str:
    records = tracker.records
    corroborated = sum(1 for r in records if r.corroboration > 1)
    # Outlets rewriting one announcement are one confirmation, not several.
    confirmed = sum(1 for r in records if r.events > 1)
    flagged = sum(1 for r in records if r.flagged) + sum(1 for p in tracker.packages if p.conflict)
    return (
        f"{len(records)} records from {tracker.articles} articles on aid; "
        f"{corroborated} reported by more than one article, "
        f"{confirmed} in more than one event; "
        f"{len(tracker.packages)} packages; "
        f"{flagged} figures disputed between sources; "
        f"{sum(1 for c in tracker.checks if c.flagged)} of {len(tracker.checks)} "
        "stated totals do not match the records"
    )


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        # Figures right-aligned; column names starting with « # » or ending in a unit are figures.
        numeric = column.startswith("#") or column.endswith(("qty", "EUR", "USD"))
        table.add_column(column, justify="right" if numeric else "left")
    return table


def print_report(tracker: Tracker, console: Console) -> None:
    console.print(escape(headline(tracker)), highlight=False)

    table = _table(
        "Donor × category",
        "donor",
        "category",
        "# records",
        "# pledged",
        "# delivered",
        "# other",
        "pledged qty",
        "delivered qty",
    )
    for c in aggregates.by_donor_category(tracker):
        table.add_row(
            c.donor,
            c.category,
            str(c.records),
            str(c.pledged),
            str(c.delivered),
            str(c.other),
            f"{c.pledged_quantity:,}" if c.pledged_quantity else "",
            f"{c.delivered_quantity:,}" if c.delivered_quantity else "",
        )
    console.print(table)

    table = _table("Systems over time", "system", "month", "status", "# records", "qty", "donors")
    for s in aggregates.by_system_month(tracker):
        quantity = "" if s.quantity is None else f"{s.quantity:,}"
        table.add_row(
            escape(s.item), s.month, s.status, str(s.records), quantity, ", ".join(s.donors)
        )
    console.print(table)

    table = _table(
        "Pledged vs delivered (records)",
        "donor",
        "# pledged",
        "# delivered",
        "# pledges fulfilled",
        "# pledges outstanding",
    )
    for g in aggregates.pledged_vs_delivered(tracker):
        table.add_row(
            g.donor, str(g.pledged), str(g.delivered), str(g.fulfilled), str(g.outstanding)
        )
    console.print(table)

    table = _table(
        "Largest packages",
        "package",
        "donor",
        "date",
        "as reported",
        "EUR",
        "USD",
        "# sources",
        "note",
    )
    for p in aggregates.largest_packages(tracker):
        as_reported = money(p.amount, p.currency) if p.amount is not None else str(p.conflict)
        table.add_row(
            p.id,
            aggregates.donor(p),
            p.date or "",
            escape(as_reported),
            money(p.eur),
            money(p.usd),
            str(len(p.sources)),
            escape(p.rate_note or ""),
        )
    console.print(table)

    if tracker.checks:
        table = _table(
            "Stated totals against the records",
            "statement",
            "date",
            "stated",
            "records sum",
            "verdict",
            "# records",
            "sources",
        )
        for c in tracker.checks:
            unknown = f" ({c.unknown} without figure)" if c.unknown else ""
            verdict = c.verdict if not c.flagged else f"[red]{c.verdict}[/]"
            table.add_row(
                escape(c.what),
                c.when or "",
                money(c.stated, c.unit),
                money(c.counted, c.unit),
                verdict,
                f"{len(c.records)}{unknown}",
                escape(", ".join(s.doc for s in c.sources)),
            )
        console.print(table)

    disputed = [r for r in tracker.records if r.flagged]
    if disputed:
        table = _table("Disputed figures", "record", "sources disagree on")
        for r in disputed:
            table.add_row(r.id, escape("; ".join(str(c) for c in r.conflicts)))
        console.print(table)

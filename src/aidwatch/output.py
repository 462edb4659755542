"""Readable terminal views: extracted facts as tables, eval reports."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from aidwatch.evaluate.scoring import Report
from aidwatch.model import Extraction


def _quantity(quantity, kind) -> str:
    if quantity is None:
        return ""
    prefix = {"approx": "~", "at_least": "≥", "cumulative_total": "Σ"}.get(kind or "", "")
    return f"{prefix}{quantity:,}".replace(",", " ")


def _snippet(fact, before: int = 50, after: int = 30) -> str:
    """The evidence around the item's words: « …comprenait quatre systèmes d'artillerie Himars, mais… »."""
    text, m = fact.evidence.text, fact.mention
    if m is None:
        return text[: before + after + 20]
    start = m.start - fact.evidence.start
    end = m.end - fact.evidence.start
    left = max(0, start - before)
    right = min(len(text), end + after)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


# The columns an analyst reads a fact by: always printed whole, never cut.
KEY_COLUMNS = ("donor", "item", "status", "qty", "date")
# Printed when the terminal leaves room for them beside the key columns and
# at least MIN_EVIDENCE columns of evidence (which wraps to fit).
OPTIONAL_COLUMNS = ("category", "pkg")
MIN_EVIDENCE = 30
GAP = 2  # the blank between two columns (padding 1 on each side, no rules)


def _cells(fact) -> dict[str, str]:
    return {
        "donor": fact.donor or "—",
        "item": fact.item.name,
        "category": fact.item.category,
        "status": fact.status,
        "qty": _quantity(fact.quantity, fact.quantity_kind),
        # « ~ »: resolved against an inferred publication date
        "date": (f"~{fact.date}" if fact.date_inferred else fact.date) if fact.date else "",
        "pkg": fact.package or "",
    }


def fact_table(result: Extraction, width: int) -> RenderableType:
    """One article's facts at most `width` columns wide: the key columns
    whole, the optional ones while they leave room, the evidence wrapped in
    what is left, or under its fact when too little is left beside it."""
    a = result.article
    published = a.published or "undated"
    if a.published_inferred:
        published += f" (inferred: {a.published_basis})" if a.published_basis else " (inferred)"
    title = f"{a.id} — {published}"
    rows = [_cells(f) for f in result.facts]

    def widest(column: str) -> int:
        return max([cell_len(column)] + [cell_len(row[column]) for row in rows])

    used = sum(widest(c) + GAP for c in KEY_COLUMNS)
    columns = list(KEY_COLUMNS)
    for column in OPTIONAL_COLUMNS:
        room = used + widest(column) + GAP + MIN_EVIDENCE
        if any(row[column] for row in rows) and room <= width:
            used += widest(column) + GAP
            at = columns.index("status") if column == "category" else len(columns)
            columns.insert(at, column)
    if width - used < MIN_EVIDENCE:
        return _stacked(title, columns, rows, result.facts, widest, width)
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    for column in columns:
        table.add_column(column, no_wrap=True, min_width=widest(column))
    table.add_column("evidence", overflow="fold", max_width=width - used)
    for row, fact in zip(rows, result.facts, strict=True):
        table.add_row(*(row[c] for c in columns), _snippet(fact))
    return table


def _stacked(title, columns, rows, facts, widest, width) -> RenderableType:
    """The narrow layout: each fact's key columns on one line, its evidence
    on the next ones, indented (a table cell cannot span the columns)."""

    def line(cells) -> str:
        return (" " * GAP).join(
            c + " " * (widest(col) - cell_len(c)) for col, c in zip(columns, cells, strict=True)
        )

    parts: list[RenderableType] = [
        Text(title),
        Text(line(columns), style="bold"),
        Rule(style="dim"),
    ]
    for row, fact in zip(rows, facts, strict=True):
        parts.append(Text(line([row[c] for c in columns]), overflow="fold"))
        parts.append(Padding(Text(_snippet(fact), style="dim", overflow="fold"), (0, 0, 0, 4)))
    return Group(*parts)


def print_table(results: list[Extraction], console: Console) -> None:
    for result in results:
        console.print(fact_table(result, console.width))
        for p in result.packages:
            console.print(
                f"  package {p.id}: {p.donor} {p.amount:,.0f} {p.currency or ''} {p.date or ''}"
            )
        for t in result.totals:
            console.print(f"  total: {t.scope}: {t.amount:,.0f} {t.currency or ''} ({t.kind})")
        for e in result.events:
            console.print(
                f"  event: {e.name}, {e.place or '?'}, {e.date or '?'}, {e.participants or '?'} participants"
            )
        console.print()


def print_languages(reports: dict[str, dict[str, Report]], console: Console) -> None:
    """Facts and packages by language: `reports` maps a decider (« rules »,
    « learned ») or « value » to each language's report."""
    table = Table(title="by language", title_justify="left")
    for column in ("language", "articles", "facts P", "facts R", "facts F1", "packages F1"):
        table.add_column(column)
    if len(reports) > 1:
        table.add_column("decided by")
    first = next(iter(reports.values()))
    for lang in first:
        for name, by_lang in reports.items():
            r = by_lang[lang]
            row = [
                lang,
                str(r.articles),
                f"{r.facts.precision:.3f}",
                f"{r.facts.recall:.3f}",
                f"{r.facts.f1:.3f}",
                f"{r.packages.f1:.3f}",
            ]
            table.add_row(*row, *([name] if len(reports) > 1 else []))
    console.print(table)


def print_eval(report: Report, console: Console, details: bool) -> None:
    table = Table(title="aidwatch eval", title_justify="left")
    for column in ("measure", "value", "counts"):
        table.add_column(column)
    f = report.facts
    table.add_row("facts precision", f"{f.precision:.3f}", f"tp {f.tp} fp {f.fp}")
    table.add_row("facts recall", f"{f.recall:.3f}", f"tp {f.tp} fn {f.fn}")
    table.add_row("facts F1", f"{f.f1:.3f}", "")
    table.add_row(
        "quantity accuracy",
        f"{report.quantity.value:.3f}",
        f"{report.quantity.right}/{report.quantity.total}",
    )
    table.add_row(
        "date accuracy", f"{report.date.value:.3f}", f"{report.date.right}/{report.date.total}"
    )
    p = report.packages
    table.add_row("packages F1", f"{p.f1:.3f}", f"tp {p.tp} fp {p.fp} fn {p.fn}")
    s = report.stories
    table.add_row("stories pairwise F1", f"{s.f1:.3f}", f"tp {s.tp} fp {s.fp} fn {s.fn}")
    table.add_row(
        "undated: month right",
        f"{report.undated.value:.3f}",
        f"{report.undated.right}/{report.undated.total}",
    )
    console.print(table)
    if not details:
        return
    for doc, g in report.misses:
        console.print(
            f"[red]miss[/]  {doc}: {g.get('donor')} {g['item']} {g['status']} q={g.get('quantity')}  « {g.get('evidence', '')[:90]} »",
            highlight=False,
        )
    for doc, pf in report.extras:
        console.print(
            f"[yellow]extra[/] {doc}: {pf.get('donor')} {pf['item']['id']} {pf['status']} q={pf.get('quantity')}  « {pf['evidence']['text'][:90]} »",
            highlight=False,
        )
    for doc, field_name, g, pf in report.wrong_values:
        console.print(
            f"[magenta]wrong {field_name}[/] {doc}: {g['item']} {g['status']} gold={g.get(field_name)} predicted={pf.get(field_name)}",
            highlight=False,
        )


def print_breakdown(report: Report, predictions: list[dict], gold: list[dict], console) -> None:
    """Recall by status and the errors by type (scoring.error_types)."""
    from aidwatch.evaluate.scoring import error_types, recall_by_status

    by_status = Table(title="recall by status", title_justify="left")
    for column in ("status", "recall", "found"):
        by_status.add_column(column)
    for status, ratio in sorted(recall_by_status(report, gold).items()):
        by_status.add_row(status, f"{ratio.value:.2f}", f"{ratio.right}/{ratio.total}")
    console.print(by_status)
    kinds = error_types(report, predictions, gold)
    errors = Table(title="errors by type", title_justify="left")
    for column in ("type", "missed facts", "spurious facts"):
        errors.add_column(column)
    for kind in ("status", "donor", "donor+status", "item", "spurious"):
        errors.add_row(
            kind, str(kinds["missed"].get(kind, "")), str(kinds["spurious"].get(kind, ""))
        )
    console.print(errors)


def print_crossval(cv, console) -> None:
    """The rules and the cross-validated learned decisions side by side."""
    table = Table(
        title=f"aidwatch eval: {cv.folds}-fold cross-validation by story, {len(cv.gold)} articles",
        title_justify="left",
    )
    for column in ("measure", "rules", f"learned ({cv.folds} folds)"):
        table.add_column(column)
    rows = [
        ("facts precision", lambda r: r.facts.precision),
        ("facts recall", lambda r: r.facts.recall),
        ("facts F1", lambda r: r.facts.f1),
        ("quantity accuracy", lambda r: r.quantity.value),
        ("date accuracy", lambda r: r.date.value),
        ("packages F1", lambda r: r.packages.f1),
    ]
    for name, value in rows:
        table.add_row(name, f"{value(cv.rules.report):.3f}", f"{value(cv.learned.report):.3f}")
    console.print(table)
    print_languages({"rules": cv.rules.languages, "learned": cv.learned.languages}, console)
    console.print("learned, cross-validated:", style="bold")
    print_breakdown(cv.learned.report, cv.learned.predictions, cv.gold, console)

"""Readable terminal views: extracted facts as tables, eval reports."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

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


def print_table(results: list[Extraction], console: Console) -> None:
    for result in results:
        a = result.article
        published = a.published or "undated"
        if a.published_inferred:
            published += " (inferred)"
        table = Table(title=f"{a.id} — {published}", title_justify="left")
        for column in ("donor", "item", "category", "status", "qty", "date", "pkg"):
            table.add_column(column, no_wrap=True)
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=90)
        for f in result.facts:
            table.add_row(
                f.donor or "—",
                f.item.name,
                f.item.category,
                f.status,
                _quantity(f.quantity, f.quantity_kind),
                f.date or "",
                f.package or "",
                _snippet(f),
            )
        console.print(table)
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

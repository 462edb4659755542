"""The `aidwatch` command: a thin layer over the library.

Options are parsed here, the library does the work, and user errors (a bad
file, an unreadable gold file) are printed as one line naming the file: the
library raises them as `AidwatchError`s and the command group (`_Commands`)
prints them, for every command, in one place. Warnings about single inputs
are printed as they come, one line each, and the batch goes on. Every
command with a store takes the one `--db` option (`DB_OPTION`).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from aidwatch.errors import AidwatchError, OutputError
from aidwatch.store import DEFAULT_URL

err = Console(stderr=True)


class _Commands(TyperGroup):
    """The `aidwatch` command group: the one place where the errors a user
    can cause (`AidwatchError`, from any command or subcommand) become one
    line and exit status 2. Anything else is a bug and keeps its traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AidwatchError as error:
            _fail(str(error))


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    help="Sourced military-aid facts from news articles.",
)

DB_OPTION = typer.Option(
    DEFAULT_URL,
    "--db",
    help="Database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST/NAME.",
)


MODEL_OPTION = typer.Option(
    None,
    "--model",
    help="What decides the facts: a model file from `aidwatch train`, or `rules` for the "
    "rules alone (default: the model shipped with aidwatch).",
)


def _decider(model: str | None):
    """The decider, asked for before any article is read: a bad model file
    is one line, not a failure after the reading."""
    from aidwatch.extract import decider_for

    return decider_for(model)


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _one_line(text: str) -> str:
    """`text` as one line of plain text: control characters (a newline in a
    file name would forge a second warning) written as escapes, and rich
    markup (« [draft].txt ») escaped."""
    shown = "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode() for c in text
    )
    return escape(shown)


def _warn(record) -> None:
    """One warning line for a `Skipped` or `Notice` record."""
    err.print(
        f"[yellow]aidwatch: warning:[/] {_one_line(record.source)}: {_one_line(record.reason)}",
        highlight=False,
        soft_wrap=True,
    )


def _fail(message: str) -> None:
    err.print(f"[red]aidwatch: error:[/] {_one_line(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _open_output(output: Path | None) -> TextIO:
    """`output` opened for writing, or standard output."""
    try:
        return output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        raise OutputError(output, e) from None


def _nothing_read(paths: list[Path]) -> AidwatchError:
    return AidwatchError("no article could be read from " + ", ".join(str(p) for p in paths))


def _extracted(paths: list[Path], show_progress: bool, model: str | None = None):
    """`run.extract_paths` with a progress bar and warnings on standard error."""
    from aidwatch.run import extract_paths

    with Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[doc]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not show_progress,
        transient=True,
    ) as progress:
        task = progress.add_task("extract", total=None, doc="")
        results, summary = extract_paths(
            paths,
            on_article=lambda result: progress.update(task, doc=result.article.id, advance=1),
            on_warning=_warn,
            model=model,
        )
    if summary.read == 0:
        raise _nothing_read(paths)
    return results


@app.command()
def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Text, JSON Lines or HTML files, or folders of them."
    ),
    format: Format = typer.Option(
        Format.jsonl, "--format", "-f", help="jsonl (one object per article) or table."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of standard output."
    ),
    model: str | None = MODEL_OPTION,
) -> None:
    """Extract sourced aid facts from French news articles."""
    _decider(model)
    # Opened first: a wrong --output should not cost a whole extraction.
    stream = _open_output(output)
    try:
        results = _extracted(paths, show_progress=sys.stderr.isatty(), model=model)
        if format is Format.jsonl:
            for result in results:
                stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            from aidwatch.output import print_table

            # Piped or written to a file, the table keeps a readable width
            # instead of folding every cell to 80 columns.
            width = None if (sys.stdout.isatty() and not output) else 200
            print_table(results, Console(file=stream, width=width))
    finally:
        if output:
            stream.close()


class _RateColumn(ProgressColumn):
    """Articles per second, over rich's recent samples."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="Text, JSON Lines or HTML files, or folders of them."
    ),
    db: str = DB_OPTION,
    dask: str | None = typer.Option(
        None,
        "--dask",
        metavar="SCHEDULER",
        help="Extract on a Dask cluster: its scheduler's address (tcp://HOST:PORT), "
        "or `local` for one process per core of this machine.",
    ),
    model: str | None = MODEL_OPTION,
) -> None:
    """Store articles and their facts; articles already stored are skipped."""
    _decider(model)
    from aidwatch.run import OnDask
    from aidwatch.run import ingest as ingest_paths
    from aidwatch.store.db import display_url

    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        disable=not sys.stderr.isatty(),
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, doc="")
        summary = ingest_paths(
            paths,
            db,
            on_article=lambda article: progress.update(task, advance=1, doc=article.id),
            on_warning=_warn,
            executor=OnDask(dask) if dask else None,
            on_wait=lambda: _waiting(db),
            model=model,
        )
    if summary.read == 0:
        raise _nothing_read(paths)
    table = Table(title=escape(f"ingested into {display_url(db)}"), show_header=False)
    table.add_column("what")
    table.add_column("articles", justify="right")
    for what, count in [
        ("read", summary.read),
        ("new", summary.new),
        ("  of which off-topic", summary.off_topic),
        ("  of which reprints (joined a story)", summary.reprints),
        ("duplicates (already stored)", summary.duplicates),
        ("facts", summary.facts),
        ("warnings", summary.warnings),
    ]:
        table.add_row(what, str(count))
    Console().print(table)


def _waiting(db: str) -> None:
    from aidwatch.store.db import display_url

    err.print(
        escape(f"aidwatch: {display_url(db)} is being written by another run: waiting for it"),
        highlight=False,
        soft_wrap=True,
    )


def _tracker(db: str):
    """The tracker of the store at `db`; a missing or empty store is a one-line error
    (a missing SQLite file is not created)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from aidwatch.store import open_store
    from aidwatch.store.db import display_url
    from aidwatch.tracker import build_tracker

    try:
        url = make_url(db)
    except ArgumentError:
        url = None  # open_store says what is wrong with it
    if url is not None and url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:" and not Path(path).exists():
            raise AidwatchError(
                f"{display_url(db)}: no such database (make one with `aidwatch ingest`)"
            )
    engine = open_store(db)
    try:
        tracker = build_tracker(engine)
    finally:
        engine.dispose()
    if not tracker.records:
        raise AidwatchError(
            f"{display_url(db)}: no aid facts stored (add articles with `aidwatch ingest`)"
        )
    return tracker


@app.command()
def report(
    db: str = DB_OPTION,
    html: Path | None = typer.Option(
        None, "--html", help="Write a self-contained HTML report with charts here instead."
    ),
) -> None:
    """The tracker: one record per commitment, as tables (or an HTML report with charts)."""
    tracker = _tracker(db)
    if html is not None:
        from aidwatch.tracker.charts import html_report
        from aidwatch.tracker.report import headline

        try:
            html.write_text(html_report(tracker), encoding="utf-8")
        except OSError as e:
            raise OutputError(html, e) from None
        err.print(escape(f"{headline(tracker)}\nwrote {html}"), highlight=False, soft_wrap=True)
        return
    from aidwatch.tracker.report import print_report

    print_report(tracker, Console(width=None if sys.stdout.isatty() else 200))


@app.command()
def export(
    format: str = typer.Option(
        "csv", "--format", "-f", help="csv, xlsx, json or parquet: one row per tracker record."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here (standard output for csv and json if not given)."
    ),
    db: str = DB_OPTION,
) -> None:
    """Export the tracker records for spreadsheets and notebooks."""
    from aidwatch.tracker.export import BINARY, FORMATS, write

    # Checked before the store is read: a typo should not cost a merge.
    if format not in FORMATS:
        raise AidwatchError(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
    if format in BINARY and output is None:
        raise AidwatchError(f"{format} is a binary format: give a file with --output")
    tracker = _tracker(db)
    try:
        count = write(tracker, format, output or sys.stdout)
    except OSError as e:
        raise OutputError(output, e) from None
    if output is not None:
        err.print(escape(f"{count} records written to {output}"), highlight=False)


@app.command()
def reextract(
    docs: list[str] | None = typer.Argument(None, help="Only these stored articles (their doc)."),
    db: str = DB_OPTION,
    model: str | None = MODEL_OPTION,
) -> None:
    """Extract stored articles again; reviewed and hand-added facts are kept."""
    from aidwatch.run import reextract as reextract_store

    _decider(model)
    summary = reextract_store(
        db, docs or None, on_warning=_warn, on_wait=lambda: _waiting(db), model=model
    )
    Console().print(
        f"{summary.articles} articles extracted again: {summary.added} facts stored, "
        f"{summary.replaced} unreviewed facts replaced, {summary.kept} reviewed or added kept",
        highlight=False,
    )


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSON Lines (the eval format)."),
    predictions: Path | None = typer.Argument(None, help="Predictions from `aidwatch extract`."),
    run: Path | None = typer.Option(
        None, "--run", help="Extract the articles here and score them."
    ),
    folds: int | None = typer.Option(
        None,
        "--folds",
        min=2,
        help="With --run: train and score the learned decisions by cross-validation, "
        "folds split by story, beside the rules alone.",
    ),
    model: str | None = MODEL_OPTION,
    details: bool = typer.Option(False, "--details", help="List misses, extras and wrong values."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score extraction against gold: facts, quantities, dates, packages, stories."""
    from aidwatch.evaluate.files import load_records
    from aidwatch.evaluate.scoring import by_language, score
    from aidwatch.output import print_breakdown, print_eval, print_languages

    if (predictions is None) == (run is None):
        raise AidwatchError("give either a predictions file or --run PATH")
    if folds is not None:
        if run is None:
            raise AidwatchError("--folds needs --run ARTICLES: the texts to train and score on")
        _crossvalidate(gold, run, folds, as_json)
        return
    gold_records = load_records(gold, gold=True)
    if predictions is not None:
        predicted = load_records(predictions, gold=False)
    else:
        _decider(model)
        results = _extracted([run], show_progress=sys.stderr.isatty(), model=model)
        predicted = [r.to_dict() for r in results]
    report = score(gold_records, predicted)
    languages = by_language(gold_records, predicted)
    if as_json:
        figures = {lang: r.figures() for lang, r in languages.items()}
        print(json.dumps({**report.figures(), "by_language": figures}, indent=2))
    else:
        print_eval(report, Console(), details)
        print_languages({"value": languages}, Console())
        if details:
            print_breakdown(report, predicted, gold_records, Console())


def _crossvalidate(gold: Path, articles: Path, folds: int, as_json: bool) -> None:
    from aidwatch.output import print_crossval
    from aidwatch.train.crossval import cross_validate

    annotated = _annotated([gold], [articles])
    try:
        cv = cross_validate(annotated, folds)
    except ValueError as e:
        raise AidwatchError(f"{gold}: {e}") from None
    if as_json:
        figures = {"rules": cv.rules.report.figures(), "learned": cv.learned.report.figures()}
        languages = {
            name: {lang: r.figures() for lang, r in scored.languages.items()}
            for name, scored in (("rules", cv.rules), ("learned", cv.learned))
        }
        print(
            json.dumps(
                {"folds": folds, "articles": len(cv.gold), **figures, "by_language": languages},
                indent=2,
            )
        )
    else:
        print_crossval(cv, Console())


def _annotated(gold: list[Path], articles: list[Path]):
    """Gold records and their articles, each bad record one warning line."""
    from aidwatch.train import data

    annotated = data.load(gold, articles)
    for problem in annotated.problems:
        err.print(escape(f"warning: {problem}"), highlight=False, soft_wrap=True)
    if not annotated.articles:
        raise AidwatchError("no annotated article could be used: " + ", ".join(map(str, gold)))
    return annotated


@app.command()
def train(
    gold: list[Path] = typer.Argument(
        ..., help="Gold JSON Lines: the eval's files, or `aidwatch review export-gold`."
    ),
    articles: list[Path] = typer.Option(
        ..., "--articles", help="The annotated articles (files or folders); repeatable."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The model file to write."),
) -> None:
    """Train the learned decisions on annotated articles; use the model with --model."""
    from aidwatch.train.fit import train as fit_model

    annotated = _annotated(gold, articles)
    try:
        model = fit_model(annotated, {"trained_on": [str(g) for g in gold]})
    except ValueError as e:
        raise AidwatchError(f"{', '.join(map(str, gold))}: {e}") from None
    try:
        model.save(output)
    except OSError as e:
        raise OutputError(output, e) from None
    support = ", ".join(f"{k} {v}" for k, v in model.meta["support"].items())
    Console().print(
        f"model written to {output}: {model.meta['articles']} articles, "
        f"{model.meta['facts']} facts; item groups per status: {support}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    read_only: bool = typer.Option(
        False, "--read-only", help="Refuse every change (for a public deployment)."
    ),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes."),
    secure_cookies: bool = typer.Option(
        False, "--secure-cookies", help="Send the session cookie over HTTPS only (behind TLS)."
    ),
) -> None:
    """Serve the web app: dashboard, facts, articles with their evidence, review."""
    import os
    import secrets

    import uvicorn

    from aidwatch.store import open_store
    from aidwatch.web.app import SECRET_VARIABLE, plan_statistics

    engine = open_store(db)  # migrate once here, not in every worker
    plan_statistics(engine)
    engine.dispose()
    # Workers are separate processes: they read the store URL, the mode and
    # the session key (shared, so a cookie signed by one is good in all) from
    # the environment.
    os.environ.setdefault(SECRET_VARIABLE, secrets.token_urlsafe(32))
    os.environ["AIDWATCH_WEB_DB"] = db
    os.environ["AIDWATCH_WEB_READ_ONLY"] = "1" if read_only else ""
    os.environ["AIDWATCH_WEB_SECURE_COOKIES"] = "1" if secure_cookies else ""
    uvicorn.run(
        "aidwatch.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


user_app = typer.Typer(no_args_is_help=True, help="People who may review facts.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="The user's sign-in name."),
    db: str = DB_OPTION,
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Add a user who can sign in and review; the password is asked for."""
    from aidwatch.store.users import add_user

    _on_user(db, add_user, name, "added", _password(password_stdin))


@user_app.command("passwd")
def user_passwd(
    name: str = typer.Argument(..., help="The user's sign-in name."),
    db: str = DB_OPTION,
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Set a user's password (asked for); every session of theirs ends."""
    from aidwatch.store.users import set_password

    _on_user(db, set_password, name, "has a new password", _password(password_stdin))


@user_app.command("disable")
def user_disable(
    name: str = typer.Argument(..., help="The user's sign-in name."),
    db: str = DB_OPTION,
) -> None:
    """Stop a user signing in and end their sessions; their reviews stay theirs."""
    from aidwatch.store.users import disable_user

    _on_user(db, disable_user, name, "disabled")


@user_app.command("remove")
def user_remove(
    name: str = typer.Argument(..., help="The user's sign-in name."),
    db: str = DB_OPTION,
) -> None:
    """Delete a user who has reviewed nothing (one who has is disabled instead)."""
    from aidwatch.store.users import remove_user

    _on_user(db, remove_user, name, "removed")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _on_user(db: str, change, name: str, done: str, *args) -> None:
    """`change(connection, name, *args)` on the store at `db` (a user or
    store error is one line: the command group prints it)."""
    from aidwatch.store import open_store

    engine = open_store(db)
    try:
        with engine.connect() as connection:
            change(connection, name, *args)
    finally:
        engine.dispose()
    err.print(f"user {escape(name)} {done}", highlight=False)


review_app = typer.Typer(no_args_is_help=True, help="Reviewed facts.")
app.add_typer(review_app, name="review")


@review_app.command("export-gold")
def review_export_gold(
    db: str = DB_OPTION,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of standard output."
    ),
    partial: bool = typer.Option(
        False,
        "--partial",
        help="Also articles with facts left unreviewed (their unreviewed facts are left out).",
    ),
) -> None:
    """Write reviewed articles as gold JSON Lines, the format `aidwatch eval` reads."""
    from aidwatch.store import open_store
    from aidwatch.store.review import export_gold

    engine = open_store(db)
    try:
        stream = _open_output(output)
    except OutputError:
        engine.dispose()
        raise
    count = 0
    try:
        with engine.connect() as connection:
            for record in export_gold(connection, complete_only=not partial):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    finally:
        engine.dispose()
        if output:
            stream.close()
    err.print(f"{count} reviewed articles", highlight=False)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

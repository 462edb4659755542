"""The `aidwatch` command: a thin layer over the library.

Options are parsed here, the library does the work, and user errors (a bad
file, an unreadable gold file) are printed as one line naming the file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

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

from aidwatch.model import Article, Extraction

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Sourced military-aid facts from news articles.",
)
err = Console(stderr=True)


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _warn(source: str, problem: str) -> None:
    # Escaped: a file name like « [draft].txt » is not rich markup.
    err.print(
        f"[yellow]aidwatch: warning:[/] {escape(source)}: {escape(problem)}",
        highlight=False,
        soft_wrap=True,
    )


def _fail(message: str) -> None:
    err.print(f"[red]aidwatch: error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _articles(paths: list[Path], counts: dict[str, int]) -> Iterator[Article]:
    from aidwatch.ingest.readers import Skipped, read_french

    for record in read_french(paths):
        if isinstance(record, Skipped):
            counts["skipped"] += 1
            _warn(record.source, record.reason)
        else:
            counts["read"] += 1
            yield record


def run_extraction(
    paths: list[Path], show_progress: bool
) -> tuple[list[Extraction], dict[str, int]]:
    """Read and extract every article under `paths`, warning about the rest;
    reprints of one dispatch share a story."""
    from aidwatch.dedup import StoryIndex
    from aidwatch.extract import extract_articles

    counts = {"read": 0, "skipped": 0}
    stories = StoryIndex()

    def grouped():
        for article in _articles(paths, counts):
            stories.add(article.id, article.text)
            yield article

    results = []
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
        for result in extract_articles(grouped()):
            result.story = stories.story_of.get(result.article.id, result.article.id)
            results.append(result)
            progress.update(task, doc=result.article.id, advance=1)
    return results, counts


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
) -> None:
    """Extract sourced aid facts from French news articles."""
    # Opened first: a wrong --output should not cost a whole extraction.
    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        _fail(f"{output}: cannot write ({(e.strerror or str(e)).lower()})")
    results, counts = run_extraction(paths, show_progress=sys.stderr.isatty())
    if counts["read"] == 0:
        _fail("no article could be read from " + ", ".join(str(p) for p in paths))
    try:
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


DB_OPTION = typer.Option(
    "sqlite:///aidwatch.db",
    "--db",
    help="Database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST/NAME.",
)


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
) -> None:
    """Store articles and their facts; articles already stored are skipped."""
    from aidwatch.store import StoreError
    from aidwatch.store import ingest as ingest_paths
    from aidwatch.store.db import display_url
    from aidwatch.store.scaleout import OnDask, ScaleoutError

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
        try:
            summary = ingest_paths(
                paths,
                db,
                on_article=lambda article: progress.update(task, advance=1, doc=article.id),
                on_warning=lambda skipped: _warn(skipped.source, skipped.reason),
                executor=OnDask(dask) if dask else None,
            )
        except (StoreError, ScaleoutError) as e:
            _fail(str(e))
    if summary.read == 0:
        _fail("no article could be read from " + ", ".join(str(p) for p in paths))
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


def _tracker(db: str):
    """The tracker of the store at `db`; a missing or empty store is a one-line error
    (a missing SQLite file is not created)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from aidwatch.store import StoreError, open_store
    from aidwatch.store.db import display_url
    from aidwatch.tracker import build_tracker

    try:
        url = make_url(db)
    except ArgumentError:
        url = None  # open_store says what is wrong with it
    if url is not None and url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:" and not Path(path).exists():
            _fail(f"{display_url(db)}: no such database (make one with `aidwatch ingest`)")
    try:
        engine = open_store(db)
    except StoreError as e:
        _fail(str(e))
    try:
        tracker = build_tracker(engine)
    finally:
        engine.dispose()
    if not tracker.records:
        _fail(f"{display_url(db)}: no aid facts stored (add articles with `aidwatch ingest`)")
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
            _fail(f"{html}: cannot write ({(e.strerror or str(e)).lower()})")
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
    from aidwatch.tracker.export import BINARY, FORMATS, ExportError, write

    # Checked before the store is read: a typo should not cost a merge.
    if format not in FORMATS:
        _fail(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
    if format in BINARY and output is None:
        _fail(f"{format} is a binary format: give a file with --output")
    tracker = _tracker(db)
    try:
        count = write(tracker, format, output or sys.stdout)
    except ExportError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"{output}: cannot write ({(e.strerror or str(e)).lower()})")
    if output is not None:
        err.print(escape(f"{count} records written to {output}"), highlight=False)


@app.command()
def reextract(
    docs: list[str] | None = typer.Argument(None, help="Only these stored articles (their doc)."),
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help="Database URL."),
) -> None:
    """Extract stored articles again; reviewed and hand-added facts are kept."""
    from aidwatch.store import StoreError
    from aidwatch.store.reextract import reextract as reextract_store

    try:
        summary = reextract_store(db, docs or None)
    except StoreError as e:
        _fail(str(e))
    Console().print(
        f"{summary.articles} articles extracted again: {summary.added} facts stored, "
        f"{summary.replaced} unreviewed facts replaced, {summary.kept} reviewed or added kept",
        highlight=False,
    )


def _load_jsonl(path: Path, gold: bool) -> list[dict]:
    """Records of a gold or predictions file, each checked for the fields
    scoring reads, so a wrong file is one line, not a traceback."""
    records = []
    try:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    _fail(f"{path}:{n}: not valid JSON ({e.msg})")
                problem = _record_problem(record, gold)
                if problem:
                    _fail(f"{path}:{n}: {problem}")
                records.append(record)
    except OSError as e:
        _fail(f"{path}: {e.strerror.lower() if e.strerror else e}")
    except UnicodeDecodeError:
        _fail(f"{path}: not UTF-8 text")
    return records


def _record_problem(record, gold: bool) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("doc"), str):
        return "no `doc` name"
    facts = record.get("facts", None if gold else [])
    if not isinstance(facts, list) or not all(isinstance(f, dict) for f in facts):
        return "no `facts` list"
    for f in facts:
        if "status" not in f or "item" not in f:
            return "a fact without `item` or `status`"
        if not gold and not isinstance(f["item"], dict):
            return "a predicted fact whose `item` is not an object (is this a gold file?)"
        if gold and not isinstance(f["item"], str):
            return "a gold fact whose `item` is not a name (is this a predictions file?)"
    return None


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSON Lines (the eval format)."),
    predictions: Path | None = typer.Argument(None, help="Predictions from `aidwatch extract`."),
    run: Path | None = typer.Option(
        None, "--run", help="Extract the articles here and score them."
    ),
    details: bool = typer.Option(False, "--details", help="List misses, extras and wrong values."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score extraction against gold: facts, quantities, dates, packages, stories."""
    from aidwatch.evaluate.scoring import score
    from aidwatch.output import print_eval

    if (predictions is None) == (run is None):
        _fail("give either a predictions file or --run PATH")
    gold_records = _load_jsonl(gold, gold=True)
    if predictions is not None:
        predicted = _load_jsonl(predictions, gold=False)
    else:
        results, counts = run_extraction([run], show_progress=sys.stderr.isatty())
        if counts["read"] == 0:
            _fail(f"no article could be read from {run}")
        predicted = [r.to_dict() for r in results]
    report = score(gold_records, predicted)
    if as_json:
        print(json.dumps(report.figures(), indent=2))
    else:
        print_eval(report, Console(), details)


DB_OPTION_HELP = "Database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST/NAME."


@app.command()
def serve(
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
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

    from aidwatch.store import StoreError, open_store
    from aidwatch.web.app import SECRET_VARIABLE, plan_statistics

    try:
        engine = open_store(db)  # migrate once here, not in every worker
    except StoreError as e:
        _fail(str(e))
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
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
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
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
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
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
) -> None:
    """Stop a user signing in and end their sessions; their reviews stay theirs."""
    from aidwatch.store.users import disable_user

    _on_user(db, disable_user, name, "disabled")


@user_app.command("remove")
def user_remove(
    name: str = typer.Argument(..., help="The user's sign-in name."),
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
) -> None:
    """Delete a user who has reviewed nothing (one who has is disabled instead)."""
    from aidwatch.store.users import remove_user

    _on_user(db, remove_user, name, "removed")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _on_user(db: str, change, name: str, done: str, *args) -> None:
    """`change(connection, name, *args)` on the store at `db`, errors as one line."""
    from aidwatch.store import StoreError, open_store
    from aidwatch.store.users import UserError

    try:
        engine = open_store(db)
    except StoreError as e:
        _fail(str(e))
    try:
        with engine.connect() as connection:
            change(connection, name, *args)
    except UserError as e:
        _fail(str(e))
    finally:
        engine.dispose()
    err.print(f"user {escape(name)} {done}", highlight=False)


review_app = typer.Typer(no_args_is_help=True, help="Reviewed facts.")
app.add_typer(review_app, name="review")


@review_app.command("export-gold")
def review_export_gold(
    db: str = typer.Option("sqlite:///aidwatch.db", "--db", help=DB_OPTION_HELP),
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
    from aidwatch.store import StoreError, open_store
    from aidwatch.store.review import export_gold

    try:
        engine = open_store(db)
    except StoreError as e:
        _fail(str(e))
    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        engine.dispose()
        _fail(f"{output}: cannot write ({(e.strerror or str(e)).lower()})")
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

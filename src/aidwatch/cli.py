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
from typer.core import TyperArgument, TyperGroup, TyperOption

from aidwatch.errors import AidwatchError, OutputError
from aidwatch.store import DEFAULT_URL

err = Console(stderr=True)

# What an option's value is, as help shows it: `TEXT`, `PATH`, `csv|json`,
# never Python types. Typer ≥ 0.20 labels every option with its annotation
# (`<bool>` for a flag, which takes no value; `<list[Path]>`; `<str>` for a
# format of four choices), which a user reads as something to type.
_TYPE_LABELS = {"str": "TEXT", "int": "N", "float": "NUMBER", "Path": "PATH", "path": "PATH"}


def _value_label(param, ctx) -> str | None:
    if param.metavar is not None:
        return param.metavar
    if getattr(param, "is_flag", False):
        return None
    label = TyperOption.display_type(param, ctx).strip("<>")
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    label = _TYPE_LABELS.get(label, label)
    return label + "..." if param.nargs != 1 else label


TyperOption.display_type_rich = _value_label
TyperArgument.display_type_rich = _value_label


class _Commands(TyperGroup):
    """The `aidwatch` command group: the one place where the errors a user
    can cause (`AidwatchError`, from any command or subcommand) become one
    line and exit status 2. Anything else is a bug and keeps its traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _reader_left()
        except AidwatchError as error:
            if isinstance(error, OutputError) and error.broken_pipe:
                _reader_left()
            _fail(str(error))


class _Out(Console):
    """A console on standard output (or `file`) whose reader may leave:
    rich's own answer to a broken pipe is exit status 1."""

    def on_broken_pipe(self) -> None:
        _reader_left()


def _reader_left() -> None:
    """The command reading our output stopped (`| head`): what it wanted it
    has, so exit quietly with status 0, like `cat`. Standard output is
    pointed at /dev/null first, or Python's own flush at exit would fail
    on the closed pipe and print its message."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass
    raise typer.Exit(0)


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    help="Sourced military-aid facts from news articles.",
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"aidwatch {version('aidwatch')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Sourced military-aid facts from news articles."""


DB_OPTION = typer.Option(
    DEFAULT_URL,
    "--db",
    metavar="URL",
    help="Database URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST/NAME.",
)


MODEL_OPTION = typer.Option(
    None,
    "--model",
    metavar="FILE|rules",
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


def _nothing_read(paths: list[Path], warnings: _Warnings) -> AidwatchError:
    given = ", ".join(str(p) for p in paths)
    return AidwatchError("no article could be read from " + given)


class _Warnings:
    """The warning printer of a run, calling `then` for every input given up
    (a progress bar's step)."""

    def __init__(self, then=None):
        self.then = then

    def __call__(self, record) -> None:
        from aidwatch.ingest.readers import Skipped

        if isinstance(record, Skipped) and self.then:
            self.then()
        _warn(record)


def _progress_start(paths: list[Path], show: bool, load_model: bool) -> int | None:
    """Before a bar: the number of articles to read (its total), and the
    language model loaded under a spinner rather than behind a bar stuck at
    0 for the ten seconds it takes."""
    if not show:
        return None
    from aidwatch.ingest.readers import count_inputs

    with err.status("counting articles…"):
        total = count_inputs(paths)
    if load_model:
        from aidwatch.extract.nlp import parser

        with err.status("loading the French language model (spaCy fr_core_news_md)…"):
            parser()
        err.print("[dim]language model loaded[/]", highlight=False)
    return total


def _extracted(paths: list[Path], show_progress: bool, model: str | None = None):
    """`run.extract_paths` with a progress bar and warnings on standard error."""
    from aidwatch.run import extract_paths

    total = _progress_start(paths, show_progress, load_model=True)
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
        task = progress.add_task("extract", total=total, doc="")
        warnings = _Warnings(then=lambda: progress.advance(task))
        results, summary = extract_paths(
            paths,
            on_article=lambda result: progress.update(task, doc=result.article.id, advance=1),
            on_warning=warnings,
            model=model,
        )
    if summary.read == 0:
        raise _nothing_read(paths, warnings)
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

            print_table(results, _Out(file=stream, width=_table_width(output)))
    finally:
        if output:
            stream.close()


def _table_width(output: Path | None) -> int | None:
    """The width a table is printed at: the terminal's, else `COLUMNS` when
    set (a script can ask for a width), else 200: piped or written to a file,
    a table keeps a readable width instead of folding every cell to 80."""
    import os

    if sys.stdout.isatty() and not output:
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 200


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

    show_progress = sys.stderr.isatty()
    # On a Dask cluster the workers load the model, not this process.
    total = _progress_start(paths, show_progress, load_model=not dask)
    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[doc]}"),
        console=err,
        disable=not show_progress,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=total, doc="")
        warnings = _Warnings(then=lambda: progress.advance(task))
        summary = ingest_paths(
            paths,
            db,
            on_article=lambda article: progress.update(task, advance=1, doc=article.id),
            on_warning=warnings,
            executor=OnDask(dask) if dask else None,
            on_wait=lambda: _waiting(db),
            model=model,
        )
    if summary.read == 0:
        raise _nothing_read(paths, warnings)
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
    _Out().print(table)


def _waiting(db: str) -> None:
    from aidwatch.store.db import display_url

    err.print(
        escape(f"aidwatch: {display_url(db)} is being written by another run: waiting for it"),
        highlight=False,
        soft_wrap=True,
    )


def _existing_store(db: str) -> None:
    """A SQLite store that does not exist is a one-line error: the commands
    that only read a store must not create an empty one for a mistyped name."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from aidwatch.store.db import display_url

    try:
        url = make_url(db)
    except ArgumentError:
        return  # open_store says what is wrong with it
    if url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:" and not Path(path).exists():
            raise AidwatchError(
                f"{display_url(db)}: no such database (make one with `aidwatch ingest`)"
            )


def _tracker(db: str):
    """The tracker of the store at `db`; a missing or empty store is a one-line error
    (a missing SQLite file is not created)."""
    from aidwatch.store import open_store
    from aidwatch.store.db import display_url
    from aidwatch.tracker import build_tracker

    _existing_store(db)
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

    print_report(tracker, _Out(width=_table_width(None)))


@app.command()
def export(
    format: str = typer.Option(
        "csv",
        "--format",
        "-f",
        metavar="csv|xlsx|json|parquet",
        help="csv, xlsx, json or parquet: one row per tracker record.",
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
    _Out().print(
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
        print_eval(report, _Out(), details)
        print_languages({"value": languages}, _Out())
        if details:
            print_breakdown(report, predicted, gold_records, _Out())


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
        print_crossval(cv, _Out())


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
    _Out().print(
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
    from aidwatch.store.db import display_url
    from aidwatch.web.app import SECRET_VARIABLE, plan_statistics

    _existing_store(db)
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
    shown = f"[{host}]" if ":" in host else host
    err.print(
        escape(
            f"aidwatch: serving {display_url(db)} at http://{shown}:{port}/ "
            f"(API documentation at /docs; Ctrl-C to stop)"
        ),
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(
        "aidwatch.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # One line per request (uvicorn's access log), server errors, not
        # uvicorn's own start-up lines: the address is said above. No
        # `log_level`: uvicorn would set it on the access logger too.
        access_log=True,
        log_config=_SERVE_LOGGING,
    )


# uvicorn's logging, with its access logger on at INFO while the rest says
# only warnings (`log_level` sets every uvicorn logger alike).
_SERVE_LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "access": {
            "()": "uvicorn.logging.AccessFormatter",
            "fmt": '%(asctime)s %(client_addr)s "%(request_line)s" %(status_code)s',
            "use_colors": False,
        },
        "default": {"()": "uvicorn.logging.DefaultFormatter", "fmt": "%(levelprefix)s %(message)s"},
    },
    "handlers": {
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stderr",
        },
        "default": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn": {"handlers": ["default"], "level": "WARNING", "propagate": False},
        "uvicorn.error": {"level": "WARNING"},
        "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}


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
    if not sys.stdin.isatty():
        # The prompt would read the pipe, find it ended and say « Aborted. »
        # with no word of what to do instead.
        raise AidwatchError(
            "no terminal to ask for the password: give it on standard input with "
            "--password-stdin (printf '%s\\n' \"$PASSWORD\" | aidwatch user add NAME --password-stdin)"
        )
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

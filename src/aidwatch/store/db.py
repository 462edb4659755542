"""Open a store by URL: SQLite (a file, no set-up) or PostgreSQL, migrated to the latest schema.

`open_store(url)` runs the Alembic migrations up to the latest revision, so an
existing database made by an earlier release is upgraded in place and a new
one is created, then returns the Engine. It does not read or write articles
(ingest.py does). Problems the user can cause (a bad URL, a missing driver, an
unreachable server, a file that is not a database, a database made by a newer
release) are `StoreError`s of one line.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

DEFAULT_URL = "sqlite:///aidwatch.db"

# The execution option `writing` sets: SQLite then begins with the write lock.
WRITE_OPTION = "aidwatch_write"


class StoreError(Exception):
    """A store that cannot be opened; the message names it (password hidden)."""


def alembic_config(url: str | None = None) -> Config:
    """The Alembic configuration of the store's migrations (no alembic.ini)."""
    config = Config()
    location = str(files("aidwatch.store") / "migrations")
    # Options go through configparser interpolation: a literal % is %%.
    config.set_main_option("script_location", location.replace("%", "%%"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def open_store(url: str = DEFAULT_URL, sqlite_pool: int | None = None) -> Engine:
    """An Engine on the store at `url`, its schema upgraded to the latest revision.
    `sqlite_pool`: on SQLite, that many pooled connections at most (a server
    whose every thread may hold one); PostgreSQL keeps SQLAlchemy's 5 + 10,
    its connections being server processes."""
    shown = display_url(url)
    options = {}
    if sqlite_pool and url.startswith("sqlite"):
        options = {"pool_size": sqlite_pool, "max_overflow": 0}
    try:
        engine = create_engine(url, **options)
    except ArgumentError:
        raise StoreError(
            f"{shown}: not a database URL (sqlite:///FILE, postgresql://...)"
        ) from None
    except ImportError as error:
        hint = " — pip install 'aidwatch[postgres]'" if url.startswith("postgres") else ""
        raise StoreError(f"{shown}: no database driver installed ({error.name}){hint}") from None
    if engine.dialect.name == "sqlite":
        _sqlite_transactions(engine)
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as error:
        engine.dispose()
        raise StoreError(f"{shown}: cannot open ({_reason(error)})") from None
    except CommandError as error:
        engine.dispose()
        # The database's revision is unknown here: a newer aidwatch made it.
        raise StoreError(f"{shown}: made by a newer aidwatch ({error})") from None
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """Real transactions on SQLite, schema changes included, and WAL.

    Python's sqlite3 (before 3.16) starts transactions only before writes and
    never before CREATE or ALTER, so a migration killed halfway would leave
    half a schema; SQLAlchemy emits BEGIN itself instead (its documented
    recipe). WAL lets a reader (a progress poll, the web app) read while an
    ingest writes; a killed process loses nothing that was committed.

    A transaction opened by `writing` begins IMMEDIATE, taking the one write
    lock at once and waiting (busy_timeout) while another writer holds it. A
    plain BEGIN reads on a snapshot, and when another connection commits
    before it writes, SQLite cannot upgrade it and fails at once with
    "database is locked", however long the busy timeout."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(connection: Connection) -> Iterator[Connection]:
    """A transaction that will write, on a connection with none in progress:
    on SQLite it holds the store's write lock from its first statement (one
    writer at a time, the others wait their turn); on PostgreSQL it is a
    plain transaction (rows are locked as they are written, or by FOR UPDATE).

    On SQLite the writers of this process also queue on a lock of the
    file's own first: waiting in SQLite's busy handler is polling with
    sleeps that grow to 100 ms, and 8 writers at once got a third of the
    throughput of one (21 writes/s against 73 here). Other processes (more
    `serve` workers, an ingest) still meet at SQLite's lock."""
    if connection.dialect.name != "sqlite":
        with connection.begin():
            yield connection
        return
    with _process_lock(connection.engine.url.database or ""):
        connection.execution_options(**{WRITE_OPTION: True})
        try:
            with connection.begin():
                yield connection
        finally:
            connection.execution_options(**{WRITE_OPTION: False})


_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


def _process_lock(database: str) -> threading.Lock:
    """The lock this process's writers of the SQLite file `database` share."""
    key = os.path.realpath(database) if database and database != ":memory:" else database
    with _process_locks_guard:
        return _process_locks.setdefault(key, threading.Lock())


def display_url(url: str) -> str:
    """The URL to show: its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _reason(error: DBAPIError) -> str:
    lines = str(error.orig).strip().splitlines() or [type(error.orig).__name__]
    return lines[0].lower()

"""Open a store by URL: SQLite (a file, no set-up) or PostgreSQL, migrated to the latest schema.

`open_store(url)` runs the Alembic migrations up to the latest revision, so an
existing database made by an earlier release is upgraded in place and a new
one is created, then returns the Engine. It does not read or write articles
(ingest.py does). Problems the user can cause (a bad URL, a missing driver, an
unreachable server, a file that is not a database, a database made by a newer
release) are `StoreError`s of one line.

`store_lock(url)` is the store's write lock: one ingest (or migration) at a
time. Two ingests into one store at once each built their stories from what
was stored when they started (8 stories where there were 4), two of one
folder raced on the same texts, and two first runs raced on the migration;
now the second waits for the first, then sees everything it stored.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from aidwatch.errors import AidwatchError
from aidwatch.store import DEFAULT_URL

# The execution option `writing` sets: SQLite then begins with the write lock.
WRITE_OPTION = "aidwatch_write"


class StoreError(AidwatchError):
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


def open_store(
    url: str = DEFAULT_URL,
    on_wait: Callable[[], None] | None = None,
    sqlite_pool: int | None = None,
) -> Engine:
    """An Engine on the store at `url`, its schema upgraded to the latest revision.

    A store that needs migrating is migrated under `store_lock` (`on_wait` is
    called if another process holds it); one at the latest revision is
    opened without waiting, so the web app opens a store an ingest is filling.
    `sqlite_pool`: on SQLite, that many pooled connections at most (a server
    whose every thread may hold one); PostgreSQL keeps SQLAlchemy's 5 + 10,
    its connections being server processes."""
    shown = display_url(url)
    options = {}
    if sqlite_pool and url.startswith("sqlite"):
        options = {"pool_size": sqlite_pool, "max_overflow": 0}
    engine = _engine(url, **options)
    if engine.dialect.name == "sqlite":
        _sqlite_transactions(engine)
    config = alembic_config()
    try:
        if not _at_head(engine, config):
            with store_lock(url, on_wait), engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except DBAPIError as error:
        engine.dispose()
        raise StoreError(f"{shown}: cannot open ({_reason(error)})") from None
    except CommandError as error:
        engine.dispose()
        # The database's revision is unknown here: a newer aidwatch made it.
        raise StoreError(f"{shown}: made by a newer aidwatch ({error})") from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def _engine(url: str, **options) -> Engine:
    shown = display_url(url)
    try:
        return create_engine(url, **options)
    except ArgumentError:
        raise StoreError(
            f"{shown}: not a database URL (sqlite:///FILE, postgresql://...)"
        ) from None
    except ImportError as error:
        hint = " — pip install 'aidwatch[postgres]'" if url.startswith("postgres") else ""
        raise StoreError(f"{shown}: no database driver installed ({error.name}){hint}") from None


def _at_head(engine: Engine, config: Config) -> bool:
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == set(ScriptDirectory.from_config(config).get_heads())


# The key of the store's advisory lock on PostgreSQL (any 64-bit number that
# other applications sharing the database are unlikely to use).
_PG_LOCK_KEY = 0x61696477617463  # the bytes of "aidwatc"
# Locks this process holds, by store and thread: taken again, a lock is
# re-entered (an ingest opens its store while holding its lock).
_held: dict[tuple[str, int], int] = {}
_held_guard = threading.Lock()


@contextmanager
def store_lock(url: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the write lock of the store at `url`, waiting for it if another
    process (or thread) holds it; `on_wait` is called before waiting.

    On SQLite an exclusive `flock` of FILE.lock beside the database (left
    there afterwards: removing it would let a third process lock a file the
    second is about to open); on PostgreSQL a session advisory lock on a
    connection of its own. Either is released when the holder exits, even
    when it is killed. Other databases, and SQLite in memory, are not locked."""
    key = (url, threading.get_ident())
    with _held_guard:
        depth = _held.get(key, 0)
        _held[key] = depth + 1
    try:
        if depth:
            yield
            return
        parsed = make_url(url) if "://" in url else None
        backend = parsed.get_backend_name() if parsed else None
        if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
            with _file_lock(Path(parsed.database + ".lock"), url, on_wait):
                yield
        elif backend == "postgresql":
            with _advisory_lock(url, on_wait):
                yield
        else:
            yield
    finally:
        with _held_guard:
            if _held[key] == 1:
                del _held[key]
            else:
                _held[key] -= 1


@contextmanager
def _file_lock(path: Path, url: str, on_wait: Callable[[], None] | None) -> Iterator[None]:
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise StoreError(f"{display_url(url)}: cannot open ({reason})") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextmanager
def _advisory_lock(url: str, on_wait: Callable[[], None] | None) -> Iterator[None]:
    engine = _engine(url, poolclass=NullPool)
    try:
        try:
            connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError as error:
            raise StoreError(f"{display_url(url)}: cannot open ({_reason(error)})") from None
        with connection:
            key = {"key": _PG_LOCK_KEY}
            if not connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), key):
                if on_wait:
                    on_wait()
                connection.execute(text("SELECT pg_advisory_lock(:key)"), key)
            try:
                yield
            finally:
                # Closing the session releases the lock too: a connection
                # lost meanwhile is not an error of its own.
                with contextlib.suppress(DBAPIError):
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)
    finally:
        engine.dispose()


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
        cursor.execute("PRAGMA busy_timeout=10000")
        _to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _to_wal(cursor, wait: float = 10.0) -> None:
    """Switch the file to WAL (once done, it stays). On a fresh file that
    takes its write lock, and SQLite answers « database is locked » at once
    to a second run switching it in the same instant, busy timeout or not:
    try again until `wait` seconds have passed."""
    deadline = time.monotonic() + wait
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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

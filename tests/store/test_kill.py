"""A run killed with SIGKILL in the middle of a batch, then re-run, ends with
exactly the store of an uninterrupted run: each batch of articles is written
whole in one transaction, and the re-run skips the articles stored and
rebuilds the story index from the store."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from aidwatch.run import ingest


def article_counter(url: str) -> Callable[[], int]:
    """`stored()`: the articles committed so far in the store at `url` (read
    by another connection, as a user would); 0 before the schema exists."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database)

        def stored() -> int:
            if not path.exists():
                return 0
            try:
                with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
                    return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                return 0

        return stored

    import psycopg

    # One autocommit connection polled for the whole run: each count sees
    # what was committed before it.
    libpq_url = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = psycopg.connect(libpq_url, autocommit=True)

    def stored() -> int:
        try:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return 0

    stored.close = connection.close
    return stored


def killed_run(corpus: Path, url: str, log: Path, above: int) -> int:
    """Run `aidwatch ingest` on `corpus`, SIGKILL it as soon as the store holds
    more than `above` articles, and return how many it holds then."""
    stored = article_counter(url)
    try:
        with log.open("wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "aidwatch.cli", "ingest", str(corpus), "--db", url],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            deadline = time.monotonic() + 120
            try:
                while stored() <= above and process.poll() is None:
                    assert time.monotonic() < deadline, "the ingest never wrote"
                    time.sleep(0.001)
                process.send_signal(signal.SIGKILL)
            finally:
                process.kill()
                process.wait()
        assert process.returncode == -signal.SIGKILL, log.read_text()
        return stored()
    finally:
        getattr(stored, "close", lambda: None)()


def test_a_killed_run_then_a_rerun_give_the_store_of_an_uninterrupted_run(
    tmp_path, new_store, corpus, dump
):
    uninterrupted = new_store("uninterrupted")
    total = ingest([corpus], uninterrupted).new

    killed = new_store("killed")
    first = killed_run(corpus, killed, tmp_path / "first.log", above=0)
    # Killed again a batch or two into resuming, with a rebuilt story index.
    second = killed_run(corpus, killed, tmp_path / "second.log", above=first + 40)
    assert 0 < first < first + 40 < second < total

    rerun = ingest([corpus], killed)
    assert rerun.new == total - second
    assert dump(killed) == dump(uninterrupted)

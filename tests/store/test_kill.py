"""A run killed with SIGKILL in the middle of a batch, then re-run, ends with
exactly the store of an uninterrupted run: each article is written whole in
one transaction, and the re-run skips the articles stored and rebuilds the
story index from the store."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from aidwatch.store import ingest


def stored(path: Path) -> int:
    """Articles committed so far; 0 before the schema exists."""
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def killed_run(corpus: Path, path: Path, log: Path, above: int) -> int:
    """Run `aidwatch ingest` on `corpus`, SIGKILL it as soon as the store holds
    more than `above` articles, and return how many it holds then."""
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aidwatch.cli",
                "ingest",
                str(corpus),
                "--db",
                f"sqlite:///{path}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        deadline = time.monotonic() + 120
        try:
            while stored(path) <= above and process.poll() is None:
                assert time.monotonic() < deadline, "the ingest never wrote"
                time.sleep(0.001)
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL, log.read_text()
    return stored(path)


def test_a_killed_run_then_a_rerun_give_the_store_of_an_uninterrupted_run(tmp_path, corpus, dump):
    uninterrupted = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    total = ingest([corpus], uninterrupted).new

    killed = tmp_path / "killed.db"
    first = killed_run(corpus, killed, tmp_path / "first.log", above=0)
    # Killed again a batch or two into resuming, with a rebuilt story index.
    second = killed_run(corpus, killed, tmp_path / "second.log", above=first + 40)
    assert 0 < first < first + 40 < second < total

    rerun = ingest([corpus], f"sqlite:///{killed}")
    assert rerun.new == total - second
    assert dump(f"sqlite:///{killed}") == dump(uninterrupted)

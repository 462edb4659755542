"""Two ingests into one store at once, as two real `aidwatch ingest`
processes: they queue on the store's lock (store/db.py), so the store ends
as one ingest after the other would leave it. Without the lock, two of
disjoint folders each grouped stories from the store as it was when they
started (8 stories where there are 4), two of one folder ended in a
traceback, and two first runs collided on the migration.

To be sure the two runs overlap, the test holds the lock itself while both
start, and lets go once both say they wait: both then want the store at
the same moment, and the lock alone decides."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from aidwatch.store.db import store_lock
from aidwatch.store.schema import articles

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"
# The five example articles are four stories (two outlets' versions of one
# dispatch); a reprint of each, with a line of its own added, joins its story.
STORIES = 4
REPRINT_LINE = "\n\nCet article est repris de l'un de nos partenaires."


def reprints(folder: Path) -> Path:
    folder.mkdir()
    for article in sorted(DEV_ARTICLES.iterdir()):
        text = article.read_text(encoding="utf-8")
        (folder / f"repris-{article.name}").write_text(text + REPRINT_LINE, encoding="utf-8")
    return folder


def started(folder: Path, url: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "aidwatch.cli", "ingest", str(folder), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )


def ingest_at_once(folders: list[Path], url: str, tmp_path: Path) -> list[str]:
    """Each folder ingested by a process of its own, all let go at once; their stderr."""
    logs = [tmp_path / f"ingest-{n}.log" for n in range(len(folders))]
    with store_lock(url):
        runs = [started(f, url, log) for f, log in zip(folders, logs, strict=True)]
        deadline = time.monotonic() + 120
        while not all("waiting for it" in log.read_text() for log in logs):
            assert all(run.poll() is None for run in runs), [log.read_text() for log in logs]
            assert time.monotonic() < deadline, "the runs never waited for the lock"
            time.sleep(0.1)
    for run in runs:
        run.wait(timeout=300)
    stderr = [log.read_text() for log in logs]
    assert [run.returncode for run in runs] == [0] * len(runs), stderr
    return stderr


def stored(url: str) -> tuple[int, int]:
    """(articles, stories) in the store."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return (
                connection.scalar(select(func.count()).select_from(articles)),
                connection.scalar(select(func.count(func.distinct(articles.c.story)))),
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("folders", "expected"),
    [
        (["dev", "reprints"], (10, STORIES)),
        (["dev", "dev"], (5, STORIES)),
    ],
    ids=["disjoint folders", "one folder twice"],
)
def test_two_first_ingests_at_once_queue_and_store_what_one_after_the_other_would(
    new_store, tmp_path, folders, expected
):
    paths = {"dev": DEV_ARTICLES, "reprints": reprints(tmp_path / "reprints")}
    url = new_store("concurrent")  # fresh: both runs also want to migrate it
    stderr = ingest_at_once([paths[f] for f in folders], url, tmp_path)
    assert stored(url) == expected
    assert not any("Traceback" in text for text in stderr), stderr
    # Each said once that it waits, though the second waited twice (for the
    # test, then for the first run).
    assert [text.count("waiting for it") for text in stderr] == [1, 1], stderr

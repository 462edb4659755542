"""`aidwatch ingest --dask`: extraction on a Dask cluster stores the database
the in-process run stores, and a scheduler that cannot be reached is a
one-line error. The `local` cluster starts worker processes that each load
spaCy: the slowest test of the store (10 to 25 s here)."""

from __future__ import annotations

import socket
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster

from aidwatch.run import ingest

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"
BENCH_ARTICLES = ROOT / "bench" / "corpus" / "articles"
# Two batches; the dev articles again at the end are duplicates of the first
# batch read while it is still being extracted.
CORPUS = [DEV_ARTICLES, BENCH_ARTICLES, DEV_ARTICLES]


def sqlite(path: Path) -> str:
    # SQLite only: each run on a cluster costs seconds, one backend is enough.
    return f"sqlite:///{path}"


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_local_stores_what_in_process_stores(tmp_path, dump, cli, monkeypatch):
    # Batches of 32 (as the store's were): the 55 articles make two.
    monkeypatch.setattr("aidwatch.run.triage.BATCH", 32)
    here, there = sqlite(tmp_path / "here.db"), sqlite(tmp_path / "there.db")
    expected = ingest(CORPUS, here)
    result = cli.invoke(*CORPUS, "--db", there, "--dask", "local")
    assert result.exit_code == 0, result.output
    assert (expected.read, expected.new, expected.duplicates) == (55, 50, 5)
    assert cli.summary(result.stdout) == {
        "read": expected.read,
        "new": expected.new,
        "of which off-topic": expected.off_topic,
        "of which reprints (joined a story)": expected.reprints,
        "duplicates (already stored)": expected.duplicates,
        "facts": expected.facts,
        "warnings": expected.warnings,
    }
    stored = dump(there)
    assert stored["facts"] and stored["signatures"]
    assert stored == dump(here)


def test_a_scheduler_address_is_used_as_given(tmp_path, dump, cli):
    # A cluster of one thread in this process: cheap, and spaCy is loaded once.
    here, there = sqlite(tmp_path / "here.db"), sqlite(tmp_path / "there.db")
    ingest([DEV_ARTICLES], here)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        result = cli.invoke(DEV_ARTICLES, "--db", there, "--dask", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert dump(there) == dump(here)


@pytest.mark.parametrize(
    "address, message",
    [
        (f"tcp://127.0.0.1:{closed_port()}", "cannot reach the Dask scheduler"),
        ("localhost", "not a Dask scheduler address"),
        ("http://localhost:8786", "not a Dask scheduler address"),
    ],
)
def test_a_scheduler_that_cannot_be_reached_is_a_one_line_error(tmp_path, address, message, cli):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = cli.invoke(DEV_ARTICLES, "--db", sqlite(tmp_path / "store.db"), "--dask", address)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("aidwatch: error: ") and message in line

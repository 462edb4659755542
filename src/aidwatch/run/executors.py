"""Where a run extracts: in this process, or on a Dask cluster.

An executor maps a function over batches, each with a context of the
caller's, and hands back each batch's context and result in the order the
batches came. `InProcess` maps a batch when it is asked for the next one;
`OnDask` keeps a few batches running on a cluster's workers and waits for the
oldest. The ingest run (driver.py) sends only extraction, pure and the
expensive step, through it: reading, deduplication, stories and writes stay
in its process, in input order, so both executors give the same database.
Each worker process loads the spaCy model once, on its first batch; workers
need aidwatch installed, the same version as the caller's.
"""

from __future__ import annotations

import logging
import math
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from aidwatch.errors import AidwatchError

if TYPE_CHECKING:
    from distributed import Client, Future

Context = TypeVar("Context")
Batch = TypeVar("Batch")
Result = TypeVar("Result")


class ScaleoutError(AidwatchError):
    """A Dask scheduler that cannot be reached or was lost; the message names it."""


# The keys of one item of a batch: items that share keys are best mapped in
# the same process, whose caches (the parses of their sentences) they share.
Affinity = Callable[[Any], Iterable[Hashable]]


class Executor(Protocol):
    def map_batches(
        self,
        function: Callable[[Batch], Result],
        batches: Iterable[tuple[Context, Batch]],
        affinity: Affinity | None = None,
    ) -> Generator[tuple[Context, Result], None, None]:
        """Each batch's context and `function(batch)`, in the batches' order.

        `affinity` says that `function` maps a list item by item (its result
        a list in the same order) and gives each item's keys: an executor
        may then map a batch in parts, items with the keys of earlier ones
        where those went."""
        ...


class InProcess:
    """Each batch mapped here, when the caller asks for its result."""

    def map_batches(
        self,
        function: Callable[[Batch], Result],
        batches: Iterable[tuple[Context, Batch]],
        affinity: Affinity | None = None,
    ) -> Generator[tuple[Context, Result], None, None]:
        for context, batch in batches:
            yield context, function(batch)


class OnDask:
    """Batches mapped on the workers of the Dask scheduler at `address`
    (tcp://HOST:PORT), or of a cluster of this machine's cores started for
    the run when `address` is `local`.

    At most two batches per worker thread are read ahead of the caller, so
    memory stays bounded whatever the input's size. The connection lasts one
    `map_batches`; its timeout is Dask's `distributed.comm.timeouts.connect`."""

    def __init__(self, address: str):
        self.address = address

    def map_batches(
        self,
        function: Callable[[Batch], Result],
        batches: Iterable[tuple[Context, Batch]],
        affinity: Affinity | None = None,
    ) -> Generator[tuple[Context, Result], None, None]:
        """`function` must be importable on the workers (a module's, not a
        lambda). With `affinity`, each batch is split between the workers,
        evenly, each item going where the most of its keys went before
        (`Placement`): a reprint is extracted by the worker that parsed its
        original, and finds its sentences' parses there."""
        with self._client() as client:
            running: deque[tuple[Context, Batch, list[tuple[Future, list[int] | None]]]] = deque()
            window, asked, workers = 0, -math.inf, []
            placement = Placement(affinity) if affinity is not None else None
            for context, batch in batches:
                # Workers may come and go: the window follows their number,
                # asked of the scheduler (a round trip) once a second at most.
                if time.monotonic() - asked > 1:
                    threads = client.nthreads()
                    window = 2 * max(1, sum(threads.values()))
                    workers = sorted(threads)
                    asked = time.monotonic()
                parts: list[tuple[Future, list[int] | None]] = []
                if not batch:
                    pass  # no on-topic article: not worth a round trip
                elif placement is None or len(workers) < 2:
                    parts.append((client.submit(function, batch, pure=False), None))
                else:
                    for worker, items in placement.split(batch, workers):
                        # A worker gone meanwhile: another one takes the part.
                        future = client.submit(
                            function,
                            [batch[i] for i in items],
                            pure=False,
                            workers=[worker],
                            allow_other_workers=True,
                        )
                        parts.append((future, items))
                running.append((context, batch, parts))
                while len(running) >= window:
                    yield self._done(function, *running.popleft())
            while running:
                yield self._done(function, *running.popleft())

    def _done(
        self,
        function: Callable[[Batch], Result],
        context: Context,
        batch: Batch,
        parts: list[tuple[Future, list[int] | None]],
    ) -> tuple[Context, Result]:
        if not parts:
            return context, function(batch)
        if parts[0][1] is None:
            return context, self._result(parts[0][0])
        merged: list = [None] * len(batch)  # type: ignore[arg-type]
        for future, items in parts:
            for i, result in zip(items, self._result(future), strict=True):  # type: ignore[arg-type]
                merged[i] = result
        return context, merged  # type: ignore[return-value]

    def _result(self, future: Future):
        from distributed import KilledWorker
        from distributed.client import FutureCancelledError

        # An error of `function` itself is a bug, raised as it is.
        try:
            return future.result()
        except FutureCancelledError:
            raise ScaleoutError(f"lost the Dask scheduler at {self.address}") from None
        except KilledWorker:
            raise ScaleoutError(
                f"Dask workers of {self.address} died on a batch (out of memory?)"
            ) from None

    @contextmanager
    def _client(self) -> Iterator[Client]:
        from distributed import Client, LocalCluster

        if self.address == "local":
            import dask
            from dask.system import CPU_COUNT

            from aidwatch.extract.nlp import CACHED_SENTENCES

            # One single-threaded process per core: spaCy holds the GIL.
            with (
                dask.config.set(
                    {
                        # Dask starts workers with MALLOC_TRIM_THRESHOLD_ set,
                        # which also turns off glibc's sliding mmap threshold:
                        # every array the parser allocates is then mapped and
                        # unmapped afresh, and the page faults cost a fifth of
                        # a worker's CPU (6 s of system time in 31 on 10,000
                        # articles, 1 s without).
                        "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                        # Two malloc arenas (the event loop's, the task's)
                        # fragment less than one per thread: 36 MB less a worker.
                        "distributed.nanny.pre-spawn-environ.MALLOC_ARENA_MAX": 2,
                        # The workers share this machine's memory: they share
                        # half the parse cache one process would have. An
                        # article goes to the worker that parsed its
                        # paragraphs (`Placement`), so a worker sees its own
                        # share of the reprints: on the 4,000 first on-topic
                        # articles of bench_ingest's feed (reprints of the
                        # latest 1,000), a cache of 7,500 sentences parsed as
                        # few as one of any size (11,345 and 11,339 of
                        # 19,467 asked; 5,000: 11,894), and the cache it
                        # did not use was about 40 MB a worker (8.5 KB a
                        # sentence).
                        "distributed.nanny.pre-spawn-environ.AIDWATCH_PARSE_CACHE": max(
                            1, CACHED_SENTENCES // (2 * CPU_COUNT)
                        ),
                        # The workers' own sampling profiler (for the
                        # dashboard, which a local run does not start)
                        # walks the task's stack a hundred times a second.
                        "distributed.worker.profile.enabled": False,
                        # Each server (scheduler, nannies, workers) wakes
                        # its event loop every 20 ms to see whether it was
                        # blocked, samples its CPU and memory for the
                        # dashboard every 0.5 s, and each nanny and worker
                        # reads its worker's memory every 0.1 s: taken from
                        # the task's thread for the GIL, 2.5 % of a core in
                        # this process and 1.1 % in each worker while idle,
                        # 0.7 and 0.3 % at these intervals. Still often
                        # enough to warn of a blocked loop, to spill, pause
                        # or restart a worker short of memory.
                        "distributed.admin.tick.interval": "1s",
                        "distributed.admin.system-monitor.interval": "5s",
                        "distributed.worker.memory.monitor-interval": "1s",
                    }
                ),
                LocalCluster(
                    n_workers=CPU_COUNT,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Workers cancelled by a Ctrl-C say so at WARNING: expected.
                    silence_logs=logging.ERROR,
                ) as cluster,
                Client(cluster) as client,
            ):
                yield client
            return
        try:
            client = Client(self.address)
        except ValueError as error:
            raise ScaleoutError(
                f"{self.address}: not a Dask scheduler address ({error}); "
                "give tcp://HOST:PORT or local"
            ) from None
        except OSError as error:
            raise ScaleoutError(f"cannot reach the Dask scheduler: {error}") from None
        try:
            yield client
        finally:
            # Closing a client whose scheduler is gone cancels its attempts to
            # reconnect, which distributed logs as an error with a traceback.
            client_log = logging.getLogger("distributed.client")
            level = client_log.level
            client_log.setLevel(logging.CRITICAL)
            try:
                client.close()
            finally:
                client_log.setLevel(level)


class Placement:
    """Where the items of each batch go: to the worker that the most of
    their keys (`affinity`) went to before, as long as it has no more than
    its share of the batch; ties to the worker with the fewest items yet.
    The latest `capacity` keys are remembered: the paragraphs of several
    thousand articles, more than a worker's parse cache holds (nlp.py)."""

    def __init__(self, affinity: Affinity, capacity: int = 50_000):
        self.affinity = affinity
        self.capacity = capacity
        self.worker_of: dict[Hashable, str] = {}  # oldest key first

    def split(self, batch: Sequence, workers: list[str]) -> list[tuple[str, list[int]]]:
        """(worker, indices of its items in `batch`) for each worker given some."""
        share = math.ceil(len(batch) / len(workers))
        given: dict[str, list[int]] = {w: [] for w in workers}
        worker_of = self.worker_of
        for i, item in enumerate(batch):
            keys = list(dict.fromkeys(self.affinity(item)))
            votes = Counter(worker_of.get(k) for k in keys)
            worker = max(
                (w for w in workers if len(given[w]) < share),
                key=lambda w: (votes[w], -len(given[w])),
            )
            given[worker].append(i)
            for k in keys:
                worker_of.pop(k, None)
                worker_of[k] = worker
            while len(worker_of) > self.capacity:
                del worker_of[next(iter(worker_of))]
        return [(w, items) for w, items in given.items() if items]

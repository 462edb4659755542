"""A run of the pipeline: read → triage → story → extract (→ store).

`extract_paths(paths)` reads and extracts (the `extract` and `eval --run`
commands), `ingest(paths, url)` also triages against the store and writes
(`ingest`), `reextract(url)` extracts stored articles again (`reextract`).
They share the reading and its warnings (reading.py: a file that cannot be
read, or is read with a caveat, is one warning and the batch goes on), the
length guard in front of the parser, and the story grouping; extraction may
run on a Dask cluster (executors.py). The store's writes are `aidwatch.store`'s.
"""

from aidwatch.run.driver import extract_paths, ingest, reextract
from aidwatch.run.executors import Executor, InProcess, OnDask, ScaleoutError
from aidwatch.run.triage import text_hash
from aidwatch.store.ingest import Summary

__all__ = [
    "Executor",
    "InProcess",
    "OnDask",
    "ScaleoutError",
    "Summary",
    "extract_paths",
    "ingest",
    "reextract",
    "text_hash",
]

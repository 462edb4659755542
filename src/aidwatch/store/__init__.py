"""The store: articles and what was extracted from them, in SQLite or PostgreSQL.

`open_store(url)` opens (and migrates) a store, `store_lock(url)` is its
write lock, `schema` has the tables, `ingest.store_batch` and
`reextract.replace_extraction` write. The runs that read files and extract
before writing are `aidwatch.run` (`ingest` is still importable from here).
"""

from __future__ import annotations

import importlib

# The store of every command without --db: a SQLite file in the working folder.
DEFAULT_URL = "sqlite:///aidwatch.db"

# Loaded when first asked for: SQLAlchemy and Alembic take most of a second
# to import, which `aidwatch --help` (it reads DEFAULT_URL) need not pay.
_PLACES = {
    "StoreError": "aidwatch.store.db",
    "open_store": "aidwatch.store.db",
    "store_lock": "aidwatch.store.db",
    "Summary": "aidwatch.store.ingest",
    # The run's old place, kept working without the store importing the run.
    "ingest": "aidwatch.run",
}

__all__ = ["DEFAULT_URL", *_PLACES]


def __getattr__(name: str):
    if name not in _PLACES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_PLACES[name]), name)

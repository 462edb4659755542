"""The store: articles and what was extracted from them, in SQLite or PostgreSQL.

`ingest(paths, url)` reads, deduplicates, extracts and stores; `open_store(url)`
opens (and migrates) a store for any other use; `schema` has the tables.
"""

from aidwatch.store.db import DEFAULT_URL, StoreError, open_store
from aidwatch.store.ingest import Summary, ingest

__all__ = ["DEFAULT_URL", "StoreError", "Summary", "ingest", "open_store"]

"""Fixtures of the tracker tests: rows written as short tuples, and a store of the dev set.

`facts(...)` turns table lines like
    ("a", "US", "himars", "pledged", 4, "2022-06-01")
into `FactRow`s: the article (`a`, `b`, ... one article id each, published
2022-06 and a story of its own unless the article is named in `ARTICLES` with
other values), donor, item, status, quantity, date, then optional keywords.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aidwatch.tracker import FactRow, PackageRow, Rows, Source, TotalRow

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"

# Article name → (published, story[, event]); the story is another article's
# name for a reprint, the event (its story's by default) for a write-up of
# another article's event.
ARTICLES = {
    "a": ("2022-06", "a"),
    "b": ("2022-06", "b"),
    "c": ("2022-10", "c"),
    "d": ("2022-10", "d"),
    "a2": ("2022-06", "a"),  # a reprint of a
    "old": ("2022-03", "old"),
    "e": ("2022-06", "e", "a"),  # its own write-up of a's event
}


_IDS: dict[str, int] = {}


def _id(name: str) -> int:
    return _IDS.setdefault(name, len(_IDS) + 1)


def source(doc: str, evidence: str = "…") -> Source:
    published, story, *event = ARTICLES.get(doc, ("2022-06", doc))
    return Source(
        article_id=_id(doc),
        doc=doc,
        url=f"https://{doc}.example.org/article",
        published=published,
        story=_id(story),
        evidence=f"{evidence} ({doc})",
        event=_id(event[0] if event else story),
    )


def fact_row(doc, donor, item, status, quantity=None, date=None, kind=None, package=None):
    return FactRow(
        source=source(doc),
        donor=donor,
        item_id=item,
        item_name=item.upper(),
        category="mlrs",
        specific=True,
        status=status,
        quantity=quantity,
        quantity_kind=kind or ("exact" if quantity is not None else None),
        date=date,
        package=package,
    )


def package_row(doc, donor, date, amount, currency="USD", label="p1"):
    return PackageRow(source(doc), label, donor, date, amount, currency)


def total_row(doc, scope, amount, currency="USD", kind="exact"):
    return TotalRow(source(doc), scope, amount, currency, kind)


@pytest.fixture
def rows():
    """`rows(facts=[...], packages=[...], totals=[...])`: `Rows` from table lines."""

    def make(facts=(), packages=(), totals=()):
        fact_rows = [fact_row(*f[:6], **(f[6] if len(f) > 6 else {})) for f in facts]
        package_rows = [package_row(*p) for p in packages]
        total_rows = [total_row(*t) for t in totals]
        docs = {r.source.doc for r in fact_rows + package_rows + total_rows}
        return Rows(fact_rows, package_rows, total_rows, len(docs))

    return make


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory) -> str:
    """A SQLite store of the five dev articles (ingested once per session)."""
    from aidwatch.run import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('dev') / 'dev.db'}"
    summary = ingest([DEV_ARTICLES], url)
    assert summary.new == 5
    return url


@pytest.fixture(scope="session")
def dev_tracker(dev_store):
    """The tracker of `dev_store`."""
    from aidwatch.store import open_store
    from aidwatch.tracker import build_tracker

    engine = open_store(dev_store)
    try:
        return build_tracker(engine)
    finally:
        engine.dispose()

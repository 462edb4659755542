"""Triage: which articles of a batch are new, and which of those are on aid.

A text already stored (same normalised text, see `text_hash`) is a
duplicate; a new one is on-topic when `is_about_aid` says so, and only the
on-topic ones go to extraction, through the length guard (reading.py).
"""

from __future__ import annotations

import hashlib
import itertools
import unicodedata
from collections.abc import Iterator

from sqlalchemy import Connection, select

from aidwatch.extract import is_about_aid
from aidwatch.model import Article
from aidwatch.run.reading import Warn, guard, warn
from aidwatch.store.ingest import BATCH, Summary, Triaged
from aidwatch.store.schema import articles
from aidwatch.textnorm import fold


def text_hash(text: str) -> str:
    """sha256 of the folded text with its whitespace made single spaces."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(fold(normalised).encode("utf-8")).hexdigest()


def triaged(
    connection: Connection,
    stream: Iterator[Article],
    unstored: set[str],
    summary: Summary,
    on_warning: Warn | None,
) -> Iterator[tuple[list[Triaged], list[Article]]]:
    """Batches of `BATCH` articles triaged into duplicates, off-topic and
    on-topic, each with its on-topic articles as extraction should see them.
    `unstored` holds the hashes of new articles triaged but not stored yet:
    this adds to it."""
    while batch := list(itertools.islice(stream, BATCH)):
        hashes = [text_hash(article.text) for article in batch]
        with connection.begin():
            known = set(
                connection.scalars(
                    select(articles.c.text_hash).where(articles.c.text_hash.in_(hashes))
                )
            )
        known |= unstored.intersection(hashes)
        triage: list[Triaged] = []
        extracted: list[Article] = []
        for article, digest in zip(batch, hashes, strict=True):
            if digest in known:
                triage.append((article, digest, None))
                continue
            known.add(digest)  # the same text twice in one batch
            unstored.add(digest)
            about = is_about_aid(article.text, article.language)
            triage.append((article, digest, about))
            if about:
                seen, notice = guard(article)
                if notice:
                    warn(notice, summary, on_warning)
                extracted.append(seen)
        yield triage, extracted

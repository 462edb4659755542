"""Reading for a run: the readers' articles counted, their warnings handed on,
and the length guard that keeps an over-long text from the parser.

`read_articles` yields the articles of `paths` and passes every `Skipped` or
`Notice` to the caller's `on_warning` (one line each), so a bad file never
stops the batch. `guard` is what extraction sees of an article: a text of
megabytes on one line (a scrape gone wrong) would otherwise go to spaCy as
one sentence, which raises E088 over a million characters and takes a
minute and a gigabyte at 150,000, and stop the whole ingest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from aidwatch.extract.nlp import MAX_SENTENCE_CHARS
from aidwatch.extract.text import sentences
from aidwatch.ingest.readers import Notice, Skipped, read_paths
from aidwatch.model import Article
from aidwatch.store.ingest import Summary

# What extraction reads of an article: twenty times a long feature article.
# The rest is stored, not extracted; the warning says so.
MAX_EXTRACTED_CHARS = 200_000

Warn = Callable[[Skipped | Notice], None]


def read_articles(
    paths: Iterable[str | Path], summary: Summary, on_warning: Warn | None
) -> Iterator[Article]:
    """The articles under `paths`, in any language; `summary` counts them and the warnings."""
    for record in read_paths(paths):
        if isinstance(record, Article):
            summary.read += 1
            yield record
        else:
            warn(record, summary, on_warning)


def warn(record: Skipped | Notice, summary: Summary, on_warning: Warn | None) -> None:
    summary.warnings += 1
    if on_warning:
        on_warning(record)


def guard(article: Article) -> tuple[Article, Notice | None]:
    """The article as extraction should see it (its text cut to
    `MAX_EXTRACTED_CHARS`) and a notice of what it leaves out, if anything.

    The cut keeps a prefix, so evidence offsets hold in the whole text.
    Sentences over `MAX_SENTENCE_CHARS` stay in the text but extraction does
    not parse them (extract/pipeline.py): they are only counted here."""
    text = article.text
    left_out = []
    if len(text) > MAX_EXTRACTED_CHARS:
        # At a line's end when there is one in the last half: no cut sentence.
        cut = text.rfind("\n", MAX_EXTRACTED_CHARS // 2, MAX_EXTRACTED_CHARS)
        cut = cut if cut > 0 else MAX_EXTRACTED_CHARS
        left_out.append(f"only its first {cut:,} of {len(text):,} characters extracted")
        text = text[:cut]
    # A sentence never spans lines (extract/text.py): short lines, short sentences.
    if len(text) > MAX_SENTENCE_CHARS and any(
        len(line) > MAX_SENTENCE_CHARS for line in text.split("\n")
    ):
        long = [s for s in sentences(text) if len(s.text) > MAX_SENTENCE_CHARS]
        if long:
            left_out.append(
                f"{len(long)} sentence{'s' * (len(long) > 1)} over {MAX_SENTENCE_CHARS:,} "
                f"characters not parsed (the first at character {long[0].start:,})"
            )
    if not left_out:
        return article, None
    if len(text) < len(article.text):
        article = replace(article, text=text)
    return article, Notice(article.source, "; ".join(left_out))

"""The length guard in front of the parser: an over-long text is read as far
as it can be, with one warning naming its file, and the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from aidwatch.extract.nlp import MAX_SENTENCE_CHARS
from aidwatch.ingest.readers import Notice
from aidwatch.model import Article
from aidwatch.run import extract_paths, ingest
from aidwatch.run.reading import MAX_EXTRACTED_CHARS, guard
from aidwatch.store.schema import articles, facts

GOOD = "L'Allemagne a livré 14 chars Leopard 2A6 à l'Ukraine en mars 2023."
# Our own words, on aid, with no sentence end: repeated, one endless sentence.
ENDLESS = "les alliés promettent des obus et des chars Leopard à l'Ukraine "


def endless(size: int) -> str:
    return (ENDLESS * (size // len(ENDLESS) + 1))[:size]


LONG_LINE = endless(MAX_SENTENCE_CHARS + 1)
SHORT_LINES = (GOOD + "\n") * (MAX_SENTENCE_CHARS // len(GOOD) + 2)
CUT_AT_LINE = GOOD + "\n" + endless(MAX_EXTRACTED_CHARS)
LONG = f"over {MAX_SENTENCE_CHARS:,} characters not parsed"


@pytest.mark.parametrize(
    ("text", "seen", "notice"),
    [
        (GOOD, GOOD, None),
        (SHORT_LINES, SHORT_LINES, None),
        (LONG_LINE, LONG_LINE, f"1 sentence {LONG} (the first at character 0)"),
        (
            GOOD + "\n" + LONG_LINE + "\n" + LONG_LINE,
            GOOD + "\n" + LONG_LINE + "\n" + LONG_LINE,
            f"2 sentences {LONG} (the first at character {len(GOOD) + 1})",
        ),
        (
            endless(MAX_EXTRACTED_CHARS + 5),
            endless(MAX_EXTRACTED_CHARS),
            f"only its first {MAX_EXTRACTED_CHARS:,} of {MAX_EXTRACTED_CHARS + 5:,} characters "
            f"extracted; 1 sentence {LONG} (the first at character 0)",
        ),
        (
            GOOD + "\n" * (MAX_EXTRACTED_CHARS // 2) + endless(MAX_EXTRACTED_CHARS),
            GOOD + "\n" * (MAX_EXTRACTED_CHARS // 2 - 1),
            f"only its first {len(GOOD) + MAX_EXTRACTED_CHARS // 2 - 1:,} of "
            f"{len(GOOD) + MAX_EXTRACTED_CHARS // 2 + MAX_EXTRACTED_CHARS:,} characters extracted",
        ),
    ],
    ids=["short", "short lines", "one long line", "two long lines", "too long", "cut at a line"],
)
def test_guard_says_what_extraction_leaves_out(text, seen, notice):
    article = Article(id="a.txt", source="in/a.txt", text=text)
    guarded, said = guard(article)
    assert guarded.text == seen
    assert said == (Notice("in/a.txt", notice) if notice else None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A good article and, after it in name order, a 1.2 MB article on one line."""
    folder = tmp_path_factory.mktemp("long")
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-one-line.txt").write_text(endless(1_200_000), encoding="utf-8")
    return folder


def test_a_one_line_article_of_1_2_mb_is_ingested_with_a_warning_and_its_folder_too(
    folder, tmp_path
):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    warnings = []
    summary = ingest([folder], url, on_warning=warnings.append)
    assert (summary.read, summary.new, summary.warnings) == (2, 2, 1)
    assert [(Path(w.source).name, w.reason.split(";")[0]) for w in warnings] == [
        ("b-one-line.txt", "only its first 200,000 of 1,200,000 characters extracted")
    ]
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = dict(connection.execute(select(articles.c.doc, articles.c.text)).all())
        items = connection.scalars(
            select(facts.c.item_id).join(articles).where(articles.c.doc == "a-good.txt")
        ).all()
    engine.dispose()
    # Stored whole: only extraction reads the first part.
    assert {doc: len(text) for doc, text in stored.items()} == {
        "a-good.txt": len(GOOD),
        "b-one-line.txt": 1_200_000,
    }
    assert items == ["leopard2a6"]


def test_extract_keeps_the_whole_text_of_an_over_long_article(folder):
    warnings = []
    results, summary = extract_paths([folder], on_warning=warnings.append)
    assert [(r.article.id, len(r.article.text)) for r in results] == [
        ("a-good.txt", len(GOOD)),
        ("b-one-line.txt", 1_200_000),
    ]
    assert [Path(w.source).name for w in warnings] == ["b-one-line.txt"]
    assert [f.item.id for f in results[0].facts] == ["leopard2a6"]

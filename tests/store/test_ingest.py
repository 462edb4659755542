"""Ingest: what is stored from a batch, and what a second batch, a re-run, a
duplicate, an off-topic article or a bad input change."""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from aidwatch.run import Summary, extract_paths, ingest, text_hash
from aidwatch.store.schema import articles, facts, signatures

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"
DEV_IDS = sorted(path.name for path in DEV_ARTICLES.iterdir())
OFF_TOPIC = (
    "Le club de rugby de Toulouse a battu samedi le Stade Français au terme d'un match serré, "
    "devant vingt mille spectateurs venus malgré la pluie.\n"
)
ENGLISH = (
    "The United States will send more weapons to Ukraine, and the Pentagon said that it "
    "was not clear when they would arrive at the front.\n"
)


@pytest.fixture(scope="module")
def dev_store(module_store) -> tuple[str, Summary]:
    """The dev articles ingested once, on each backend; tests that write use a
    copy (`dev_copy`)."""
    url = module_store("dev")
    return url, ingest([DEV_ARTICLES], url)


@pytest.fixture
def dev_copy(dev_store, copy_store) -> str:
    return copy_store(dev_store[0], "copy")


def count(url: str, table=articles, *where) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        n = connection.scalar(select(func.count()).select_from(table).where(*where))
    engine.dispose()
    return n


def folder(tmp_path: Path, name: str, files: dict[str, str]) -> Path:
    path = tmp_path / name
    path.mkdir()
    for file_name, text in files.items():
        (path / file_name).write_text(text, encoding="utf-8")
    return path


def dev_text(doc: str) -> str:
    return (DEV_ARTICLES / doc).read_text(encoding="utf-8")


# ---------------------------------------------------------------- one batch


def test_the_dev_articles_are_all_stored(dev_store, stored_records):
    url, summary = dev_store
    assert (summary.read, summary.new, summary.duplicates, summary.warnings) == (5, 5, 0, 0)
    assert sorted(stored_records(url)) == DEV_IDS


def as_stored(record: dict) -> dict:
    """An extract record without what the store does not keep: the evidence
    of an inferred date, and which fact dates rest on it."""
    published = {k: record["published"][k] for k in ("date", "inferred", "basis")}
    facts = [{k: v for k, v in f.items() if k != "date_inferred"} for f in record["facts"]]
    return {**record, "published": published, "facts": facts}


def test_each_article_is_stored_with_what_extract_gives(dev_store, stored_records):
    url, summary = dev_store
    extracted = {r.article.id: as_stored(r.to_dict()) for r in extract_paths([DEV_ARTICLES])[0]}
    stored = stored_records(url)
    for doc in DEV_IDS:
        assert stored[doc] == extracted[doc], doc
    assert summary.facts == sum(len(r["facts"]) for r in extracted.values())


@pytest.mark.parametrize(
    "doc, story",
    [
        ("000_ee75e9183deac66b.txt", "000_ee75e9183deac66b.txt"),
        ("001_6748cdcc9e2a9403.txt", "000_ee75e9183deac66b.txt"),  # a rewrite of 000
        ("002_e533717fe8e3d753.txt", "002_e533717fe8e3d753.txt"),
        ("003_7d785c1d3ce55bdc.txt", "003_7d785c1d3ce55bdc.txt"),
        ("004_e70c42ff2f370d1d.txt", "004_e70c42ff2f370d1d.txt"),
    ],
)
def test_reprints_share_the_story_of_the_first(dev_store, stored_records, doc, story):
    assert stored_records(dev_store[0])[doc]["story"] == story


def test_the_summary_counts_the_reprint(dev_store):
    assert (dev_store[1].reprints, dev_store[1].off_topic) == (1, 0)


# ---------------------------------------------------------------- re-runs and new batches


def test_a_rerun_changes_nothing(dev_copy, dump):
    before = dump(dev_copy)
    summary = ingest([DEV_ARTICLES], dev_copy)
    assert (summary.read, summary.new, summary.duplicates, summary.facts) == (5, 0, 5, 0)
    assert dump(dev_copy) == before


def test_a_second_batch_extends_the_store_as_one_batch_would(tmp_path, new_store, dump):
    news = folder(tmp_path, "news", {doc: dev_text(doc) for doc in DEV_IDS[::2]})
    two_runs, one_run = new_store("two-runs"), new_store("one-run")
    assert ingest([news], two_runs).new == 3
    for doc in DEV_IDS[1::2]:
        (news / doc).write_text(dev_text(doc), encoding="utf-8")
    second = ingest([news], two_runs)
    assert (second.new, second.duplicates, second.reprints) == (2, 3, 1)
    ingest([news], one_run)
    assert dump(two_runs) == dump(one_run)


def test_a_story_begun_in_one_run_is_joined_in_the_next(tmp_path, new_store, stored_records):
    url = new_store("stories")
    first = folder(tmp_path, "week1", {DEV_IDS[0]: dev_text(DEV_IDS[0])})
    second = folder(tmp_path, "week2", {DEV_IDS[1]: dev_text(DEV_IDS[1])})
    ingest([first], url)
    summary = ingest([second], url)
    assert summary.reprints == 1
    assert stored_records(url)[DEV_IDS[1]]["story"] == DEV_IDS[0]


def test_a_corpus_in_two_runs_gives_the_store_of_one_run(tmp_path, new_store, corpus, dump):
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    growing = tmp_path / "growing.jsonl"
    two_runs, one_run = new_store("two"), new_store("one")
    growing.write_text("".join(lines[:90]), encoding="utf-8")
    ingest([growing], two_runs)
    growing.write_text("".join(lines), encoding="utf-8")
    ingest([growing], two_runs)
    summary = ingest([growing], one_run)
    assert summary.reprints > 10 and summary.off_topic > 10 and summary.duplicates > 10
    assert dump(two_runs) == dump(one_run)


# ---------------------------------------------------------------- duplicates


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text,
        lambda text: text.replace(". ", ".  ").replace("\n", " \n\n") + "\n",
        lambda text: text.upper(),
        lambda text: unicodedata.normalize("NFD", text),
    ],
    ids=["same text", "other whitespace", "other case", "decomposed accents"],
)
def test_a_stored_text_under_another_name_is_a_duplicate(dev_copy, tmp_path, change):
    copy = folder(tmp_path, "copies", {"copy.txt": change(dev_text(DEV_IDS[2]))})
    summary = ingest([copy], dev_copy)
    assert (summary.read, summary.new, summary.duplicates) == (1, 0, 1)
    assert count(dev_copy) == 5


def test_the_same_text_twice_in_one_batch_is_stored_once(tmp_path, new_store):
    text = dev_text(DEV_IDS[2])
    twice = folder(tmp_path, "twice", {"a.txt": text, "b.txt": text})
    url = new_store("twice")
    summary = ingest([twice], url)
    assert (summary.new, summary.duplicates) == (1, 1)
    assert count(url) == 1


def test_text_hash_ignores_case_accents_form_and_whitespace():
    assert text_hash("Kiev  reçoit\ndes obus") == text_hash("KIEV reçoit des obus ")
    assert text_hash("reçoit") == text_hash(unicodedata.normalize("NFD", "reçoit"))
    assert text_hash("Kiev reçoit des obus") != text_hash("Kiev reçoit des chars")


# ---------------------------------------------------------------- off-topic


def test_an_off_topic_article_is_stored_without_extraction(
    tmp_path, new_store, monkeypatch, stored_records
):
    # The module, not the function `aidwatch.run.ingest` that hides it.
    ingest_module = importlib.import_module("aidwatch.run.driver")
    extracted: list[str] = []
    real = ingest_module.extract_articles

    def spy(stream, **options):
        stream = list(stream)
        extracted.extend(article.id for article in stream)
        return real(stream, **options)

    monkeypatch.setattr(ingest_module, "extract_articles", spy)
    batch = folder(tmp_path, "mixed", {"rugby.txt": OFF_TOPIC, DEV_IDS[2]: dev_text(DEV_IDS[2])})
    url = new_store("mixed")
    summary = ingest([batch], url)
    assert (summary.new, summary.off_topic) == (2, 1)
    assert extracted == [DEV_IDS[2]]
    rugby = stored_records(url)["rugby.txt"]
    assert (rugby["story"], rugby["facts"], rugby["packages"]) == (None, [], [])
    assert count(url, articles, articles.c.relevant.is_(False)) == 1
    assert count(url, signatures) == 1  # the on-topic one only


# ---------------------------------------------------------------- bad inputs


def test_bad_inputs_warn_and_the_rest_is_stored(tmp_path, new_store, stored_records):
    batch = folder(
        tmp_path,
        "bad",
        {
            "empty.txt": "",
            "english.txt": ENGLISH,
            "lines.jsonl": '{"id": "ok", "text": "'
            + dev_text(DEV_IDS[4]).replace("\n", "\\n").replace('"', '\\"')
            + '"}\nnot json\n{"id": "no-text"}\n',
            DEV_IDS[2]: dev_text(DEV_IDS[2]),
        },
    )
    warnings = []
    url = new_store("bad")
    summary = ingest([batch, tmp_path / "missing.txt"], url, on_warning=warnings.append)
    reasons = {Path(w.source).name: w.reason for w in warnings}
    assert reasons == {
        "empty.txt": "empty",
        "lines.jsonl:2": "not valid JSON",
        "lines.jsonl:3": "missing text",
        "missing.txt": "no such file or directory",
    }
    # The English article is read as any other (its facts, if any, by the English engine).
    assert (summary.read, summary.new, summary.warnings) == (3, 3, 4)
    assert sorted(stored_records(url)) == sorted([DEV_IDS[2], "english.txt", "ok"])
    assert count(url, facts) == summary.facts > 0


def test_every_article_read_is_reported_once(dev_copy):
    seen = []
    ingest([DEV_ARTICLES, DEV_ARTICLES], dev_copy, on_article=lambda a: seen.append(a.id))
    assert sorted(seen) == sorted(DEV_IDS * 2)


# An aid dispatch of our own, and a reprint of it with another last line.
DISPATCH = (
    "L'Allemagne va livrer à l'Ukraine quatorze chars Leopard 2A6 prélevés sur les stocks de la "
    "Bundeswehr, a indiqué mardi le gouvernement fédéral dans un communiqué. Berlin autorise aussi la "
    "Pologne et la Norvège à réexporter leurs propres chars vers Kiev. Les équipages ukrainiens "
    "seront formés en Allemagne pendant plusieurs semaines avant la livraison. Le ministre "
    "ukrainien a salué une décision attendue depuis longtemps par son armée, qui manque de "
    "blindés lourds pour reprendre les territoires occupés dans l'est du pays. Washington doit de "
    "son côté fournir des chars Abrams, dont la livraison prendra plusieurs mois.\n"
)


@pytest.mark.parametrize("runs", [["dated", "undated"], ["undated", "dated"], ["both"]])
def test_an_undated_reprint_takes_the_month_of_its_stored_story(store_url, tmp_path, runs):
    """Whichever comes first, and in one run or two: the same store."""
    dated = folder(tmp_path, "dated", {"a.txt": " date 2023-01-25\n" + DISPATCH})
    undated = folder(tmp_path, "undated", {"b.txt": DISPATCH + "Un article de notre bureau.\n"})
    paths = {"dated": [dated], "undated": [undated], "both": [dated, undated]}
    for run in runs:
        ingest(paths[run], store_url)
    engine = create_engine(store_url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                articles.c.doc,
                articles.c.published,
                articles.c.published_inferred,
                articles.c.published_basis,
            )
        ).all()
    engine.dispose()
    assert sorted(map(tuple, rows)) == [
        ("a.txt", "2023-01-25", False, None),
        ("b.txt", "2023-01", True, "story"),
    ]


def test_a_month_its_story_gave_survives_a_reextract(store_url, tmp_path):
    from aidwatch.run import reextract

    dated = folder(tmp_path, "dated", {"a.txt": " date 2023-01-25\n" + DISPATCH})
    undated = folder(tmp_path, "undated", {"b.txt": DISPATCH + "Un article de notre bureau.\n"})
    ingest([dated, undated], store_url)
    reextract(store_url)
    engine = create_engine(store_url)
    with engine.connect() as connection:
        row = connection.execute(
            select(articles.c.published, articles.c.published_basis).where(
                articles.c.doc == "b.txt"
            )
        ).one()
        # « mardi » resolves against the story's month, not against nothing
        dates = connection.scalars(
            select(facts.c.date)
            .join(articles, articles.c.id == facts.c.article_id)
            .where(articles.c.doc == "b.txt")
        ).all()
    engine.dispose()
    assert tuple(row) == ("2023-01", "story")
    assert "2023-01" in dates


def test_an_undated_reprint_takes_the_month_of_its_story_in_one_extract(tmp_path):
    path = folder(
        tmp_path,
        "both",
        {
            "a.txt": " date 2023-01-25\n" + DISPATCH,
            "b.txt": DISPATCH + "Un article de notre bureau.\n",
        },
    )
    results, _ = extract_paths([path])
    published = {r.article.id: r.to_dict()["published"] for r in results}
    assert published["b.txt"]["date"] == "2023-01"
    assert (published["b.txt"]["inferred"], published["b.txt"]["basis"]) == (True, "story")
    assert published["b.txt"]["evidence"]["text"] == "a.txt"

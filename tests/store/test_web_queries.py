"""The web app's reads (aidwatch.web.queries) on each backend: every filter
keeps exactly the facts it names, on machine and reviewed values, pages
follow each other, and every page's query runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from aidwatch.run import ingest
from aidwatch.store import review
from aidwatch.store.schema import articles, facts, packages
from aidwatch.store.users import add_user
from aidwatch.web import queries
from aidwatch.web.dashboard import dashboard_figures

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"


@pytest.fixture(scope="module")
def reviewed_store(module_store) -> str:
    """The dev articles, with the first HIMARS fact corrected to FR refused 2021-01
    and the first fact of the last article rejected."""
    url = module_store("queries")
    ingest([DEV_ARTICLES], url)
    engine = create_engine(url)
    with engine.connect() as connection:
        user_id = add_user(connection, "alice", "correct horse")
        with connection.begin():
            himars = connection.scalar(
                select(facts.c.id).where(facts.c.item_id == "himars").order_by(facts.c.id)
            )
            last = connection.scalar(select(facts.c.id).order_by(facts.c.id.desc()))
        review.correct(
            connection, himars, user_id, {"donor": "FR", "status": "refused", "date": "2021-01"}
        )
        review.reject(connection, last, user_id)
    engine.dispose()
    return url


@pytest.fixture
def connection(reviewed_store):
    engine = create_engine(reviewed_store)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def period(fact: dict) -> str:
    return fact["date"] or fact["article"]["published"] or ""


FILTERS = [
    (queries.FactFilter(), lambda f: True),
    (queries.FactFilter(donor="US"), lambda f: f["donor"] == "US"),
    (queries.FactFilter(donor="FR"), lambda f: f["donor"] == "FR"),
    (queries.FactFilter(donor="none"), lambda f: f["donor"] is None),
    (queries.FactFilter(status="refused"), lambda f: f["status"] == "refused"),
    (
        queries.FactFilter(category="mlrs", status="pledged"),
        lambda f: (f["category"], f["status"]) == ("mlrs", "pledged"),
    ),
    (queries.FactFilter(item_id="himars"), lambda f: f["item_id"] == "himars"),
    (queries.FactFilter(q="Himars"), lambda f: "himars" in f["evidence"]["text"].lower()),
    (queries.FactFilter(date_from="2023"), lambda f: period(f) >= "2023"),
    (
        queries.FactFilter(date_from="2021-01", date_to="2021-12"),
        lambda f: period(f).startswith("2021"),
    ),
    (
        queries.FactFilter(donor="US", date_from="2022-06", date_to="2022-06"),
        lambda f: f["donor"] == "US" and period(f).startswith("2022-06"),
    ),
    (
        queries.FactFilter(donor="US", q="himars"),
        lambda f: f["donor"] == "US" and "himars" in f["evidence"]["text"].lower(),
    ),
    (queries.FactFilter(verdict="unreviewed"), lambda f: f["verdict"] is None),
    (queries.FactFilter(verdict="corrected"), lambda f: f["verdict"] == "corrected"),
    (
        queries.FactFilter(status="refused", verdict="corrected"),
        lambda f: (f["status"], f["verdict"]) == ("refused", "corrected"),
    ),
    (queries.FactFilter(article_id=1), lambda f: f["article_id"] == 1),
]


@pytest.mark.parametrize("where, keep", FILTERS)
def test_a_filter_keeps_exactly_the_matching_facts(connection, where, keep):
    every = queries.facts_page(connection, queries.FactFilter(), limit=500)["facts"]
    page = queries.facts_page(connection, where, limit=500)
    expected = [f["id"] for f in every if keep(f)]
    assert [f["id"] for f in page["facts"]] == expected
    assert page["total"] == len(expected)


@pytest.mark.parametrize("where, _", FILTERS[:8])
def test_pages_of_three_follow_each_other(connection, where, _):
    every = [f["id"] for f in queries.facts_page(connection, where, limit=500)["facts"]]
    seen, before = [], None
    while True:
        page = queries.facts_page(connection, where, limit=3, before=before)
        seen += [f["id"] for f in page["facts"]]
        if page["next_before"] is None:
            break
        before = page["next_before"]
    assert seen == every


def test_every_page_query_runs(connection):
    with connection.begin():
        article_id = connection.scalar(select(articles.c.id).order_by(articles.c.id))
        package_id = connection.scalar(select(packages.c.id).order_by(packages.c.id))
    article = queries.article(connection, article_id)
    assert article["facts"] and article["story_articles"]
    assert queries.story(connection, article["story"])["articles"]
    assert queries.package(connection, package_id)["facts"]
    systems = queries.systems_list(connection)
    assert systems and queries.system(connection, systems[0]["item_id"])["facts"]
    assert queries.packages_list(connection) and queries.articles_list(connection)
    counts = queries.counts(connection)
    assert counts["reviewed"] == {"corrected": 1, "rejected": 1}
    assert sum(n for _, _, n in counts["by_donor_status"]) == counts["facts"] - 1
    assert len(dashboard_figures(connection)) == 6  # the report's 4 charts and 2 counts
    assert queries.choices(connection)["donors"]

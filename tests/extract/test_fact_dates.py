"""Each fact's own date among its sentence's (fact_dates.py): tables of
(text, the fact, its expected month)."""

from __future__ import annotations

import pytest

from aidwatch.extract import engines
from aidwatch.extract.dates import find_dates
from aidwatch.extract.pipeline import extract_article
from aidwatch.extract.text import fold
from aidwatch.model import Article


def _month_of(text: str, published: str, fact: tuple) -> str:
    """The month extraction gives the fact (donor, item id, status) of `text`."""
    result = extract_article(Article(id="t", source="<t>", text=text, published=published))
    dates = {(f.donor, f.item.id, f.status): f.date for f in result.facts}
    return dates[fact][:7]


@pytest.mark.parametrize(
    "text,published,fact,expected",
    [
        # a participle after the item dates its act: the promise by January,
        # the delivery by the sentence's other date
        (
            "L'Allemagne a livré mardi à l'Ukraine les chars Leopard 2 promis en janvier.",
            "2023-03-29",
            ("DE", "leopard2", "pledged"),
            "2023-01",
        ),
        (
            "L'Allemagne a livré mardi à l'Ukraine les chars Leopard 2 promis en janvier.",
            "2023-03-29",
            ("DE", "leopard2", "delivered"),
            "2023-03",
        ),
        # a relative clause after another item dates that item's act only
        (
            "Berlin enverra aussi des Leopard 1, plus anciens que les Leopard 2 dont "
            "l'Allemagne a approuvé la livraison fin janvier.",
            "2023-02-10",
            ("DE", "leopard1", "pledged"),
            "2023-02",
        ),
        (
            "Berlin enverra aussi des Leopard 1, plus anciens que les Leopard 2 dont "
            "l'Allemagne a approuvé la livraison fin janvier.",
            "2023-02-10",
            ("DE", "leopard2", "pledged"),
            "2023-01",
        ),
        # another item's delivery, dated: not the delivery of the day
        (
            "La Pologne a livré des chars T-72 à l'Ukraine, en plus des obus fournis par "
            "la Bulgarie en mars.",
            "2022-06-15",
            ("PL", "t72", "delivered"),
            "2022-06",
        ),
        # a quotation of two sentences: each fact takes the date of its own
        (
            "« Le 3 mai, la France a promis des canons Caesar à l'Ukraine. Aujourd'hui, ces "
            "canons sont livrés », a déclaré le ministre.",
            "2023-06-10",
            ("FR", "caesar", "delivered"),
            "2023-06",
        ),
        (
            "« Le 3 mai, la France a promis des canons Caesar à l'Ukraine. Aujourd'hui, ces "
            "canons sont livrés », a déclaré le ministre.",
            "2023-06-10",
            ("FR", "caesar", "pledged"),
            "2023-05",
        ),
        # the verb of the attribution is no participle of the item
        (
            "L'Ukraine a reçu ses premiers canons Caesar français, a annoncé lundi le ministre.",
            "2023-03-29",
            ("FR", "caesar", "delivered"),
            "2023-03",
        ),
    ],
)
def test_each_fact_takes_its_own_date(text, published, fact, expected):
    assert _month_of(text, published, fact) == expected


@pytest.mark.parametrize(
    "text,published,fact,expected",
    [
        # a quotation of several sentences, dated by its attribution after it
        (
            'La France a livré des canons Caesar le 23 mai. "Nous livrons des missiles '
            'Milan. Il faut continuer", avait déclaré le président le 22 avril dernier.',
            "2022-05-30",
            ("FR", "milan", "pledged"),
            "2022-04",
        ),
        # ... not the sentence's before it
        (
            'La France a livré des canons Caesar le 23 mai. "Nous livrons des missiles '
            'Milan. Il faut continuer", avait déclaré le président le 22 avril dernier.',
            "2022-05-30",
            ("FR", "caesar", "delivered"),
            "2022-05",
        ),
        # an attribution without a date: the article's month
        (
            '"Nous livrons des missiles Milan. Il faut continuer", a déclaré le président.',
            "2022-05-30",
            (None, "milan", "pledged"),
            "2022-05",
        ),
    ],
)
def test_a_quotation_takes_the_date_of_its_attribution(text, published, fact, expected):
    assert _month_of(text, published, fact) == expected


@pytest.mark.parametrize(
    "text,published,fact,expected",
    [
        # told undated as the news, then recalled in an earlier month: the news stands
        (
            "L'Allemagne enverra trois autres systèmes IRIS-T SLM à l'Ukraine. Le chancelier "
            "avait initialement promis ces systèmes à l'Ukraine en juin.",
            "2022-10-20",
            ("DE", "iris_t_slm", "pledged"),
            "2022-10",
        ),
        # a later sentence dating the news itself keeps its day
        (
            "L'Allemagne enverra des systèmes IRIS-T SLM à l'Ukraine. Le chancelier a promis "
            "ces systèmes à l'Ukraine le 12 octobre.",
            "2022-10-20",
            ("DE", "iris_t_slm", "pledged"),
            "2022-10",
        ),
        # a bound of what is to come (« d'ici la fin de l'année »): the
        # promise is still the news of the day
        (
            "L'Allemagne a promis de livrer des systèmes Gepard à l'Ukraine d'ici la fin de "
            "l'année.",
            "2023-06-10",
            ("DE", "gepard", "pledged"),
            "2023-06",
        ),
        (
            "L'Allemagne a promis des systèmes Gepard à l'Ukraine, qui seront livrés avant l'hiver.",
            "2023-06-10",
            ("DE", "gepard", "pledged"),
            "2023-06",
        ),
        # « dès vendredi » in a clause of what may come: not begun before the news
        (
            "Washington pourrait annoncer dès vendredi l'envoi de véhicules Bradley à l'Ukraine.",
            "2023-01-03",
            ("US", "bradley", "considered"),
            "2023-01",
        ),
        # the day the war began dates no act
        (
            "Washington a promis des missiles Javelin à Kiev, portant son aide à 44 milliards "
            "de dollars depuis le début de l'invasion russe, le 24 février 2022.",
            "2023-10-12",
            ("US", "javelin", "pledged"),
            "2023-10",
        ),
    ],
)
def test_the_news_of_the_day(text, published, fact, expected):
    assert _month_of(text, published, fact) == expected


@pytest.mark.parametrize(
    "lang,text,item,status",
    [
        ("fr", "les chars Leopard 2 promis en janvier", "Leopard 2", "pledged"),
        ("fr", "les chars Leopard 2 déjà livrés en mars", "Leopard 2", "delivered"),
        ("fr", "les obus (155 mm) fournis par la Bulgarie en mars", "obus", "delivered"),
        (
            "fr",
            "les chars Leopard 2, dont Berlin a accepté la livraison fin janvier",
            "Leopard 2",
            None,
        ),
        ("fr", "les chars Leopard 2 que Berlin a promis en janvier", "Leopard 2", "pledged"),
        (
            "en",
            "the Leopard 2 tanks promised by Germany on January 25",
            "Leopard 2 tanks",
            "pledged",
        ),
        ("en", "the HIMARS already delivered on March 3", "HIMARS", "delivered"),
        ("en", "the Leopard 2, which Berlin agreed to send on January 25", "Leopard 2", None),
        # not qualifying the item: the sentence's verb, a clause past a comma
        ("fr", "ses premiers canons Caesar, a annoncé lundi le ministre", "Caesar", "-"),
        ("fr", "les chars Leopard 2 sont arrivés, promis en janvier", "Leopard 2", "-"),
        ("en", "its first Caesar guns, the minister said on Monday", "Caesar", "-"),
    ],
)
def test_a_date_qualifying_an_item(lang, text, item, status):
    attachments = engines.engine(lang).attachments
    start = text.index(item)
    dates = find_dates(text, base="2023-06-10", lang=lang)
    attached = attachments(fold(text), dates, [(start, start + len(item))])
    if status == "-":
        assert not attached
    else:
        assert [(a.start, a.status) for a in attached.values()] == [(start, status)]


def _date_undated(text: str, fact: tuple) -> str | None:
    """The date extraction gives the fact (donor, item id, status) of an
    undated article `text`."""
    result = extract_article(Article(id="t", source="<t>", text=text))
    assert result.article.published is None
    return {(f.donor, f.item.id, f.status): f.date for f in result.facts}[fact]


@pytest.mark.parametrize(
    "text,fact,expected",
    [
        # an undated article: the month a sentence names without a year is
        # that of the known commitment of that month its facts report
        (
            "Le Danemark et l'Allemagne ont annoncé en février qu'ils fourniraient des chars "
            "Leopard 1A5 à l'Ukraine, ainsi que des munitions.",
            ("DK", "leopard1a5", "pledged"),
            "2023-02",
        ),
        # ... and the sentence's other facts that month dates
        (
            "Le Danemark et l'Allemagne ont annoncé en février qu'ils fourniraient des chars "
            "Leopard 1A5 à l'Ukraine, ainsi que des munitions.",
            ("DE", "gen_ammunition", "pledged"),
            "2023-02",
        ),
        # a kind of weapon (« armes antichars ») reports the system of its kind
        (
            "En janvier dernier, Londres a livré 2 000 armes antichars à l'Ukraine.",
            ("GB", "gen_anti_tank_weapon", "delivered"),
            "2022-01",
        ),
        # the one year the text's bounds leave (a minister until January 2023)
        (
            "La ministre de la Défense Christine Lambrecht a promis en septembre des obus à "
            "l'Ukraine.",
            ("DE", "gen_artillery_shell", "pledged"),
            "2022-09",
        ),
        (
            "La ministre de la Défense Christine Lambrecht a promis en janvier dernier des obus à "
            "l'Ukraine.",
            ("DE", "gen_artillery_shell", "pledged"),
            "2022-01",
        ),
        # a month a commitment places bounds the article to the twelve
        # months after it (« janvier dernier »: February 2022 to January
        # 2023), which leave « mi-mars » one year
        (
            "En janvier dernier, Londres a livré 2 000 armes antichars à l'Ukraine. "
            "À la mi-mars, Washington a promis des obus à l'Ukraine.",
            ("US", "gen_artillery_shell", "pledged"),
            "2022-03",
        ),
        # ... and without it, no year
        (
            "À la mi-mars, Washington a promis des obus à l'Ukraine.",
            ("US", "gen_artillery_shell", "pledged"),
            None,
        ),
        # twelve months after February 2023 leave « en septembre » two years
        (
            "Le Danemark et l'Allemagne ont annoncé en février qu'ils fourniraient des chars "
            "Leopard 1A5 à l'Ukraine. En septembre, Washington a promis des obus à l'Ukraine.",
            ("US", "gen_artillery_shell", "pledged"),
            None,
        ),
        # bounds that leave several years: none
        (
            "Le ministre de la Défense Boris Pistorius a promis en septembre des obus à l'Ukraine.",
            ("DE", "gen_artillery_shell", "pledged"),
            None,
        ),
        # a month no commitment of the facts was made in: no year, no date
        (
            "Le Danemark et l'Allemagne ont annoncé en juin qu'ils fourniraient des chars "
            "Leopard 1A5 à l'Ukraine.",
            ("DK", "leopard1a5", "pledged"),
            None,
        ),
        # a month to come dates nothing
        (
            "Le Danemark livrera des chars Leopard 1A5 à l'Ukraine en février.",
            ("DK", "leopard1a5", "pledged"),
            None,
        ),
    ],
)
def test_a_month_without_its_year_of_a_known_commitment(text, fact, expected):
    got = _date_undated(text, fact)
    assert (got[:7] if got else None) == expected

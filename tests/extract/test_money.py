import pytest

from aidwatch.extract.money import find_money, vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a multiplier and no currency: money, currency unknown
        ("la dernière en date, de 700 millions, annoncée le 1er juin", (700e6, None, "exact")),
        ("dont 65 milliards dans le domaine militaire", (65e9, None, "exact")),
        ("environ 2 milliards", (2e9, None, "approx")),
        ("une enveloppe de 700 millions d'aide", (700e6, None, "exact")),
        ("deux milliards de plus", (2e9, None, "exact")),
        ("un total de 1,1 milliard.", (1.1e9, None, "exact")),
        # French words for currencies
        ("1,1 milliard de dollars", (1.1e9, "USD", "exact")),
        ("2 milliards d'euros", (2e9, "EUR", "exact")),
        ("2 milliards d’euros", (2e9, "EUR", "exact")),
        ("325 millions de dollars", (325e6, "USD", "exact")),
        ("un milliard de dollars", (1e9, "USD", "exact")),
        ("une ligne de crédit d'un milliard de dollars", (1e9, "USD", "exact")),
        ("100 millions de livres", (100e6, "GBP", "exact")),
        ("100 millions de livres sterling", (100e6, "GBP", "exact")),
        ("50 millions de couronnes danoises", (50e6, "DKK", "exact")),
        ("50 millions de couronnes norvégiennes", (50e6, "NOK", "exact")),
        ("50 millions de couronnes suédoises", (50e6, "SEK", "exact")),
        ("50 millions de couronnes tchèques", (50e6, "CZK", "exact")),
        ("50 millions de couronnes", (50e6, None, "exact")),
        ("300 millions de zlotys", (300e6, "PLN", "exact")),
        ("10 milliards de yens", (10e9, "JPY", "exact")),
        ("2,5 millions d'euros", (2.5e6, "EUR", "exact")),
        ("40 000 euros", (40_000, "EUR", "exact")),
        ("40\u202f000 euros", (40_000, "EUR", "exact")),
        ("1.000.000 dollars", (1e6, "USD", "exact")),
        ("400 millions de dollars canadiens", (400e6, "CAD", "exact")),
        ("400 millions de dollars américains", (400e6, "USD", "exact")),
        ("un programme d'aide de 624 millions de dollars qui", (624e6, "USD", "exact")),
        ("deux milliards d'euros", (2e9, "EUR", "exact")),
        # symbols, codes and abbreviated multipliers after the amount
        ("500 M€", (500e6, "EUR", "exact")),
        ("500M€", (500e6, "EUR", "exact")),
        ("1,5 Md€", (1.5e9, "EUR", "exact")),
        ("2 mds d'euros", (2e9, "EUR", "exact")),
        ("2 Mds€", (2e9, "EUR", "exact")),
        ("400 millions USD", (400e6, "USD", "exact")),
        ("400 millions $", (400e6, "USD", "exact")),
        ("40 000 €", (40_000, "EUR", "exact")),
        ("20 M£", (20e6, "GBP", "exact")),
        # English order: the currency first
        ("$400 million", (400e6, "USD", "exact")),
        ("€2bn", (2e9, "EUR", "exact")),
        ("US$1.2 billion", (1.2e9, "USD", "exact")),
        ("£100m", (100e6, "GBP", "exact")),
        ("$1,000", (1000, "USD", "exact")),
        ("USD 400 million", (400e6, "USD", "exact")),
        # bounds and approximations
        ("plus de 150 milliards de dollars d'aide", (150e9, "USD", "at_least")),
        ("Plus de 150 milliards de dollars", (150e9, "USD", "at_least")),
        ("au moins 3 milliards d'euros", (3e9, "EUR", "at_least")),
        ("près de 2 milliards d'euros", (2e9, "EUR", "approx")),
        ("une centaine de millions de dollars", (100e6, "USD", "approx")),
        ("plus de $400 million", (400e6, "USD", "at_least")),
    ],
)
def test_find_money_reads_amount_currency_and_kind(text, expected):
    assert [(m.amount, m.currency, m.kind) for m in find_money(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # counts: a noun after « de » says what is counted
        "plus de 22 millions de cartouches",
        "un million d'obus",
        "1,5 million de réfugiés",
        # counts without multiplier or currency
        "plus de 300 000 conscrits",
        "15.000 obus",
        "quatre hélicoptères",
        "en 2023",
        # a multiplier abbreviation needs a currency: « m » alone is metres
        "500 m",
        "300 km",
        "des munitions de 155 mm",
        # no definite amount
        "des milliards de dollars",
        "des millions d'euros",
        # model numbers
        "des F-16 et des Mi-17",
        "",
    ],
)
def test_find_money_leaves_out_counts_and_measures(text):
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("une ligne de crédit d'un milliard de dollars a été adoptée", "un milliard de dollars"),
        ("ont fourni plus de 150 milliards de dollars d'aide", "plus de 150 milliards de dollars"),
        ("la dernière, de 700 millions, annoncée", "700 millions"),
        ("dont 65 milliards dans le domaine", "65 milliards"),
        ("soit US$1.2 billion pour", "US$1.2 billion"),
        ("un budget de 500 M€ pour", "500 M€"),
        ("400 millions de dollars canadiens pour", "400 millions de dollars canadiens"),
    ],
)
def test_find_money_spans_the_whole_expression(text, span):
    (m,) = find_money(text)
    assert text[m.start : m.end] == span


def test_find_money_finds_each_amount_in_order():
    text = "Washington a promis 325 millions de dollars, Londres 100 millions de livres."
    assert [(m.amount, m.currency) for m in find_money(text)] == [(325e6, "USD"), (100e6, "GBP")]


def test_currency_table_codes_are_iso_4217_or_unknown():
    codes = set(vocabulary().currencies.values())
    assert None in codes
    assert all(c is None or (len(c) == 3 and c.isupper()) for c in codes)

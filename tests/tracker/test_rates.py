"""Exchange rates: the shipped monthly table, conversion at the amount's month,
and the nearest month, said, when the table has no rate for it."""

from __future__ import annotations

import pytest

from aidwatch.tracker.rates import convert, rate, rate_table

# (amount, currency, date, EUR, USD) at ECB monthly averages (USD 1.0566 in 2022-06,
# 0.9826 in 2022-10, GBP 0.8580 in 2022-06, JPY about 141.6 in 2022-06)
KNOWN = [
    (700e6, "USD", "2022-06-01", 662.5e6, 700e6),
    (624e6, "USD", "2022-10", 635.1e6, 624e6),
    (100e6, "GBP", "2022-06", 116.55e6, 123.1e6),
    (100e6, "EUR", "2023-03-15", 100e6, 107.06e6),
    (10e9, "JPY", "2022-06", 70.6e6, 74.6e6),
]


@pytest.mark.parametrize("amount, currency, date, eur, usd", KNOWN)
def test_conversion_at_the_month_rate(amount, currency, date, eur, usd):
    value = convert(amount, currency, date)
    assert value.eur == pytest.approx(eur, rel=0.002)
    assert value.usd == pytest.approx(usd, rel=0.002)
    assert value.month == date[:7] and value.note is None


# (date, month whose rates are used, words the note must hold)
FALLBACK = [
    ("2026-03-10", "2025-09", "no rates for 2026-03"),
    ("2021-11", "2022-01", "no rates for 2021-11"),
    ("2023", "2023-06", "year only"),
]


@pytest.mark.parametrize("date, used, note", FALLBACK)
def test_nearest_month_is_used_and_said(date, used, note):
    value = convert(1e6, "GBP", date)
    assert value.month == used
    assert note in value.note
    assert value.eur == pytest.approx(1e6 / rate_table()["GBP"][used])


@pytest.mark.parametrize(
    "currency, date, note",
    [
        ("UAH", "2022-06", "no rate for UAH"),
        (None, "2022-06", "no currency"),
        ("USD", None, "no date"),
    ],
)
def test_no_conversion_without_a_rate(currency, date, note):
    value = convert(1e6, currency, date)
    assert (value.eur, value.usd, value.note) == (None, None, note)


def test_every_currency_has_every_month():
    table = rate_table()
    months = set(table["USD"])
    assert len(months) == 45  # 2022-01 .. 2025-09
    for currency, by_month in table.items():
        assert set(by_month) == months, currency


# A month's rate stays within a band around the currency's level: a typo
# (a digit lost or a decimal point moved) falls outside it.
BANDS = {
    "USD": (0.95, 1.20),
    "GBP": (0.82, 0.90),
    "JPY": (125, 180),
    "CHF": (0.92, 1.05),
    "PLN": (4.1, 4.9),
    "SEK": (10.0, 12.1),
    "NOK": (9.5, 12.0),
    "DKK": (7.43, 7.47),
    "CAD": (1.30, 1.65),
    "AUD": (1.45, 1.80),
    "CZK": (23.5, 25.5),
    "NZD": (1.55, 2.0),
    "KRW": (1300, 1650),
    "HUF": (350, 415),
    "RON": (4.9, 5.1),
}


@pytest.mark.parametrize("currency", sorted(BANDS))
def test_rates_are_plausible(currency):
    low, high = BANDS[currency]
    assert all(low <= r <= high for r in rate_table()[currency].values())


def test_rate_of_euro_is_one():
    assert rate("EUR", "2024-02") == (1.0, "2024-02")

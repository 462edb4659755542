"""Amounts in EUR and USD: a dated table of monthly exchange rates, shipped as data.

`rates.csv` has one row per (month, currency): `per_eur`, the units of that
currency one euro buys, the way the ECB quotes its reference rates. Source:
ECB monthly average reference rates, rounded to four significant figures and
written down by hand (not downloaded): USD and GBP month by month, the others
at quarter ends with the months between interpolated (their monthly moves are
small next to the precision of a press figure). Check them against the ECB
series before publishing a converted figure. The table runs from
2022-01 to 2025-09; a month outside it, or a missing month, falls back to the
nearest month the table has, and the conversion says so in `note`, so that a
figure converted at another month's rate is never presented as exact.

This module converts; it does not decide which date an amount belongs to
(records.py does: the package's date, else the article's).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aidwatch.errors import CatalogError

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Conversion:
    """An amount in EUR and USD, with the month whose rates were used."""

    eur: float | None  # None when the currency has no rate at all
    usd: float | None
    month: str | None  # the month of the rates used
    note: str | None = None  # set when the rates are not those of the amount's month


@cache
def rate_table() -> dict[str, dict[str, float]]:
    """`{currency: {month: per_eur}}`, EUR itself left out (it is 1)."""
    text = resources.files(__package__).joinpath("rates.csv").read_text(encoding="utf-8")
    table: dict[str, dict[str, float]] = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        where = f"rates.csv:{line}"
        month, currency = row["month"], row["currency"]
        if not MONTH.match(month or ""):
            raise CatalogError(f"{where}: bad month {month!r}")
        if not re.fullmatch(r"[A-Z]{3}", currency or ""):
            raise CatalogError(f"{where}: bad currency {currency!r}")
        try:
            rate = float(row["per_eur"])
        except (TypeError, ValueError):
            rate = 0.0
        if rate <= 0:
            raise CatalogError(f"{where}: bad rate {row['per_eur']!r}")
        if month in table.setdefault(currency, {}):
            raise CatalogError(f"{where}: {currency} {month} given twice")
        table[currency][month] = rate
    return table


def _month_number(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def rate(currency: str, month: str) -> tuple[float, str] | None:
    """Units of `currency` per euro for `month` (`YYYY-MM`), or for the nearest
    month the table has: `(per_eur, month used)`; None for an unknown currency."""
    if currency == "EUR":
        return 1.0, month
    months = rate_table().get(currency)
    if not months:
        return None
    if month in months:
        return months[month], month
    target = _month_number(month)
    # Ties go to the earlier month: a rate that was known at the time.
    nearest = min(months, key=lambda m: (abs(_month_number(m) - target), _month_number(m)))
    return months[nearest], nearest


def convert(amount: float, currency: str | None, date: str | None) -> Conversion:
    """`amount` of `currency` on `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) in EUR and USD."""
    if not currency:
        return Conversion(None, None, None, "no currency")
    if not date:
        return Conversion(None, None, None, "no date")
    # A year alone is converted at its mid-year rate, and says so.
    month = date[:7] if len(date) >= 7 else f"{date[:4]}-06"
    source = rate(currency, month)
    dollar = rate("USD", month)
    if source is None:
        return Conversion(None, None, None, f"no rate for {currency}")
    eur = amount / source[0]
    usd = eur * dollar[0] if dollar else None
    used = source[1] if currency != "EUR" else (dollar[1] if dollar else month)
    notes = []
    if len(date) < 7:
        notes.append(f"year only: rates of {month}")
    if used != month:
        notes.append(f"no rates for {month}: those of {used}")
    return Conversion(eur, usd, used, "; ".join(notes) or None)

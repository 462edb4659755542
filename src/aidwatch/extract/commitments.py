"""Dating an undated article by the known commitments its facts report.

`catalog/commitments.csv` holds the large, public aid decisions of the war
(first pledges and first deliveries of major systems), one row each: `name`,
`donors` and `items` (`|`-separated codes and catalog ids), `status`, `date`
(the day), `package_usd_millions` (the size of the US package it came in, if
any), `source` (https, where the date can be checked). A row without items
is a package of known size instead (`amount_millions`, `currency`: the
European Peace Facility's first €450 million): an article's package of
that donor, amount and currency reports it. Loaded once and validated.

An article whose facts report such a commitment (same donor, item and
status) and whose text names the day of that decision, as news of the day
does (a weekday alone, « ce mercredi », that is the commitment's weekday, or
the day and month without a year, « le 27 mars »), within 400 characters of
the fact's words, is of the commitment's month, when the text's own bounds
(published.py's month_range: officials in office, events looked back on)
allow it. The day named nearest a fact counts; two commitments of different
months as near give nothing. A day moved by « prochain », or a day and
month moved by « dernier », says nothing of the month; a weekday moved by
« dernier » (« jeudi dernier ») is said within the nine days after it, and
gives the commitment's month when those days stay in it (the 16th, not the
25th). Never a day: only the
month is given. Without a day, a delivery its sentence calls the first
(« les premiers Mirage 2000 ont été livrés », `first_words` of the language
table) is of the first delivery's month, unless the sentence dates it
otherwise (« livrées en septembre 2022 »). Rows name the system a decision made news with (its first
pledge or first delivery), not the ammunition every package repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from aidwatch.catalog import _keyed_rows, _split, donors_by_code, items_by_id
from aidwatch.errors import CatalogError
from aidwatch.extract.dates import _norm, _table, find_dates
from aidwatch.extract.language import tables
from aidwatch.extract.published import (
    iso_month,
    month_index,
    month_range,
    months_gone,
    months_within,
    own_days,
)
from aidwatch.extract.text import fold
from aidwatch.model import STATUSES, Fact, Package

_FILE = "commitments.csv"
# How far (characters) from a fact's words the day it names may be.
_NEAR = 400
# How many months after the known commitment an article names a day of.
_AFTER = 6


@dataclass(frozen=True)
class Commitment:
    name: str
    donors: frozenset[str]
    items: frozenset[str]
    status: str
    day: date
    source: str
    package_usd: float | None = None  # the package it came in, US dollars
    amount: float | None = None  # a package row: its amount, in `currency`
    currency: str | None = None

    def fits(self, packages: Iterable[Package]) -> bool:
        """False when the article reports packages of the donor in dollars
        and none is of this commitment's size (within a factor of two): the
        system came again in a later package."""
        if not self.package_usd:
            return True
        sizes = [
            p.amount
            for p in packages
            if p.donor in self.donors and p.currency == "USD" and p.amount
        ]
        return not sizes or any(0.5 <= a / self.package_usd <= 2 for a in sizes)

    def reported_by(self, fact: Fact) -> bool:
        return (
            fact.donor in self.donors and fact.item.id in self.items and fact.status == self.status
        )

    def reported_by_package(self, package: Package) -> bool:
        return (
            self.amount is not None
            and package.donor in self.donors
            and package.currency == self.currency
            and abs(package.amount - self.amount) <= 0.01 * self.amount
        )


@dataclass(frozen=True)
class CommitmentDating:
    """The month (`YYYY-MM`) a commitment gives, and the words naming its day."""

    date: str
    commitment: Commitment
    start: int
    end: int


@cache
def commitments() -> tuple[Commitment, ...]:
    """Every row of commitments.csv, validated (a bad row raises CatalogError)."""
    known_donors, known_items = donors_by_code(), items_by_id()
    out = []
    for where, name, row in _keyed_rows(_FILE, "name"):
        donors, items = _split(row.get("donors")), _split(row.get("items"))
        if not donors or any(d not in known_donors for d in donors):
            raise CatalogError(f"{where}: donors must be known donor codes, not {donors!r}")
        amount, currency = row.get("amount_millions", ""), row.get("currency", "")
        if any(i not in known_items for i in items) or not items and not amount:
            raise CatalogError(f"{where}: items must be catalog ids, not {items!r}")
        if bool(amount) != bool(currency) or items and amount:
            raise CatalogError(f"{where}: a package row has amount_millions and currency, no items")
        try:
            amount = float(amount) * 1e6 if amount else None
        except ValueError:
            raise CatalogError(f"{where}: amount_millions must be a number") from None
        status = row.get("status", "")
        if status not in STATUSES:
            raise CatalogError(f"{where}: unknown status {status!r}")
        try:
            day = date.fromisoformat(row.get("date", ""))
        except ValueError:
            raise CatalogError(f"{where}: date must be YYYY-MM-DD") from None
        source = row.get("source", "")
        if not source.startswith("https://"):
            raise CatalogError(f"{where}: source must be an https:// address")
        millions = row.get("package_usd_millions", "")
        try:
            package = float(millions) * 1e6 if millions else None
        except ValueError:
            raise CatalogError(f"{where}: package_usd_millions must be a number") from None
        out.append(
            Commitment(
                name,
                frozenset(donors),
                frozenset(items),
                status,
                day,
                source,
                package,
                amount,
                currency or None,
            )
        )
    return tuple(out)


def years_of_month(facts: Iterable[Fact], month: int) -> set[int]:
    """The years of the known commitments of `month` (1-12) that `facts`
    report: same donor and status, and the commitment's item or, for a fact
    naming a kind (« des armes antichars »), an item of that kind (the UK's
    NLAW of January 2022). What « en février » means in an undated article
    whose sentence reports Leopard 1 promised by Denmark in February 2023."""
    years = set()
    for f in facts:
        for c in commitments():
            if c.day.month != month or f.donor not in c.donors or f.status != c.status:
                continue
            if f.item.id in c.items or (
                not f.item.specific and f.item.category in _categories(c.items)
            ):
                years.add(c.day.year)
    return years


@cache
def _categories(items: frozenset[str]) -> frozenset[str]:
    known = items_by_id()
    return frozenset(known[i].category for i in items)


def reports_commitment(triple: tuple) -> bool:
    """Whether a (donor, item id, status) triple reports a known commitment."""
    return triple in _commitment_triples()


@cache
def _commitment_triples() -> frozenset[tuple]:
    return frozenset(
        (donor, item, c.status) for c in commitments() for donor in c.donors for item in c.items
    )


def date_by_commitments(
    text: str,
    facts: Iterable[Fact],
    lang: str = "fr",
    year: str | None = None,
    packages: Iterable[Package] = (),
) -> CommitmentDating | None:
    """The month of the known commitment `facts` report whose day `text`
    names (see the module's paragraph); None otherwise. `year`: a
    year the article's own clues gave, which the month must be in."""
    facts = list(facts)
    packages = list(packages)
    reported = [
        (c, f) for c in commitments() for f in facts if c.reported_by(f) and c.fits(packages)
    ]
    reported += [(c, p) for c in commitments() for p in packages if c.reported_by_package(p)]
    if not reported:
        return None
    best: list[tuple[int, Commitment, int, int]] = []
    for start, end, weekday, month_day, last in _days_named(text, lang):
        for c, f in reported:
            if weekday != c.day.weekday() and month_day != (c.day.month, c.day.day):
                continue
            if last and not _week_after_in_month(c.day):
                continue  # « mercredi dernier » of the 25th: maybe told next month
            if year and str(c.day.year) != year:
                continue
            # The day named nearest the fact's words is the one it reports.
            gap = max(0, f.evidence.start - end, start - f.evidence.end)
            if gap <= _NEAR:
                best.append((gap, c, start, end))
    if best:
        # The months the text's own bounds leave (officials in office, events
        # looked back on): a weekday of a commitment outside them is another
        # week's.
        lo, hi = month_range(text)
        best = [b for b in best if lo <= f"{b[1].day:%Y-%m}" <= hi]
    if not best:
        return _first_delivery(text, reported, lang, year) or _day_after(text, reported, lang, year)
    # Each day named reports the commitment nearest it; a day two
    # commitments of different months are as near says no month (which week
    # is « mercredi »?). The article is written after every decision whose
    # day it names: the latest counts (Saturday's pledge recalled in
    # Thursday's news).
    chosen = []
    for start in {b[2] for b in best}:
        here = [b for b in best if b[2] == start]
        nearest = min(gap for gap, *_ in here)
        here = [b for b in here if b[0] == nearest]
        if len({(c.day.year, c.day.month) for _, c, *_ in here}) == 1:
            chosen.append(here[0])
    if not chosen:
        return None
    _, c, start, end = max(chosen, key=lambda b: (b[1].day, -b[0], -b[2]))
    return CommitmentDating(f"{c.day.year:04d}-{c.day.month:02d}", c, start, end)


def _first_delivery(text, reported, lang: str, year: str | None) -> CommitmentDating | None:
    """The month of the first delivery a fact says is the first (« les
    premiers Mirage 2000 ont été livrés »), when its sentence dates nothing
    else and the text's bounds allow it; None when none or two months."""
    first = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in tables(lang).words("first_words")) + r")\b",
        re.IGNORECASE,
    )
    ahead = re.compile(r"\b(?:" + tables(lang).alternation("first_ahead") + r")\b")
    found = {}
    for c, f in reported:
        if c.status != "delivered" or (year and str(c.day.year) != year):
            continue
        word = first.search(f.evidence.text)
        if word is None:
            continue
        # « les premiers appareils voleraient cet été »: a first delivery ahead.
        if ahead.search(fold(f.evidence.text), word.end()):
            continue
        # « les deux premières unités livrées en septembre 2022 » recalls them.
        if any(
            (m.month is not None and m.month != c.day.month)
            or (m.year is not None and m.year != c.day.year)
            for m in find_dates(f.evidence.text, base=None, lang=lang)
        ):
            continue
        start = f.evidence.start + word.start()
        found.setdefault((c.day.year, c.day.month), (c, start, start + len(word.group())))
    if found:
        lo, hi = month_range(text)
        found = {k: v for k, v in found.items() if lo <= f"{k[0]:04d}-{k[1]:02d}" <= hi}
    if len(found) != 1:
        return None
    ((c, start, end),) = found.values()
    return CommitmentDating(f"{c.day.year:04d}-{c.day.month:02d}", c, start, end)


def _day_after(text, reported, lang: str, year: str | None) -> CommitmentDating | None:
    """The month of a day the text names without its year (« le 8 octobre »)
    in the months that follow the latest known commitment its facts report
    that it follows within `_AFTER` months:
    the article is after that commitment, and news of it are written within
    `_AFTER` months (« le 8 octobre » in an article on the Mirage 2000
    promised on 6 June 2024 is October 2024). A day that is itself the day
    of a known commitment of a system the facts name recalls it; a day moved (« le 22 avril dernier ») or beyond
    `_AFTER` months gives nothing; the latest of the days that fit counts."""
    # Two decisions on one system (six more CAESAR two months after the
    # first): a day is after the latest of them it follows within `_AFTER`
    # months, the article being after one of them, not necessarily both.
    sinces = sorted({c.day.year * 12 + c.day.month - 1 for c, _ in reported}, reverse=True)
    items = {f.item.id for _, f in reported if isinstance(f, Fact)}
    known = {(c.day.month, c.day.day) for c in commitments() if c.items & items}
    plain = {start for start, _, _, month_day, _ in _days_named(text, lang) if month_day}
    lo, hi, days = own_days(text)
    found = []
    for m in days:
        if m.start not in plain or (m.month, m.day) in known:
            continue
        for since in sinces:
            when = since + (m.month - 1 - since % 12) % 12
            if when - since <= _AFTER:
                break
        else:
            continue
        if lo <= when <= hi and (not year or str(when // 12) == year):
            found.append((when, since, m))
    if not found:
        return None
    when, since, m = max(found, key=lambda f: (f[0], f[2].start))
    c = next(c for c, _ in reported if c.day.year * 12 + c.day.month - 1 == since)
    return CommitmentDating(f"{when // 12:04d}-{when % 12 + 1:02d}", c, m.start, m.end)


def date_by_placed_months(text: str, facts: Iterable[Fact]) -> CommitmentDating | None:
    """The month of a day `text` names without its year (« le 22
    septembre ») when the months a known commitment placed leave it one
    year. A fact dated by a month named without its year that a known
    commitment of its donor, item and status places (« ont annoncé en
    février qu'ils fourniraient des Leopard 1A5 »: February 2023, marked
    inferred by pipeline._months_without_year) puts the article within the
    twelve months after that month (news give an older month its year);
    inside those and the text's own bounds, a day of the article's own
    (published.own_days: not ahead, not a bound, not a known event's) that
    falls in one year only is placed there, the latest of them counting,
    as published.date_article places a day its bounds leave one year.
    A month the text calls gone by (« en mai dernier ») is not the
    article's; a day that is a known commitment's of the facts' systems
    recalls it."""
    placed: list[tuple[int, Commitment]] = []
    for f in facts:
        if not (f.date and f.date_inferred and len(f.date) >= 7):
            continue
        year, month = int(f.date[:4]), int(f.date[5:7])
        for c in commitments():
            if c.day.year == year and c.day.month == month and _places(c, f):
                placed.append((month_index(f.date), c))
                break
    if not placed:
        return None
    lo, hi, days = own_days(text)
    for when, _ in placed:
        # Each month placed: the article is of it or of the eleven after.
        if lo <= when + 11 and hi >= when:
            lo, hi = max(lo, when), min(hi, when + 11)
    items = {f.item.id for f in facts}
    known = {(c.day.month, c.day.day) for c in commitments() if c.items & items}
    gone = months_gone(find_dates(text, base=None))
    found = []
    for m in days:
        if (m.month, m.day) in known or m.month in gone:
            continue
        at = months_within(m.month, lo, hi)
        if len(at) == 1:
            found.append((at[0], m))
    if not found:
        return None
    when, m = max(found, key=lambda f: (f[0], f[1].start))
    c = min(placed, key=lambda p: abs(p[0] - when))[1]
    return CommitmentDating(iso_month(when), c, m.start, m.end)


def _places(c: Commitment, f: Fact) -> bool:
    """Whether commitment `c` is the one that placed fact `f`'s month
    (years_of_month: its item, or an item of the kind the fact names)."""
    if f.donor not in c.donors or f.status != c.status:
        return False
    return f.item.id in c.items or (not f.item.specific and f.item.category in _categories(c.items))


def _days_named(text: str, lang: str) -> list[tuple[int, int, int | None, tuple | None, bool]]:
    """(start, end, weekday, (month, day), last) of each day `text` names
    without its year: a weekday of this week, or of the last when `last`
    (« jeudi dernier », "last Thursday"), or a day and month (not moved by
    last / next: « le 22 avril dernier » may be a year back)."""
    table = _table(lang)
    relation = {w: rel for w, rel in (*table.before.items(), *table.after.items())}
    out = []
    for m in find_dates(text, base=None, lang=lang):
        if m.year is not None:
            continue
        words = _norm(m.text).replace(",", " ").split()
        moved = {relation[w] for w in words if relation.get(w, "this") != "this"}
        if m.kind == "weekday" and moved <= {"last"}:
            weekday = next((table.weekdays[w] for w in words if w in table.weekdays), None)
            if weekday is not None:
                out.append((m.start, m.end, weekday, None, bool(moved)))
        elif m.month and m.day and not moved:
            out.append((m.start, m.end, None, (m.month, m.day), False))
    return out


# « jeudi dernier » is said within the days after that Thursday: up to a
# week and a weekend (said on the Saturday after the next Thursday).
_LAST_WEEKDAY_WITHIN = 9


def _week_after_in_month(day: date) -> bool:
    """Whether the days a « dernier » weekday of `day` is said on all fall in
    `day`'s month: only then does it give the article's month."""
    return (day + timedelta(days=_LAST_WEEKDAY_WITHIN)).month == day.month

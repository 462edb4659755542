"""Amounts of money in French text: « 1,1 milliard de dollars », « 500 M€ »,
« $400 million », « plus de 150 milliards de dollars », « 700 millions ».

`find_money` finds each amount with its ISO 4217 currency and how exact it is.
An amount with a multiplier but no currency (« dont 65 milliards ») is money
with currency None: the caller knows from the paragraph whose money it is.
It does not tell money from counts on its own beyond that: « 22 millions de
cartouches » is a count, left to numbers.py.

Numbers are read with numbers.py's grammar; the currency words, symbols and
abbreviated multipliers are in currencies_fr.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from aidwatch.errors import CatalogError
from aidwatch.extract import numbers
from aidwatch.extract.language import BUILDING
from aidwatch.extract.lookahead import first_chars

# The language whose tables this module's rules read (see engines.py).
_LANG = BUILDING


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str | None  # ISO 4217, None when the text states none (« 700 millions »)
    kind: str  # "exact" | "approx" | "at_least"
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    currencies: dict[str, str | None]  # key as matched (see _currency_key) → ISO code
    abbreviations: dict[str, int]  # case-sensitive
    english_scales: dict[str, int]
    amount_followers: frozenset[str]


def _exact(key: str) -> bool:
    """Symbols and ISO codes (no lower-case letter) match exactly as written."""
    return not any(c.islower() for c in key)


def _currency_key(matched: str) -> str:
    key = re.sub(r"\s+", " ", matched.strip())
    return key if _exact(key) else key.lower()


@cache
def vocabulary() -> _Vocabulary:
    name = f"currencies_{_LANG}.yaml"
    table = numbers.load_table(name)
    currencies = table.get("currencies")
    if not isinstance(currencies, dict) or not currencies:
        raise CatalogError(f"{name}: currencies must be a non-empty mapping")
    for key, code in currencies.items():
        if not isinstance(key, str) or not key.strip():
            raise CatalogError(f"{name}: currencies: {key!r} is not a word or symbol")
        if code is not None and not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)):
            raise CatalogError(f"{name}: currencies: {key!r}: {code!r} is not an ISO 4217 code")
    return _Vocabulary(
        currencies={_currency_key(k): c for k, c in currencies.items()},
        abbreviations=numbers.numbers_of(table, name, "abbreviations"),
        english_scales=numbers.numbers_of(table, name, "english_scales"),
        amount_followers=frozenset(numbers.words_of(table, name, "amount_followers")),
    )


def _currency_alternation(keys: list[str], before: bool = False) -> str:
    """`before`: the currency written before its amount, which may follow it
    with no space (« CHF100 million »)."""
    out = []
    for key in sorted(keys, key=len, reverse=True):
        pattern = numbers.alternation([key])
        if _exact(key):
            pattern = f"(?-i:{pattern})"
        if key[-1].isalnum():
            pattern += r"(?![^\W\d_]|-)" if before else r"(?![\w-])"
        out.append(pattern)
    return "|".join(out)


@cache
def _money_re() -> re.Pattern[str]:
    v = vocabulary()
    g = numbers.grammar()
    currency_after = _currency_alternation(list(v.currencies))
    currency_before = _currency_alternation([k for k in v.currencies if _exact(k)], before=True)
    abbreviation = "|".join(re.escape(a) for a in sorted(v.abbreviations, key=len, reverse=True))
    english_scale = numbers.alternation(list(v.english_scales) + list(numbers.vocabulary().scales))
    de = numbers.DE
    # English order: the currency first (« $400 million », « US$1.2 billion »,
    # « $23-billion »).
    english = (
        rf"(?<![\w$€£¥])(?P<cur_before>{currency_before})\s?"
        r"(?P<en_digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![.,]?\d)"
        rf"(?:[\s-]?(?P<en_scale>(?-i:{abbreviation})|{english_scale})(?![\w-]))?"
    )
    # French order: the amount first; an abbreviated multiplier only with a
    # currency after it (« 500 M€ »: « 500 m » alone is metres).
    french = (
        rf"(?P<number>{g.number})"
        rf"(?:\s*(?P<abbr>(?-i:{abbreviation}))\s*(?:{de})?(?P<cur_abbr>{currency_after})"
        rf"|\s*(?:{de})?(?P<cur_after>{currency_after}))?"
    )
    found = rf"(?P<bound>{g.bound})?(?:{english}|{french})"
    # The characters an amount can start with, looked at first (lookahead.py):
    # a fifth less of the scan's time.
    return re.compile(rf"(?<![\w-]){first_chars(found, re.IGNORECASE)}{found}", re.IGNORECASE)


@cache
def _follower_re() -> re.Pattern[str]:
    return re.compile(rf"\s*{numbers.DE}([^\W\d_][\w-]*)", re.IGNORECASE)


_SCALE_WORD = re.compile(r"(?:million|milliard|billion)s?(?![\w-])", re.IGNORECASE)


def _currency(matched: str) -> str | None:
    return vocabulary().currencies[_currency_key(matched)]


def _amount(text: str, m: re.Match[str]) -> tuple[Decimal, str | None] | None:
    v = vocabulary()
    if m["cur_before"]:
        amount = numbers.to_decimal(m["en_digits"], english=True)
        if scale := m["en_scale"]:
            amount *= (
                v.abbreviations.get(scale)
                or v.english_scales.get(scale.lower())
                or numbers.vocabulary().scales[scale.lower()]
            )
        return amount, _currency(m["cur_before"])
    value = numbers.parse_number(m["number"])
    if value is None:
        return None
    amount = Decimal(str(value))
    if m["abbr"]:
        return amount * v.abbreviations[m["abbr"]], _currency(m["cur_abbr"])
    if m["cur_after"]:
        return amount, _currency(m["cur_after"])
    # No currency: money only in millions and up, and only when no noun says
    # what is counted (« 22 millions de cartouches »).
    if not _SCALE_WORD.search(m["number"]):
        return None
    follower = _follower_re().match(text, m.end())
    if follower and follower[1].lower() not in v.amount_followers:
        return None
    return amount, None


def find_money(text: str) -> list[Money]:
    """Every amount of money in the text, in order."""
    if not numbers.may_hold_number(text):
        return []
    out = []
    for m in _money_re().finditer(text):
        found = _amount(text, m)
        if found is None:
            continue
        amount, currency = found
        if m["bound"]:
            kind = numbers.bound_kind(m["bound"])
        elif m["number"] and numbers.is_approx(m["number"]):
            kind = "approx"
        else:
            kind = "exact"
        out.append(Money(float(amount), currency, kind, m.start(), m.end()))
    return out


def find_quantities(text: str) -> list[numbers.Quantity]:
    """Every count in the text, in order, with its bound (« plus de »), money
    left out (« 700 millions de dollars », and « 700 millions » when no noun
    follows): `numbers.find_counts` without the amounts `find_money` reads."""
    counts = numbers.find_counts(text)
    if not counts:
        return counts
    money = [(m.start, m.end) for m in find_money(text)]
    return [q for q in counts if not any(start < q.end and q.start < end for start, end in money)]

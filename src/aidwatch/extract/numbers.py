"""Counts in French text: « quatre », « 1.000 », « 15 000 », « une cinquantaine »,
« plus de 22 millions ».

`parse_number` reads one number expression; `find_counts` finds every
count in a text with how exact it is (« environ », « plus de »); and
`quantity_before` finds the count that directly precedes an item name. They do
not find money (money.py does, with this module's number grammar, and its
`find_quantities` is `find_counts` with the money left out), nor dates, nor
what is counted: the caller knows where its items are. Numbers that are not
counts are left out: years, days of the month, measures (« 155 mm »,
« 300 km », « 30 % »), ordinals, model numbers (« F-16 », « Leopard 2 ») and
references (« article 5 »).

The vocabulary is in numbers_fr.yaml; text2num does the arithmetic of numbers
written in letters, which is all it is given: it garbles mixed forms
(« 1,1 milliard ») and knows no approximation nouns (« cinquantaine »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from text_to_num import text2num

from aidwatch.errors import CatalogError
from aidwatch.extract.language import BUILDING
from aidwatch.extract.lookahead import first_chars

# The language whose tables this module's rules read (see engines.py).
_LANG = BUILDING

BOUND_KINDS = ("approx", "at_least")


@dataclass(frozen=True)
class Quantity:
    value: int
    kind: str  # "exact" | "approx" | "at_least"
    start: int  # offsets of the whole expression, « plus de » included
    end: int


# ---------------------------------------------------------------------------
# The table


def load_table(filename: str) -> dict[str, Any]:
    """A YAML mapping shipped in this package (money.py's table too)."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    table = yaml.safe_load(text)
    if not isinstance(table, dict):
        raise CatalogError(f"{filename}: not a mapping")
    return table


def words_of(table: dict[str, Any], filename: str, key: str) -> tuple[str, ...]:
    """A list of strings from the table, or a CatalogError naming the entry."""
    words = table.get(key)
    if not isinstance(words, list) or not words:
        raise CatalogError(f"{filename}: {key} must be a non-empty list")
    for word in words:
        # YAML reads a bare `no` or `on` as a boolean: quote such words.
        if not isinstance(word, str) or not word.strip():
            raise CatalogError(f"{filename}: {key}: {word!r} is not a word (quote it)")
    return tuple(w.strip() for w in words)


def numbers_of(table: dict[str, Any], filename: str, key: str) -> dict[str, int]:
    """A word → positive integer mapping from the table."""
    mapping = table.get(key)
    if not isinstance(mapping, dict) or not mapping:
        raise CatalogError(f"{filename}: {key} must be a non-empty mapping")
    for word, value in mapping.items():
        if not isinstance(word, str) or isinstance(value, bool) or not isinstance(value, int):
            raise CatalogError(f"{filename}: {key}: {word!r}: {value!r} is not a whole number")
        if value <= 0:
            raise CatalogError(f"{filename}: {key}: {word!r}: {value!r} is not positive")
    return dict(mapping)


@dataclass(frozen=True)
class _Vocabulary:
    number_words: tuple[str, ...]
    scales: dict[str, int]
    approx_nouns: dict[str, int]  # singular and plural forms
    approx_singular: frozenset[str]
    approx_vague: frozenset[str]
    bounds: dict[str, str]  # normalised phrase → kind
    months: tuple[str, ...]
    units: tuple[str, ...]
    year_words: frozenset[str]
    reference_words: frozenset[str]
    not_nouns: frozenset[str]
    fillers: tuple[str, ...]
    filler_nouns: tuple[str, ...]
    partitives: tuple[str, ...]  # « sept de ces obusiers »: the count of a part
    articles: frozenset[str]
    # Words whose presence lets a text hold a count (a cheap test before the
    # full grammar): without and with the articles.
    count_words: frozenset[str]
    number_or_article_words: frozenset[str]


def _normalise_phrase(phrase: str) -> str:
    """One spelling for a phrase: lower case, single spaces, straight
    apostrophes, « d' » written « de »."""
    phrase = re.sub(r"\s+", " ", phrase.strip().lower().replace("’", "'"))
    phrase = re.sub(r"'\s+", "'", phrase)
    return re.sub(r"(^|\s)d'$", r"\1de", phrase)


@cache
def vocabulary() -> _Vocabulary:
    name = f"numbers_{_LANG}.yaml"
    table = load_table(name)
    bounds = table.get("bounds")
    if not isinstance(bounds, dict) or not bounds:
        raise CatalogError(f"{name}: bounds must be a non-empty mapping")
    for phrase, kind in bounds.items():
        if not isinstance(phrase, str) or kind not in BOUND_KINDS:
            raise CatalogError(f"{name}: bounds: {phrase!r}: kind {kind!r} not in {BOUND_KINDS}")
    approx = numbers_of(table, name, "approx_nouns")
    lower = _lower_set
    number_words = words_of(table, name, "number_words")
    scales = numbers_of(table, name, "scales")
    articles = lower(words_of(table, name, "articles"))
    approx_forms = approx | {noun + "s": value for noun, value in approx.items()}
    count_words = lower(number_words) - articles | lower(scales) | lower(approx_forms)
    return _Vocabulary(
        number_words=number_words,
        scales=scales,
        approx_nouns=approx_forms,
        approx_singular=lower(words_of(table, name, "approx_singular")),
        approx_vague=lower(words_of(table, name, "approx_vague")),
        bounds={_normalise_phrase(p): k for p, k in bounds.items()},
        months=words_of(table, name, "months"),
        units=words_of(table, name, "units"),
        year_words=lower(words_of(table, name, "year_words")),
        reference_words=lower(words_of(table, name, "reference_words")),
        not_nouns=lower(words_of(table, name, "not_nouns")),
        fillers=words_of(table, name, "fillers"),
        filler_nouns=words_of(table, name, "filler_nouns"),
        partitives=words_of(table, name, "partitives"),
        articles=articles,
        count_words=count_words,
        number_or_article_words=count_words | articles,
    )


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in words)


# ---------------------------------------------------------------------------
# The grammar, as regular expressions built once from the table

# Thousands are grouped by dots or by ordinary, non-breaking, narrow
# non-breaking or thin spaces (« 1.000 », « 15 000 »); the decimal mark is a
# comma (« 1,1 milliard »), or a dot when what follows is not three digits
# (« 1.5 million », English style). « 1,000,000 » is read the English way.
_GROUP_SEPARATORS = " \u00a0\u202f\u2009"
DIGITS_CORE = (
    rf"\d{{1,3}}(?:[.{_GROUP_SEPARATORS}]\d{{3}})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|\d+(?:[.,]\d+)?"
)
# A digit glued to a letter (« F-16 », « Mi-17 », « 2A6 », « M777 », « 4e »,
# « 155mm ») or part of a date or time (« 15/06 », « 14:30 ») is no count.
_DIGITS_BEFORE = r"(?<![\w.,:/°#])(?<![^\W\d_]-)"
_DIGITS_AFTER = r"(?![\w°]|[.,:/]\d|-[^\W\d_])"
DE = r"d(?:e\s+|['’]\s*)"  # « de » or elided « d' »
if _LANG == "en":
    DE = r"of\s+"  # « dozens of », « a million rounds of »


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that « pas moins de » wins over « moins de »; a space
    matches any whitespace and an apostrophe either apostrophe."""
    out = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        parts = [re.escape(word) for word in phrase.split()]
        out.append(r"\s+".join(parts).replace("'", "['’]"))
    return "|".join(out)


def _bound_alternation(phrases: Iterable[str]) -> str:
    # Each alternative includes the space after it: « plus de » + space,
    # « plus d' » + nothing.
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase.endswith(" de"):
            out.append(alternation([phrase[: -len(" de")]]) + r"\s+" + DE)
        elif phrase.endswith("'à"):
            out.append(alternation([phrase[: -len("'à")]]) + r"['’]\s*à\s+")
        else:
            out.append(alternation([phrase]) + r"\s+")
    return "|".join(out)


@dataclass(frozen=True)
class _Grammar:
    bound: str  # « plus de », « environ » ... with the space after
    number: str  # a number expression whose digits may be glued to what follows
    count: re.Pattern[str]  # (bound)? number
    digits_full: re.Pattern[str]
    words_full: re.Pattern[str]
    approx_full: re.Pattern[str]
    ends_with_multiplier: re.Pattern[str]  # « millions », « cinquantaine » (take « de »)
    noncount_after: re.Pattern[str]  # months and units, after coordinated numbers
    previous_word: re.Pattern[str]
    noun_after: re.Pattern[str]
    gap: re.Pattern[str]  # between a count and its item


@cache
def grammar() -> _Grammar:
    v = vocabulary()
    flags = re.IGNORECASE
    scale = alternation(v.scales)
    first_word = alternation(v.number_words)
    any_word = alternation(v.number_words + tuple(v.scales))
    # « et » joins only « vingt et un », « soixante et onze »: elsewhere it
    # joins two counts (« quatre et cinq »).
    joiner = r"(?:\s+et\s+(?=(?:un|une|onze)(?![\w-]))|-et-|[\s-]+)"
    word_run = rf"(?:{first_word})(?:{joiner}(?:{any_word}))*"
    determiner = alternation(v.approx_singular | v.approx_vague)
    approx_noun = alternation(v.approx_nouns)
    plural_scale = alternation([w for w in v.scales if w.endswith("s")] + ["milliers"])
    approx = (
        rf"(?<![\w-])(?:{determiner}|{DIGITS_CORE}|{word_run})\s+(?:{approx_noun})(?![\w-])"
        rf"(?:\s+{DE}(?:{plural_scale})(?![\w-]))?"
    )

    def number(digits_after: str) -> str:
        return (
            rf"(?:{approx}"
            rf"|{_DIGITS_BEFORE}(?:{DIGITS_CORE}){digits_after}(?:\s+(?:{scale})(?![\w-]))?"
            rf"|(?<![\w-])(?:{word_run})(?![\w-]))"
        )

    bound = _bound_alternation(v.bounds)
    multiplier = alternation(list(v.scales) + list(v.approx_nouns))
    fillers = alternation(v.fillers)
    coordinated = rf"(?:(?:\s*[,/–-]\s*|\s+(?:et|ou|à|au)\s+)(?:{DIGITS_CORE}))*"
    count = rf"(?P<bound>{bound})?(?P<number>{number(_DIGITS_AFTER)})"
    return _Grammar(
        bound=bound,
        # Money glues multipliers and symbols to digits (« 500M€ »): there
        # the digits need only not go on.
        number=number(r"(?![.,]?\d)"),
        # The characters a count can start with, looked at first (lookahead.py).
        count=re.compile(rf"(?<![\w-]){first_chars(count, flags)}{count}", flags),
        digits_full=re.compile(rf"(?P<digits>{DIGITS_CORE})(?:\s+(?P<scale>{scale}))?", flags),
        words_full=re.compile(word_run, flags),
        approx_full=re.compile(
            rf"(?P<det>.+?)\s+(?P<noun>{approx_noun})(?:\s+{DE}(?P<tail>{plural_scale}))?",
            flags,
        ),
        ends_with_multiplier=re.compile(rf"(?:^|\s)(?:{multiplier})\Z", flags),
        noncount_after=re.compile(
            rf"{coordinated}\s*(?:{DE})?"
            rf"(?:(?:{alternation(v.months)})|(?:{alternation(v.units)}))(?![\w-])",
            flags,
        ),
        previous_word=re.compile(r"(\S+)\s*\Z"),
        noun_after=re.compile(rf"(?:\s+(?:{fillers}))*\s+([^\W\d_][\w'’-]*)", flags),
        gap=re.compile(
            rf"\s*(?:(?:{alternation(v.partitives)})\s+)?(?P<de>{DE})?(?:(?:{fillers})\s+)*"
            rf"(?:(?:{alternation(v.filler_nouns)})\s+{DE}(?:(?:{fillers})\s+)*)?",
            flags,
        ),
    )


@lru_cache(maxsize=1024)
def bound_kind(bound: str) -> str:
    """The kind a matched bound (« Plus d' », « environ ») gives its number."""
    return vocabulary().bounds[_normalise_phrase(bound)]


def is_approx(number: str) -> bool:
    """Whether a number expression is an approximation noun (« une centaine »)."""
    return grammar().approx_full.fullmatch(number.strip()) is not None


# ---------------------------------------------------------------------------
# Reading one number


_GROUP_SEPARATOR = re.compile(rf"[{_GROUP_SEPARATORS}]")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_MILLIONS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_SPACES = re.compile(r"\s+")


def to_decimal(digits: str, english: bool = _LANG == "en") -> Decimal:
    """Digits as written (« 1.000 », « 15 000 », « 1,1 ») to their value.
    English style (money after « $ »): commas group thousands, the dot is the
    decimal mark."""
    digits = _GROUP_SEPARATOR.sub("", digits)
    if english:
        if _COMMA_THOUSANDS.fullmatch(digits):
            digits = digits.replace(",", "")
        return Decimal(digits.replace(",", "."))
    if _DOT_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")
    elif _COMMA_MILLIONS.fullmatch(digits):
        digits = digits.replace(",", "")
    return Decimal(digits.replace(",", "."))


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    try:
        return text2num(words, _LANG)
    except ValueError:
        return None


def _decimal_value(expr: str) -> Decimal | None:
    g = grammar()
    v = vocabulary()
    expr = _SPACES.sub(" ", expr.strip())
    if m := g.digits_full.fullmatch(expr):
        try:
            value = to_decimal(m["digits"])
        except InvalidOperation:
            return None
        return value * v.scales[m["scale"].lower()] if m["scale"] else value
    if g.words_full.fullmatch(expr):
        words = _words_value(expr.lower())
        return None if words is None else Decimal(words)
    if m := g.approx_full.fullmatch(expr):
        det = m["det"].lower()
        if det in v.approx_vague:
            return None
        times = Decimal(1) if det in v.approx_singular else _decimal_value(det)
        if times is None:
            return None
        value = times * v.approx_nouns[m["noun"].lower()]
        if m["tail"]:
            tail = m["tail"].lower()
            value *= v.approx_nouns.get(tail) or v.scales[tail]
        return value
    return None


def parse_number(expr: str) -> float | None:
    """The value of one number expression, or None if it is none or says no
    definite amount (« des centaines », « quelques milliers »).

    « 1.000 » → 1000, « 15 000 » → 15000, « 1,1 milliard » → 1.1e9,
    « dix-huit » → 18, « une cinquantaine » → 50, « un millier » → 1000.
    """
    value = _decimal_value(expr)
    return None if value is None else float(value)


# ---------------------------------------------------------------------------
# Finding counts in a text

_SENTENCE_START = '.!?…:;«"“(—–-•*\n'


def _previous_word(text: str, pos: int) -> tuple[str, bool] | None:
    """The word right before `pos` (lower case, apostrophe straight), and
    whether it is capitalised in mid-sentence; None if punctuation or nothing
    stands there."""
    g = grammar()
    lo = max(0, pos - 40)
    m = g.previous_word.search(text, lo, pos)
    if not m:
        return None
    raw = m[1].lstrip("«\"“(['’")
    if not raw or not (raw[-1].isalnum() or raw[-1] in "°'’"):
        return None
    before = text[lo : m.start(1)].rstrip(" \t\u00a0\u202f")
    mid_sentence = bool(before) and before[-1] not in _SENTENCE_START
    return raw.lower().replace("’", "'"), raw[0].isupper() and mid_sentence


def _noun_after(text: str, pos: int) -> str | None:
    """The word after `pos`, past any filler (« autres »), if it looks like
    the thing counted: lower case, not a function word, not elided."""
    m = grammar().noun_after.match(text, pos)
    if not m:
        return None
    word = m[1]
    if word[0].islower() and len(word) >= 3 and "'" not in word and "’" not in word:
        return None if word in vocabulary().not_nouns else word
    return None


def _is_count(text: str, m: re.Match[str], item_follows: bool) -> bool:
    """Whether a matched number is a count rather than a year, day, measure,
    model number or reference. With `item_follows`, the caller knows an item
    name comes after the number, so the noun test is taken as passed."""
    v = vocabulary()
    number = m["number"]
    lowered = number.lower()
    previous = _previous_word(text, m.start())
    word = previous[0].rsplit("'", 1)[-1] if previous else None  # « l'article » → article
    if word in v.reference_words or (word == "pour" and lowered in ("cent", "cents")):
        return False
    if not item_follows and grammar().noncount_after.match(text, m.end("number")):
        return False
    noun = _noun_after(text, m.end("number"))
    noun_follows = item_follows or noun is not None
    if number.isdigit():
        around = _previous_word(text, m.start("number"))
        elided = around[0].rsplit("'", 1)[-1] if around else None
        if len(number) == 4 and 1900 <= int(number) <= 2099:
            # A count that large is of a plural noun (« 2000 obus »); a year
            # is often followed by a verb (« le budget 2024 prévoit »).
            plural = item_follows or (noun is not None and noun[-1] in "sxz")
            if elided in v.year_words or not plural:
                return False
        capitalised = around is not None and around[1] and around[0] not in v.not_nouns
        if capitalised and not m["bound"] and not noun_follows and len(number) <= 4:
            return False  # « Leopard 2 », « Mirage 2000 »
    # « neuf » is also an adjective (« un char neuf »).
    return lowered != "neuf" or noun_follows


def _quantity(text: str, m: re.Match[str], item_follows: bool) -> Quantity | None:
    value = _decimal_value(m["number"])
    if value is None or value != value.to_integral_value():
        return None
    if not _is_count(text, m, item_follows):
        return None
    if m["bound"]:
        kind = bound_kind(m["bound"])
    else:
        kind = "approx" if is_approx(m["number"]) else "exact"
    return Quantity(int(value), kind, m.start(), m.end("number"))


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")


def may_hold_number(text: str, articles: bool = False) -> bool:
    """A cheap test (a tenth of the grammar's cost) that is false only when
    the text holds no number: most sentences hold none. With `articles`,
    « un »/« une » count as numbers."""
    if _DIGIT.search(text):
        return True
    v = vocabulary()
    words = v.number_or_article_words if articles else v.count_words
    return not words.isdisjoint(_WORD.findall(text.lower()))


def find_counts(text: str) -> list[Quantity]:
    """Every count in the text, in order, with its bound (« plus de »).

    Bare « un »/« une » are left out (they are articles far more often than
    counts; `quantity_before` does read them as 1). Money is not (money.py's
    `find_quantities` leaves it out: this module cannot import money.py,
    which builds on it).
    """
    if not may_hold_number(text):
        return []
    articles = vocabulary().articles
    out = []
    for m in grammar().count.finditer(text):
        if m["number"].lower() not in articles and (q := _quantity(text, m, item_follows=False)):
            out.append(q)
    return out


# Characters before an item searched for its count: a bound, a count and
# fillers fit easily; the cheap test looks at the nearer part only, since
# the count must end close to the item.
_LOOKBACK = 160
_NEAR = 80


_ASIDE_BEFORE = re.compile(r"\s*\([^()]{1,60}\)\s*$")


def quantity_before(text: str, end: int) -> Quantity | None:
    """The count right before position `end`, where an item name starts.

    Only fillers may stand between them (« quatre autres », « 12 exemplaires
    de »); « de »/« d' » only after a multiplier (« 22 millions de »,
    « une cinquantaine d' »). « un »/« une » count as 1 here. The text after
    `end` is not read: what starts there is taken to be what is counted.
    """
    aside = text[:end].rstrip().endswith(")") and _ASIDE_BEFORE.search(text, max(0, end - 80), end)
    if aside:
        # « quelque 3 615 (missiles antichars portables) NLAW »: the count
        # stands before the aside
        end = aside.start()
    if not may_hold_number(text[max(0, end - _NEAR) : end], articles=True):
        return None
    g = grammar()
    last = None
    for last in g.count.finditer(text, max(0, end - _LOOKBACK), end):  # noqa: B007
        pass
    if last is None:
        return None
    gap = g.gap.fullmatch(text, last.end("number"), end)
    if not gap or (gap["de"] and not g.ends_with_multiplier.search(last["number"])):
        return None
    return _quantity(text, last, item_follows=True)

"""Find the date expressions of a text and resolve them against the article's date.

`find_dates` finds explicit dates (« le 24 février 2022 », « 24/02/2022 »),
dates without a year (« le 1er juin », « en avril »), weekdays (« mardi »),
relative words (« hier », « la semaine dernière »), periods (« fin mars »,
« cet été ») and ranges (« les 11 et 12 juillet »), and resolves each only as
precisely as the text and the article's date allow. It does not decide which
fact a date belongs to, nor infer an article's date, nor read counted
durations (« il y a trois jours »).

The words come from `dates_<lang>.yaml` (French only so far), from which the
patterns are built and compiled once. Finding is ours: dateparser's
search_dates invents dates out of ordinary words (« sa » → samedi).
Resolving is plain calendar arithmetic over the table rather than
dateparser.parse, which costs 0.3 to 0.8 ms a call (measured, dateparser 1.5)
where a whole sentence here takes some 40 µs, and this runs on every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

import yaml

from aidwatch.errors import CatalogError
from aidwatch.extract.language import BUILDING
from aidwatch.extract.lookahead import first_chars

# The language whose tables this module's rules read (see engines.py).
_LANG = BUILDING

KINDS = ("explicit", "partial", "relative", "weekday", "period", "range")
UNITS = ("day", "week", "month", "year")
RELATIONS = ("this", "last", "next")
PERIOD_PARTS = ("start", "middle", "end", "during")
PREFERENCES = ("past", "future", "nearest")
DIRECTIONS = ("past", "future")  # what a cue in the text can say


@dataclass(frozen=True)
class DateMention:
    """One date expression, resolved as far as the text and the article's date allow.

    kind: "explicit" (the text gives the year), "partial" (day and/or month
    without a year), "relative" (« hier », « l'an dernier »), "weekday",
    "period" (« fin mars », « cet été »: month precision at best, a season
    only a year), "range" (« les 11 et 12 juillet »: its first day).
    """

    start: int  # offsets in the text given
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    kind: str  # one of KINDS

    @property
    def iso(self) -> str | None:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as precise as known; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def find_dates(
    text: str, base: str | None = None, prefer: str = "past", lang: str | None = None
) -> list[DateMention]:
    """The date expressions of `text`, sorted by start, never overlapping (longest wins).

    `base` is the article's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or None.
    A date without a year, a weekday or a bare season is taken in the past of
    `base` (prefer="past", news report what happened: a month later than
    base's month is last year's), in its future (prefer="future"), or
    wherever it is nearer (prefer="nearest", for scheduled events: « le
    sommet des 11 et 12 juillet » in a June article). Words just before the
    date can override this (« depuis », « d'ici », « prévu », see the table).
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"prefer must be one of {PREFERENCES}, not {prefer!r}")
    return list(_found(text, base, prefer, lang or _LANG))


# An article's whole text is read for its dates twice when it has none
# (published.py's bounds, then commitments.py's named days, after the rest
# of its batch has been read), a millisecond each, and a fact's sentence
# once per fact: the latest answers are kept. Enough of them for a feed's
# reprints and rewrites, which come back with most of their sentences word
# for word hundreds of articles later (as the parses kept in nlp.py): on
# the on-topic articles of a 6,000-article feed, 13,700 texts read with
# 1,024 kept, 10,700 with 16,384.
@lru_cache(maxsize=8192)
def _found(text: str, base: str | None, prefer: str, lang: str) -> tuple[DateMention, ...]:
    grammar = _grammar(lang)
    ctx = _Context(_parse_base(base), prefer)
    # A pattern only runs on a text holding the words it cannot match without:
    # one split of the text spares most sentences most of the regex scans.
    words = set(_WORD.findall(text.lower()))
    has_digit = _DIGIT.search(text) is not None
    found: list[DateMention] = []
    for pattern, resolve, needs in grammar.patterns:
        if not all(_holds(need, text, words, has_digit) for need in needs):
            continue
        for m in pattern.finditer(text):
            mention = resolve(m, ctx)
            if mention is not None:
                found.append(mention)
    # Longest first, then leftmost; a shorter mention inside a kept one is a
    # part of it (« 12 juillet » in « les 11 et 12 juillet »).
    found.sort(key=lambda d: (d.start - d.end, d.start))
    kept: list[DateMention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return tuple(sorted(kept, key=lambda d: d.start))


def _holds(need, text: str, words: set[str], has_digit: bool) -> bool:
    """Whether `text` has what a pattern cannot match without (see `_Grammar.add`)."""
    if need == DIGIT:
        return has_digit
    if isinstance(need, re.Pattern):
        return need.search(text) is not None
    return not words.isdisjoint(need)


# --- the base date -----------------------------------------------------------


@dataclass(frozen=True)
class _Base:
    year: int
    month: int | None
    day: int | None


@dataclass(frozen=True)
class _Context:
    base: _Base | None
    prefer: str
    cued: bool = False  # the text itself says past or future (« depuis », « d'ici »)


_BASE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse_base(base: str | None) -> _Base | None:
    if base is None:
        return None
    m = _BASE.match(base.strip())
    if not m:
        raise ValueError(f"base must be YYYY, YYYY-MM or YYYY-MM-DD, not {base!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"base has no month {month}: {base!r}")
    if day is not None:
        date(year, month, day)  # ValueError on 2023-02-30
    return _Base(year, month, day)


# --- calendar arithmetic -----------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_day(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return False
    return not (month == 2 and day == 29 and year is not None and not _leap(year))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _year_of(month: int, day: int | None, ctx: _Context, relation: str | None) -> int | None:
    """The year of a month (and day) the text gives without one."""
    base = ctx.base
    if base is None:
        return None
    by, bm, bd = base.year, base.month, base.day
    if bm is None:
        return by
    if relation == "last":  # « le 3 juin dernier », « avril dernier »: strictly before
        if day is not None and bd is not None:
            return by - 1 if (month, day) >= (bm, bd) else by
        return by - 1 if (month > bm if day is not None else month >= bm) else by
    if relation == "next":
        if day is not None and bd is not None:
            return by + 1 if (month, day) <= (bm, bd) else by
        return by + 1 if (month < bm if day is not None else month <= bm) else by
    # Only months are compared, as a reader would: « le 25 juin » in a
    # 10 June article is this June, before or after.
    if ctx.prefer == "nearest":  # equally near (six months): the past
        return min((by - 1, by, by + 1), key=lambda y: (abs(y * 12 + month - by * 12 - bm), y))
    if ctx.prefer == "past":
        return by - 1 if month > bm else by
    return by + 1 if month < bm else by


def _shift_months(year: int, month: int, shift: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + shift
    return n // 12, n % 12 + 1


def _relative(unit: str, shift: int, ctx: _Context) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of « hier », « la semaine dernière »...; as precise as base.

    A week is given as the month it falls in (shifted from base by whole
    weeks): no ISO form says "that week", and a day would claim too much.
    """
    base = ctx.base
    if base is None:
        return None, None, None
    if unit == "year":
        return base.year + shift, None, None
    if base.month is None:
        return base.year, None, None
    if unit == "month":
        return (*_shift_months(base.year, base.month, shift), None)
    if base.day is None:  # « hier », « cette semaine » in a month-dated article
        return base.year, base.month, None
    when = date(base.year, base.month, base.day)
    if unit == "week":
        when += timedelta(weeks=shift)
        return when.year, when.month, None
    when += timedelta(days=shift)
    return when.year, when.month, when.day


def _weekday(
    weekday: int, relation: str | None, ctx: _Context
) -> tuple[int | None, int | None, int | None]:
    base = ctx.base
    if base is None:
        return None, None, None
    if base.month is None:
        return base.year, None, None
    if base.day is None:
        return base.year, base.month, None
    when = date(base.year, base.month, base.day)
    # The base's own weekday is the base day itself (« mardi » in a Tuesday
    # dispatch is that day), except for « mardi dernier » / « prochain ».
    back = (when.weekday() - weekday) % 7
    ahead = (weekday - when.weekday()) % 7
    if relation == "last":
        when -= timedelta(days=back or 7)
    elif relation == "next":
        when += timedelta(days=ahead or 7)
    elif ctx.prefer == "future" or (ctx.prefer == "nearest" and ahead < back):
        when += timedelta(days=ahead)
    else:
        when -= timedelta(days=back)
    return when.year, when.month, when.day


@dataclass(frozen=True)
class _Season:
    words: tuple[str, ...]
    months: tuple[int, ...]

    def span(self, year: int) -> tuple[int, int]:
        """First and last month of the season of `year`, counted as year*12 + month-1."""
        first, last = self.months[0], self.months[-1]
        start_year = year - 1 if first > last else year
        return start_year * 12 + first - 1, year * 12 + last - 1


def _season_year(season: _Season, relation: str | None, ctx: _Context) -> int | None:
    base = ctx.base
    if base is None:
        return None
    if base.month is None:
        return base.year + {"last": -1, "next": 1}.get(relation or "", 0)
    now = base.year * 12 + base.month - 1
    spans = {y: season.span(y) for y in range(base.year - 2, base.year + 3)}
    if relation == "last":  # the last one over: « l'été dernier » in June is last year's
        return max(y for y, (s, e) in spans.items() if e < now)
    if relation == "next":
        return min(y for y, (s, e) in spans.items() if s > now)
    for y, (s, e) in spans.items():
        if s <= now <= e:
            return y
    if ctx.cued:  # « depuis l'été », « d'ici l'été »
        if ctx.prefer == "past":
            return max(y for y, (s, e) in spans.items() if s <= now)
        return min(y for y, (s, e) in spans.items() if e >= now)
    # « cet été », « l'été » out of summer: the nearer one (« avant l'été » in
    # April is the coming one); equally near (« cet été » in January), the
    # coming one for « cet », the preferred one otherwise.
    ahead = relation == "this" or ctx.prefer == "future"
    return min(
        spans, key=lambda y: (abs((spans[y][0] + spans[y][1]) / 2 - now), -y if ahead else y)
    )


# --- the language table ------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    months: dict[str, int]  # normalised form → month
    weekdays: dict[str, int]
    seasons: dict[str, _Season]  # normalised word → season
    season_prepositions: tuple[str, ...]
    articles: tuple[str, ...]
    before: dict[str, str]  # modifier → relation
    after: dict[str, str]
    ordinal_suffixes: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    cues: dict[str, str]  # cue → "past" or "future"
    periods: dict[str, str]  # prefix → part
    period_links: tuple[str, ...]
    period_targets: dict[str, tuple[str, int]]  # phrase → (unit, shift)
    relative: dict[str, tuple[str, int]]
    not_after_relative: tuple[str, ...]
    times_of_day: tuple[str, ...]
    night_open: tuple[str, ...]
    night_join: tuple[str, ...]
    range_day_open: tuple[str, ...]
    range_day_join: tuple[str, ...]
    range_month_open: tuple[str, ...]
    range_month_join: tuple[str, ...]
    # Words after which a capitalised month alone is a date (English: « in
    # May », "last March"); none where months are written in lower case.
    month_prepositions: tuple[str, ...] = ()
    # The times of day of which news come out the next morning (« lundi
    # soir 31 octobre » is reported on 1 November).
    evening_times: tuple[str, ...] = ()


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-"})


def _norm(phrase: str) -> str:
    """The form a phrase is looked up under: lower case, plain ' and -, single spaces."""
    phrase = " ".join(phrase.translate(_APOSTROPHES).lower().split())
    return phrase.replace("' ", "'")


@cache
def _table(lang: str) -> _Table:
    name = f"dates_{lang}.yaml"
    try:
        source = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"no date table for language {lang!r} ({name})") from None
    raw = yaml.safe_load(source)

    def fail(where: str, problem: str) -> CatalogError:
        return CatalogError(f"{name}: {where}: {problem}")

    def words(key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise fail(key, "expected a list of words")
        return tuple(value)

    def numbered(key: str, numbers: range) -> dict[str, int]:
        entries = raw.get(key) or {}
        if sorted(entries) != list(numbers):
            raise fail(key, f"expected exactly the numbers {numbers.start}..{numbers.stop - 1}")
        return {_norm(form): n for n, forms in entries.items() for form in forms}

    def phrases(key: str, entries: Iterable[dict]) -> dict[str, tuple[str, int]]:
        out = {}
        for i, entry in enumerate(entries, start=1):
            unit, shift = entry.get("unit"), entry.get("shift")
            if unit not in UNITS or not isinstance(shift, int):
                raise fail(f"{key} entry {i}", f"unit must be one of {UNITS}, shift an integer")
            out.update({_norm(w): (unit, shift) for w in entry.get("words") or ()})
        return out

    def relations(key: str) -> dict[str, str]:
        entries = raw.get("modifiers", {}).get(key) or {}
        for word, relation in entries.items():
            if relation not in RELATIONS:
                raise fail(f"modifiers.{key}.{word}", f"relation must be one of {RELATIONS}")
        return {_norm(w): r for w, r in entries.items()}

    seasons = {}
    for season_name, entry in (raw.get("seasons") or {}).items():
        months = tuple(entry.get("months") or ())
        if not months or not all(isinstance(m, int) and 1 <= m <= 12 for m in months):
            raise fail(f"seasons.{season_name}", "months must be month numbers")
        season = _Season(tuple(entry.get("words") or ()), months)
        seasons.update({_norm(w): season for w in season.words})

    periods = {}
    for part, prefixes in (raw.get("periods") or {}).items():
        if part not in PERIOD_PARTS:
            raise fail(f"periods.{part}", f"part must be one of {PERIOD_PARTS}")
        periods.update({_norm(p): part for p in prefixes})

    cues = {}
    for direction, cue_words in (raw.get("cues") or {}).items():
        if direction not in DIRECTIONS:
            raise fail(f"cues.{direction}", f"must be one of {DIRECTIONS}")
        cues.update({_norm(w): direction for w in cue_words})

    night = raw.get("night") or {}
    ranges = raw.get("ranges") or {}
    return _Table(
        months=numbered("months", range(1, 13)),
        weekdays=numbered("weekdays", range(0, 7)),
        seasons=seasons,
        season_prepositions=words("season_prepositions"),
        articles=words("articles"),
        before=relations("before"),
        after=relations("after"),
        ordinal_suffixes=words("ordinal_suffixes"),
        year_prepositions=words("year_prepositions"),
        cues=cues,
        periods=periods,
        period_links=words("period_links"),
        period_targets=phrases("period_targets", raw.get("period_targets") or ()),
        relative=phrases("relative", raw.get("relative") or ()),
        not_after_relative=words("not_after_relative"),
        times_of_day=words("times_of_day"),
        night_open=tuple(night.get("open") or ()),
        night_join=tuple(night.get("join") or ()),
        range_day_open=tuple(ranges.get("day", {}).get("open") or ()),
        range_day_join=tuple(ranges.get("day", {}).get("join") or ()),
        range_month_open=tuple(ranges.get("month", {}).get("open") or ()),
        range_month_join=tuple(ranges.get("month", {}).get("join") or ()),
        month_prepositions=words("month_prepositions") if "month_prepositions" in raw else (),
        evening_times=words("evening_times") if "evening_times" in raw else (),
    )


# --- patterns built from the table -------------------------------------------

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
DIGIT = "<digit>"  # a pattern's need for a digit, where others need one of a set of words
_START = r"(?<!\w)"
_END = r"(?!\w)"
_YEAR_DIGITS = r"(?:19|20)\d\d(?!\d|[.,]\d|\s\d{3}(?!\d))"  # not « 2 000 » nor « 2000,5 »


def _phrase(phrase: str) -> str:
    """A regex for one table phrase: any apostrophe, hyphen and spacing."""
    out = []
    for ch in phrase:
        if ch == "'":
            out.append(r"['’ʼ‘]\s*")
        elif ch == " ":
            out.append(r"\s+")
        elif ch in "-‐‑":
            out.append(r"[-‐‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(phrases: Iterable[str], name: str | None = None, whole: bool = True) -> str:
    """Alternation of phrases, longest first, each ending on a word boundary."""
    forms = sorted(set(phrases), key=len, reverse=True)
    parts = [_phrase(f) + (_END if whole and f[-1].isalnum() else "") for f in forms]
    body = "|".join(parts)
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


def _joins(joins: Iterable[str]) -> str:
    """Words need spaces around them (« 11 et 12 »), dashes not (« 11-12 »)."""
    parts = []
    for j in sorted(set(joins), key=len, reverse=True):
        space = r"\s+" if j[0].isalnum() else r"\s*"
        parts.append(space + _phrase(j) + (space if j[-1].isalnum() else r"\s*"))
    return "(?:" + "|".join(parts) + ")"


class _Grammar:
    """The compiled patterns of one language, each with the function resolving its matches."""

    def __init__(self, table: _Table):
        self.t = t = table
        full_months = [f for f in t.months if not f.endswith(".")]

        def month(name: str, strong: bool = False) -> str:
            # Lower-case full names only, unless the month sits inside a date.
            return f"(?-i:{_alt(full_months, name)})" if strong else _alt(t.months, name)

        def day(name: str) -> str:
            return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?!\d){_alt(t.ordinal_suffixes, whole=False)}?{_END}"

        def year(name: str) -> str:
            return f"(?P<{name}>{_YEAR_DIGITS})"

        article = rf"(?:{_alt(t.articles)}\s*)"
        before = _alt(t.before, "before")
        after = _alt(t.after, "after")
        weekday = _alt(t.weekdays, "weekday")
        time = rf"(?:\s+{_alt(t.times_of_day)})"
        cue = rf"(?:(?P<cue>{_alt(t.cues)})\s+)?"
        season = _alt(t.seasons, "season")
        period = _alt(t.periods, "period")
        links = _alt(t.period_links)

        self.patterns: list[tuple[re.Pattern[str], Callable, tuple]] = []

        # What a pattern cannot match without: a digit (DIGIT), one of a set
        # of words, or a match of a simpler pattern every match of it holds
        # (a pattern scans the whole text at every word's start, 50 to 150 µs
        # an article; the simpler one, without IGNORECASE, a few).
        def add(regex: str, resolve: Callable, *needs: frozenset[str] | str | re.Pattern) -> None:
            # The characters a match can start with, looked at first: a third
            # less of the scans' time (lookahead.py).
            ahead = first_chars(regex, re.IGNORECASE)
            compiled = re.compile(_START + ahead + regex, re.IGNORECASE)
            self.patterns.append((compiled, resolve, needs))

        def keywords(phrases: Iterable[str]) -> frozenset[str]:
            """The longest word of each phrase: a text without any has none of them."""
            return frozenset(max(_WORD.findall(_norm(p)), key=len) for p in phrases)

        months, weekdays = keywords(t.months), keywords(t.weekdays)
        seasons, periods = keywords(t.seasons), keywords(t.periods)
        # A day number before its month (« 12 juillet »): the patterns of
        # days hold one, and most texts that hold both a digit and a month's
        # name do not (« 50 chars ... en juillet »).
        day_month = re.compile(
            rf"\d{_alt(t.ordinal_suffixes, whole=False)}?\s+{_alt(t.months)}", re.IGNORECASE
        )
        # A year after a space: a year after its preposition or its month holds one.
        spaced_year = re.compile(r"\s(?:19|20)\d\d")
        # Two months joined (« de mars à mai »): the pattern of a range of months holds it.
        month_join_month = re.compile(
            rf"(?-i:{_alt(full_months)})(?:\s+{_YEAR_DIGITS})?"
            rf"{_joins(t.range_month_join)}{_alt(t.months)}",
            re.IGNORECASE,
        )

        add(
            r"(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)" + year("year"),
            self._numeric,
            DIGIT,
            re.compile(r"\d[/.]\d"),
        )
        add(
            year("year") + r"-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)",
            self._numeric,
            DIGIT,
            re.compile(r"\d-\d\d-\d"),
        )
        add(
            rf"{cue}(?P<t>(?:(?:{article}|{before}\s+)?{weekday}\s+)?{article}?{day('day')}\s+"
            rf"{month('month')}(?:\s+(?:{year('year')}|{after}))?{time}?)",
            self._day_month,
            DIGIT,
            months,
            day_month,
        )
        # « March 27 », « on Tuesday, March 27, 2023 »: the month first, as
        # English writes it in the US. Capitalised (a month in a sentence
        # is, in English), so that « en avril 15 chars » is no date.
        capitals = "|".join(_phrase(f.capitalize()) for f in full_months)
        capital = f"(?-i:(?P<month>{capitals}))"
        # Before its day, a month may be abbreviated, as news agencies write
        # it ("Jan. 19", "Sept. 6"): capitalised, with its dot.
        abbreviated = [f for f in t.months if f.endswith(".")]
        dayed = "|".join(
            _phrase(f.capitalize())
            for f in sorted(full_months + abbreviated, key=len, reverse=True)
        )
        moved = rf"|\s+{after}" if t.after else "|(?P<after>(?!))"
        add(
            rf"{cue}(?P<t>(?:(?:{article}|{before}\s+)?{weekday},?\s+)?(?-i:(?P<month>{dayed}))"
            rf"\s+{day('day')}"
            rf"(?!\s*[-‐‑/:.]\d)(?:,?\s+{year('year')}{moved})?{time}?)",
            self._day_month,
            DIGIT,
            months,
            re.compile(rf"(?:{dayed})\s+\d"),  # a day follows the month
        )
        add(
            rf"{cue}(?P<t>(?:{_alt(t.range_day_open)}\s+)?{day('day1')}"
            rf"(?:\s+{month('month1')}(?:\s+{year('year1')})?)?"
            rf"(?:\s*,\s*\d{{1,2}})*{_joins(t.range_day_join)}{article}?{day('day2')}\s+"
            rf"{month('month2')}(?:\s+{year('year2')})?)",
            self._day_range,
            DIGIT,
            months,
            day_month,
        )
        add(
            rf"{cue}(?P<t>{_alt(t.range_month_open)}\s*{month('month1', strong=True)}"
            rf"(?:\s+{year('year1')})?{_joins(t.range_month_join)}{month('month2')}"
            rf"(?:\s+{year('year2')})?)",
            self._month_range,
            months,
            month_join_month,
        )
        add(
            rf"(?P<t>{month('month')}\s+{year('year')})",
            self._month_year,
            DIGIT,
            months,
            spaced_year,
        )
        add(
            rf"{cue}(?P<t>{period}(?:\s*[-‐‑]\s*|\s+)(?:{links}\s*)?(?:"
            rf"{month('month')}(?:\s+(?:{year('year')}|{after}))?"
            rf"|{year('pyear')}"
            rf"|{_alt(t.period_targets, 'target')}"
            rf"|{article}?{season}(?:\s+{year('syear')})?))",
            self._period,
            periods,
        )
        add(rf"{cue}(?P<t>{month('month', strong=True)}(?:\s+{after})?)", self._month_alone, months)
        if t.month_prepositions:
            # "in May", "since March", "last April": a capitalised month alone
            # after a preposition, a cue or a modifier (« May » alone is no date).
            add(
                rf"{cue}(?:(?P<prep>{_alt(t.month_prepositions)})\s+)?"
                rf"(?P<t>(?:{before}\s+)?{capital}(?!\s*[-‐‑/:.,]?\s*\d))",
                self._month_after_preposition,
                months,
                re.compile(rf"(?:{capitals})(?!\w)"),
            )
        add(
            # « la nuit de jeudi à vendredi », « ce mardi soir », « mardi dernier »
            rf"{cue}(?P<t>(?:{article}?{_alt(t.night_open)}\s+)?(?:{before}\s+)?{weekday}"
            rf"(?:\s+{after})?{time}?(?:\s+{_alt(t.night_join)}\s+{_alt(t.weekdays)})?)",
            self._weekday,
            weekdays,
        )
        add(
            rf"(?P<t>{_alt(t.relative, 'relative')}(?!{_alt(t.not_after_relative, whole=False)})"
            rf"{time}?)",
            self._relative,
            keywords(t.relative),
        )
        add(
            # Never a bare season word: « a été » is no summer.
            rf"{cue}(?:(?P<prep>{_alt(t.season_prepositions)})\s+|(?P<det>{before}\s+|{article}))"
            rf"{season}"
            rf"(?:\s+(?:{after}|{year('year')}(?:\s*[-/]\s*{year('year2')})?))?",
            self._season,
            seasons,
        )
        add(
            rf"{_alt(t.year_prepositions)}\s+(?P<t>{year('year')})",
            self._year,
            DIGIT,
            spaced_year,
        )

    # Each resolver turns a match into a mention, or None when it is no date.

    @staticmethod
    def _mention(m: re.Match, group: str, year, month, day, kind: str) -> DateMention:
        start, end = m.span(group)
        return DateMention(start, end, m.group(group), year, month, day, kind)

    def _ctx(self, m: re.Match, ctx: _Context) -> _Context:
        """A cue (« depuis », « d'ici ») overrides the caller's preference."""
        if "cue" in m.re.groupindex and m.group("cue"):
            return _Context(ctx.base, self.t.cues[_norm(m.group("cue"))], cued=True)
        return ctx

    def _relation(self, m: re.Match) -> str | None:
        groups = m.re.groupindex
        if "after" in groups and m.group("after"):
            return self.t.after[_norm(m.group("after"))]
        if "before" in groups and m.group("before"):
            return self.t.before[_norm(m.group("before"))]
        return None

    def _month(self, m: re.Match, group: str) -> int:
        return self.t.months[_norm(m.group(group))]

    def _numeric(self, m: re.Match, ctx: _Context) -> DateMention | None:
        year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
        if not _valid_day(day, month, year):
            return None
        return self._mention(m, 0, year, month, day, "explicit")

    def _day_month(self, m: re.Match, ctx: _Context) -> DateMention | None:
        day, month = int(m["day"]), self._month(m, "month")
        if m["year"]:
            year = int(m["year"])
            if not _valid_day(day, month, year):
                return None
            return self._mention(m, "t", year, month, day, "explicit")
        if not _valid_day(day, month, None):
            return None
        ctx = self._ctx(m, ctx)
        relation = self.t.after.get(_norm(m["after"])) if m["after"] else None
        year = _year_of(month, day, ctx, relation)
        if year is not None and m["weekday"] and relation is None:
            # « mardi 12 juillet »: the weekday says which year, near the guess.
            weekday = self.t.weekdays[_norm(m["weekday"])]
            for candidate in (year, year - 1, year + 1):
                if (
                    _valid_day(day, month, candidate)
                    and date(candidate, month, day).weekday() == weekday
                ):
                    year = candidate
                    break
        if year is not None and not _valid_day(day, month, year):
            year = None  # 29 February of a common year
        return self._mention(m, "t", year, month, day, "partial")

    def _day_range(self, m: re.Match, ctx: _Context) -> DateMention | None:
        month2 = self._month(m, "month2")
        month1 = self._month(m, "month1") if m["month1"] else month2
        day1, day2 = int(m["day1"]), int(m["day2"])
        if month1 == month2 and day2 <= day1 and not m["year1"]:
            return None  # « le 12 et 3 juillet » is no range
        year = self._first_year(m, month1, month2, day1, self._ctx(m, ctx))
        if not (_valid_day(day1, month1, year) and _valid_day(day2, month2, None)):
            return None
        return self._mention(m, "t", year, month1, day1, "range")

    def _month_range(self, m: re.Match, ctx: _Context) -> DateMention | None:
        month1, month2 = self._month(m, "month1"), self._month(m, "month2")
        year = self._first_year(m, month1, month2, None, self._ctx(m, ctx))
        return self._mention(m, "t", year, month1, None, "range")

    @staticmethod
    def _first_year(m: re.Match, month1: int, month2: int, day1: int | None, ctx) -> int | None:
        if m["year1"]:
            return int(m["year1"])
        if m["year2"]:  # « du 28 décembre au 3 janvier 2023 » starts in 2022
            return int(m["year2"]) - (1 if month1 > month2 else 0)
        return _year_of(month1, day1, ctx, None)

    def _month_year(self, m: re.Match, ctx: _Context) -> DateMention:
        return self._mention(m, "t", int(m["year"]), self._month(m, "month"), None, "explicit")

    def _month_alone(self, m: re.Match, ctx: _Context) -> DateMention:
        month = self._month(m, "month")
        year = _year_of(month, None, self._ctx(m, ctx), self._relation(m))
        return self._mention(m, "t", year, month, None, "partial")

    def _month_after_preposition(self, m: re.Match, ctx: _Context) -> DateMention | None:
        if not (m["cue"] or m["prep"] or m["before"]):
            return None
        return self._month_alone(m, ctx)

    def _period(self, m: re.Match, ctx: _Context) -> DateMention:
        ctx = self._ctx(m, ctx)
        if m["month"]:
            month = self._month(m, "month")
            if m["year"]:
                year = int(m["year"])
            else:
                year = _year_of(month, None, ctx, self._relation(m))
            return self._mention(m, "t", year, month, None, "period")
        if m["pyear"]:
            return self._mention(m, "t", int(m["pyear"]), None, None, "period")
        if m["target"]:
            unit, shift = self.t.period_targets[_norm(m["target"])]
            year, month, _ = _relative(unit, shift, ctx)
            return self._mention(m, "t", year, month, None, "period")
        season = self.t.seasons[_norm(m["season"])]
        year = int(m["syear"]) if m["syear"] else _season_year(season, None, ctx)
        return self._mention(m, "t", year, None, None, "period")

    def _weekday(self, m: re.Match, ctx: _Context) -> DateMention:
        weekday = self.t.weekdays[_norm(m["weekday"])]
        year, month, day = _weekday(weekday, self._relation(m), self._ctx(m, ctx))
        return self._mention(m, "t", year, month, day, "weekday")

    def _relative(self, m: re.Match, ctx: _Context) -> DateMention:
        unit, shift = self.t.relative[_norm(m["relative"])]
        year, month, day = _relative(unit, shift, ctx)
        return self._mention(m, "t", year, month, day, "relative")

    def _season(self, m: re.Match, ctx: _Context) -> DateMention:
        season = self.t.seasons[_norm(m["season"])]
        if m["year"]:
            # « l'hiver 2022-2023 » is the winter ending in 2023.
            spans_new_year = season.months[0] > season.months[-1]
            year = int(m["year2"]) if m["year2"] and spans_new_year else int(m["year"])
        else:
            year = _season_year(season, self._relation(m), self._ctx(m, ctx))
        start = m.start("season") if m["prep"] else m.start("det")
        return DateMention(start, m.end(), m.string[start : m.end()], year, None, None, "period")

    def _year(self, m: re.Match, ctx: _Context) -> DateMention:
        return self._mention(m, "t", int(m["year"]), None, None, "explicit")


@cache
def _grammar(lang: str) -> _Grammar:
    return _Grammar(_table(lang))

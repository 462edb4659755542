"""A publication month for an undated article, from the clues its text gives.

Each clue has its evidence (a span of the text) and narrows the months the
article can have been written in:

- weekday: « mardi 11 octobre » names the one year of the war in which that
  day was a Tuesday, and a weekday is only written of the current week;
- duration: « onze mois de guerre », « la Russie a envahi l'Ukraine il y a
  six mois », « le deuxième anniversaire de l'invasion » count from 24
  February 2022 (dating_fr.yaml);
- dates: the latest date the text gives with its year (« le 3 mai 2023 »,
  then « le 9 juin » in that year) is the month when it has its day; a month
  alone (« en septembre 2022 ») recalls the past and is a lower bound; bounds
  (« depuis février 2022 »), dates ahead (« prévues en août ») and the
  invasion's own date are left out; a page's stamp on its own line
  (« Publié le 7 avril 2022 à 10h57 ») is the date itself, and a post the
  text embeds (« (@handle) April 27, 2022 ») its month and a lower bound;
  a month called gone by (« en mai dernier ») is not the article's;
- event: a dated event the text names (known_events_fr.yaml) is past when the
  article looks back on it, near when it is a summit or a meeting;
- official: a person named with an office (« le ministre Boris Pistorius »)
  held it at the time (catalog/officials.csv, its start and end months); a
  former one (« l'ancien ministre ») is after it.

Officials and past events bound a range of months; the month is then the
strongest point clue inside it (weekday, duration, then the latest of dates
and events), or a day the text names without a year (« le 7 mars ») if the
range leaves it one year.
A range that leaves no month gives its year when it lies in one, else
nothing: never an invented month, never a day. Weekdays that disagree go
by the month most of them give. `month_range` gives the range alone, for
the other clues to check against: the known commitments an article's facts
report (commitments.py, once its facts are read), and dating by the other
articles of a story (dedup/corroborate.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

import yaml

from aidwatch.catalog import officials
from aidwatch.errors import CatalogError
from aidwatch.extract.dates import DateMention, _norm, _table, find_dates
from aidwatch.extract.known_events import known_events, required_strings
from aidwatch.extract.language import tables
from aidwatch.extract.text import fold

FIRST_YEAR = 2022
BASES = ("weekday", "duration", "dates", "event", "official", "story", "facts")
_RANK = {"weekday": 0, "duration": 1, "dates": 2, "event": 2, "official": 2}
_LOOKED_BACK_ON = {"mobilisation", "annexation", "battle", "incident"}
_BOUND = re.compile(
    r"\b("
    + tables().alternation("period_bounds")
    + r")\s*(?:"
    + tables().alternation("period_bound_fillers")
    + ")?$"
)

_AHEAD = re.compile(r"\b(" + tables().alternation("future_markers") + r")\b")
_WAR = re.compile(r"\b(guerre|invasion|offensive|conflit)\b")


@dataclass(frozen=True)
class Dating:
    """An inferred publication date: `YYYY-MM` (or `YYYY` when only the year
    is known), the kind of clue that decided it, and its span in the text."""

    date: str
    basis: str  # one of BASES
    start: int
    end: int


def infer_published(text: str, today: date | None = None) -> str | None:
    """`YYYY-MM` (or `YYYY`) for an undated article, or None."""
    found = date_article(text, today)
    return found.date if found else None


def date_article(text: str, today: date | None = None) -> Dating | None:
    """The month (or year) the clues of `text` give, or None; `today` bounds
    it (the article is not from the future)."""
    folded = fold(text)
    lo, hi, mentions, latest, events, bounds = _narrowed(text, folded, today)
    # The page's own stamp (« Publié le 7 avril 2022 ») is the date itself.
    stamped = _byline(folded, mentions)
    if stamped is not None and lo <= stamped.lo <= hi:
        return stamped.dating()
    points = [c for c in latest if c.lo == c.hi]
    deciding = [c for c in bounds if c.lo == lo or c.hi == hi]
    points += [*_weekdays(folded, lo, hi), *_durations(folded)]
    # An event the article looks back on is a month it may be written in
    # (that of the day after); a meeting named by its day or number, that of
    # the meeting.
    points += _event_months(events, folded, lo, hi, mentions)
    # A day without a year (« le 23 mai »), placed in the range when the
    # range leaves it only one year.
    if deciding:
        for m in mentions:
            if not m.day or m.year is not None or _recalls_event(m, events):
                continue
            at = months_within(m.month, lo, hi)
            if len(at) == 1:
                when = at[0]
                points.append(_Clue(when, when, deciding[0].basis, m.start, m.end))
    # « en mai dernier », « le 6 juin dernier »: a month the text calls gone
    # by is not the article's (news say « en mai » of their own May).
    gone = months_gone(mentions)
    inside = [p for p in points if lo <= p.lo <= hi and p.lo % 12 + 1 not in gone]
    if inside:
        # A weekday, then a duration; else the latest of the dated months and
        # events, the article being written after what it reports.
        # Weekdays that disagree (a slip in one: « mardi 5 mars » among
        # « mardi 5 avril », « lundi 4 avril ») go by the month most give.
        votes = Counter(p.lo for p in inside if p.basis == "weekday")
        best = max(inside, key=lambda p: (-_RANK[p.basis], votes[p.lo], p.lo))
        return best.dating()
    if deciding and lo // 12 == hi // 12:
        return Dating(f"{lo // 12:04d}", deciding[0].basis, deciding[0].start, deciding[0].end)
    # A year said alone (« en 2024, elle déploiera ») is as often ahead as
    # behind: it dates nothing.
    return None


def month_range(text: str, today: date | None = None) -> tuple[str, str]:
    """The months (`YYYY-MM`, first and last) the text's bounds leave its
    article in: officials in office, events it looks back on, the latest
    month it recalls, and `today`."""
    lo, hi, *_ = _narrowed(text, fold(text), today)
    return iso_month(lo), iso_month(hi)


def month_fits(text: str, month: str, today: date | None = None) -> bool:
    """Whether the article of `text` may be of `month` (`YYYY-MM`), as a
    month another article gives it (dedup/corroborate.py): within the months
    its bounds leave, and not a month it names as gone by (« en mai
    dernier », "last May")."""
    folded = fold(text)
    lo, hi, mentions, *_ = _narrowed(text, folded, today)
    when = month_index(month)
    return lo <= when <= hi and when % 12 + 1 not in months_gone(mentions)


def months_gone(mentions) -> set[int]:
    """The months (1-12) the text names alone, without their year, as gone
    by: « en mai dernier », « juin passé », "last May". The article is of a
    later month (of the eleven after it). Not a day: « le 3 mai dernier » is
    also written later in May."""
    words = _last_words()
    return {
        m.month
        for m in mentions
        if m.month
        and m.day is None
        and m.year is None
        and not words.isdisjoint(fold(m.text).split())
    }


@cache
def _last_words() -> frozenset[str]:
    """The modifiers that put a month in the past (« dernier », "last")."""
    out: set[str] = set()
    for lang in ("fr", "en"):
        t = _table(lang)
        out.update(fold(w) for w, r in (*t.before.items(), *t.after.items()) if r == "last")
    return frozenset(out)


def own_days(text: str, today: date | None = None) -> tuple[int, int, list[DateMention]]:
    """(lo, hi, days): the months (year * 12 + month - 1) the text's bounds
    leave its article in, and each day it names without a year as news name
    their own days (« le 8 octobre », « depuis le 8 octobre »): not a day
    ahead, nor the day of a known event the text names, nor « le 24
    février » (the invasion's, named or not)."""
    folded = fold(text)
    lo, hi, _, _, events, _ = _narrowed(text, folded, today)
    invasion = [e for e in known_events() if e.type == "invasion"]
    days = [
        m
        for m in find_dates(text, base=None)
        if m.day
        and m.month
        and m.year is None
        and _is_own(m, folded, since_too=True)
        and not any(_is_event_date(m, e.date) for e in invasion)
        and not any(_is_event_date(m, e.date) for e, _ in events)
    ]
    return lo, hi, days


def _is_own(m: DateMention, folded: str, since_too: bool = False) -> bool:
    """Whether a date may be the article's time or before it: not a bound
    (« jusqu'au 3 mai »; « depuis le 3 mai » when `since_too`, a day the
    article is after), nothing ahead, not the invasion's month."""
    bound = _BOUND.search(folded[max(0, m.start - 25) : m.start])
    return (
        (not bound or (since_too and bound.group(1) == "depuis"))
        and not _AHEAD.search(folded[max(0, m.start - 40) : m.start])
        and not _future_tense().search(_clause_before(folded, m.start))
        and not (
            m.year == FIRST_YEAR
            and m.month == 2
            and _WAR.search(folded[max(0, m.start - 60) : m.start])
        )
    )


def is_invasion_day(m: DateMention, folded: str) -> bool:
    """« depuis le début de l'invasion russe, le 24 février 2022 »: the day
    the war began, named after it, dates no act the text reports."""
    return (
        m.year == FIRST_YEAR
        and m.month == 2
        and m.day == 24
        and _WAR.search(folded[max(0, m.start - 60) : m.start]) is not None
    )


def _narrowed(text: str, folded: str, today: date | None):
    """(lo, hi, mentions, latest, events, bounds): the range of months the
    bounding clues leave, and the clues date_article reads further (tuples:
    the answer is shared, see `_narrowed_in`)."""
    return _narrowed_in(text, folded, today or date.today())


# An undated article's text is read for its bounds when it is dated
# (date_article, as its batch is prepared), then again when its facts are
# dated by a known commitment (commitments.py: own_days, month_range),
# after the rest of its batch: the latest answers are kept.
@lru_cache(maxsize=128)
def _narrowed_in(text: str, folded: str, today: date):
    lo, hi = FIRST_YEAR * 12, today.year * 12 + today.month - 1
    # Bounds (« depuis février 2022 »), what is to come (« les livraisons
    # prévues en août ») and the invasion's month (« la guerre, en février
    # 2022 ») do not say when the article was written.
    mentions = [m for m in find_dates(text, base=None) if _is_own(m, folded)]
    # The latest dated month is a point when the text gives its day (news
    # date their own acts: « a annoncé le 3 mai »), only a lower bound when
    # not (« en septembre 2022 » recalls the past).
    events = _matched_events(folded)
    latest = _latest_dated(mentions, events)
    # A post the article embeds (« — Name (@handle) April 27, 2022 ») was
    # posted on that day: the article is of its month or later, and reports
    # it within days (the latest post's month is a point).
    posted = _posted(text)
    latest += posted
    bounds: list[_Clue] = [
        *_officials(folded),
        *_past_events(_unambiguous(events)),
        *[c for c in latest if c.lo != c.hi],
        *[_Clue(c.lo, 10**6, c.basis, c.start, c.end) for c in posted],
    ]
    for clue in sorted(bounds, key=lambda c: c.hi - c.lo):
        # A clue that contradicts the narrower ones before it is dropped
        # (a minister's name in a quote from his successor's time).
        if clue.lo <= hi and clue.hi >= lo:
            lo, hi = max(lo, clue.lo), min(hi, clue.hi)
    return lo, hi, tuple(mentions), tuple(latest), tuple(events), tuple(bounds)


# --- clues -------------------------------------------------------------------


@dataclass(frozen=True)
class _Clue:
    """Months `lo`..`hi` (year * 12 + month - 1); a point clue has lo == hi."""

    lo: int
    hi: int
    basis: str
    start: int
    end: int

    def dating(self) -> Dating:
        return Dating(iso_month(self.lo), self.basis, self.start, self.end)


def iso_month(index: int) -> str:
    """« 2023-02 » for the month index (year * 12 + month - 1) 24277."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_index(iso: str) -> int:
    """The month index (year * 12 + month - 1) of « 2023-02 » or a day in it."""
    return int(iso[:4]) * 12 + int(iso[5:7]) - 1


def _index(day: date) -> int:
    return _month_of(day.year, day.month)


def _month_of(year: int, month: int) -> int:
    return year * 12 + month - 1


def months_within(month: int, lo: int, hi: int) -> list[int]:
    """The month indexes of calendar month `month` (1-12) from `lo` to `hi`:
    the years a day named without its year may be of."""
    return [
        w for w in (_month_of(y, month) for y in range(lo // 12, hi // 12 + 1)) if lo <= w <= hi
    ]


@cache
def _words() -> dict:
    name = "dating_fr.yaml"
    raw = yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
    for key in ("count_words", "ordinal_words", "units"):
        if not isinstance(raw.get(key), dict) or not raw[key]:
            raise CatalogError(f"{name}: {key} must be a non-empty mapping")
    if set(raw["units"].values()) - {"day", "week", "month", "year"}:
        raise CatalogError(f"{name}: units: each must be day, week, month or year")
    ahead = raw.get("days_ahead")
    if not isinstance(ahead, dict) or not all(
        v in ("this_week", "next_week") or (isinstance(v, int) and v >= 0) for v in ahead.values()
    ):
        raise CatalogError(f"{name}: days_ahead: each must be this_week, next_week or a count")
    for key in (
        "at_least",
        "nearly",
        "just_over",
        "war_words_after",
        "war_words_before",
        "war_anniversary",
        "titles",
        "former",
        "future",
        "future_endings",
        "byline_words",
    ):
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) for w in raw[key]):
            raise CatalogError(f"{name}: {key} must be a list of phrases")
    raw["war_anchor_date"] = date.fromisoformat(str(raw["war_anchor_date"]))
    return raw


@cache
def _future_tense() -> re.Pattern:
    return re.compile(rf"\b[a-z]{{3,}}(?:{_alt(_words()['future_endings'])})\b")


def is_future_clause(folded: str, start: int) -> bool:
    """Whether the clause before `start` in the folded text has a verb in
    the future tense (« d'autres suivront cette année, quatre de plus en
    2024 »): what it dates is to come. Unless a verb in a compound past
    stands between the last comma (or colon) and the date: « X livrera des chars, a
    annoncé samedi Y » dates the announcement."""
    clause = _clause_before(folded, start)
    parts = re.split(r"[,:]", clause)
    if len(parts) > 1 and _COMPOUND_PAST.search(parts[-1]):
        return False
    return bool(_future_tense().search(clause))


# « a annoncé », « ont déclaré », « avait fait savoir » (folded).
_COMPOUND_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|aurait|auraient)\s+(?:[a-z]+\s+)?[a-z]{2,}(?:e|es|i|is|u|us|t|ts)\b"
)


def _clause_before(folded: str, start: int) -> str:
    """The words of the sentence before `start` (at most 80 characters)."""
    window = folded[max(0, start - 80) : start]
    return re.split(r"[.!?\n;]", window)[-1]


def _alt(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _alt_by_first(phrases) -> str:
    """`_alt`, its phrases grouped by their first character: the same matches
    (two phrases matching at one place start alike, and keep their order),
    but a place is tried against a few dozen first characters, not against
    each of hundreds of phrases (0.4 ms an article for the officials' names,
    0.07 ms grouped). For patterns compiled without IGNORECASE only."""
    groups: dict[str, list[str]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        groups.setdefault(p[0], []).append(p[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in tails) + ")"
        for first, tails in groups.items()
    )


@cache
def _duration_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    w = _words()
    # « 1 000 jours de guerre »: a number with its thousands apart is one
    # count, never its last three digits (« 000 jours » is no duration).
    count = rf"(?<![\d,.])(?<!\d\s)(?P<n>\d{{1,2}}\s\d{{3}}|\d{{1,4}}|{_alt(w['count_words'])})"
    # « plus d'un an »: a qualifier may end in an elided « d' ».
    qualifiers = _alt(w["at_least"] + w["nearly"] + w["just_over"])
    qualifier = rf"(?:(?P<q>{qualifiers})(?:\s+|(?<=')))?"
    unit = rf"(?P<u>{_alt(w['units'])})"
    after = re.compile(rf"\b{qualifier}{count}\s+{unit}\s+(?:{_alt(w['war_words_after'])})\b")
    before = re.compile(rf"\b(?:{_alt(w['war_words_before'])})\s+{qualifier}{count}\s+{unit}\b")
    ordinal = rf"(?P<n>\d{{1,2}}(?:e|eme)|{_alt(w['ordinal_words'])})"
    anniversary = re.compile(rf"\b{ordinal}\s+(?:{_alt(w['war_anniversary'])})\b")
    return after, before, anniversary


def _durations(folded: str) -> list[_Clue]:
    w = _words()
    after, before, anniversary = _duration_patterns()
    anchor: date = w["war_anchor_date"]
    out = []
    for pattern, key in ((after, "war_words_after"), (before, "war_words_before")):
        # A pattern cannot match a text without one of its war phrases
        # (each is in it word for word): most texts skip the scan.
        if not any(phrase in folded for phrase in w[key]):
            continue
        for m in pattern.finditer(folded):
            digits = re.sub(r"\s", "", m["n"])
            n = int(digits) if digits.isdigit() else w["count_words"][m["n"]]
            unit = w["units"][m["u"]]
            if unit in ("day", "week"):
                when = _index(anchor + timedelta(days=n * (7 if unit == "week" else 1)))
            else:
                when = _index(anchor) + n * (12 if unit == "year" else 1)
            span = 11 if unit == "year" and m["q"] in w["at_least"] else 0
            # « plus de deux ans de guerre » is any month of the third year:
            # a bound, not a month.
            if span:
                continue
            out.append(_Clue(when, when + span, "duration", m.start(), m.end()))
    if not any(phrase in folded for phrase in w["war_anniversary"]):
        return out
    for m in anniversary.finditer(folded):
        raw = m["n"]
        n = int(re.match(r"\d+", raw).group()) if raw[0].isdigit() else w["ordinal_words"][raw]
        when = _index(anchor) + 12 * n
        out.append(_Clue(when, when, "duration", m.start(), m.end()))
    return out


@cache
def _weekday_patterns() -> tuple[tuple[re.Pattern, dict, dict, re.Pattern], ...]:
    """Per language, the pattern of a weekday with its day and month and no
    year (« mardi 11 octobre », "Tuesday, October 11", "Tuesday 11
    October"), with its weekday and month names and its evening times
    (folded)."""
    out = []
    for lang in ("fr", "en"):
        t = _table(lang)
        weekdays = {fold(k): v for k, v in t.weekdays.items()}
        # English writes a month before its day abbreviated ("Tuesday, Oct. 11").
        months = {fold(k): v for k, v in t.months.items() if lang == "en" or not k.endswith(".")}
        evening = _alt({fold(k) for k in t.evening_times})
        w, mo, times = _alt(weekdays), _alt(months), _alt({fold(k) for k in t.times_of_day})
        if lang == "fr":
            date_part = rf"(?:le\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{mo})\b(?!\s+\d{{4}})"
        else:
            ordinal = r"(?:st|nd|rd|th)?"
            date_part = (
                rf"(?:(?P<month>{mo})\s+(?P<day>\d{{1,2}}){ordinal}"
                rf"|(?P<day2>\d{{1,2}}){ordinal}\s+(?P<month2>{mo}))\b(?!,?\s+\d{{4}})"
            )
        pattern = re.compile(rf"\b(?P<weekday>{w})(?:\s+(?P<time>{times}))?,?\s+{date_part}")
        # The evening before the date or just after it (« lundi 31 octobre
        # au soir », "on Monday, October 31, in the evening").
        late = re.compile(rf",?\s*(?:au\s+|in\s+the\s+)?(?:{evening})\b")
        out.append((pattern, weekdays, months, late))
    return tuple(out)


def _weekdays(folded: str, lo: int, hi: int) -> list[_Clue]:
    out = []
    for pattern, weekdays, months, late in _weekday_patterns():
        for m in pattern.finditer(folded):
            named = m.groupdict()
            day = int(named.get("day") or named["day2"])
            month = months[named.get("month") or named["month2"]]
            weekday = weekdays[m["weekday"]]
            years = []
            for year in range(lo // 12, hi // 12 + 1):
                try:
                    if date(year, month, day).weekday() == weekday:
                        years.append(year)
                except ValueError:
                    continue
            if len(years) == 1:
                when = years[0] * 12 + month - 1
                # The evening of a month's last day is told the next day,
                # in the next month (« lundi soir 31 octobre »).
                evening = (m["time"] and late.fullmatch(m["time"])) or late.match(folded, m.end())
                if evening and (date(years[0], month, day) + timedelta(1)).day == 1:
                    when += 1
                out.append(_Clue(when, when, "weekday", m.start(), m.end()))
    return out


def _latest_dated(mentions: list[DateMention], events) -> list[_Clue]:
    """The latest month of the latest year the text gives with a month: a
    point when the text gives its day as its own (below), else a lower bound."""
    own = [m for m in mentions if not _recalls_event(m, events)]
    own = [m for m in own if m.year is None or m.year >= FIRST_YEAR]
    years = [m.year for m in own if m.year and m.month]
    if not years:
        return []
    year = max(years)
    dated = [m for m in own if m.month and m.year in (None, year)]
    m = max(dated, key=lambda m: (m.month, m.day is not None, m.year or 0))
    when = year * 12 + m.month - 1
    # A day written out with its year (« le 6 juin 2024 », "June 6, 2024")
    # recalls a past day: news write this year's days without it. Only a
    # numeric stamp (« 02.05.2023 », a dateline) or a day without its year
    # is the article's own.
    point = m.day is not None and (m.year is None or not _LETTER.search(m.text))
    return [_Clue(when, when if point else 10**6, "dates", m.start, m.end)]


_LETTER = re.compile(r"[^\W\d_]")


def _byline(folded: str, mentions) -> _Clue | None:
    """The first date with its year and month that a line holds as a page's
    stamp: after the stamp words, and followed by nothing but a time or
    another stamp (« Publié le 7 avril 2022 à 10h57, mis à jour le 8 avril »;
    not « Publié le 3 mai 2023, le rapport montre... », a sentence)."""
    before, after = _byline_patterns()
    for m in mentions:
        if m.year and m.month and m.year >= FIRST_YEAR:
            end = folded.find("\n", m.end)
            line_start = folded.rfind("\n", 0, m.start) + 1
            if before.fullmatch(folded, line_start, m.start) and after.fullmatch(
                folded, m.end, len(folded) if end < 0 else end
            ):
                when = _month_of(m.year, m.month)
                return _Clue(when, when, "dates", m.start, m.end)
    return None


@cache
def _byline_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A stamp line up to its date (stamp words, « le », a colon), and after
    it (a time, a zone, then at most another stamp)."""
    words = _alt(_words()["byline_words"])
    before = re.compile(rf"[\s\W]*(?:{words})\s*:?\s*(?:le\s+|on\s+)?")
    time_of_day = r"(?:,?\s*(?:a|at)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*[ap]\.?m\.?)?)"
    zone = r"(?:\s*\(?(?:utc|gmt|cet|cest|heure de paris)\)?)"
    after = re.compile(rf"{time_of_day}?{zone}?\s*(?:[,;|/\W]\s*(?:{words})\b.*)?[\s\W]*")
    return before, after


def _posted(text: str) -> list[_Clue]:
    """The latest day of the posts the text embeds, as social networks stamp
    them after the author's handle: « (@handle) April 27, 2022 », « (@handle)
    27 avril 2022 » (a quoted post's stamp; the post itself is not read)."""
    if "(@" not in text:
        return []
    pattern, months = _post_stamp()
    stamps = []
    for m in pattern.finditer(text):
        month = months[_norm(m["m1"] or m["m2"])]
        year = int(m["y1"] or m["y2"])
        if FIRST_YEAR <= year:
            stamps.append((_month_of(year, month), m.start("stamp"), m.end()))
    if not stamps:
        return []
    when, start, end = max(stamps)
    return [_Clue(when, when, "dates", start, end)]


@cache
def _post_stamp() -> tuple[re.Pattern, dict[str, int]]:
    """A post's stamp after a handle, its month written out in English or
    French (embeds keep the network's language), and month names → month."""
    months: dict[str, int] = {}
    for lang in ("en", "fr"):
        months.update({k: v for k, v in _table(lang).months.items() if not k.endswith(".")})
    names = _alt(sorted(months, key=len, reverse=True))
    pattern = re.compile(
        r"\(@\w{1,30}\)\s+(?P<stamp>"
        rf"(?P<m1>{names})\s+\d{{1,2}},\s+(?P<y1>\d{{4}})"
        rf"|\d{{1,2}}(?:er)?\s+(?P<m2>{names})\s+(?P<y2>\d{{4}}))\b",
        re.IGNORECASE,
    )
    return pattern, months


def _matched_events(folded: str):
    gates: dict[re.Pattern, bool] = {}
    out = []
    for e in known_events():
        if e.gate is not None:
            if e.gate not in gates:
                gates[e.gate] = bool(e.gate.search(folded))
            if not gates[e.gate]:
                continue
        required = required_strings(e.pattern)
        if required is not None and not any(r in folded for r in required):
            continue
        if m := e.pattern.search(folded):
            out.append((e, m))
    return out


def _unambiguous(events):
    """The events but those of `exact` rows named by the same words as
    another (« la réunion de Ramstein du 14 février » names the meetings of
    2023 and 2024): which one is meant is for the other clues to tell."""
    exact = [(e, m) for e, m in events if e.exact]
    return [
        (e, m)
        for e, m in events
        if not e.exact or all(o is e or not _overlap(m, n) for o, n in exact)
    ]


def _overlap(a: re.Match, b: re.Match) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def _looks_ahead(folded: str, m: re.Match) -> bool:
    """« la réunion prévue le 6 septembre », « la prochaine réunion du 6
    septembre », « se réunira le 6 septembre »: the meeting is to come."""
    before = folded[max(0, m.start() - 40) : m.start()]
    return bool(
        _AHEAD.search(before + " " + m.group())
        or _future_tense().search(_clause_before(folded, m.end()))
    )


def _event_months(events, folded: str, lo: int, hi: int, mentions=()) -> list[_Clue]:
    """The month after each event the article looks back on, and the month
    of each meeting named by its day or number (the only one of its words
    that falls within `lo`..`hi`) the text does not look ahead to."""
    out = []
    sure = _unambiguous(events)
    for e, m in events:
        when = date.fromisoformat(e.date)
        if e.exact:
            inside = [
                o
                for o, n in events
                if o.exact and _overlap(m, n) and lo <= _index(date.fromisoformat(o.date)) <= hi
            ]
            if ((e, m) in sure or inside == [e]) and not _looks_ahead(folded, m):
                out.append(_Clue(_index(when), _index(when), "event", m.start(), m.end()))
            continue
        # A summit or a meeting is as often announced as reported: it gives
        # the months around it (_past_events), not a month; unless the text
        # puts it a few days ahead (« prévu la semaine prochaine »).
        if e.type not in _LOOKED_BACK_ON:
            days = _days_before(folded, m, when)
            if days is not None and _index(days[0]) == _index(days[1]):
                month = _index(days[0])
                out.append(_Clue(month, month, "event", m.start(), m.end()))
            continue
        # « La destruction du barrage de Kakhovka, en juin 2023, a ... »: an
        # event the text dates with its year beside it is history recalled
        # (news do not give this month's year), a lower bound only.
        if any(
            d.year == when.year and d.month == when.month and _near(d, m, _RECALLED_NEAR)
            for d in mentions
        ):
            continue
        when += timedelta(days=1)
        out.append(_Clue(_index(when), _index(when), "event", m.start(), m.end()))
    return out


# How far (characters) from an event's words a date with its year recalls it.
_RECALLED_NEAR = 60


def _near(d: DateMention, m: re.Match, within: int) -> bool:
    return d.start - m.end() <= within and m.start() - d.end <= within


@cache
def _days_ahead_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{_alt(_words()['days_ahead'])})\b")


def _days_before(folded: str, m: re.Match, when: date) -> tuple[date, date] | None:
    """The first and last days the article can be written on when its
    sentence puts the event on `when` a few days ahead (`days_ahead`: « le
    sommet, prévu la semaine prochaine », « demain s'ouvre le sommet »),
    within 40 characters of its name; else None."""
    before = re.split(r"[.!?\n]", folded[max(0, m.start() - 40) : m.start()])[-1]
    after = re.split(r"[.!?\n]", folded[m.end() : m.end() + 40])[0]
    found = _days_ahead_pattern().search(after) or _days_ahead_pattern().search(before)
    if found is None:
        return None
    ahead = _words()["days_ahead"][found.group()]
    monday = when - timedelta(days=when.weekday())
    if ahead == "this_week":
        return monday, when
    if ahead == "next_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    return when - timedelta(days=ahead), when - timedelta(days=ahead)


def _past_events(events) -> list[_Clue]:
    """An event the article looks back on is before it; a summit or a meeting
    may be ahead (announced), so only the months around it."""
    out = []
    for e, m in events:
        when = date.fromisoformat(e.date)
        if e.type == "invasion":
            # « le 24 février » without its year is written the same year.
            out.append(_Clue(_index(when), FIRST_YEAR * 12 + 11, "event", m.start(), m.end()))
            continue
        if e.type in _LOOKED_BACK_ON:
            out.append(_Clue(_index(when + timedelta(days=1)), 10**6, "event", m.start(), m.end()))
        else:
            out.append(_Clue(_index(when) - 2, _index(when) + 2, "event", m.start(), m.end()))
    return out


@cache
def _official_names() -> tuple[re.Pattern, dict[str, tuple[int, int]]]:
    """One pattern for the names of every person whose offices began or
    ended since the war (one scan of the text, not one per person), and per
    name the months from the person's first start to their last end."""
    spans: dict[str, list] = {}
    for o in officials():
        if o.start is None and o.end is None:
            continue
        start = month_index(o.start) if o.start else 0
        end = month_index(o.end) if o.end else 10**6
        names, lo, hi = spans.setdefault(o.name, [set(), start, end])
        names.update(fold(a) for a in o.aliases)
        spans[o.name] = [names, min(lo, start), max(hi, end)]
    by_name: dict[str, tuple[int, int]] = {}
    for names, lo, hi in spans.values():
        if lo <= FIRST_YEAR * 12 and hi >= 10**6:
            continue  # in office all along: says nothing of the time
        for name in names:
            # A name two people share (a surname) dates nothing.
            by_name[name] = (lo, hi) if name not in by_name else (0, 10**6)
    return re.compile(rf"\b(?:{_alt_by_first(by_name)})\b"), by_name


@cache
def _title_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    w = _words()
    return (
        re.compile(rf"\b(?:{_alt(fold(t) for t in w['titles'])})\b"),
        re.compile(rf"(?:^|\W)(?:{_alt(fold(t) for t in w['former'])})"),
        re.compile(rf"(?:^|\W)(?:{_alt(fold(t) for t in w['future'])})"),
    )


def _officials(folded: str) -> list[_Clue]:
    title, former, future = _title_patterns()
    pattern, by_name = _official_names()
    out, seen = [], set()
    for m in pattern.finditer(folded):
        lo, hi = by_name[m.group()]
        if (lo, hi) in seen:
            continue
        before = folded[max(0, m.start() - 60) : m.start()]
        after = folded[m.end() : m.end() + 40]
        # In office when the text gives the office (« le ministre X »,
        # « X, le chancelier »); after it when he was (« l'ancien ministre
        # X »), before it when he will be (« le futur chancelier X »).
        apposition = after[:25] if after.startswith(",") else ""  # « X, ancien ministre »
        near = before[-30:] + " " + apposition
        if former.search(near):
            if hi < 10**6:
                out.append(_Clue(hi + 1, 10**6, "official", m.start(), m.end()))
        elif future.search(near):
            if lo > 0:
                out.append(_Clue(0, lo - 1, "official", m.start(), m.end()))
        elif title.search(before) or (after.startswith(",") and title.search(after)):
            out.append(_Clue(lo, hi, "official", m.start(), m.end()))
        else:
            continue
        seen.add((lo, hi))
    return out


def _recalls_event(mention: DateMention, events) -> bool:
    """« le 24 février »: the invasion's day, not the article's; another known
    event's day only when the text names the event (« le 20 juillet », or a
    page's stamp « 2023-07-20 », is news of that day when the text says
    nothing of the event of the day)."""
    named = [e for e, _ in events]
    return any(_is_event_date(mention, e.date) for e in (*_invasion(), *named))


@cache
def _invasion() -> tuple:
    return tuple(e for e in known_events() if e.type == "invasion")


def _is_event_date(mention, anchor: str) -> bool:
    month, day = int(anchor[5:7]), int(anchor[8:10])
    return mention.month == month and mention.day == day and mention.year in (None, int(anchor[:4]))

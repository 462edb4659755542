"""Events: the articles that report one announcement, delivery, refusal or
meeting, whether they reprint one dispatch (a story) or were written apart.

Independent write-ups of one event share facts, not sentences, so an article
is compared with the recent ones on what it says: its lead (the donors and
items of the first sentence that states facts: what the article is news
of, where a system named further down is background; an item meets its
catalogue variants, « Leopard 2A6 » and « Leopard 2 », and a lead naming no
donor is read as of the article's only donor), its packages (donor and
amount), the quantities it gives, the meetings it names, the proper names
and the words of its opening and its publication date (reports dated
months apart are never compared). The words are also compared as a whole: the cosine of the two
articles' words, each weighted by its rarity among the remembered articles
(a rare word shared says more than « chars » shared), the rarest word
they share, the words their leads (title and first lines) have in common,
and the share of the newer's words no other remembered article has that the
earlier one has too. A linear model
learned from the train sets' event labels (`events_weights.json`, weights
only, fitted by `bench/bench_events.py --fit --with ../shared/eval/train_en`) turns the shared features of
a pair into a probability; an article joins the event of the most likely
earlier article above `threshold`, and when it matches several events they
are merged into the oldest (`EventIndex.add` says which were merged, so the
store can record it). An article of a known story always joins its story's
event. Each join keeps its reason: what the two articles share.

It does not read text beyond the article's opening and keeps no text: each
article leaves a `Report` of hashed names and words and a few readable
shared-fact labels; it remembers the latest `capacity` articles and, for
each key, only the latest `POSTINGS` articles with it, so the cost per
article is bounded however long the feed.
"""

from __future__ import annotations

import json
import math
import operator
import re
import sys
import zlib
from array import array
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import resources
from itertools import chain, repeat

from aidwatch.catalog import items_by_id
from aidwatch.model import Extraction
from aidwatch.textnorm import fold

# On-topic articles remembered (about 3 KiB each, half a KiB of it the
# hashes of their words): reports of one event come within days, and weeks
# of a busy feed are 10,000 on-topic articles.
CAPACITY = 10_000
POSTINGS = 64  # latest articles remembered per key: a common key (« Ukraine ») stays cheap
CANDIDATES = 48  # candidates scored per article, those sharing most keys first
OPENING = 1200  # characters of text whose proper names are compared
# Characters of text after the title that make its lead (the title and the
# first sentence or two): what the article is news of, in its own words.
LEAD = 450
MERGE = 0.97  # how sure a second match must be to merge its event
MAX_DAYS = 10  # two dated reports further apart are not one event
# A young index has seen too few articles to call a word common: a word's
# rarity is counted as if this many more articles, lacking it, had been seen
# (nothing, once the index holds thousands).
PRIOR = 50

_NAME = re.compile(r"\b[A-ZÉÈÀÂÎÔ][\w\-]{2,}")
# Capitalised words that start sentences or name the war's sides in every
# article: sharing them says nothing about the event.
_COMMON = frozenset(
    fold(w)
    for w in (
        "Ukraine Kiev Kyiv Russie Moscou Ukrainiens Russes Ukrainien Russe Les Des Une Cette "
        "Mais Pour Dans Selon Elle Ils Cela Ces Son Sur Avec Alors Depuis Lors Après Aussi "
        "Comme Pas Plus Ainsi Zelensky Zelenskyy Poutine Vladimir Volodymyr AFP Reuters"
    ).split()
)

FEATURES = (
    "lead_items",  # the leads (first sentences stating facts) share a donor and item
    "lead_kinds",  # the leads share a donor and category (« Leopard 2A6 » and « Leopard »)
    "shared_packages",  # same donor and amount
    "names_overlap",  # cosine of the openings' proper names, each weighted by its rarity
    "quantities_disagree",  # same item, other quantity (neither approximate)
    "text_similarity",  # cosine of the openings' words, each weighted by its rarity (idf)
    "rarest_word",  # the weight of the rarest word the openings share / of the newer's rarest
    "dates_agree",  # both dated, the same month or within `MAX_DAYS` days
    "shared_meeting",  # both name one meeting (the contact group), dated or not
    "leads_differ",  # both have a lead, and their items are of no common category
    "lead_words",  # the words the leads (title and opening lines) share / the fewer's
    "rare_words",  # the newer's words no other remembered report has, found in the earlier
)

# Words of the opening that are compared: words of 4 letters or more cut to
# their first 7 (« livraison » and « livraisons » are one word, « blindé »
# and « blindés » another), short capitalised names (« AMX », « RC »), and numbers
# of 2 digits or more but for years. The rarer a word among the remembered
# reports, the more sharing it says: a stop list only spares the lookups.
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SPACE = re.compile(r"\s")
_STEM = 7
_STOP = frozenset(
    fold(w)
    for w in (
        "avec dans pour cette leur leurs sont était elle elles ils nous vous mais plus aussi "
        "comme dont entre après avant selon depuis ainsi alors encore toute tous tout toutes "
        "autre autres être avoir fait faire sera seront avait ont déjà lors sous vers chez "
        "celui celle ceux dont même très sans"
    ).split()
)


@dataclass(frozen=True)
class Report:
    """What the event index keeps of one article."""

    article: str
    story: str
    published: str | None
    facts: frozenset[str]  # "DE leopard2 pledged"
    items: frozenset[str]  # "leopard2"
    quantities: tuple[tuple[str, int], ...]  # (item, quantity)
    packages: frozenset[str]  # "US 700000000 USD"
    meetings: frozenset[str]  # "ramstein 2023-01"
    # The meetings it names, dated or not ("ukraine defense contact group"):
    # most reports of a meeting do not date it, and those dated apart are
    # not compared.
    meeting_names: frozenset[str]
    # The donors and items of its lead, the first sentence that states facts
    # ("DE leopard2a6"; "? gepard" when it names no donor), and their categories
    # ("DE main_battle_tank")
    lead_items: frozenset[str]
    lead_kinds: frozenset[str]
    # The lead's items with the catalogue's wider names of them (« DE
    # leopard2a6 » is also « DE leopard2 » and « DE leopard »): one outlet
    # writes the variant, another the family.
    lead_families: frozenset[str]
    # The categories of its lead's items, whoever the donor ("howitzer")
    lead_categories: frozenset[str]
    names: frozenset[int]  # hashes of the folded proper names of the opening
    # Hashes of the opening's words: what `features` compares, weighted by
    # rarity. (an array: 4 bytes a hash, where a set of Python ints takes 50)
    # (A cosine of the facts, items, packages and meetings, weighted alike,
    # was a feature until 2026-12: it scored a pledge and its delivery months
    # later, both undated, as high as two reports of one event, and the
    # figures were better without it, on the train set cross-validated and
    # on train_en.)
    # (those of its lead, the title and first `LEAD` characters, first, then
    # the others: `lead_words` of them are the lead's)
    words: array = field(default_factory=lambda: array("I"))
    lead_words: int = 0
    # The donors and items it says are refused (« DE leopard2 »), and those
    # it says are pledged or delivered: `_at_odds` compares them.
    refused: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()


def report_of(extraction: Extraction, key: str | None = None, story: str | None = None) -> Report:
    """The `Report` of an extracted article, named `key` (default: its id)
    in story `story` (default: its story)."""
    article = extraction.article
    facts, items, quantities = set(), set(), []
    lead_items, lead_kinds, lead_families, lead_categories = set(), set(), set(), set()
    # The facts of one sentence share its start: the lead's are those of the
    # earliest (offsets into the text, kept by the store).
    lead = min((f.evidence.start for f in extraction.facts), default=None)
    # A lead that names no donor (« the HIMARS will arrive ») is read as of the
    # article's donor, when its facts name one only.
    donors = {f.donor for f in extraction.facts if f.donor}
    main = next(iter(donors)) if len(donors) == 1 else "?"
    for fact in extraction.facts:
        item = fact.item.id if fact.item.specific else fact.item.category
        if fact.evidence.start == lead:
            donor = fact.donor or main
            lead_items.add(f"{donor} {item}")
            lead_families.update(f"{donor} {i}" for i in family(item))
            lead_kinds.add(f"{donor} {fact.item.category}")
            lead_categories.add(fact.item.category)
        # Without a donor (« les alliés », Kiev's requests to everyone) a
        # fact is every week's news: its item counts, not the fact.
        if fact.donor:
            facts.add(f"{fact.donor} {item} {fact.status}")
        items.add(item)
        # (an approximate count, « une dizaine », « des dizaines », is no
        # figure another report can disagree with)
        if fact.quantity and fact.quantity_kind not in ("cumulative_total", "approx"):
            quantities.append((item, fact.quantity))
    packages = {
        f"{p.donor or '?'} {_round(p.amount)} {p.currency or '?'}" for p in extraction.packages
    }
    opening = ((article.title or "") + "\n" + article.text[:OPENING]).strip()
    names = {fold(w) for w in _NAME.findall(opening)} - _COMMON
    # The lead ends at the first space after `LEAD` characters of text (a
    # word is not cut in two), and each word is counted once, in the lead if
    # it is there.
    cut = _SPACE.search(opening, len((article.title or "").strip()) + 1 + LEAD)
    lead_words = words(opening[: cut.start()] if cut else opening)
    later_words = words(opening[cut.start() :]) - lead_words if cut else set()
    return Report(
        article=key or article.id,
        story=story or extraction.story,
        published=article.published,
        facts=_frozen(facts),
        items=_frozen(items),
        quantities=tuple(sorted(set(quantities))),
        packages=_frozen(packages),
        # A contact group meets every month: a meeting is its name and month.
        meetings=_frozen(f"{fold(e.name)} {e.date[:7]}" for e in extraction.events if e.date),
        meeting_names=_frozen(fold(e.name) for e in extraction.events),
        lead_items=_frozen(lead_items),
        lead_kinds=_frozen(lead_kinds),
        lead_families=_frozen(lead_families),
        lead_categories=_frozen(lead_categories),
        names=frozenset(zlib.crc32(n.encode("utf-8")) for n in names),
        words=array("I", sorted(lead_words) + sorted(later_words)),
        lead_words=len(lead_words),
        refused=_frozen(f.rsplit(" ", 1)[0] for f in facts if f.endswith(" refused")),
        given=_frozen(f.rsplit(" ", 1)[0] for f in facts if f.endswith(_GIVEN)),
    )


_EMPTY: frozenset = frozenset()


def _frozen(labels) -> frozenset[str]:
    """The labels as a frozenset, each string the one other reports with it
    hold (`sys.intern`), an empty set the one shared empty set: a report's
    labels repeat across reports (« US himars pledged »), and an empty
    frozenset takes 216 bytes of its own (a report has about four, mostly
    packages, meetings, refusals): 5.5 -> 4.1 KB a report, the event index
    of 7,864 reports 45 -> 34.5 MB. The same sets, in the same order."""
    found = frozenset(map(sys.intern, labels))
    return found if found else _EMPTY


_GIVEN = (" pledged", " delivered")


def _at_odds(a: Report, b: Report) -> bool:
    """Whether one report says a donor refuses an item that the other says it
    pledges or delivers and does not say it refuses: a refusal and the
    decision that ends it are two events, however alike their wording (ATACMS
    refused in July 2023 and approved in September, both undated, were the
    most frequent wrong join left). Such pairs are neither scored nor
    learned from. The case to watch: a report of a decision that recalls the
    earlier refusal is at odds with one that does not; none of the train
    sets' 40 pairs of one event is at odds, 10 of their 2,800 other pairs are."""
    if not (a.refused or b.refused):
        return False
    return not (a.refused - b.refused).isdisjoint(b.given - b.refused) or not (
        b.refused - a.refused
    ).isdisjoint(a.given - a.refused)


@cache
def family(item: str) -> tuple[str, ...]:
    """`item` and the catalogue's items it is a variant of, of its category:
    « leopard2a6 », « leopard2 », « leopard »; « t72m1 », « t72m », « t72 »
    (not « mi2 » for « mi24 »: a number does not go on with a digit)."""
    known = items_by_id()
    mine = known.get(item)
    if mine is None:
        return (item,)
    wider = [
        other
        for other, it in known.items()
        if other != item
        and item.startswith(other)
        and it.category == mine.category
        and not other.startswith("gen_")
        and not (other[-1].isdigit() and item[len(other)].isdigit())
    ]
    return (item, *sorted(wider, key=len, reverse=True))


def words(text: str) -> set[int]:
    """Hashes of the words of `text` that `features` compares (see `_TOKEN`)."""
    # A word's hash (or None, not compared) depends on the word alone: an
    # opening's 200 words are mostly words seen before, one dict lookup each
    # instead of a fold, tests and a CRC.
    known = _WORD_HASHES
    found = {known[t] if t in known else _word_hash(t) for t in _TOKEN.findall(text)}
    found.discard(None)
    return found


def _word_hash(token: str) -> int | None:
    """The hash `words` keeps for `token`, or None; remembered."""
    if len(_WORD_HASHES) >= _WORD_HASHES_KEPT:
        _WORD_HASHES.clear()
    hashed = _WORD_HASHES[token] = _hash_of(token)
    return hashed


def _hash_of(token: str) -> int | None:
    word = fold(token)
    if word.isdigit():
        if len(word) < 2 or (len(word) == 4 and word[:2] in ("19", "20")):
            return None
        word = "#" + word
    elif len(word) < 4:
        if len(word) < 2 or not token.isupper():
            return None
    elif word in _STOP:
        return None
    return zlib.crc32(word[:_STEM].encode("utf-8"))


_WORD_HASHES: dict[str, int | None] = {}
_WORD_HASHES_KEPT = 50_000


def _round(amount: float) -> str:
    # Outlets round a package differently (« 2,5 milliards », « 2,47 »):
    # two significant figures.
    if amount <= 0:
        return "0"
    digits = 10 ** (int(math.floor(math.log10(amount))) - 1)
    return str(int(round(amount / digits) * digits))


Idf = Callable[[int], float]


def _flat(_: int) -> float:
    return 1.0


def norm(report: Report, idf: Idf = _flat) -> float:
    """The length of `report`'s words, each hash weighted by `idf`."""
    return math.sqrt(sum(idf(h) ** 2 for h in report.words))


def features(a: Report, b: Report, idf: Idf = _flat, name_idf: Idf = _flat) -> list[float]:
    """The pair's values of `FEATURES`, words weighted by `idf` and proper
    names by `name_idf` (by default all alike; the index weighs them by
    their rarity)."""
    squares = {h: idf(h) ** 2 for h in a.words}
    rarest = max(squares.values(), default=0.0)
    # (with no index, every word of `a` is one no other report has)
    mine = (norm(a, idf), rarest, lead_of(a), frozenset(a.words))
    return _values(a, squares, set(squares), mine, b, norm(b, idf), name_idf)


def lead_of(report: Report) -> frozenset[int]:
    """The hashes of the words of `report`'s lead (title and first lines)."""
    return frozenset(report.words[: report.lead_words])


def _values(
    a: Report,
    squares: dict[int, float],
    hashes: set[int],
    mine,
    b: Report,
    wb: float,
    name_idf: Idf = _flat,
    totals: tuple[float, float] | None = None,
    known: tuple[float, ...] | None = None,
) -> list[float]:
    # `squares`: the squared weight of each of `a`'s word hashes (`hashes`,
    # the same as a set); `mine`: `a`'s `norm`, the squared weight of its
    # rarest word, the hashes of its lead's words and of its words no other
    # remembered report has; `wb`: `b`'s `norm`; `known`: the values of
    # `_CHEAP`, if already worked out (`EventIndex._scored` does, to bound the pair).
    wa, rarest, lead, rare = mine
    disagree = False
    if a.quantities and b.quantities:
        qa, qb = dict(a.quantities), dict(b.quantities)
        disagree = any(qa[i] != qb[i] for i in qa.keys() & qb.keys())
    # (the intersection first, in C, then a sum over the few shared)
    weight = squares.__getitem__
    common = hashes.intersection(b.words) if wa and wb else _EMPTY
    shared = [*map(weight, common)]
    words = sum(shared)
    if known is None:
        lead_items, lead_kinds, packages, dates, leads, rares = _cheap(a, b, lead, rare)
        names, meeting = _second(a, b, name_idf, totals)
    else:
        lead_items, lead_kinds, packages, dates, leads, rares, names, meeting = known
    return [
        lead_items,
        lead_kinds,
        packages,
        names,
        float(disagree),
        # (a length kept from a while ago can make it a little over 1)
        min(1.0, words / (wa * wb)) if words else 0.0,
        # (the square root: `squares` are squared weights)
        math.sqrt(max(shared) / rarest) if shared else 0.0,
        # Two undated reports of one donor's system are as often two events
        # (a pledge, its delivery) as one: a pair dated alike needs less else.
        dates,
        meeting,
        # Both have a lead and no category of arms in common, whoever the
        # donors: most pairs an index scores (1,604 of train's 2,186, one of
        # them an event's). Its own weight comes out small (+0.19); what it
        # changes is the rest of the fit, which no longer weighs those pairs
        # like the ones it leaves at nought (a lead on one side only, or one
        # category of two donors): 5 of 13 wrong pairs fewer, cross-validated.
        float(
            bool(a.lead_categories)
            and bool(b.lead_categories)
            and a.lead_categories.isdisjoint(b.lead_categories)
        ),
        leads,
        rares,
    ]


def _apart(a: str | None, b: str | None) -> bool:
    """Whether two publication dates, as precise as known (« 2023-07-07 »,
    « 2023-07 », « 2023 »), put two reports too far apart to be one event:
    more than `MAX_DAYS` days, or (most train excerpts are dated to the
    month, inferred from their text) months two or more apart, which are 32
    days at least, or years two apart. Same donor and system months apart
    (a pledge, then its delivery) is the commonest wrong join."""
    if not a or not b:
        return False
    if len(a) >= 10 and len(b) >= 10:
        days = _days(a, b)
        return days is not None and days > MAX_DAYS
    try:
        if len(a) >= 7 and len(b) >= 7:
            months = abs(int(a[:4]) * 12 + int(a[5:7]) - int(b[:4]) * 12 - int(b[5:7]))
            return months >= 2
        return abs(int(a[:4]) - int(b[:4])) >= 2
    except ValueError:
        return False


def _agree(a: str | None, b: str | None) -> bool:
    """Whether two publication dates are known to the month and are of one
    month (or, both to the day, within `MAX_DAYS` days)."""
    if not a or not b or len(a) < 7 or len(b) < 7:
        return False
    days = _days(a, b)
    return a[:7] == b[:7] if days is None else days <= MAX_DAYS


def _days(a: str | None, b: str | None) -> int | None:
    """Days between two day-precise dates, None unless both are."""
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


# The features worked out first, to skip most candidates before the costly
# ones (the words' cosine): a few set operations (`_cheap`), then the proper
# names and meetings (`_second`) for the candidates those leave.
_CHEAP = (
    "lead_items",
    "lead_kinds",
    "shared_packages",
    "dates_agree",
    "lead_words",
    "rare_words",
    "names_overlap",
    "shared_meeting",
)


def _cheap(
    a: Report, b: Report, lead: frozenset[int], rare: frozenset[int]
) -> tuple[float, float, float, float, float, float]:
    """The pair's values of the first six of `_CHEAP`, as `_values` works them
    out; `lead`, `rare`: the hashes of `a`'s lead's words and of its words no
    other remembered report has (`EventIndex._weighed`)."""
    # The leads' words in common over the fewer leads' words: two write-ups
    # of one event open on it, in words of their own but many alike (the
    # whole openings' cosine is diluted by the background each adds).
    fewer = min(len(lead), b.lead_words)
    return (
        # (one lead's item, or a variant of it, in the other's)
        float(
            not a.lead_items.isdisjoint(b.lead_families)
            or not b.lead_items.isdisjoint(a.lead_families)
        ),
        float(not a.lead_kinds.isdisjoint(b.lead_kinds)),
        float(not a.packages.isdisjoint(b.packages)),
        float(_agree(a.published, b.published)),
        len(lead.intersection(b.words[: b.lead_words])) / fewer if fewer else 0.0,
        # Of the newer's words that no other remembered report has (names of
        # people and places, figures, rare terms), the share the earlier one
        # has too: the words a write-up takes from the event itself, where
        # the cosine weighs them with the common ones.
        len(rare.intersection(b.words)) / len(rare) if rare else 0.0,
    )


def _second(
    a: Report, b: Report, name_idf: Idf = _flat, totals: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The pair's values of the last two of `_CHEAP`: the proper names as a
    cosine, each weighted by `name_idf` (at most 1, as `Weights._bound`
    needs), and a meeting both name. `totals`: the weight of `a`'s names
    and of `b`'s, if known."""
    shared = a.names & b.names
    names = 0.0
    if shared:
        # Shared names over the fewer counted « Etats-Unis » or « Allemagne »
        # as much as « Pistorius »: weighted by rarity, and over both
        # openings' names, a pair of one system's reports at two dates
        # (same countries, other people) scores lower. Cross-validated (15
        # splits, train_en's pairs added) 366 to 369 of 465 pairs, 31 to 28
        # wrong, and it held under other regularisations where the old
        # feature fell (C 2: 349 to 366; class weight 7: 354 to 366).
        if totals is None:
            totals = (sum(map(name_idf, a.names)), sum(map(name_idf, b.names)))
        names = min(1.0, sum(map(name_idf, shared)) / math.sqrt(totals[0] * totals[1]))
    return names, float(not a.meeting_names.isdisjoint(b.meeting_names))


@dataclass(frozen=True)
class Weights:
    intercept: float
    coefficients: tuple[float, ...]
    threshold: float

    def probability(self, values: list[float]) -> float:
        if len(values) != len(self.coefficients):
            raise ValueError(f"{len(values)} values for {len(self.coefficients)} coefficients")
        # (the products summed in C, in the same order: the same float)
        z = self.intercept + sum(map(operator.mul, self.coefficients, values))
        return 1 / (1 + math.exp(-z))

    @cached_property
    def _bound(self) -> tuple[float, tuple[float, ...], float]:
        # `EventIndex.add` skips a candidate whose pair cannot reach
        # `threshold` whatever the features it has not worked out yet: every
        # feature is between 0 and 1, so those can add at most their
        # positive coefficients. (slack: the intercept and that most;
        # the coefficients of `_CHEAP`; floor: the threshold as a logit)
        cheap = tuple(self.coefficients[FEATURES.index(f)] for f in _CHEAP)
        slack = self.intercept + sum(
            max(0.0, w) for f, w in zip(FEATURES, self.coefficients, strict=True) if f not in _CHEAP
        )
        if self.threshold >= 1:
            floor = math.inf
        elif self.threshold <= 0:
            floor = -math.inf
        else:
            floor = math.log(self.threshold / (1 - self.threshold))
        return slack, cheap, floor


@cache
def shipped_weights() -> Weights:
    """The weights in the package (`events_weights.json`), checked against `FEATURES`."""
    text = resources.files("aidwatch.dedup").joinpath("events_weights.json").read_text("utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("events_weights.json: its features are not dedup.events.FEATURES")
    return Weights(data["intercept"], tuple(data["coefficients"]), data["threshold"])


def reason(a: Report, b: Report) -> str:
    """What two reports share, for a reader: the facts, packages and meetings."""
    shared = sorted(a.facts & b.facts) + sorted(a.packages & b.packages)
    shared += sorted(a.meetings & b.meetings) or sorted(a.meeting_names & b.meeting_names)
    if a.story == b.story:
        return "same story"
    if shared:
        return "shared facts: " + "; ".join(shared[:6])
    if a.items & b.items:
        return "shared items: " + ", ".join(sorted(a.items & b.items)[:6])
    if a.lead_kinds & b.lead_kinds:
        return "shared lead: " + ", ".join(sorted(a.lead_kinds & b.lead_kinds)[:6])
    if a.names & b.names:
        return "shared names and wording"
    return "shared wording"


@dataclass
class Assignment:
    """Where `EventIndex.add` put an article: its event, the earlier article
    it was matched with (None for a new event) and why, and the events it
    merged into `event` (oldest first)."""

    event: str
    partner: str | None = None
    reason: str | None = None
    merged: list[str] = field(default_factory=list)


@dataclass
class EventIndex:
    """Assigns each article, in the order given, to an event (named after
    its first article, as stories are)."""

    capacity: int = CAPACITY
    weights: Weights | None = None
    reports: dict[str, Report] = field(default_factory=dict)
    event_of: dict[str, str] = field(default_factory=dict)
    story_event: dict[str, str] = field(default_factory=dict)
    _postings: dict[object, list[str]] = field(default_factory=dict)
    _order: deque[str] = field(default_factory=deque)
    # When each remembered article was added (a count): candidates sharing
    # as many keys are taken latest first, whatever order a set gives.
    _added: dict[str, int] = field(default_factory=dict)
    _count: int = 0
    _merged_into: dict[str, str] = field(default_factory=dict)
    # How many remembered reports have each word or key hash (`features`'
    # rarity), and each report's `norm` with the index size it was
    # worked out at.
    _counts: Counter[int] = field(default_factory=Counter)
    _norms: dict[str, tuple[int, float]] = field(default_factory=dict)
    # How many remembered reports name each proper name (hashes of their own:
    # a name is not cut to `_STEM` letters as a word is)
    _name_counts: Counter[int] = field(default_factory=Counter)
    # log(n + 1) for each count n a name can have (`_names_weight`)
    _logs: list[float] = field(default_factory=list)

    def add(self, report: Report) -> Assignment:
        """The event of the article `report` describes; adding it again gives the same."""
        if report.article in self.event_of:
            return Assignment(self.find(self.event_of[report.article]))
        weights = self.weights or shipped_weights()
        mine, squares, hashes = self._weighed(report)
        scores = [
            (1.0 if values is None else weights.probability(values), other)
            for other, values in self._scored(report, mine, squares, hashes, weights)
        ]
        matches = [(p, other) for p, other in scores if p >= weights.threshold]
        # The story's event first: a reprint reports what its dispatch did.
        # Then the best match chooses, and others merge their event in only
        # when as sure as a story: chained joins are how events snowball.
        story_event = self.story_event.get(report.story)
        events: list[str] = [self.find(story_event)] if story_event is not None else []
        ranked = sorted(matches, reverse=True)
        for p, other in ranked:
            event = self.find(self.event_of[other])
            if event not in events and (not events or p >= MERGE):
                events.append(event)
        if not events:
            assignment = Assignment(report.article)
        else:
            partner = next((o for _, o in ranked if self.find(self.event_of[o]) in events), None)
            events.sort(key=self._age)
            assignment = Assignment(
                events[0],
                partner,
                reason(report, self.reports[partner]) if partner else "same story",
                events[1:],
            )
            for merged in events[1:]:
                self._merged_into[merged] = events[0]
        # The index has not changed since `report` was weighed: its norm
        # is the one `restore` would work out again.
        self._remember(report, assignment.event, mine[0])
        return assignment

    def scored(self, report: Report):
        """(earlier article, the pair's `features`) for each candidate of
        `report`: None for the features of an article of its story; none for
        one dated too far apart (`_apart`) or at odds with it (`_at_odds`)."""
        yield from self._scored(report, *self._weighed(report))

    def _weighed(self, report: Report) -> tuple[tuple, dict[int, float], set[int]]:
        # `report`'s norm (as `_length`), the squared weight of its rarest
        # word, its lead's word hashes and those of its words that no more
        # than one remembered report has (a candidate that has one is that
        # report); the squared weight of each of its word hashes, and those
        # hashes as a set.
        squares = self._squares(report.words)
        rarest = max(squares.values(), default=0.0)
        get = self._counts.get
        rare = frozenset(h for h in squares if get(h, 0) <= 1)
        mine = (math.sqrt(sum(squares.values())), rarest, lead_of(report), rare)
        return mine, squares, set(squares)

    def _scored(
        self,
        report: Report,
        mine: tuple,
        squares: dict[int, float],
        hashes: set[int],
        weights: Weights | None = None,
    ):
        # With `weights`, the candidates that cannot reach its threshold
        # are left out (`Weights._bound`): most of them, at a fraction of
        # the cost of their features.
        if weights is not None:
            slack, (w0, w1, w2, w3, w6, w7, w4, w5), floor = weights._bound
            _, _, lead, rare = mine
            # (the most the names and meetings can add)
            most = max(0.0, w4) + max(0.0, w5)
        names_weight = self._names_weight
        my_names = names_weight(report.names)
        # The rarity of each of `report`'s names, worked out once (the same
        # floats as `name_idf`): the names it shares with a candidate are
        # among them, and each candidate's sum over them is then lookups in
        # C rather than a Python call a name (a tenth of `add`'s time).
        name_idf = {h: self.name_idf(h) for h in report.names}.__getitem__
        for other in self._candidates(report):
            earlier = self.reports[other]
            if other in self.event_of and self._story_match(report, earlier):
                yield other, None
                continue
            if _apart(report.published, earlier.published) or _at_odds(report, earlier):
                continue
            if weights is not None:
                c0, c1, c2, c3, c6, c7 = _cheap(report, earlier, lead, rare)
                reach = slack + w0 * c0 + w1 * c1 + w2 * c2 + w3 * c3 + w6 * c6 + w7 * c7
                if reach + most < floor - 1e-9:
                    self._norms_of(other)  # (kept up to date as when scored)
                    continue
                # (the candidate's names are weighed only when it shares one:
                # `_second` needs their weight for nothing else)
                if report.names.isdisjoint(earlier.names):
                    c4, c5 = 0.0, float(not report.meeting_names.isdisjoint(earlier.meeting_names))
                else:
                    totals = (my_names, names_weight(earlier.names))
                    c4, c5 = _second(report, earlier, name_idf, totals)
                if reach + w4 * c4 + w5 * c5 < floor - 1e-9:
                    self._norms_of(other)
                    continue
                # (the values just worked out are passed on, not worked out again)
                values = _values(
                    report,
                    squares,
                    hashes,
                    mine,
                    earlier,
                    self._norms_of(other),
                    known=(c0, c1, c2, c3, c6, c7, c4, c5),
                )
            else:
                totals = (my_names, names_weight(earlier.names))
                values = _values(
                    report, squares, hashes, mine, earlier, self._norms_of(other), name_idf, totals
                )
            yield other, values

    def idf(self, hashed: int) -> float:
        """The rarity of a word hash among the remembered reports."""
        return math.log((len(self.reports) + PRIOR) / (self._counts.get(hashed, 0) + 1)) + 1

    def name_idf(self, hashed: int) -> float:
        """The rarity of a proper name's hash among the remembered reports, as `idf`."""
        return math.log((len(self.reports) + PRIOR) / (self._name_counts.get(hashed, 0) + 1)) + 1

    def _names_weight(self, names: frozenset[int]) -> float:
        # `sum(map(self.name_idf, names))`, quicker: each candidate's names
        # are weighed afresh (a third of `add`'s time as logs, in Python),
        # here a table of logs and lookups in C.
        logs = self._logs
        if len(logs) <= len(self.reports) + 1:
            logs.extend(map(math.log, range(len(logs) + 1, 2 * len(self.reports) + 64)))
        looked = map(logs.__getitem__, map(self._name_counts.get, names, repeat(0)))
        return len(names) * (math.log(len(self.reports) + PRIOR) + 1) - sum(looked)

    def _squares(self, hashes) -> dict[int, float]:
        # {hash: idf(hash) ** 2}, as `idf` but quicker
        log, counts = math.log, self._counts
        whole = log(len(self.reports) + PRIOR)
        return {h: (whole - log(counts.get(h, 0) + 1) + 1) ** 2 for h in hashes}

    def _length(self, report: Report) -> float:
        # `norm(report, self.idf)`, quicker
        return math.sqrt(sum(self._squares(report.words).values()))

    def _norms_of(self, article: str) -> float:
        # An article's `norm` changes with every article remembered or
        # forgotten; they are worked out again once the index has grown by
        # a quarter since (a full index, in a steady feed, hardly changes them).
        size, length = self._norms[article]
        if len(self.reports) > size * 1.25 + 1:
            size, length = len(self.reports), self._length(self.reports[article])
            self._norms[article] = (size, length)
        return length

    def restore(self, report: Report, event: str) -> None:
        """Remembers an article of `event`, as `add` does (an index rebuilt from the store)."""
        self._remember(report, event, self._length(report))

    def _remember(self, report: Report, event: str, length: float) -> None:
        self._norms[report.article] = (len(self.reports), length)
        self.reports[report.article] = report
        self._counts.update(report.words)
        self._name_counts.update(report.names)
        self.event_of[report.article] = event
        self.story_event.setdefault(report.story, event)
        for key in self._keys(report):
            # Lists, not deques of `maxlen` (600 bytes each, empty): most
            # keys (a proper name) have one or two articles.
            posted = self._postings.setdefault(key, [])
            posted.append(report.article)
            if len(posted) > POSTINGS:
                del posted[0]
        self._order.append(report.article)
        self._count += 1
        self._added[report.article] = self._count
        while len(self._order) > self.capacity:
            self._forget(self._order.popleft())

    def merged(self, event: str, into: str) -> None:
        """Records a merge made elsewhere (rebuilding from the store)."""
        self._merged_into[event] = into

    def find(self, event: str) -> str:
        """The event `event` was merged into, if it was."""
        while event in self._merged_into:
            event = self._merged_into[event]
        return event

    def _age(self, event: str) -> tuple[int, str]:
        # Events are named after their first article: ids that are numbers
        # (the store's) sort as numbers.
        return (int(event), "") if event.isdigit() else (0, event)

    def _story_match(self, report: Report, earlier: Report) -> bool:
        return report.story == earlier.story

    def _keys(self, report: Report):
        yield ("story", report.story)
        yield from report.facts
        yield from (("item", i) for i in report.items)
        yield from report.packages
        yield from (("meeting", m) for m in report.meetings)
        yield from report.names

    def _candidates(self, report: Report) -> list[str]:
        # (counted by `Counter`, in C; one number, not a tuple, to rank by:
        # the count, then the latest first; no two articles share a rank,
        # `_added` counts them, so each rank names its article)
        postings = self._postings.get
        counts = Counter(chain.from_iterable(postings(key, ()) for key in self._keys(report)))
        added = self._added
        if counts.keys() <= added.keys():  # (always: `_forget` clears the postings)
            # The ranks worked out by `map` in C: with thousands of articles
            # posted under a report's keys, a comprehension was a tenth of
            # `add`'s time.
            ranks = map(
                int.__add__,
                map(int.__lshift__, counts.values(), repeat(40)),
                map(added.__getitem__, counts),
            )
            by_rank = dict(zip(ranks, counts, strict=True))
        else:
            by_rank = {
                (n << 40) + added[other]: other for other, n in counts.items() if other in added
            }
        # The best `CANDIDATES`, best first, sorted in C (`heapq.nlargest`
        # compared them in Python: a tenth of `add`'s time).
        return [*map(by_rank.__getitem__, sorted(by_rank, reverse=True)[:CANDIDATES])]

    def _forget(self, article: str) -> None:
        report = self.reports.pop(article)
        del self._norms[article]
        del self._added[article]
        # (each hash once a report: one pass, each count lowered or dropped;
        # `Counter.subtract` and a pass to drop the zeros were a tenth of
        # `add`'s time once the index is full)
        for counts, hashes in ((self._name_counts, report.names), (self._counts, report.words)):
            get = counts.get
            for hashed in hashes:
                left = get(hashed, 0) - 1
                if left > 0:
                    counts[hashed] = left
                else:
                    counts.pop(hashed, None)
        for key in self._keys(report):
            posted = self._postings.get(key)
            if not posted:
                continue
            # Postings are in the order articles came and the index forgets
            # the oldest first: it is first in each of its lists, unless
            # pushed out already (`POSTINGS`).
            if posted[0] == article:
                del posted[0]
            elif article in posted:
                posted.remove(article)
            else:
                continue
            if not posted:
                del self._postings[key]
        self.event_of.pop(article, None)
        # A story is named after its first article: forgotten with it.
        self.story_event.pop(article, None)

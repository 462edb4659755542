"""Events: the articles that report one announcement, delivery, refusal or
meeting, whether they reprint one dispatch (a story) or were written apart.

Independent write-ups of one event share facts, not sentences, so an article
is compared with the recent ones on what it says: its facts (donor, item,
status), its items, its packages (donor and amount), the meetings it names,
the proper names of its opening and its publication date. A linear model
learned from the train set's event labels (`events_weights.json`, weights
only, fitted by `bench/bench_events.py --fit`) turns the shared features of
a pair into a probability; an article joins the event of the most likely
earlier article above `threshold`, and when it matches several events they
are merged into the oldest (`EventIndex.add` says which were merged, so the
store can record it). An article of a known story always joins its story's
event. Each join keeps its reason: what the two articles share.

It does not read text beyond the article's opening and keeps no text: each
article leaves a `Report` of hashed keys and a few readable shared-fact
labels; it remembers the latest `capacity` articles and, for each key, only
the latest `POSTINGS` articles with it, so the cost per article is bounded
however long the feed.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from aidwatch.model import Extraction
from aidwatch.textnorm import fold

# On-topic articles remembered (about 2 KiB each): reports of one event come
# within days, and weeks of a busy feed are 10,000 on-topic articles.
CAPACITY = 10_000
POSTINGS = 64  # latest articles remembered per key: a common key (« Ukraine ») stays cheap
CANDIDATES = 48  # candidates scored per article, those sharing most keys first
OPENING = 1200  # characters of text whose proper names are compared
MERGE = 0.97  # how sure a second match must be to merge its event
MAX_DAYS = 10  # two dated reports further apart are not one event

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
    "shared_facts",  # log(1 + same donor, item, status)
    "shared_items",  # log(1 + same item)
    "shared_packages",  # same donor and amount
    "shared_meetings",  # same named meeting
    "names_overlap",  # shared proper names / the fewer
    "quantities_agree",  # same item, same quantity
    "quantities_disagree",  # same item, other quantity
    "dates_close",  # both dated, within MAX_DAYS
    "months_shared",  # a month both date something in (facts, packages, meetings, publication)
    "months_apart",  # both date things, in no common month
    "both_factless",  # neither has a fact: only names can tell
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
    months: frozenset[str]  # YYYY-MM of its dated facts, packages, meetings, publication
    names: frozenset[int]  # hashes of the folded proper names of the opening


def report_of(extraction: Extraction, key: str | None = None, story: str | None = None) -> Report:
    """The `Report` of an extracted article, named `key` (default: its id)
    in story `story` (default: its story)."""
    article = extraction.article
    facts, items, quantities = set(), set(), []
    for fact in extraction.facts:
        item = fact.item.id if fact.item.specific else fact.item.category
        # Without a donor (« les alliés », Kiev's requests to everyone) a
        # fact is every week's news: its item counts, not the fact.
        if fact.donor:
            facts.add(f"{fact.donor} {item} {fact.status}")
        items.add(item)
        if fact.quantity and fact.quantity_kind != "cumulative_total":
            quantities.append((item, fact.quantity))
    packages = {
        f"{p.donor or '?'} {_round(p.amount)} {p.currency or '?'}" for p in extraction.packages
    }
    opening = ((article.title or "") + "\n" + article.text[:OPENING]).strip()
    names = {fold(w) for w in _NAME.findall(opening)} - _COMMON
    dated = [f.date for f in extraction.facts] + [p.date for p in extraction.packages]
    dated += [e.date for e in extraction.events] + [article.published]
    return Report(
        article=key or article.id,
        story=story or extraction.story,
        published=article.published,
        facts=frozenset(facts),
        items=frozenset(items),
        quantities=tuple(sorted(set(quantities))),
        packages=frozenset(packages),
        # A contact group meets every month: a meeting is its name and month.
        meetings=frozenset(f"{fold(e.name)} {e.date[:7]}" for e in extraction.events if e.date),
        months=frozenset(d[:7] for d in dated if d and len(d) >= 7),
        names=frozenset(zlib.crc32(n.encode("utf-8")) for n in names),
    )


def _round(amount: float) -> str:
    # Outlets round a package differently (« 2,5 milliards », « 2,47 »):
    # two significant figures.
    if amount <= 0:
        return "0"
    digits = 10 ** (int(math.floor(math.log10(amount))) - 1)
    return str(int(round(amount / digits) * digits))


def features(a: Report, b: Report) -> list[float]:
    """The pair's values of `FEATURES`."""
    names = len(a.names & b.names) / max(1, min(len(a.names), len(b.names)))
    qa, qb = dict(a.quantities), dict(b.quantities)
    common = qa.keys() & qb.keys()
    agree = any(qa[i] == qb[i] for i in common)
    disagree = any(qa[i] != qb[i] for i in common)
    days = _days(a.published, b.published)
    return [
        math.log1p(len(a.facts & b.facts)),
        math.log1p(len(a.items & b.items)),
        float(bool(a.packages & b.packages)),
        float(bool(a.meetings & b.meetings)),
        names,
        float(agree),
        float(disagree),
        float(days is not None and days <= MAX_DAYS),
        float(bool(a.months & b.months)),
        float(bool(a.months and b.months and not a.months & b.months)),
        float(not a.facts and not b.facts),
    ]


def _days(a: str | None, b: str | None) -> int | None:
    """Days between two day-precise dates, None unless both are."""
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


@dataclass(frozen=True)
class Weights:
    intercept: float
    coefficients: tuple[float, ...]
    threshold: float

    def probability(self, values: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coefficients, values, strict=True))
        return 1 / (1 + math.exp(-z))


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
    shared += sorted(a.meetings & b.meetings)
    if a.story == b.story:
        return "same story"
    if shared:
        return "shared facts: " + "; ".join(shared[:6])
    if a.items & b.items:
        return "shared items: " + ", ".join(sorted(a.items & b.items)[:6])
    return "shared names"


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
    _merged_into: dict[str, str] = field(default_factory=dict)

    def add(self, report: Report) -> Assignment:
        """The event of the article `report` describes; adding it again gives the same."""
        if report.article in self.event_of:
            return Assignment(self.find(self.event_of[report.article]))
        weights = self.weights or shipped_weights()
        matches: list[tuple[float, str]] = []
        for other in self._candidates(report):
            earlier = self.reports[other]
            if other in self.event_of and self._story_match(report, earlier):
                p = 1.0
            else:
                days = _days(report.published, earlier.published)
                if days is not None and days > MAX_DAYS:
                    continue
                p = weights.probability(features(report, earlier))
            if p >= weights.threshold:
                matches.append((p, other))
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
        self.restore(report, assignment.event)
        return assignment

    def restore(self, report: Report, event: str) -> None:
        """Remembers an article of `event`, as `add` does (an index rebuilt from the store)."""
        self.reports[report.article] = report
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
        counts: dict[str, int] = {}
        for key in self._keys(report):
            for other in self._postings.get(key, ()):
                if other in self.reports:
                    counts[other] = counts.get(other, 0) + 1
        ranked = sorted(counts, key=lambda other: -counts[other])
        return ranked[:CANDIDATES]

    def _forget(self, article: str) -> None:
        report = self.reports.pop(article)
        for key in self._keys(report):
            posted = self._postings.get(key)
            if posted is not None and article in posted:
                posted.remove(article)
                if not posted:
                    del self._postings[key]
        self.event_of.pop(article, None)
        # A story is named after its first article: forgotten with it.
        self.story_event.pop(article, None)

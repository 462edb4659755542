"""The plain data of the tracker: stored rows in, merged records out.

`FactRow`, `PackageRow` and `TotalRow` are what load.py reads from the store,
each with the `Source` it came from (the article and its evidence sentence).
records.py merges them into `Record`s and `PackageRecord`s, one per commitment,
keeping every source; totals.py adds a `TotalCheck` per cumulative figure an
article states. Nothing here touches the database, so a merge is a pure
function of rows and tests build rows by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlparse


@dataclass(frozen=True)
class Source:
    """An article that reports something, and the sentence where it does."""

    article_id: int
    doc: str
    url: str  # `articles.source`: the URL, or the file path for a file
    published: str | None
    story: int | None
    evidence: str
    title: str | None = None
    published_inferred: bool = False  # `published` inferred from the text, not stated
    event: int | None = None  # `articles.event`: the id of the event's first article
    language: str = "fr"  # the article's (`fr`, `en`, `und`)

    @property
    def outlet(self) -> str | None:
        return outlet(self.url)


def outlet(url: str) -> str | None:
    """The site's host name for a web URL (www. dropped); None for a file."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return None
    return parsed.hostname.removeprefix("www.")


@dataclass(frozen=True)
class FactRow:
    """One stored fact (`facts` row) with its article."""

    source: Source
    donor: str | None
    item_id: str
    item_name: str
    category: str
    specific: bool
    status: str
    quantity: int | None = None
    quantity_kind: str | None = None
    date: str | None = None
    package: str | None = None  # the article's package label (p1, p2, ...)


@dataclass(frozen=True)
class PackageRow:
    """One stored package (`packages` row) with its article."""

    source: Source
    label: str
    donor: str | None
    date: str | None
    amount: float
    currency: str | None


@dataclass(frozen=True)
class TotalRow:
    """One stored aggregate money figure (`totals` row) with its article."""

    source: Source
    scope: str
    amount: float
    currency: str | None
    kind: str  # exact | approx | at_least


@dataclass(frozen=True)
class Claim:
    """One value of a disputed figure and the sources that give it."""

    value: float | int | str
    unit: str | None  # the currency of an amount; None for a count or a package id
    sources: tuple[Source, ...]

    def __str__(self) -> str:
        shown = f"{self.value:,.0f}" if isinstance(self.value, float) else str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        return f"{shown}{unit} ({', '.join(s.doc for s in self.sources)})"


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on one figure of a record: kept side by side, never averaged."""

    field: str  # quantity | date | package (on a record), value (on a package)
    claims: tuple[Claim, ...]

    def __str__(self) -> str:
        return f"{self.field}: " + " ≠ ".join(str(c) for c in self.claims)


@dataclass
class PackageRecord:
    """One announced tranche of aid, merged over the articles that report it."""

    id: str
    donor: str | None
    date: str | None
    amount: float | None  # None when the sources disagree (see `conflict`)
    currency: str | None
    sources: list[Source]
    eur: float | None = None
    usd: float | None = None
    rate_note: str | None = None  # set when the rates are not those of the package's month
    conflict: Conflict | None = None
    when: str | None = None  # `date`, else the first report's publication date


@dataclass
class Record:
    """One commitment (donor, item, status, when) with every source that reports it."""

    id: str
    donor: str | None
    item_id: str
    item_name: str
    category: str
    specific: bool
    status: str
    sources: list[Source]
    quantity: int | None = None  # None when unknown or disputed (see `conflicts`)
    quantity_kind: str | None = None
    date: str | None = None  # the most precise date a source gives
    when: str | None = None  # `date`, else the package's, else the first report's publication
    package: str | None = None  # `PackageRecord.id`
    conflicts: list[Conflict] = field(default_factory=list)
    fulfils: str | None = None  # for a delivery: the `Record.id` of the pledge it fulfils

    @property
    def corroboration(self) -> int:
        """How many distinct articles report it."""
        return len({s.article_id for s in self.sources})

    @property
    def stories(self) -> int:
        """How many independent stories report it (reprints of one dispatch count once)."""
        return len({s.story if s.story is not None else -s.article_id for s in self.sources})

    @property
    def events(self) -> int:
        """How many events it was reported in (write-ups of one announcement
        or meeting count once, dedup/events.py)."""
        return len(set(self.event_ids))

    @property
    def event_ids(self) -> list[int]:
        """The events of its sources, each once, in the sources' order (an
        article without an event is its own)."""
        seen = [s.event if s.event is not None else s.article_id for s in self.sources]
        return list(dict.fromkeys(seen))

    @property
    def outlets(self) -> list[str]:
        return sorted({s.outlet for s in self.sources if s.outlet})

    @property
    def flagged(self) -> bool:
        return bool(self.conflicts)


@dataclass
class TotalCheck:
    """A cumulative figure an article states, against the sum of the tracker's records."""

    what: str  # « US himars delivered », or a money total's scope
    stated: float
    stated_kind: str  # exact | approx | at_least | cumulative_total
    unit: str | None  # the currency of a money figure, None for a count
    when: str | None
    counted: float  # the sum of the records, in `unit`
    records: list[str]  # ids of the records or packages summed
    unknown: int  # records that count but give no figure
    sources: list[Source]
    verdict: str  # agrees | short (the records sum to less) | over

    @property
    def flagged(self) -> bool:
        return self.verdict != "agrees"


@dataclass
class Tracker:
    """Everything the tracker knows: records, packages and total checks."""

    records: list[Record]
    packages: list[PackageRecord]
    checks: list[TotalCheck]
    articles: int = 0  # articles the rows came from

    def package(self, package_id: str | None) -> PackageRecord | None:
        return self._packages_by_id.get(package_id) if package_id else None

    @cached_property
    def _packages_by_id(self) -> dict[str, PackageRecord]:
        return {p.id: p for p in self.packages}

"""The plain data every pipeline stage passes on.

Readers make `Article`s; extraction turns one article into an `Extraction`
(facts, packages, events, totals), each tied to `Evidence`: a sentence of the
article with character offsets into `Article.text`. Dates are ISO strings as
precise as the text allows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
No spaCy object ever appears here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUSES = ("pledged", "delivered", "requested", "refused", "considered", "procured", "training")

QUANTITY_KINDS = ("exact", "approx", "at_least", "cumulative_total")

CATEGORIES = (
    "fighter_aircraft",
    "helicopter",
    "transport_aircraft",
    "drone",
    "loitering_munition",
    "main_battle_tank",
    "infantry_fighting_vehicle",
    "armoured_personnel_carrier",
    "armoured_vehicle",
    "howitzer",
    "mortar",
    "mlrs",
    "air_defence_system",
    "manpads",
    "air_defence_missile",
    "anti_tank_weapon",
    "long_range_strike",
    "anti_ship_missile",
    "artillery_ammunition",
    "rocket_ammunition",
    "small_arms_ammunition",
    "small_arms",
    "naval_vessel",
    "radar",
    "communications",
    "electronic_warfare",
    "engineering_vehicle",
    "logistics_vehicle",
    "protective_equipment",
    "medical",
    "spare_parts",
    "other",
)


@dataclass
class Article:
    id: str
    source: str  # file path or URL
    text: str
    title: str | None = None
    language: str = "fr"
    published: str | None = None  # ISO, as precise as known
    published_inferred: bool = False
    # How an inferred date was reached (published.py's BASES) and the words
    # that gave it; None for a stated date.
    published_basis: str | None = None
    published_evidence: Evidence | None = None

    @property
    def published_precision(self) -> str | None:
        """`day`, `month` or `year` for the published date, None when unknown."""
        if not self.published:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.published))


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int  # character offsets into Article.text
    end: int


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    category: str
    specific: bool = True  # a named system (HIMARS) rather than a kind (« chars lourds »)


@dataclass
class Fact:
    donor: str | None  # ISO 3166-1 alpha-2, EU, NATO, or None when the text names none
    item: Item
    status: str
    evidence: Evidence
    quantity: int | None = None
    quantity_kind: str | None = None
    date: str | None = None
    package: str | None = None
    mention: Evidence | None = None  # the words naming the item, inside the evidence
    # `date` is not stated by its sentence: the article's month, or resolved
    # against an inferred publication date
    date_inferred: bool = False


@dataclass
class Package:
    id: str
    donor: str | None
    date: str | None
    amount: float
    currency: str | None
    evidence: Evidence


@dataclass
class Event:
    type: str  # meeting | summit
    name: str
    place: str | None
    date: str | None
    participants: int | None
    evidence: Evidence


@dataclass
class Total:
    scope: str
    amount: float
    currency: str | None
    kind: str  # exact | approx | at_least
    evidence: Evidence


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    story: str
    facts: list[Fact] = field(default_factory=list)
    packages: list[Package] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    # The event (dedup/events.py): the id of its first article; None until grouped.
    event: str | None = None

    def to_dict(self) -> dict:
        """The JSON Lines record of `aidwatch extract`."""
        return {
            "doc": self.article.id,
            "source": self.article.source,
            "title": self.article.title,
            "language": self.article.language,
            "published": {
                "date": self.article.published,
                "inferred": self.article.published_inferred,
                "basis": self.article.published_basis,
                "evidence": (
                    asdict(self.article.published_evidence)
                    if self.article.published_evidence
                    else None
                ),
            },
            "story": self.story,
            "event": self.event,
            "facts": [_fact_dict(f) for f in self.facts],
            "packages": [asdict(p) for p in self.packages],
            "events": [asdict(e) for e in self.events],
            "totals": [asdict(t) for t in self.totals],
        }


def _fact_dict(fact: Fact) -> dict:
    record = asdict(fact)
    # Key order follows the documented output: donor, item, status, quantity, ...
    return {
        "donor": record["donor"],
        "item": record["item"],
        "status": record["status"],
        "quantity": record["quantity"],
        "quantity_kind": record["quantity_kind"],
        "date": record["date"],
        "date_inferred": record["date_inferred"],
        "package": record["package"],
        "evidence": record["evidence"],
        "mention": record["mention"],
    }

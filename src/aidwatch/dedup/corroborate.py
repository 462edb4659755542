"""Dating by corroboration: an article its own text cannot date takes the
month of the dated articles that report the same thing.

Two articles report the same thing when they share a story (reprints and
rewrites of one dispatch, dedup/) or a commitment: two (donor, item,
status) triples in common (an item and its catalogue variants are one
item here: « Leopard 2A6 » delivered by Germany in one, « Leopard »
delivered by Germany in the other), one of them with the same quantity
and none with two different ones (one triple alone is too common: HIMARS
are pledged by the US in every year of the war), or two triples of two
systems that report known commitments (the first pledges and deliveries
of the war: « Bradley » and « Marder » pledged by the US and Germany),
whatever their counts. The month is the one most of those articles give, stated dates counting before inferred ones; a
tie gives nothing. `corroborate` works over the extractions of one call
(`aidwatch extract` of several files) and does not re-read the text (the
caller re-extracts an article it dates, so that its facts' relative dates
resolve against the new month); an ingest asks `vote` about the stored
articles of a story (store/ingest.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from aidwatch.dedup.events import family
from aidwatch.model import Article, Evidence, Extraction


def corroborate(
    extractions: list[Extraction],
    known: Callable[[tuple], bool] = lambda triple: False,
    fits: Callable[[Article, str], bool] = lambda article, month: True,
) -> dict[int, Article]:
    """Index in `extractions` → the article with the month its story or its
    facts give, for each article that had no month. `known`: whether a
    (donor, item id, status) triple reports a known commitment (the
    extractor's commitments.csv, which this stage does not import); `fits`:
    whether the article's own text allows a month (the extractor's bounds:
    an article that recalls « en mai dernier » is not of May, whatever the
    others say)."""
    dated = [e for e in extractions if _month(e.article)]
    out: dict[int, Article] = {}
    for i, e in enumerate(extractions):
        article = e.article
        if _month(article) or not (e.facts or e.packages):
            continue
        witness: dict[str, tuple[str, str]] = {}  # month → (basis, doc)
        months = []
        for other in dated:
            basis = _shared(e, other, known)
            if basis is None:
                continue
            month = _month(other.article)
            months.append((month, other.article.published_inferred))
            witness.setdefault(month, (basis, other.article.id))
        month = vote(months, article.published)
        if month is None or not fits(article, month):
            continue
        basis, doc = witness[month]
        # The evidence of a corroborated date is the article that gave it.
        out[i] = replace(
            article,
            published=month,
            published_inferred=True,
            published_basis=basis,
            published_evidence=Evidence(doc, 0, 0),
        )
    return out


def vote(months: Iterable[tuple[str, bool]], year: str | None = None) -> str | None:
    """The month most (month, inferred) witnesses give, a stated date
    counting twice an inferred one; None on a tie. A year the article's own
    text gave stays: only a month of that year counts."""
    votes: Counter[str] = Counter()
    for month, inferred in months:
        if not year or month.startswith(year):
            votes[month] += 1 if inferred else 2
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _month(article: Article) -> str | None:
    date = article.published
    return date[:7] if date and len(date) >= 7 else None


def _triples(e: Extraction) -> dict[tuple, int | None]:
    return {(f.donor, f.item.id, f.status): f.quantity for f in e.facts if f.item.specific}


def _matches(mine: dict[tuple, int | None], theirs: dict[tuple, int | None]):
    """(my triple, my count, their count) for each pair of triples of one
    donor and status whose items are one system, one a variant of the other
    or the same (« Leopard 2A6 » here, « Leopard » there: outlets name the
    variant or the family, as dedup/events.py's leads do)."""
    # Their triples under each wider name of their item, so that one lookup
    # finds my item's variants, and one per wider name of mine its families.
    wider: dict[tuple, list[tuple]] = {}
    for k in theirs:
        for name in family(k[1]):
            wider.setdefault((k[0], name, k[2]), []).append(k)
    for k, count in mine.items():
        found = set(wider.get(k, ()))
        found.update(o for name in family(k[1]) if (o := (k[0], name, k[2])) in theirs)
        for other in sorted(found, key=str):
            yield k, count, theirs[other]


def _shared(e: Extraction, other: Extraction, known: Callable[[tuple], bool]) -> str | None:
    """ "story" or "facts" when `other` reports what `e` does, else None."""
    if other is e:
        return None
    if e.story == other.story:
        return "story"
    matches = list(_matches(_triples(e), _triples(other)))
    common = {k for k, _, _ in matches}
    same_count = [k for k, mine, theirs in matches if mine is not None and mine == theirs]
    # A shared triple with two different counts (45 Gepard pledged here, 3
    # there) is two commitments, whatever else the two share.
    other_count = [
        k for k, mine, theirs in matches if None not in (mine, theirs) and mine != theirs
    ]
    if same_count and len(common) >= 2 and not other_count:
        return "facts"
    # Two known commitments in common (first pledges or deliveries of the
    # war, `known`), of two systems: the same news, counts or not.
    if not other_count and len({k[1] for k in common if known(k)}) >= 2:
        return "facts"
    return None

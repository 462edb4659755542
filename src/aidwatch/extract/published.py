"""A publication date for an undated article, from what it says.

The year comes from explicit dates (« février 2022 ») or, failing them, from
dated events the article names without a year (« l'invasion ... le 24
février »; see known_events_fr.yaml). The month is then the latest date the
article mentions in that year (« annoncée le 1er juin », « doivent se réunir
le 15 juin » → June). Nothing is guessed when no year can be found.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from aidwatch.extract.dates import find_dates
from aidwatch.extract.known_events import known_events
from aidwatch.extract.language import tables
from aidwatch.extract.text import fold

FIRST_YEAR = 2022
_LOOKED_BACK_ON = {"mobilisation", "annexation", "battle"}
_BOUND = re.compile(
    r"\b("
    + tables().alternation("period_bounds")
    + r")\s*(?:"
    + tables().alternation("period_bound_fillers")
    + ")?$"
)


def infer_published(text: str) -> str | None:
    """`YYYY-MM` (or `YYYY`) for an undated article, or None."""
    # « depuis février 2022 » says when something began, not when the
    # article was written: bounds are left out.
    mentions = [
        m
        for m in find_dates(text, base=None)
        if not _BOUND.search(fold(text[max(0, m.start - 25) : m.start]))
    ]
    folded = fold(text)
    events = [e for e in known_events() if e.pattern.search(folded)]
    anchors = [e.date for e in events]
    # A known event's own date (« l'invasion du 24 février 2022 ») is the
    # past the article looks back on, not its time: it gives a year when
    # nothing else does, never the month.
    own = [m for m in mentions if not any(_is_event_date(m, e.date) for e in known_events())]
    # The tracker covers the war since 2022: an older year (a company founded
    # in 1952) is history, not the article's time.
    own = [m for m in own if m.year is None or m.year >= FIRST_YEAR]
    # A year said alone (« l'été 2022 ») bounds the story, it does not date
    # the article: the year must come with a month, or from a known event.
    years = [m.year for m in own if m.year and m.month]
    if years:
        year = max(years)
    elif anchors:
        year = int(max(anchors)[:4])
    else:
        return None
    months = [(year, m.month) for m in own if m.month and m.year in (None, year)]
    # Events the article reports on date it: a meeting or summit by its own
    # date (it may be ahead), a fact it looks back on (mobilisation,
    # annexation) by the day after, since the article was written after it.
    # The invasion, which every article recalls, does not.
    for e in events:
        if e.type == "invasion" or not e.date.startswith(str(year)):
            continue
        when = date.fromisoformat(e.date)
        if e.type in _LOOKED_BACK_ON:
            when += timedelta(days=1)
        months.append((when.year, when.month))
    if not months:
        return None if not own else f"{year:04d}"
    latest = max(months)
    return f"{latest[0]:04d}-{latest[1]:02d}"


def _is_event_date(mention, anchor: str) -> bool:
    month, day = int(anchor[5:7]), int(anchor[8:10])
    return mention.month == month and mention.day == day and mention.year in (None, int(anchor[:4]))

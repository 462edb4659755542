"""A publication date for an undated article, from what it says.

The year comes from explicit dates (« février 2022 ») or, failing them, from
dated events the article names without a year (« l'invasion ... le 24
février »; see known_events_fr.yaml). The month is then the latest date the
article mentions in that year (« annoncée le 1er juin », « doivent se réunir
le 15 juin » → June). Nothing is guessed when no year can be found.
"""

from __future__ import annotations

import re

from aidwatch.extract.dates import find_dates
from aidwatch.extract.known_events import known_events
from aidwatch.extract.text import fold

_BOUND = re.compile(
    r"\b(depuis|des|d'ici|jusqu'(?:a|au|en)|avant|a partir d[ue'])\s*(?:le |la |l'|les |debut |fin )?$"
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
    years = [m.year for m in mentions if m.year]
    folded = fold(text)
    anchors = [e.date for e in known_events() if e.pattern.search(folded)]
    if years:
        year = max(years)
    elif anchors:
        year = int(max(anchors)[:4])
    else:
        return None
    months = [m.month for m in mentions if m.month and (m.year in (None, year))]
    months += [int(a[5:7]) for a in anchors if a.startswith(str(year))]
    if not months:
        return f"{year:04d}"
    return f"{year:04d}-{max(months):02d}"

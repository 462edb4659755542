"""The table of dated events (known_events_fr.yaml), loaded once and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from re import _constants, _parser

import yaml

from aidwatch.errors import CatalogError
from aidwatch.extract.language import BUILDING

# The language whose tables this module's rules read (see engines.py).
_LANG = BUILDING

TYPES = ("invasion", "summit", "meeting", "mobilisation", "annexation", "battle", "incident")


@dataclass(frozen=True)
class KnownEvent:
    name: str
    type: str
    date: str
    place: str | None
    pattern: re.Pattern
    source: str
    # The pattern names this occurrence alone (its day or its number: « la
    # réunion de Ramstein du 14 février », « la 20e réunion du groupe de
    # contact »), not the series: a match reports this meeting.
    exact: bool = False
    # Words the text must hold for `pattern` to be tried: one scan for all
    # the rows of a series (« ramstein|groupe de contact »), not one a row.
    gate: re.Pattern | None = None


@cache
def known_events() -> tuple[KnownEvent, ...]:
    raw = yaml.safe_load(
        resources.files(__package__)
        .joinpath(f"known_events_{_LANG}.yaml")
        .read_text(encoding="utf-8")
    )
    out = []
    for n, row in enumerate(raw, start=1):
        where = f"known_events_{_LANG}.yaml entry {n}"
        try:
            event = KnownEvent(
                row["name"],
                row["type"],
                date.fromisoformat(str(row["date"])).isoformat(),
                row.get("place"),
                re.compile(row["pattern"]),
                row["source"],
                row.get("exact", False),
                _gate(row.get("gate")),
            )
        except (KeyError, re.error, ValueError) as err:
            raise CatalogError(f"{where}: {err}") from err
        if event.type not in TYPES:
            raise CatalogError(f"{where}: type {event.type!r} not one of {TYPES}")
        if not isinstance(event.exact, bool):
            raise CatalogError(f"{where}: exact must be true or false")
        if not event.source.startswith("https://"):
            raise CatalogError(f"{where}: source must be an https:// address")
        out.append(event)
    return tuple(out)


@cache
def required_strings(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which the text holds wherever `pattern` matches (per
    alternative of the pattern, its longest run of plain characters, « 26
    avril »), so that a text holding none is spared the search; None when
    an alternative has no such run (or case is ignored)."""
    if pattern.flags & re.IGNORECASE:
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    items = list(tree)
    if len(items) == 1 and items[0][0] is _constants.BRANCH:
        alternatives = items[0][1][1]
    else:
        alternatives = [items]
    out = []
    for alternative in alternatives:
        # Only consecutive literals of the alternative's own sequence are
        # matched by consecutive characters of the text.
        best = run = ""
        for op, value in alternative:
            if op is _constants.LITERAL:
                run += chr(value)
            else:
                best, run = max(best, run, key=len), ""
        best = max(best, run, key=len)
        if not best:
            return None
        out.append(best)
    return tuple(dict.fromkeys(out))


@cache
def _gate(words: str | None) -> re.Pattern | None:
    # Cached: the rows of a series share one compiled gate, so a caller can
    # scan it once for them all.
    return re.compile(words) if words else None

"""The table of dated events (known_events_fr.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from aidwatch.errors import CatalogError
from aidwatch.extract.language import BUILDING

# The language whose tables this module's rules read (see engines.py).
_LANG = BUILDING


@dataclass(frozen=True)
class KnownEvent:
    name: str
    type: str
    date: str
    place: str | None
    pattern: re.Pattern


@cache
def known_events() -> tuple[KnownEvent, ...]:
    raw = yaml.safe_load(
        resources.files(__package__)
        .joinpath(f"known_events_{_LANG}.yaml")
        .read_text(encoding="utf-8")
    )
    out = []
    for n, row in enumerate(raw, start=1):
        try:
            out.append(
                KnownEvent(
                    row["name"],
                    row["type"],
                    str(row["date"]),
                    row.get("place"),
                    re.compile(row["pattern"]),
                )
            )
        except (KeyError, re.error) as err:
            raise CatalogError(f"known_events_{_LANG}.yaml entry {n}: {err}") from err
    return tuple(out)

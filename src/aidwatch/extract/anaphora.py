"""Words that stand for a system named shortly before.

« Le Danemark s'est engagé à céder 19 appareils » after a sentence about the
F-16; « aux 18 exemplaires déjà cédés » after the Caesar; « La Grèce ne
céderait pas ses batteries » after the Patriot. Crews being trained (« les équipages ukrainiens ont
été formés ») are trained on the last system named. A noun of this table, counted
or pointed at (« 19 appareils », « ces missiles », « d'autres appareils », « un
troisième système »), stands for the last system named in the three sentences
before it whose category fits. Nothing is resolved when no such system was
named: the fact is then not made, rather than guessed.
"""

from __future__ import annotations

import re

from aidwatch.catalog import System
from aidwatch.extract.items import ItemGroup
from aidwatch.extract.mentions import Mention
from aidwatch.extract.text import fold

_AIRCRAFT = {"fighter_aircraft", "helicopter", "transport_aircraft", "drone"}
_MISSILES = {
    "long_range_strike",
    "anti_ship_missile",
    "air_defence_missile",
    "anti_tank_weapon",
    "manpads",
}
_NOUNS: dict[str, set[str] | None] = {
    "exemplaire": None,  # any category
    "unite": None,
    "appareil": _AIRCRAFT,
    "avion": _AIRCRAFT,
    "chasseur": {"fighter_aircraft"},
    "batterie": {"air_defence_system", "howitzer", "mlrs"},
    "systeme": {"air_defence_system", "mlrs", "howitzer", "radar", "long_range_strike"},
    "lanceur": {"mlrs", "air_defence_system"},
    "missile": _MISSILES,
    "engin": None,
    "vehicule": {
        "infantry_fighting_vehicle",
        "armoured_personnel_carrier",
        "armoured_vehicle",
        "main_battle_tank",
    },
    "blinde": {
        "infantry_fighting_vehicle",
        "armoured_personnel_carrier",
        "armoured_vehicle",
        "main_battle_tank",
    },
    "canon": {"howitzer"},
    "obusier": {"howitzer"},
    "char": {"main_battle_tank"},
}
_POINTER = (
    r"(?:\d[\d\s.\u00a0\u202f]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"cinquante|cent|ces|ses|leurs|d'autres|autres|les deux|les trois|les quatre|premier|premiers|premiere|premieres|"
    r"deuxieme|troisieme|second|seconde|nouvel|nouveaux|nouvelle|nouvelles)"
)
_APPROX = r"(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine|millier)s?\s+d'\s*"
_ANAPHOR = re.compile(
    r"\b(?:"
    + _POINTER
    + r"\s+|"
    + _APPROX  # « plus d'une centaine d'exemplaires »
    + r")(?:autres\s+|nouveaux\s+|premiers\s+|derniers\s+)?(?P<noun>"
    + "|".join(_NOUNS)
    + r")[sx]?\b"
    r"(?!\s+(?:de|d'|du|des)\s)"  # « systèmes de défense » is a kind of its own, not a pointer
)


# « Les équipages ukrainiens ont été formés » after a sentence about a system:
# the crews are trained on that system.
_CREW = re.compile(
    r"\b(?P<noun>equipages?|pilotes?|artilleurs?|operateurs?|servants?|tankistes?|mecaniciens?|soldats?)"
    r"\s+ukrainien(?:ne)?s?\b"  # Ukraine's own crews, not « la formation des pilotes » in general
)
_TRAINING = re.compile(
    r"\b(form(?:e|es|ee|ees|ent|ait|aient|era|eront|ation|ations)|entrain\w*|instruction)\b"
)


def resolve(sentence_text: str, groups: list[ItemGroup], recent: list[System]) -> list[ItemGroup]:
    """`groups` plus the anaphors of the sentence resolved against `recent`
    (the systems named before, most recent last)."""
    folded = fold(sentence_text)
    added = []
    for m in _ANAPHOR.finditer(folded):
        start, end = m.start("noun"), m.end()
        if any(g.start < end and start < g.end for g in groups):
            continue  # the noun is part of a named item already
        if any(g.start >= end and g.start - end <= 2 for g in groups):
            continue  # « 19 appareils F-16 »: the system is named right after
        fits = _NOUNS[m.group("noun")]
        system = next(
            (s for s in reversed(recent) if fits is None or s.item.category in fits), None
        )
        if system is not None:
            mention = Mention(start, end, system, "anaphor")
            added.append(ItemGroup(start, end, system, (mention,)))
    if not groups and not added and recent and _TRAINING.search(folded):
        crew = _CREW.search(folded)
        if crew:
            system = recent[-1]
            start, end = crew.start("noun"), crew.end("noun")
            added.append(ItemGroup(start, end, system, (Mention(start, end, system, "anaphor"),)))
    return sorted(groups + added, key=lambda g: g.start) if added else groups

"""Item mentions grouped into the things a sentence talks about.

A generic kind directly naming a specific system is one item, the system:
« quatre systèmes d'artillerie Himars », « missiles sol-air Stinger »,
« drones de combat de longue portée comme le "Grey Eagle" », « les
systèmes ..., connus sous le nom de HIMARS ». The group keeps the generic's
start, where its count stands (« quatre »). A generic kind right after a
system describes it as well (« Patriot surface-to-air missile system »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aidwatch.catalog import System, systems
from aidwatch.extract.language import tables
from aidwatch.extract.mentions import Mention

# Words that introduce an example or a name after a generic kind.
_WORDS = tables()
_NAMING = re.compile(r"\b(" + _WORDS.alternation("naming_words") + r")\b", re.IGNORECASE)
_LIST_BREAK = re.compile(
    r"[,;]|\b(" + _WORDS.alternation("list_conjunctions") + r")\b", re.IGNORECASE
)
_HARD_BREAK = re.compile(r"[.:!?()\[\]]")


@dataclass(frozen=True)
class ItemGroup:
    start: int  # offsets in the text searched
    end: int
    system: System  # the specific system when one is named, else the kind
    mentions: tuple[Mention, ...]

    @property
    def specific(self) -> bool:
        return self.system.item.specific


# A relation, not a name: « roquettes pour les lance-roquettes HIMARS ».
_RELATION = re.compile(r"\b(" + _WORDS.alternation("relation_words") + r")\b", re.IGNORECASE)


def _names_specific(gap: str) -> bool:
    if len(gap) > 70 or _HARD_BREAK.search(gap) or len(gap.split()) > 9 or _RELATION.search(gap):
        return False
    if _LIST_BREAK.search(gap):
        return bool(_NAMING.search(gap))
    return True


# The opening of a parenthesis that spells a name out, up to a kind in it.
_EXPANSION = re.compile(r"\s*\([^()]{0,40}")


def group_items(text: str, mentions: list[Mention]) -> list[ItemGroup]:
    """Merge each run of generic kinds with the specific system that follows."""
    groups: list[ItemGroup] = []
    pending: list[Mention] = []  # generic mentions waiting for a system
    for m in mentions:
        system: System = m.ref  # type: ignore[assignment]
        if pending and not _names_specific(text[pending[-1].end : m.start]):
            groups += [ItemGroup(p.start, p.end, p.ref, (p,)) for p in pending]
            pending = []
        if (
            not system.item.specific
            and not pending
            and groups
            and groups[-1].specific
            and (
                not text[groups[-1].end : m.start].strip()
                or _EXPANSION.fullmatch(text, groups[-1].end, m.start)
            )
        ):
            # The system named first, then its kind (« Patriot surface-to-air
            # missile system », « Storm Shadow cruise missiles »), or its name
            # spelled out (« NASAMS (National Advanced Surface-to-Air Missile
            # System) »): one item.
            last = groups[-1]
            groups[-1] = ItemGroup(last.start, m.end, last.system, (*last.mentions, m))
            continue
        if system.item.specific:
            if pending and _ammunition_of(pending, system):
                # « des munitions Gepard », « rockets for HIMARS » named as one:
                # the ammunition of the system, not the system
                kind = _ammunition_of(pending, system)
                groups.append(ItemGroup(pending[0].start, m.end, kind, (*pending, m)))
                pending = []
            elif pending:
                groups.append(ItemGroup(pending[0].start, m.end, system, (*pending, m)))
                pending = []
            else:
                groups.append(ItemGroup(m.start, m.end, system, (m,)))
        else:
            pending.append(m)
    groups += [ItemGroup(p.start, p.end, p.ref, (p,)) for p in pending]
    return sorted(groups, key=lambda g: g.start)


# « 30 more Patriot missiles », « Patriot interceptors »: an air-defence
# system's name followed by its missiles names the missiles, not the system;
# « Patriot systems and missiles » names both; « Patriot missile parts »
# spare parts (`system_missiles`, `system_and_missiles`, `system_parts`).
_SYSTEM_MISSILES = re.compile(r"(?:" + _WORDS.alternation("system_missiles") + ")", re.I)
_SYSTEM_AND_MISSILES = re.compile(r"(?:" + _WORDS.alternation("system_and_missiles") + ")", re.I)
_SYSTEM_PARTS = re.compile(r"(?:" + _WORDS.alternation("system_parts") + ")", re.I)
_AND_MISSILES = re.compile(r"\s+(?:and|as well as)\s+(?P<m>missiles)\b", re.I)
_MISSILES = "gen_surface_to_air_missile"
_PARTS = "gen_spare_parts"


_AMMUNITION = ("artillery_ammunition", "rocket_ammunition", "small_arms_ammunition")
# Platforms whose ammunition is not the system itself (a Carl Gustaf's or a
# Javelin's rounds are the weapon), and the ammunition a kind names for them.
_FIRES_AMMUNITION = (
    "howitzer",
    "mlrs",
    "air_defence_system",
    "main_battle_tank",
    "infantry_fighting_vehicle",
)
_AMMUNITION_FOR = {"mlrs": "gen_mlrs_ammunition"}


def _ammunition_of(kinds: list[Mention], system: System) -> System | None:
    """The ammunition that kinds right before a system name (« munitions
    Gepard »), when the kind nearest it is ammunition and the system is not."""
    kind: System = kinds[-1].ref  # type: ignore[assignment]
    if kind.item.category not in _AMMUNITION or system.item.category not in _FIRES_AMMUNITION:
        return None
    return _system(_AMMUNITION_FOR.get(system.item.category, kind.item.id))


@cache
def _system(item_id: str) -> System:
    return next(s for s in systems() if s.item.id == item_id)


def system_missiles(text: str, groups: list[ItemGroup]) -> list[ItemGroup]:
    """`groups` with an air-defence system's missiles or parts told from the
    system (a new group for « missiles » when both are named)."""
    out = []
    for g in groups:
        if not g.specific or g.system.item.category != "air_defence_system":
            out.append(g)
            continue
        first = g.mentions[0].end
        parts = _SYSTEM_PARTS.match(text, g.end) or _SYSTEM_PARTS.match(text, first)
        both = _SYSTEM_AND_MISSILES.match(text, g.end)
        if parts:
            out.append(ItemGroup(g.start, parts.end(), _system(_PARTS), g.mentions))
            more = _AND_MISSILES.match(text, parts.end())
            if more:
                m = Mention(more.start("m"), more.end("m"), _system(_MISSILES), "alias")
                out.append(ItemGroup(m.start, m.end, m.ref, (m,)))  # type: ignore[arg-type]
        elif missiles := _SYSTEM_MISSILES.match(text, g.end) or _SYSTEM_MISSILES.match(text, first):
            end = max(g.end, missiles.end())
            out.append(ItemGroup(g.start, end, _system(_MISSILES), g.mentions))
        elif both:
            out.append(g)
            m = Mention(both.end() - len("missiles"), both.end(), _system(_MISSILES), "alias")
            out.append(ItemGroup(m.start, m.end, m.ref, (m,)))  # type: ignore[arg-type]
        else:
            out.append(g)
    return sorted(out, key=lambda g: g.start)

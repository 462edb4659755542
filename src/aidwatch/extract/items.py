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

from aidwatch.catalog import System
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
            if pending:
                groups.append(ItemGroup(pending[0].start, m.end, system, (*pending, m)))
                pending = []
            else:
                groups.append(ItemGroup(m.start, m.end, system, (m,)))
        else:
            pending.append(m)
    groups += [ItemGroup(p.start, p.end, p.ref, (p,)) for p in pending]
    return sorted(groups, key=lambda g: g.start)

"""Events: the meetings and summits where aid is coordinated and announced.

A sentence names an event with a keyword (« Groupe de contact », « sommet de
l'Otan », « réunion des ministres de la Défense »); once an article has named
the Contact Group, its other meetings (« une deuxième réunion virtuelle en
mai », « les alliés doivent se réunir le 15 juin à Bruxelles ») are the
group's too. Place: a known city after « à »/« de »; date: the sentence's
date; participants: « une quarantaine de pays ».
"""

from __future__ import annotations

import re

from aidwatch import catalog
from aidwatch.extract.dates import DateMention
from aidwatch.extract.numbers import quantity_before
from aidwatch.extract.text import Sentence, fold
from aidwatch.model import Event, Evidence

_KINDS = [
    ("Ukraine Defense Contact Group", "meeting", re.compile(r"groupe de contact|format (de )?ramstein|reunion de ramstein")),
    ("NATO summit", "summit", re.compile(r"sommet (de l'otan|de l'alliance|atlantique)")),
    (
        "NATO defence ministers meeting",
        "meeting",
        re.compile(r"(reunion|conseil) des ministres de la defense (de l'otan|de l'alliance|alliés)"),
    ),
]
_MEETING = re.compile(r"\b(reunion|se reunir|reunis|se reuniront|se reunissent|rencontre)\b")
_EXTRA_PLACES = ("Ramstein", "Bruxelles", "Vilnius", "Madrid", "Washington", "La Haye", "Londres", "Paris", "Berlin")


def _places() -> list[str]:
    names = set(_EXTRA_PLACES)
    for donor in catalog.donors():
        names.update(m for m in donor.metonyms if " " not in m and m[:1].isupper())
    return sorted(names, key=len, reverse=True)


_PLACE = None


def _place(text: str) -> str | None:
    global _PLACE
    if _PLACE is None:
        _PLACE = re.compile(r"\b(?:à|a|de|en)\s+(" + "|".join(re.escape(p) for p in _places()) + r")\b")
    m = _PLACE.search(text)
    return m.group(1) if m else None


def _participants(text: str) -> int | None:
    for m in re.finditer(r"\bpays\b", text):
        q = quantity_before(text, m.start())
        if q:
            return q.value
    return None


def sentence_events(sentence: Sentence, dates: list[DateMention], contact_group_seen: bool) -> list[Event]:
    folded = fold(sentence.text)
    found = []
    for name, kind, pattern in _KINDS:
        if pattern.search(folded):
            found.append((name, kind))
    if not found and contact_group_seen and _MEETING.search(folded):
        found.append(("Ukraine Defense Contact Group", "meeting"))
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    date = next((d.iso for d in dates if d.iso), None)
    return [
        Event(kind, name, _place(sentence.text), date, _participants(sentence.text), evidence)
        for name, kind in found[:1]
    ]

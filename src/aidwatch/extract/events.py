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
from aidwatch.extract.numbers import quantity_before
from aidwatch.extract.text import Sentence, fold
from aidwatch.model import Event, Evidence

_KINDS = [
    (
        "Ukraine Defense Contact Group",
        "meeting",
        re.compile(
            r"groupe de contact|format (de )?ramstein|(reunion|rencontre|reunis)\b[^.]{0,120}\bramstein"
            r"|ramstein\b[^.]{0,120}\b(reunion|rencontre)"
        ),
    ),
    ("NATO summit", "summit", re.compile(r"sommet (de l'otan|de l'alliance|atlantique)")),
    (
        "NATO defence ministers meeting",
        "meeting",
        re.compile(
            r"(reunion|conseil) des ministres de la defense (de l'otan|de l'alliance|allies)"
        ),
    ),
    ("NATO meeting", "meeting", re.compile(r"reunion (a|de) l'otan|reunion de l'alliance")),
]
_MEETING = re.compile(r"\b(reunion|se reunir|reunis|se reuniront|se reunissent|rencontre)\b")
_EXTRA_PLACES = (
    "Ramstein",
    "Bruxelles",
    "Vilnius",
    "Madrid",
    "Washington",
    "La Haye",
    "Londres",
    "Paris",
    "Berlin",
)


def _places() -> list[str]:
    names = set(_EXTRA_PLACES)
    for donor in catalog.donors():
        names.update(m for m in donor.metonyms if " " not in m and m[:1].isupper())
    return sorted(names, key=len, reverse=True)


_PLACE = None


def _place(text: str) -> str | None:
    global _PLACE
    if _PLACE is None:
        _PLACE = re.compile(
            r"\b(?:à|a|de|en)\s+(" + "|".join(re.escape(p) for p in _places()) + r")\b"
        )
    m = _PLACE.search(text)
    return m.group(1) if m else None


def _participants(text: str) -> int | None:
    for m in re.finditer(r"\bpays\b", text):
        q = quantity_before(text, m.start())
        if q:
            return q.value
    return None


_CLAUSE = re.compile(r"[^,;]+")


def sentence_events(sentence: Sentence, scan, contact_group_seen: bool) -> list[Event]:
    """Events a sentence names, one per clause that names a meeting: « Après
    une deuxième réunion virtuelle en mai, les alliés doivent se réunir le 15
    juin à Bruxelles » is two meetings."""
    folded = fold(sentence.text)
    named = next(((name, kind) for name, kind, pattern in _KINDS if pattern.search(folded)), None)
    if named is None and not (contact_group_seen and _MEETING.search(folded)):
        return []
    name, kind = named or ("Ukraine Defense Contact Group", "meeting")
    dates = scan.dates  # `scan` is the sentence's SentenceScan: dates are found on demand
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    # Only clauses that speak of meeting: « C'est l'objectif du Groupe de
    # contact ..., dont la première réunion s'est tenue en avril » is one.
    clauses = [m for m in _CLAUSE.finditer(sentence.text) if _MEETING.search(fold(m.group()))]
    events = []
    for clause in clauses or [re.match(r".*", sentence.text, re.S)]:
        inside = [d for d in dates if d.iso and clause.start() <= d.start < clause.end()]
        # a meeting clause without a date of its own takes the sentence's first one
        date = (inside or [d for d in dates if d.iso] or [None])[0]
        text = clause.group()
        events.append(
            Event(
                kind,
                name,
                _place(text) or (_place(sentence.text) if len(clauses) <= 1 else None),
                date.iso if date else None,
                _participants(sentence.text),
                evidence,
            )
        )
    return events

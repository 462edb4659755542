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
from aidwatch.extract.language import tables
from aidwatch.extract.numbers import quantity_before
from aidwatch.extract.text import Sentence, fold
from aidwatch.model import Event, Evidence

_WORDS = tables()
# (name, kind, pattern) of the events a sentence may name, the first that matches.
_KINDS = [(e.name, e.kind, e.pattern) for e in _WORDS.events("event_kinds")]
_MEETING = re.compile(r"\b(" + _WORDS.alternation("meeting_words") + r")\b")
_EXTRA_PLACES = _WORDS.sequence("meeting_places")
_PARTICIPANTS = re.compile(r"\b(?:" + _WORDS.alternation("participant_nouns") + r")\b")


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
            r"\b(?:"
            + _WORDS.alternation("place_prepositions")
            + r")\s+("
            + "|".join(re.escape(p) for p in _places())
            + r")\b"
        )
    m = _PLACE.search(text)
    return m.group(1) if m else None


def _participants(text: str) -> int | None:
    for m in _PARTICIPANTS.finditer(text):
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

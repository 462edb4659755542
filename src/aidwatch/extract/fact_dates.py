"""Which of a sentence's dates is each fact's own.

A sentence may date several acts: « l'Ukraine a reçu ce 27 mars les chars
promis en janvier » dates the delivery by the 27th of March and the promise
by January; « les Leopard 1 succèdent aux Leopard 2, dont Berlin a accepté
fin janvier la livraison » dates the Leopard 2 alone. A date right after an
item and a participle of an act (`act_participles`: « promis en janvier »,
« fournies par Washington en novembre ») is the date of that act on that
item; one in a relative clause of an item (`relative_pronouns`: « dont »,
« qui ») is that item's. Such a date is no other fact's. Of the dates left,
a fact takes the first in its own part of the sentence when a quotation
holds two (« Le 6 juin, il a promis les avions. Aujourd'hui, ils sont
livrés »), else the sentence's first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aidwatch.extract.dates import DateMention
from aidwatch.extract.language import tables

_WORDS = tables()
_PARTICIPLES = _WORDS.classes("act_participles")
_RELATIVES = _WORDS.words("relative_pronouns")
_ADVERBS = _WORDS.words("act_participle_adverbs")
# What may stand between an item and the participle qualifying it (« chars
# Leopard 2A6 (VCI) déjà livrés »), then between the participle and the
# date: a few words, no stop, no comma (« promis par l'Allemagne en »).
_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?")
_RUN = re.compile(r"[^\W\d_]+")
_STOP = re.compile(r"[,;:.!?«»\"“”()]")
# Where a sentence kept whole around a quotation (text.py) holds several.
PART_END = re.compile(r"[.!?…][»\"”’)\]]*\s+(?=[«\"“(\-–—A-ZÀ-ÖØ-Þ])")


@dataclass(frozen=True)
class Attached:
    """A date that qualifies one item: its span, and the act (a status) the
    participle names, or None for a relative clause that names none."""

    start: int
    end: int
    status: str | None


def attachments(
    folded: str, dates: Sequence[DateMention], items: Sequence[tuple[int, int]]
) -> dict[int, Attached]:
    """For each date (by its index in `dates`) that qualifies an item of
    `items` (spans in the same text): that item and its act. `folded` is the
    sentence folded (text.fold keeps offsets)."""
    out: dict[int, Attached] = {}
    if not items:
        return out
    for i, d in enumerate(dates):
        before = [span for span in items if span[1] <= d.start]
        if not before:
            continue
        start, end = max(before, key=lambda span: span[1])
        between = folded[end : d.start]
        act = _act(between)
        if act is not None:
            out[i] = Attached(start, end, act[0])
    return out


def _act(between: str) -> tuple[str | None] | None:
    """(status,) when `between` (from an item to a date) is a participle
    of an act and its complements, or a relative clause; else None."""
    gap = _GAP.match(between)
    rest = between[gap.end() :]
    words = _RUN.findall(rest)
    if not words or len(words) > 8:
        return None
    if _STOP.search(rest):
        return None
    if words[0] in _RELATIVES:
        # « dont Berlin a accepté fin janvier », « que Berlin a promis en
        # janvier »: the clause may name the act.
        return (next((_PARTICIPLES[w] for w in words if w in _PARTICIPLES), None),)
    # « promis », « déjà livrés »; not « , a annoncé lundi », the verb
    # of the sentence.
    if words[0] in _ADVERBS:
        words = words[1:]
    if words and words[0] in _PARTICIPLES:
        return (_PARTICIPLES[words[0]],)
    return None


def part_of(text: str, at: int) -> tuple[int, int]:
    """The part of a sentence (its span) holding offset `at`: the sentence,
    or one sentence of a quotation it holds."""
    start = 0
    for m in PART_END.finditer(text):
        if m.end() > at:
            return start, m.start() + 1
        start = m.end()
    return start, len(text)


def own_date(
    text: str,
    dates: Sequence[DateMention],
    usable: Sequence[bool],
    attached: dict[int, Attached],
    mention: tuple[int, int],
    status: str,
) -> DateMention | None:
    """The date of the fact whose item is at `mention` (a span of `text`)
    with `status`, among `dates` (`usable`: each may date an act, see
    pipeline._fact_date): a date qualifying its item and act, else the
    first date not qualifying another in its part of the sentence, else
    in the sentence."""
    free = []
    for i, d in enumerate(dates):
        a = attached.get(i)
        if a is None:
            if usable[i]:
                free.append(d)
            continue
        if a.start < mention[1] and mention[0] < a.end and a.status in (None, status):
            if usable[i]:
                return d
    if not free:
        return None
    part = part_of(text, mention[0])
    inside = [d for d in free if part[0] <= d.start < part[1]]
    return (inside or free)[0]

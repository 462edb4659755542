"""Words that stand for a system named shortly before.

« Le Danemark s'est engagé à céder 19 appareils » after a sentence about the
F-16; « aux 18 exemplaires déjà cédés » after the Caesar; « La Grèce ne
céderait pas ses batteries » after the Patriot. People being trained (« les
équipages ont été formés », « la formation des soldats ») are trained on the
systems of the last sentence that named any. A noun of this table, counted
or pointed at (« 19 appareils », « ces missiles », « d'autres appareils », « un
troisième système »), stands for the last system named in the three sentences
before it whose category fits. Nothing is resolved when no such system was
named: the fact is then not made, rather than guessed.
"""

from __future__ import annotations

import re

from aidwatch.catalog import System
from aidwatch.extract.items import ItemGroup
from aidwatch.extract.language import tables
from aidwatch.extract.mentions import Mention
from aidwatch.extract.text import fold

_WORDS = tables()
# Noun → the categories it may stand for (None: any).
_NOUNS = _WORDS.categories("anaphora_nouns")
_POINTER = r"(?:" + _WORDS.alternation("anaphora_pointers") + ")"
_APPROX = (
    r"(?:"
    + _WORDS.alternation("approximate_counts")
    + r")s?\s+(?:"
    + _WORDS.alternation("approximate_of")
    + r")\s*"
)
_ANAPHOR = re.compile(
    r"\b(?:"
    + _POINTER
    + r"\s+|"
    + _APPROX  # « plus d'une centaine d'exemplaires »
    + r")(?:"
    + "|".join(w + r"\s+" for w in _WORDS.forms("anaphora_modifiers"))
    + r")?(?P<noun>"
    + "|".join(_NOUNS)
    + r")[sx]?\b"
    # « systèmes de défense » is a kind of its own, not a pointer
    + r"(?!\s+(?:"
    + _WORDS.alternation("noun_complement_prepositions")
    + r")\s)"
)


# « Les équipages ont été formés » after a sentence about a system: the
# crews are trained on the systems of that sentence.
_CREW = re.compile(r"\b(?P<noun>" + _WORDS.alternation("crew_nouns") + r")\b")
_TRAINEE = re.compile(
    r"\b(?P<noun>"
    + _WORDS.alternation("crew_nouns")
    + "|"
    + _WORDS.alternation("trainee_nouns")
    + r")\b"
)
_TRAINING = re.compile(r"\b(" + _WORDS.alternation("training_words") + r")\b")
_NOT_TRAINING = re.compile(r"\b(?:" + _WORDS.alternation("not_training") + r")")
_ON_SYSTEM = re.compile(r"\s+(?:" + _WORDS.alternation("training_on") + r")\b")
_UNTRAINED = re.compile(r"\b(?:" + _WORDS.alternation("training_denials") + r")\b")


# « trois unités d'une arme similaire »: the noun is another of the kind; not
# « ces chars, semblables aux Leopard », said of the one named before.
# (« quatre appareils de ce type » is the one named before, but which one
# the type is, the nearest system does not tell.)
_ALIKE = re.compile(
    r"[\w\s'-]{0,20}?\b(?:"
    + _WORDS.alternation("alike_words")
    + r")\b(?!\s+(?:"
    + _WORDS.alternation("noun_complement_prepositions")
    + r"|a|au|aux|to)\b)"
)
# A count of « autres » standing alone (« deux autres suivront »).
_MORE = re.compile(r"\b(?:" + _WORDS.alternation("more_of_the_same") + r")\b")
_PRONOUN_ITEM = re.compile(r"\b(?:" + _WORDS.alternation("item_pronouns") + r")\b")
_PARTITIVE = _WORDS.words("partitive_pronouns")


# a count in thousands (« 10 000 », « des milliers de »): troops trained, not crews
_MASS_COUNT = re.compile(
    r"(?:\d[\d\s.,]*\d{3}|\b(?:" + _WORDS.alternation("mass_counts") + r"))\s*$"
)


def trains_crews(folded: str, crews_only: bool = False) -> re.Match | None:
    """The people a (folded) sentence says are trained: a training word near
    them (« la formation des pilotes », « 60 Ukrainiens formés ») and not
    denied (« sans formation »), or training on a system with nobody named
    (« la formation sur le Marder »). None when it says no such thing.
    `crews_only`: only a system's crews count, who can stand for the system
    of the sentence before (a match of `_CREW`, its group `noun`)."""
    if _NOT_TRAINING.search(folded):
        return None
    crews = _CREW if crews_only else _TRAINEE
    for word in _TRAINING.finditer(folded):
        if _UNTRAINED.search(folded[max(0, word.start() - 16) : word.start()]):
            continue
        for crew in crews.finditer(folded, max(0, word.start() - 70), word.end() + 40):
            return crew
        if not crews_only and _ON_SYSTEM.match(folded, word.end()):
            return word
    return None


_DEMONSTRATIVE = re.compile(r"\b(?:" + _WORDS.alternation("demonstratives") + r")\s*$")


def _pointed_back(folded: str, group: ItemGroup, recent: list[System]) -> ItemGroup:
    """A kind pointed back at (« ces blindés » after the PzH 2000, « ce
    char » after the Leopard 2) is the system named before, when one of a
    fitting category was: not a further, vaguer item."""
    if group.specific or not _DEMONSTRATIVE.search(folded[max(0, group.start - 8) : group.start]):
        return group
    noun = next((n for n in _NOUNS if folded.startswith(n, group.start)), None)
    fits = {group.system.item.category} | set(_NOUNS.get(noun) or ())
    system = next((s for s in reversed(recent) if s.item.category in fits), None)
    if system is None:
        return group
    mention = Mention(group.start, group.end, system, "anaphor")
    return ItemGroup(group.start, group.end, system, (mention,))


def resolve(
    sentence_text: str,
    groups: list[ItemGroup],
    recent: list[System],
    last: list[System] = (),
    kinds: list[System] = (),
) -> list[ItemGroup]:
    """`groups` plus the anaphors of the sentence resolved against `recent`
    (the systems named before, most recent last; `last`: those of the latest
    sentence that named any; `kinds`: the kinds named just before, which a
    counted noun stands for when no system fits: « sept obusiers blindés …
    cinq autres exemplaires »)."""
    folded = fold(sentence_text)
    groups = [_pointed_back(folded, g, recent) for g in groups]
    added = []
    for m in _ANAPHOR.finditer(folded):
        start, end = m.start("noun"), m.end()
        if any(g.start < end and start < g.end for g in groups):
            continue  # the noun is part of a named item already
        if any(g.start >= end and g.start - end <= 2 for g in groups):
            continue  # « 19 appareils F-16 »: the system is named right after
        if _ALIKE.match(folded, end):
            continue  # « une arme similaire »: not the system named before
        fits = _NOUNS[m.group("noun")]
        # the systems named before it in the sentence first (« le Leopard 2,
        # dont Berlin fournira 14 exemplaires »), then those of the sentences before
        earlier = [g.system for g in groups if g.specific and g.end <= start]
        system = next(
            (s for s in reversed(recent + earlier) if fits is None or s.item.category in fits),
            None,
        ) or next(
            # only a noun of no kind of its own (« exemplaires »): « d'autres
            # systèmes » after « des systèmes de défense » is that kind again
            (s for s in reversed(kinds) if fits is None),
            None,
        )
        if system is not None:
            mention = Mention(start, end, system, "anaphor")
            added.append(ItemGroup(start, end, system, (mention,)))
    if not added and (recent or groups or kinds):
        # « les Etats-Unis envisagent de les envoyer »: the last system named;
        # « Berlin a fourni 18 Leopard 2 alors que le Portugal en a envoyé
        # 3 »: the last one named before it in the sentence
        pronoun = _PRONOUN_ITEM.search(folded)
        before = [g for g in groups if pronoun and g.end < pronoun.start()]
        # « des armes à sous-munitions … Les Ukrainiens en ont demandé »: a
        # partitive stands for a kind as well, when no system was named since
        partitive = bool(pronoun) and pronoun.group().split()[0] in _PARTITIVE
        if pronoun and (before or (not groups and (recent or (partitive and kinds)))):
            start, end = pronoun.start(), pronoun.start() + pronoun.group().find(" ")
            system = before[-1].system if before else (recent or kinds)[-1]
            added.append(ItemGroup(start, end, system, (Mention(start, end, system, "anaphor"),)))
    if not groups and not added and last:
        # « Deux autres suivront cette année »: more of the last system named
        more = _MORE.search(folded)
        if more:
            start, end = more.start(), more.end()
            system = last[-1]
            added.append(ItemGroup(start, end, system, (Mention(start, end, system, "anaphor"),)))
    crew = trains_crews(folded, crews_only=True) if not groups and not added and recent else None
    if crew and _MASS_COUNT.search(folded, max(0, crew.start("noun") - 24), crew.start("noun")):
        crew = None  # « forment 10 000 soldats ukrainiens »: troops, not a system's crews
    if crew:
        start, end = crew.start("noun"), crew.end("noun")
        for system in dict.fromkeys(last or recent[-1:]):
            added.append(ItemGroup(start, end, system, (Mention(start, end, system, "anaphor"),)))
    return sorted(groups + added, key=lambda g: g.start) if added else groups

"""The cheap first pass: find catalogue items and donors in raw text.

No parser here: the text's words are looked up in an index of the tables'
aliases, so that only sentences naming an item ever reach spaCy. Aliases are
written once in the tables; this module makes them tolerant of case, accents,
hyphens, spaces, apostrophes and French plurals (see `word_keys`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from aidwatch import catalog
from aidwatch.extract.text import fold

_PART = re.compile(r"\d+|[^\W\d_]+")


def word_keys(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for each word part of folded text.

    Letters and digits are separate parts (« M142 », « M-142 » and « M 142 »
    give the same keys); hyphens, spaces and apostrophes only separate; a
    final s or x is dropped from words of four letters or more, so singular
    and plural have one key (« chars-lourds » = « char lourd »)."""
    out = []
    for part in _PART.finditer(folded):
        key = part.group()
        if len(key) >= 4 and key[-1] in "sx" and key.isalpha():
            key = key[:-1]
        out.append((part.start(), part.end(), key))
    return out


def has_words(folded: str, n: int) -> bool:
    """Whether `word_keys(folded)` has at least `n` parts, without making them."""
    return sum(1 for _ in itertools.islice(_PART.finditer(folded), n)) == n


def words_between(
    words: list[tuple[int, int, str]], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The `word_keys` of text[start:end], shifted to start at 0, out of the
    keys of the whole text: an article is folded and cut into words once."""
    i = bisect.bisect_left(words, (start, -1, ""))
    out = []
    while i < len(words) and words[i][1] <= end:
        a, b, key = words[i]
        out.append((a - start, b - start, key))
        i += 1
    return out


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    ref: object  # the table row: a System or a Donor
    form: str  # "name", "demonym", "metonym" for donors; "alias" for systems


@dataclass(frozen=True)
class _Entry:
    keys: tuple[str, ...]
    ref: object
    form: str
    capitalised: bool  # a proper noun: matches only capitalised or in capitals


class PhraseIndex:
    """Longest-first lookup of many aliases by their word keys: a dict from
    first key to candidates, so the cost per word does not grow with the
    size of the tables (one big regex alternation did, ~0.3 s a sentence)."""

    def __init__(self, entries: list[tuple[str, object, str, bool]]):
        self._first: dict[str, list[_Entry]] = {}
        for alias, ref, form, capitalised in entries:
            keys = tuple(k for _, _, k in word_keys(fold(alias)))
            if keys:
                self._first.setdefault(keys[0], []).append(_Entry(keys, ref, form, capitalised))
        for candidates in self._first.values():
            candidates.sort(key=lambda e: -len(e.keys))

    def find(self, text: str, words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
        """Mentions in `text`; `words` are its `word_keys`, when already known."""
        words = words if words is not None else word_keys(fold(text))
        keys = [k for _, _, k in words]
        out = []
        i = 0
        while i < len(words):
            match = None
            for entry in self._first.get(keys[i], ()):
                n = len(entry.keys)
                if tuple(keys[i : i + n]) != entry.keys:
                    continue
                if entry.capitalised and not text[words[i][0]].isupper():
                    continue
                match = entry
                break
            if match is None:
                i += 1
                continue
            n = len(match.keys)
            out.append(Mention(words[i][0], words[i + n - 1][1], match.ref, match.form))
            i += n
        return out


@cache
def _system_index() -> PhraseIndex:
    entries = []
    for system in catalog.systems():
        for alias in system.aliases:
            cased = alias.startswith("=")
            entries.append((alias.lstrip("="), system, "alias", cased))
    return PhraseIndex(entries)


@cache
def _donor_index() -> PhraseIndex:
    entries = []
    for donor in catalog.donors():
        entries += [(d, donor, "demonym", False) for d in donor.demonyms]
        entries += [(n, donor, "name", True) for n in donor.names]
        entries += [(m, donor, "metonym", True) for m in donor.metonyms]
    # One entry per spelling; a spelling several terms share (Mark Rutte, Dutch
    # prime minister then NATO secretary general) keeps all of them.
    terms: dict[str, list[catalog.Official]] = {}
    for official in catalog.officials():
        for alias in official.aliases:
            terms.setdefault(alias, []).append(official)
    entries += [(alias, tuple(rows), "official", True) for alias, rows in terms.items()]
    return PhraseIndex(entries)


def _as_donor(mention: Mention, when: str | None) -> Mention:
    """An official's mention as the donor they spoke for on `when`."""
    if mention.form != "official":
        return mention
    rows = mention.ref
    official = next((o for o in rows if o.in_office(when)), rows[-1])  # type: ignore[union-attr]
    return Mention(mention.start, mention.end, catalog.donors_by_code()[official.code], "official")


def find_systems(text: str, words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Catalogue items named in `text`, longest first, not overlapping."""
    return _system_index().find(text, words)


def find_donors(
    text: str, words: list[tuple[int, int, str]] | None = None, when: str | None = None
) -> list[Mention]:
    """States and bodies named in `text` (names, demonyms, metonyms, and the
    officials speaking for them at the date `when`)."""
    return [_as_donor(m, when) for m in _donor_index().find(text, words)]

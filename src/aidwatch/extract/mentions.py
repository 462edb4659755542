"""The cheap first pass: find catalogue items and donors in raw text.

No parser here: the text's words are looked up in an index of the tables'
aliases, so that only sentences naming an item ever reach spaCy. Aliases are
written once in the tables; this module makes them tolerant of case, accents,
hyphens, spaces, apostrophes and French plurals (see `word_keys`).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass
from functools import cache

from aidwatch import catalog
from aidwatch.extract.language import tables
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


_key_of = operator.itemgetter(2)
_end_of = operator.itemgetter(1)


def has_words(folded: str, n: int) -> bool:
    """Whether `word_keys(folded)` has at least `n` parts, without making them."""
    return sum(1 for _ in itertools.islice(_PART.finditer(folded), n)) == n


def words_between(
    words: list[tuple[int, int, str]], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The `word_keys` of text[start:end], shifted to start at 0, out of the
    keys of the whole text: an article is folded and cut into words once."""
    i = bisect.bisect_left(words, (start, -1, ""))
    # Parts do not overlap: their ends rise with their starts.
    j = bisect.bisect_right(words, end, lo=i, key=_end_of)
    return [(a - start, b - start, key) for a, b, key in words[i:j]]


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
        # A first key whose aliases all have two words or more (« la »,
        # « de », « l » of « l'Union européenne », the « d » of « d' »: among
        # the commonest words) starts a mention only before one of their
        # second keys: one set lookup instead of comparing each alias.
        self._second: dict[str, frozenset[str]] = {
            key: frozenset(e.keys[1] for e in candidates)
            for key, candidates in self._first.items()
            if all(len(e.keys) > 1 for e in candidates)
        }

    def lookup(self, keys: tuple[str, ...], text: str, start: int) -> object | None:
        """The table row whose alias is exactly `keys`, written at `start`
        of `text` (for a proper noun's case), or None."""
        for entry in self._first.get(keys[0], ()) if keys else ():
            if entry.keys == keys and not (entry.capitalised and not text[start].isupper()):
                return entry.ref
        return None

    def find(self, text: str, words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
        """Mentions in `text`; `words` are its `word_keys`, when already known."""
        words = words if words is not None else word_keys(fold(text))
        first, second = self._first, self._second
        keys = list(map(_key_of, words))
        last = len(keys) - 1
        out: list[Mention] = []
        i = 0  # the first word not inside a mention found
        # Most words start no alias: the ones that may are picked out in one
        # comprehension, not by a step of the loop each.
        for h in [h for h, key in enumerate(keys) if key in first]:
            if h < i:
                continue
            after = second.get(keys[h])
            if after is not None and (h == last or keys[h + 1] not in after):
                continue
            match = None
            for entry in first[keys[h]]:
                n = len(entry.keys)
                if n > 1 and tuple(keys[h : h + n]) != entry.keys:
                    continue
                if entry.capitalised and not text[words[h][0]].isupper():
                    continue
                match = entry
                break
            if match is None:
                continue
            n = len(match.keys)
            out.append(Mention(words[h][0], words[h + n - 1][1], match.ref, match.form))
            i = h + n
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
    words = words if words is not None else word_keys(fold(text))
    found = [m for m in _system_index().find(text, words) if not _opposed(text, m.start)]
    return _shared_heads_first(text, words, _shared_heads(text, words, found))


# « anti-tank munitions », « counter-battery »: a word fused after « anti- »
# names what the weapon is against, not an item (« anti-tank » is no tank).
_OPPOSING = re.compile(
    r"\b(?:" + tables().alternation("opposing_prefixes") + r")[-\u2010\u2011]$", re.IGNORECASE
)


def _opposed(text: str, start: int) -> bool:
    return _OPPOSING.search(fold(text[max(0, start - 12) : start])) is not None


# « anti-tank and anti-aircraft missiles », « air defence and artillery
# munitions »: the words before the conjunction name an item with the head
# noun of the item after it (English puts the shared head last).
_SHARED_HEAD = frozenset(tables().words("shared_head_conjunctions"))
_MODIFIER_GAP = re.compile(r"[\w\s-]*")


def _multiword(words: list[tuple[int, int, str]], found: list[Mention]):
    """Each mention of two words or more, with the indices of its first and
    last word in `words`."""
    # Words start and end in increasing order (they never overlap): found
    # by bisection, not by a dict over every word of the text.
    for mention in found:
        i = bisect.bisect_left(words, (mention.start, -1, ""))
        if i == len(words) or words[i][0] != mention.start:
            continue
        j = bisect.bisect_left(words, mention.end, lo=i, key=_end_of)
        if j < len(words) and words[j][1] == mention.end and j > i:
            yield mention, i, j


def _end_of(word: tuple[int, int, str]) -> int:
    return word[1]


def _shared_heads(
    text: str, words: list[tuple[int, int, str]], found: list[Mention]
) -> list[Mention]:
    multiword = [
        (i, j) for _, i, j in _multiword(words, found) if i >= 2 and words[i - 1][2] in _SHARED_HEAD
    ]
    if not multiword:
        return found
    index = _system_index()
    keys = [k for _, _, k in words]
    added = []
    for i, j in multiword:
        # the longest run of modifier words (at most three) that names an
        # item with the head's last words (« air defence » + « systems »)
        for a in range(max(0, i - 4), i - 1):
            if not _MODIFIER_GAP.fullmatch(text[words[a][0] : words[i - 1][0]]):
                continue
            heads = (tuple(keys[a : i - 1] + keys[j - h + 1 : j + 1]) for h in range(1, j - i + 1))
            ref = next((r for k in heads if (r := index.lookup(k, text, words[a][0]))), None)
            if ref is not None:
                added.append(Mention(words[a][0], words[i - 2][1], ref, "alias"))
                break
    if not added:
        return found
    kept = [m for m in found if not any(m.start < n.end and n.start < m.end for n in added)]
    return sorted(kept + added, key=lambda m: m.start)


# « missiles antichars et antiaériens », « armes antichars ou antiaériennes »:
# the words after the conjunction name an item with the head noun of the item
# before it (French puts the shared head first).
_SHARED_HEAD_FIRST = frozenset(tables().words("shared_head_first_conjunctions"))


def _shared_heads_first(
    text: str, words: list[tuple[int, int, str]], found: list[Mention]
) -> list[Mention]:
    multiword = [
        (i, j)
        for _, i, j in _multiword(words, found)
        if j + 2 < len(words) and words[j + 1][2] in _SHARED_HEAD_FIRST
    ]
    if not multiword:
        return found
    index = _system_index()
    keys = [k for _, _, k in words]
    # the words already part of a mention (« missiles antichars et des chars »)
    taken = {
        n for n, (s, e, _) in enumerate(words) if any(m.start <= s and e <= m.end for m in found)
    }
    added = []
    for i, j in multiword:
        # the head's first words (« missiles ») with the longest run of
        # modifier words after the conjunction (at most three)
        for b in range(min(len(keys), j + 5), j + 2, -1):
            if taken & set(range(j + 2, b)) or not _MODIFIER_GAP.fullmatch(
                text[words[j + 2][0] : words[b - 1][1]]
            ):
                continue
            heads = (tuple(keys[i : i + h] + keys[j + 2 : b]) for h in range(1, j - i + 1))
            ref = next((r for k in heads if (r := index.lookup(k, text, words[j + 2][0]))), None)
            if ref is not None:
                added.append(Mention(words[j + 2][0], words[b - 1][1], ref, "alias"))
                break
    if not added:
        return found
    return sorted(found + added, key=lambda m: m.start)


def find_donors(
    text: str, words: list[tuple[int, int, str]] | None = None, when: str | None = None
) -> list[Mention]:
    """States and bodies named in `text` (names, demonyms, metonyms, and the
    officials speaking for them at the date `when`)."""
    return [_as_donor(m, when) for m in _donor_index().find(text, words)]

"""Text normalisation every stage shares: folding and the eval's name key.

`fold` lowercases and strips accents while keeping every character in place
(same length as its input), so a match found in the folded text has the same
offsets in the original; the story index, the text hash of the store, the
scoring and the web app's review compare through it too. It sits below the
stages so none of them depends on the extractor for it. No sentence
splitting here: that is extraction's (extract/text.py).
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and dashes news sites use interchangeably.
_SAME = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "\u202f": " ",
}


def _table(lower: bool) -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x250):
        c = chr(code)
        base = "".join(
            ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch)
        )
        if lower:
            base = base.lower()
        if len(base) == 1 and base != c:
            table[code] = base
    if lower:
        for code in range(ord("A"), ord("Z") + 1):
            table[code] = chr(code + 32)
    for k, v in _SAME.items():
        table[ord(k)] = v
    return table


_FOLD = _table(lower=True)
_FOLD_KEEP_CASE = _table(lower=False)


def fold(text: str) -> str:
    """Lowercase, accents off, one apostrophe and one dash; same length as `text`."""
    return text.translate(_FOLD)


def fold_accents(text: str) -> str:
    """Like `fold` but keeping case, for proper nouns matched capitalised."""
    return text.translate(_FOLD_KEEP_CASE)


def normalise_name(name: str) -> str:
    """The eval's item key: lower case, no accents, no non-alphanumerics."""
    return re.sub(r"[^a-z0-9]", "", fold(name))

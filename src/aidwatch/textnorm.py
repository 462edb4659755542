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
from functools import lru_cache

import numpy as np

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


def _lookup(table: dict[int, str]) -> np.ndarray:
    """`table` as an array indexed by code point, up to its last entry."""
    codes = np.arange(max(table) + 1, dtype=np.uint32)
    for code, replacement in table.items():
        codes[code] = ord(replacement)
    return codes


_FOLD = _table(lower=True)
_FOLD_KEEP_CASE = _table(lower=False)
_FOLD_CODES = _lookup(_FOLD)
_FOLD_KEEP_CASE_CODES = _lookup(_FOLD_KEEP_CASE)
# Below this length (a word, a short sentence) `str.translate` is quicker
# than a trip through numpy.
_SHORT = 64


def _looked_up(text: str, codes: np.ndarray) -> str:
    # `str.translate` looks each non-ASCII character up in the dict, about
    # 70 ns a character: a French article (accents, « », ’) took 0.12 ms,
    # folded several times on its way through ingest. Every replacement is
    # one character, so the same mapping is an array lookup over the code
    # points (8 µs); code points past the table's last entry are kept.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = codes.take(points, mode="clip")
    beyond = points >= len(codes)
    if beyond.any():
        mapped[beyond] = points[beyond]
    return mapped.tobytes().decode("utf-32-le", "surrogatepass")


def fold(text: str) -> str:
    """Lowercase, accents off, one apostrophe and one dash; same length as `text`."""
    if len(text) < _SHORT:
        # A word (a token, a lemma) is folded by rule after rule, millions of
        # times an ingest: a dict lookup is a tenth of `str.translate`'s cost.
        found = _SHORT_FOLDS.get(text)
        if found is None:
            if len(_SHORT_FOLDS) >= _SHORT_FOLDS_KEPT:
                _SHORT_FOLDS.clear()
            found = _SHORT_FOLDS[text] = text.translate(_FOLD)
        return found
    if text.isascii():
        return text.translate(_FOLD)
    return _folded(text)


# Folds of short texts, mostly words: a news vocabulary, a few MB at most.
_SHORT_FOLDS: dict[str, str] = {}
_SHORT_FOLDS_KEPT = 50_000


# A sentence is folded by each rule that reads it (a dozen times), an
# article by the gate, the story index and extraction: the latest are kept.
@lru_cache(maxsize=1024)
def _folded(text: str) -> str:
    return _looked_up(text, _FOLD_CODES)


def fold_accents(text: str) -> str:
    """Like `fold` but keeping case, for proper nouns matched capitalised."""
    if len(text) < _SHORT or text.isascii():
        return text.translate(_FOLD_KEEP_CASE)
    return _looked_up(text, _FOLD_KEEP_CASE_CODES)


def normalise_name(name: str) -> str:
    """The eval's item key: lower case, no accents, no non-alphanumerics."""
    return re.sub(r"[^a-z0-9]", "", fold(name))

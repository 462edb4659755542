"""Text plumbing shared by the extraction stages: folding and sentences.

`fold` lowercases and strips accents while keeping every character in place,
so a match found in the folded text has the same offsets in the original.
`sentences` splits an article into paragraphs, then sentences (pysbd), each
with its character offsets into the article text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Apostrophes and dashes news sites use interchangeably.
_SAME = {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "}


def _table(lower: bool) -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x250):
        c = chr(code)
        base = "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))
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


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@cache
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="fr", clean=False)




def sentences(text: str) -> list[Sentence]:
    """The article's sentences in order, with paragraph numbers and offsets."""
    out: list[Sentence] = []
    paragraph = 0
    # A line is a paragraph: news text puts headings and paragraphs on lines of their own.
    for p_start, p_end in _lines(text):
        chunk = text[p_start:p_end]
        if not chunk.strip():
            continue
        cursor = p_start
        for seg in _segmenter().segment(chunk):
            seg = seg.strip()
            if not seg:
                continue
            start = text.find(seg, cursor, p_end)
            if start < 0:  # pysbd altered the text: keep the rest of the line whole
                seg = text[cursor:p_end].strip()
                start = text.find(seg, cursor, p_end)
            end = start + len(seg)
            out.append(Sentence(len(out), paragraph, start, end, seg))
            cursor = end
        paragraph += 1
    return out


def _lines(text: str):
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)

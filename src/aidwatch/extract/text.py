"""Text plumbing shared by the extraction stages: folding and sentences.

`fold` lowercases and strips accents while keeping every character in place,
so a match found in the folded text has the same offsets in the original; it
lives in `aidwatch.textnorm`, below every stage, and is named here too so
the extraction modules import it from where they always have. `sentences`
splits an article into paragraphs, then sentences, each with its character
offsets into the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aidwatch.extract.language import tables
from aidwatch.textnorm import fold, fold_accents, normalise_name

__all__ = ["Sentence", "fold", "fold_accents", "normalise_name", "sentences"]


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


# A sentence ends at . ! ? or … (and any closing quote or bracket) followed by
# space and a capital, a digit, an opening quote or a dash; not after an
# abbreviation or an initial (« M. Stoltenberg », « Lolita C. Baldor »).
# Scraped text may glue two sentences (« déjà en Ukraine ».En octobre »): a
# stop after a lower-case word, then a capitalised word with no space, ends one.
_END = re.compile(
    r"(?<=[.!?…])[\"»”’)\]]*(?=\s+[«\"“(\-–—A-ZÀ-ÖØ-Þ0-9])"
    r"|(?<=[a-zà-ÿ»”\"][.!?…])[\"»”’)\]]*(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])"
)
_ABBREVIATIONS = tables().words("abbreviations")
_BULLETS = tables().words("list_bullets")
_RELATED = re.compile(
    r"(?:" + tables().alternation("related_links") + r")\b\s*[:>»\-–—]*\s*", re.IGNORECASE
)
# Where a link's title runs into the next sentence: an opener after a word in
# lower case, a closing quote or a stop the splitter kept (« COP ?« Il »),
# three words or more into the title.
_RESUMES = re.compile(
    r"(?:\S+\s+){2,}?\S*[a-zà-ÿ0-9»”\"’)?!.](?:\s+|(?=«))(?=(?:«\s*)?(?:"
    + "|".join(sorted(map(re.escape, tables().words("sentence_openers"))))
    + r")\b)"
)


def _without_links(start: int, text: str) -> tuple[int, str] | None:
    """The sentence without a link to another article at its start (« Lire
    aussi : Washington envisage ... l'Ukraine Selon Berlin, ... »): the rest
    after the link's title, or None when the link is all of it."""
    m = _RELATED.match(text)
    if not m:
        return start, text
    rest = _RESUMES.match(text, m.end())
    if not rest:
        return None
    return start + rest.end(), text[rest.end() :]


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period before `end` closes an abbreviation or an initial."""
    m = re.search(r"([\w°]+)\.$", text[max(0, end - 12) : end])
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _left_open(text: str, start: int, cut: int, end: int, opening: str, closing: str) -> bool:
    """Whether text[start:cut] opens a quotation that the rest of the line
    (up to `end`) closes; counted in place, as this runs at every stop."""
    left = text.count(opening, start, cut) - text.count(closing, start, cut)
    return left > 0 and text.count(closing, cut, end) >= left


def _split(text: str, start: int, end: int):
    """(start, end) of each sentence of one line of `text`."""
    cursor = start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if text[m.start() - 1] == "." and _is_abbreviation(text, m.start()):
            continue
        # A quotation stays whole with the words that attribute it:
        # « Deux bataillons, c'est un début. Il en faudrait dix », confie ...
        # Not a quotation left open for good (« début avril« , a typo for
        # the closing mark): one the rest of the line never closes.
        if _left_open(text, cursor, cut, end, "«", "»") or _left_open(
            text, cursor, cut, end, "“", "”"
        ):
            continue
        yield cursor, cut
        cursor = cut
    yield cursor, end


def sentences(text: str) -> list[Sentence]:
    """The article's sentences in order, with paragraph numbers and offsets.

    Our own splitter: it cuts the dev articles and bench/corpus exactly as
    pysbd does, but pysbd took 1.3 ms a sentence, more than half of the cost
    of extracting an article."""
    text = _join_bullets(text)
    out: list[Sentence] = []
    paragraph = 0
    # A line is a paragraph: news text puts headings and paragraphs on lines of their own.
    for p_start, p_end in _lines(text):
        if not text[p_start:p_end].strip():
            continue
        for s_start, s_end in _split(text, p_start, p_end):
            chunk = text[s_start:s_end]
            stripped = chunk.strip()
            if not stripped:
                continue
            begin = s_start + (len(chunk) - len(chunk.lstrip()))
            kept = _without_links(begin, stripped)
            if kept is None:
                continue
            begin, stripped = kept
            out.append(Sentence(len(out), paragraph, begin, begin + len(stripped), stripped))
        paragraph += 1
    return out


def _join_bullets(text: str) -> str:
    """The text with each bulleted list joined to the line that introduces it
    (« The package includes: » then « • four HIMARS », « • Javelins »): line
    breaks become spaces, the first bullet a space and the others commas, so
    the list is one sentence and every offset stays where it was."""
    if not any(b in text for b in _BULLETS):
        return text
    lines = list(_lines(text))
    chars = None
    i = 0
    while i < len(lines):
        start, end = lines[i]
        if not text[start:end].rstrip().endswith(":"):
            i += 1
            continue
        items = []
        j = i + 1
        while j < len(lines):
            s, e = lines[j]
            line = text[s:e].strip()
            if not line:
                j += 1
                continue
            if line[0] not in _BULLETS or len(line) < 3 or not line[1].isspace():
                break
            items.append((s + text[s:e].index(line[0]), e))
            j += 1
        if items:
            chars = chars if chars is not None else list(text)
            for k in range(end, items[-1][1]):
                if chars[k] == "\n":
                    chars[k] = " "
            for n, (bullet, _) in enumerate(items):
                chars[bullet] = " " if n == 0 else ","
        i = max(j, i + 1)
    return text if chars is None else "".join(chars)


def _lines(text: str):
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)

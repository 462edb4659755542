"""A lookahead for the characters a regex's match can start with.

Python's regex engine tries a pattern at every position of the text; a
pattern that opens on optional words and alternations (« plus de », cue
words, …) is entered at every word's start, and each alternative is tried
before it fails. `(?=[...])` in front, the characters a match can begin
with, turns most positions away at once. It changes no match: no match
starts anywhere else.
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser

_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}


def _first(items) -> tuple[set[str] | None, bool]:
    """(class members a match of `items` can start with, as regex text;
    whether `items` can match empty). None: not worked out."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is c.IN:
            for member, value in av:
                if member is c.LITERAL:
                    out.add(re.escape(chr(value)))
                elif member is c.RANGE:
                    out.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif member is c.CATEGORY and value in _CATEGORIES:
                    out.add(_CATEGORIES[value])
                else:
                    return None, False  # a negated class
            return out, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # reads without taking a character
        if op is c.SUBPATTERN:
            alternatives = [av[3]]
        elif op is c.BRANCH:
            alternatives = av[1]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] > 0:
            alternatives = [av[2]] if av[0] > 0 else [av[2], []]
        else:
            return None, False
        empty = False
        for alternative in alternatives:
            members, may_be_empty = _first(alternative)
            if members is None:
                return None, False
            out |= members
            empty = empty or may_be_empty
        if not empty:
            return out, False
    return out, True


def first_chars(regex: str, flags: int = 0) -> str:
    """`(?=[...])` for `regex` compiled with `flags` (put it in front of the
    regex, under the same flags: with IGNORECASE, the class is too), or ""
    when a match may start with anything or be empty."""
    members, empty = _first(_parser.parse(regex, flags))
    if not members or empty:
        return ""
    return "(?=[" + "".join(sorted(members)) + "])"

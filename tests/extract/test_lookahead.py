"""lookahead.first_chars: the characters a match can start with, and no
match lost or changed by looking at them first."""

import re

import pytest

from aidwatch.extract import dates, money, numbers
from aidwatch.extract.lookahead import first_chars


@pytest.mark.parametrize(
    ("regex", "flags", "expected"),
    [
        (r"abc|de", 0, "(?=[ad])"),
        (r"(?:le\s+)?mardi", 0, "(?=[lm])"),
        (r"(?P<n>\d+)\s*km", 0, r"(?=[\d])"),
        (r"x?y*z", 0, "(?=[xyz])"),
        (r"(?<!\w)(?=p)pour", 0, "(?=[p])"),
        (r"[a-c]+", 0, "(?=[a-c])"),
        (r"a?", 0, ""),  # may match empty: anywhere
        (r"[^a]b", 0, ""),  # a negated class: not worked out
        (r".b", 0, ""),
        (r"\$\d", re.IGNORECASE, r"(?=[\$])"),
    ],
)
def test_first_chars(regex, flags, expected):
    assert first_chars(regex, flags) == expected


SENTENCES = [
    "Le ministre l'a confirmé. Mardi dernier, Paris a promis 12 canons Caesar d'ici la fin mars.",
    "Depuis le 3 juin 2024, quelque 1 500 obus ont été livrés, pour 2,5 milliards d'euros.",
    "L'aide, prévue pour l'été prochain, comprend plus de deux cents véhicules et 40 M€.",
    "Le 24/02/2022, la semaine dernière, les 11 et 12 juillet : une centaine de drones.",
    "Washington pledged $400 million on Tuesday, March 27, 2023, for about 30 HIMARS.",
    "En septembre 2023 et jusqu'en avril, Kyiv a reçu environ 300 millions de dollars.",
]


def _without_lookahead(pattern: re.Pattern) -> re.Pattern:
    return re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern, count=1), pattern.flags)


def _patterns():
    yield from (p for p, _, _ in dates._grammar("fr").patterns)
    yield money._money_re()
    yield numbers.grammar().count


def test_the_patterns_find_the_same_matches_with_their_lookahead():
    looked = 0
    for pattern in _patterns():
        plain = _without_lookahead(pattern)
        looked += plain.pattern != pattern.pattern
        for text in SENTENCES:
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
                (m.span(), m.groupdict()) for m in plain.finditer(text)
            ]
    assert looked >= 10  # most patterns got one

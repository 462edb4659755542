"""Guess whether an article is French or English by counting stopwords.

Enough to send each article to the extraction engine of its language
(extract/engines.py: English for `en`, French otherwise); it is no general
language identifier and answers "und"
(undetermined) for short or mixed texts rather than guessing.
"""

from __future__ import annotations

import re

# Words frequent in news prose and rare in the other language. Left out on
# purpose: "a" (French verb, English article), "on" and "an" (French pronoun
# and "un an"), "or", which would count French text as English.
FRENCH_STOPWORDS = frozenset(
    """
    le la les un une des du de et est sont ont été être dans pour par sur avec
    qui que ne pas au aux ce cette ces il elle ils elles mais ou où se son sa
    ses leur leurs plus selon aussi nous vous très
    """.split()
)

ENGLISH_STOPWORDS = frozenset(
    """
    the of and to in is that for it with as was are be by this from at have
    has had not but which were their they will would been its said who also
    than more after about into there when
    """.split()
)

MIN_STOPWORDS = 5

# Apostrophes split elisions ("l’Ukraine" → "l", "ukraine").
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str:
    """`fr`, `en`, or `und` when neither has MIN_STOPWORDS stopwords or they tie."""
    french = english = 0
    for word in _WORD.findall(text.lower()):
        if word in FRENCH_STOPWORDS:
            french += 1
        elif word in ENGLISH_STOPWORDS:
            english += 1
    if max(french, english) < MIN_STOPWORDS or french == english:
        return "und"
    return "fr" if french > english else "en"

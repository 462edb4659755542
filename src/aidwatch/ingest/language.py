"""Guess whether an article is French or English by counting stopwords.

Enough to send each article to the extraction engine of its language
(extract/engines.py: English for `en`, French otherwise); it is no general
language identifier and answers "und"
(undetermined) for short or mixed texts rather than guessing.
"""

from __future__ import annotations

import re
from collections import Counter

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

assert not FRENCH_STOPWORDS & ENGLISH_STOPWORDS, "a stopword counts for one language"

# Apostrophes split elisions ("l’Ukraine" → "l", "ukraine").
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str:
    """`fr`, `en`, or `und` when neither has MIN_STOPWORDS stopwords or they tie."""
    # Counted in C, then looked up once per stopword (the lists share none).
    counts = Counter(_WORD.findall(text.lower()))
    french = sum(counts.get(word, 0) for word in FRENCH_STOPWORDS)
    english = sum(counts.get(word, 0) for word in ENGLISH_STOPWORDS)
    if max(french, english) < MIN_STOPWORDS or french == english:
        return "und"
    return "fr" if french > english else "en"

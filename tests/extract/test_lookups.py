"""Shortcuts of the rules' lookups give what the long way gives: the words of
a stretch of text, aliases found by their first two keys, a group's words in
the parse."""

from __future__ import annotations

import pytest

from aidwatch.extract import nlp
from aidwatch.extract.facts import span_at
from aidwatch.extract.mentions import PhraseIndex, word_keys, words_between
from aidwatch.extract.text import fold

TEXT = "L'Union européenne et la France livreront des chars-lourds M-142 à Kiev."


@pytest.mark.parametrize(
    "start,end",
    # stretches between words, as a sentence is (a word cut in two is left out)
    [(0, len(TEXT)), (2, 19), (22, 31), (40, 40), (60, len(TEXT)), (0, 1)],
)
def test_words_between_is_the_words_of_the_stretch(start, end):
    words = word_keys(fold(TEXT))
    assert words_between(words, start, end) == word_keys(fold(TEXT[start:end]))


# (text, aliases in the index, keys found)
INDEX_CASES = [
    ("la France livre", ["la France"], [("la", "france")]),
    ("la Pologne livre", ["la France"], []),
    ("elle livre la", ["la France"], []),
    ("la la France", ["la France"], [("la", "france")]),
    # a first key with a one-word alias too is compared alias by alias
    ("la France", ["la", "la France"], [("la", "france")]),
    ("la Pologne", ["la", "la France"], [("la",)]),
    (
        "l'Union européenne aide",
        ["Union européenne", "l'Union européenne"],
        [("l", "union", "europeenne")],
    ),
]


@pytest.mark.parametrize("text,aliases,expected", INDEX_CASES)
def test_phrase_index_finds_aliases_by_their_keys(text, aliases, expected):
    index = PhraseIndex([(a, a, "alias", False) for a in aliases])
    found = [m.ref for m in index.find(text)]
    assert [tuple(k for _, _, k in word_keys(fold(a))) for a in found] == expected


def test_span_at_is_char_span_asked_again():
    doc = nlp.parse(["Le ministre l'a confirmé. Berlin enverra quatre chars Leopard 2 à Kiev."])[0]
    text = nlp.text_of(doc)
    stretches = [(a, b) for a in range(0, len(text), 3) for b in range(a, len(text) + 1, 5)]
    for _ in range(2):  # the first time worked out, then remembered
        for a, b in stretches:
            want = doc.char_span(a, b, alignment_mode="expand")
            got = span_at(doc, a, b)
            assert (got is None) == (want is None)
            if want is not None:
                assert (got.start, got.end) == (want.start, want.end)

"""Folding: the array lookup long texts take gives what `str.translate`
with the same table gives, whatever the characters (accents, capitals,
apostrophes, code points past the table, lone surrogates, astral ones)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidwatch.textnorm import _FOLD, _FOLD_KEEP_CASE, fold, fold_accents

LONG = "L’Allemagne a livré 14 chars Léopard 2A6 à l’Ukraine — « Kyiv » s’en félicite. "


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Élysée", "elysee"),
        ("l’OTAN – Kiev", "l'otan - kiev"),
        (LONG * 2, (LONG * 2).translate(_FOLD)),
        (LONG + "Ж\U0001f600\ud800", LONG.translate(_FOLD) + "Ж\U0001f600\ud800"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=400))
def test_fold_is_the_table_whatever_the_length(text):
    assert fold(text) == text.translate(_FOLD)
    assert fold_accents(text) == text.translate(_FOLD_KEEP_CASE)


@given(st.text(alphabet="aàâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒAZaz ’'–-«»\u00a0\u202f", min_size=64))
def test_fold_of_french_text_is_the_table(text):
    assert fold(text) == text.translate(_FOLD)
    assert fold_accents(text) == text.translate(_FOLD_KEEP_CASE)
